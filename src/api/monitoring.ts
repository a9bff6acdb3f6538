/**
 * Droplet metrics from the Monitoring API (`/v2/monitoring/metrics/droplet/*`), turned into the
 * series people read: CPU %, memory %, disk usage %, bandwidth in Mbps, load. The API answers
 * Prometheus-style matrices: `[unix seconds, "value"]` pairs per label set; CPU comes as
 * cumulative seconds per mode, so utilisation is computed from the differences.
 * The public API has no disk I/O series for droplets; disk usage is what it offers.
 */
import type { DigitalOceanClient } from './client';

type Requester = Pick<DigitalOceanClient, 'request'>;

export interface MetricSeries {
  metric: Record<string, string>;
  values: [number, number][];
}

interface MatrixBody {
  status: 'success' | 'error';
  data: { resultType: 'matrix'; result: { metric: Record<string, string>; values: [number | string, number | string][] }[] };
}

export const METRIC_RANGE_SECONDS = { '1h': 3_600, '6h': 21_600, '24h': 86_400, '7d': 604_800 } as const;
export type MetricRange = keyof typeof METRIC_RANGE_SECONDS;

export type DropletMetric = 'cpu' | 'memory_total' | 'memory_available' | 'filesystem_size' | 'filesystem_free' | 'load_1' | 'bandwidth';

/** One Monitoring API series set: the matrix at `path` for the query, as numbers. */
export async function metricSeries(client: Requester, path: string, query: Record<string, string>, signal?: AbortSignal): Promise<MetricSeries[]> {
  const body = await client.request<MatrixBody>('GET', `/v2/monitoring/metrics/${path}`, { query, signal });
  return (body.data?.result ?? []).map((r) => ({
    metric: r.metric,
    values: r.values.map(([t, v]) => [Number(t), Number(v)] as [number, number]).filter(([t, v]) => Number.isFinite(t) && Number.isFinite(v)),
  }));
}

export function dropletMetric(
  client: Requester,
  metric: DropletMetric,
  hostId: string | number,
  window: { start: number; end: number },
  extra: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<MetricSeries[]> {
  return metricSeries(client, `droplet/${metric}`, { host_id: String(hostId), start: String(window.start), end: String(window.end), ...extra }, signal);
}

const windowOf = (range: MetricRange, nowSeconds: number) => ({ start: String(nowSeconds - METRIC_RANGE_SECONDS[range]), end: String(nowSeconds) });

/** An app's CPU and memory use (%) and restarts, per component (all, or the one named). */
export async function appMetrics(
  client: Requester,
  appId: string,
  component: string | undefined,
  range: MetricRange,
  nowSeconds: number,
  signal?: AbortSignal,
): Promise<Record<'cpu' | 'memory' | 'restarts', MetricSeries[]>> {
  const query = { app_id: appId, ...(component ? { app_component: component } : {}), ...windowOf(range, nowSeconds) };
  const [cpu, memory, restarts] = await Promise.all(
    ['cpu_percentage', 'memory_percentage', 'restart_count'].map((m) => metricSeries(client, `apps/${m}`, query, signal)),
  );
  return { cpu, memory, restarts };
}

/** A MySQL cluster's CPU, memory and disk use (%) and connected threads, averaged over its nodes (the public API has these for MySQL only). */
export async function mysqlMetrics(
  client: Requester,
  dbId: string,
  range: MetricRange,
  nowSeconds: number,
  signal?: AbortSignal,
): Promise<Record<'cpu' | 'memory' | 'disk' | 'threadsConnected', [number, number][]>> {
  const query = { db_id: dbId, aggregate: 'avg', ...windowOf(range, nowSeconds) };
  const [cpu, memory, disk, threadsConnected] = await Promise.all(
    ['cpu_usage', 'memory_usage', 'disk_usage', 'threads_connected'].map(
      async (m) => (await metricSeries(client, `database/mysql/${m}`, query, signal))[0]?.values ?? [],
    ),
  );
  return { cpu, memory, disk, threadsConnected };
}

/** CPU utilisation in % per interval, from cumulative seconds per mode (busy = all but idle). */
export function cpuPercent(series: MetricSeries[]): [number, number][] {
  const times = [...new Set(series.flatMap((s) => s.values.map(([t]) => t)))].sort((a, b) => a - b);
  const at = (s: MetricSeries) => new Map(s.values);
  const maps = series.map((s) => ({ idle: s.metric.mode === 'idle', values: at(s) }));
  const out: [number, number][] = [];
  for (let i = 1; i < times.length; i++) {
    let total = 0;
    let idle = 0;
    for (const m of maps) {
      const a = m.values.get(times[i - 1]);
      const b = m.values.get(times[i]);
      if (a === undefined || b === undefined || b < a) continue; // a counter reset: skip
      total += b - a;
      if (m.idle) idle += b - a;
    }
    if (total > 0) out.push([times[i], round(100 * (1 - idle / total))]);
  }
  return out;
}

/** `100 × (1 − part / whole)` at the times both series have: memory used, disk used. */
export function usedPercent(part: MetricSeries | undefined, whole: MetricSeries | undefined): [number, number][] {
  if (!part || !whole) return [];
  const totals = new Map(whole.values);
  return part.values.flatMap(([t, v]) => {
    const total = totals.get(t);
    return total ? [[t, round(100 * (1 - v / total))] as [number, number]] : [];
  });
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export interface DropletCharts {
  /** False when the droplet sends no metrics (no monitoring agent). */
  hasData: boolean;
  cpu: [number, number][];
  memory: [number, number][];
  disk: [number, number][];
  load: [number, number][];
  inbound: [number, number][];
  outbound: [number, number][];
}

/** Everything the droplet panel graphs for one range, in 7 requests at once. */
export async function dropletCharts(
  client: Requester,
  hostId: string | number,
  range: MetricRange,
  nowSeconds: number,
  signal?: AbortSignal,
): Promise<DropletCharts> {
  const window = { start: nowSeconds - METRIC_RANGE_SECONDS[range], end: nowSeconds };
  const get = (metric: DropletMetric, extra?: Record<string, string>) => dropletMetric(client, metric, hostId, window, extra, signal);
  const [cpu, memTotal, memAvailable, fsSize, fsFree, load, inbound, outbound] = await Promise.all([
    get('cpu'),
    get('memory_total'),
    get('memory_available'),
    get('filesystem_size'),
    get('filesystem_free'),
    get('load_1'),
    get('bandwidth', { interface: 'public', direction: 'inbound' }),
    get('bandwidth', { interface: 'public', direction: 'outbound' }),
  ]);
  const rootFs = (list: MetricSeries[]) => list.find((s) => s.metric.mountpoint === '/') ?? list[0];
  const first = (list: MetricSeries[]) => list[0]?.values ?? [];
  const charts = {
    cpu: cpuPercent(cpu),
    memory: usedPercent(memAvailable[0], memTotal[0]),
    disk: usedPercent(rootFs(fsFree), rootFs(fsSize)),
    load: first(load),
    inbound: first(inbound),
    outbound: first(outbound),
  };
  return { hasData: Object.values(charts).some((c) => c.length > 0), ...charts };
}
