/** Load balancer metrics from the Monitoring API, for its panel (not loaded at start). */
import { type MetricRange, type MetricSeries, METRIC_RANGE_SECONDS, metricSeries } from './monitoring';
import type { DigitalOceanClient } from './client';

type Requester = Pick<DigitalOceanClient, 'request'>;
const windowOf = (range: MetricRange, nowSeconds: number) => ({ start: String(nowSeconds - METRIC_RANGE_SECONDS[range]), end: String(nowSeconds) });

/** The load balancer series the panel draws, each `[unix seconds, value]` (HTTP responses per class). */
export interface LoadBalancerCharts {
  hasData: boolean;
  connections: [number, number][];
  connectionLimit: [number, number][];
  requests: [number, number][];
  responses: { label: string; values: [number, number][] }[];
  responseTimeAvg: [number, number][];
  responseTime95: [number, number][];
  throughput: [number, number][];
  cpu: [number, number][];
}

/**
 * A load balancer's connections (and their limit), HTTP requests per second, responses per status
 * class, the droplets' response time (average and 95th percentile, in seconds), HTTP throughput and
 * the frontend's CPU, from `/v2/monitoring/metrics/load_balancer/*`.
 */
export async function loadBalancerCharts(
  client: Requester,
  lbId: string,
  range: MetricRange,
  nowSeconds: number,
  signal?: AbortSignal,
): Promise<LoadBalancerCharts> {
  const query = { lb_id: lbId, ...windowOf(range, nowSeconds) };
  const get = (metric: string) => metricSeries(client, `load_balancer/${metric}`, query, signal);
  const [connections, connectionLimit, requests, responses, responseTimeAvg, responseTime95, throughput, cpu] = await Promise.all([
    get('frontend_connections_current'),
    get('frontend_connections_limit'),
    get('frontend_http_requests_per_second'),
    get('frontend_http_responses'),
    get('droplets_http_response_time_avg'),
    get('droplets_http_response_time_95p'),
    get('frontend_network_throughput_http'),
    get('frontend_cpu_utilization'),
  ]);
  const first = (list: MetricSeries[]) => list[0]?.values ?? [];
  // responses come one series per status class ("2xx", …); a label the API may name differently is shown as it is
  const responseSeries = responses.map((s) => ({
    label: s.metric.status_code ?? s.metric.code ?? s.metric.class ?? Object.values(s.metric).join(' ') ?? '',
    values: s.values,
  }));
  const charts = {
    connections: first(connections),
    connectionLimit: first(connectionLimit),
    requests: first(requests),
    responses: responseSeries,
    responseTimeAvg: first(responseTimeAvg),
    responseTime95: first(responseTime95),
    throughput: first(throughput),
    cpu: first(cpu),
  };
  const hasData =
    [charts.connections, charts.requests, charts.responseTimeAvg, charts.throughput, charts.cpu].some((c) => c.length > 0) ||
    responseSeries.some((s) => s.values.length);
  return { hasData, ...charts };
}
