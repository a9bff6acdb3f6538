/**
 * A MySQL cluster's metrics from the Monitoring API, for its panel (not loaded at start): CPU,
 * memory and disk use, load, threads, operations per second, index against sequential reads, and
 * one schema's throughput and latency. The public API has database metrics for MySQL only.
 */
import type { DigitalOceanClient } from './client';
import { type MetricRange, METRIC_RANGE_SECONDS, metricSeries } from './monitoring';

type Requester = Pick<DigitalOceanClient, 'request'>;
type Points = [number, number][];

export interface MysqlCharts {
  hasData: boolean;
  cpu: Points;
  memory: Points;
  disk: Points;
  load: Record<'load1' | 'load5' | 'load15', Points>;
  threads: Record<'connected' | 'active' | 'createdRate', Points>;
  operations: Record<'select' | 'insert' | 'update' | 'delete', Points>;
  indexReads: Points;
  /** The schema's rows fetched and inserted per second, and their latency: only when a schema is named. */
  schema?: { name: string; throughput: Record<'fetch' | 'insert', Points>; latency: Record<'fetch' | 'insert', Points> };
}

export async function mysqlCharts(
  client: Requester,
  dbId: string,
  schema: string | undefined,
  range: MetricRange,
  nowSeconds: number,
  signal?: AbortSignal,
): Promise<MysqlCharts> {
  const window = { db_id: dbId, start: String(nowSeconds - METRIC_RANGE_SECONDS[range]), end: String(nowSeconds) };
  const one = async (name: string, extra: Record<string, string> = {}): Promise<Points> =>
    (await metricSeries(client, `database/mysql/${name}`, { ...window, ...extra }, signal))[0]?.values ?? [];
  const avg = { aggregate: 'avg' };
  const [cpu, memory, disk, load1, load5, load15, connected, active, createdRate, select, insert, update, del, indexReads] = await Promise.all([
    one('cpu_usage', avg),
    one('memory_usage', avg),
    one('disk_usage', avg),
    one('load', { ...avg, metric: 'load1' }),
    one('load', { ...avg, metric: 'load5' }),
    one('load', { ...avg, metric: 'load15' }),
    one('threads_connected'),
    one('threads_active'),
    one('threads_created_rate'),
    one('op_rates', { metric: 'select' }),
    one('op_rates', { metric: 'insert' }),
    one('op_rates', { metric: 'update' }),
    one('op_rates', { metric: 'delete' }),
    one('index_vs_sequential_reads'),
  ]);
  let schemaCharts: MysqlCharts['schema'];
  if (schema) {
    const [tf, ti, lf, li] = await Promise.all([
      one('schema_throughput', { schema, metric: 'fetch' }),
      one('schema_throughput', { schema, metric: 'insert' }),
      one('schema_latency', { schema, metric: 'fetch' }),
      one('schema_latency', { schema, metric: 'insert' }),
    ]);
    schemaCharts = { name: schema, throughput: { fetch: tf, insert: ti }, latency: { fetch: lf, insert: li } };
  }
  return {
    hasData: cpu.length > 0 || memory.length > 0 || connected.length > 0,
    cpu,
    memory,
    disk,
    load: { load1, load5, load15 },
    threads: { connected, active, createdRate },
    operations: { select, insert, update, delete: del },
    indexReads,
    schema: schemaCharts,
  };
}
