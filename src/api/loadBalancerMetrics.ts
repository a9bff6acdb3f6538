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

/** A line per droplet behind the load balancer (or per status class), labelled as the API names it. */
export interface LabelledSeries {
  label: string;
  values: [number, number][];
}

/** What the droplets behind a load balancer see: their connections, responses, queue, response and session times, health checks and downtime. */
export interface LoadBalancerDropletCharts {
  hasData: boolean;
  connections: LabelledSeries[];
  responses: LabelledSeries[];
  queue: LabelledSeries[];
  healthChecks: LabelledSeries[];
  downtime: LabelledSeries[];
  responseTime50: [number, number][];
  responseTime99: [number, number][];
  sessionAvg: [number, number][];
  session50: [number, number][];
  session95: [number, number][];
}

/** The droplet side of a load balancer, from `/v2/monitoring/metrics/load_balancer/droplets_*`. */
export async function loadBalancerDropletCharts(
  client: Requester,
  lbId: string,
  range: MetricRange,
  nowSeconds: number,
  signal?: AbortSignal,
): Promise<LoadBalancerDropletCharts> {
  const query = { lb_id: lbId, ...windowOf(range, nowSeconds) };
  const get = (metric: string) => metricSeries(client, `load_balancer/${metric}`, query, signal);
  const [connections, responses, queue, healthChecks, downtime, rt50, rt99, sAvg, s50, s95] = await Promise.all([
    get('droplets_connections'),
    get('droplets_http_responses'),
    get('droplets_queue_size'),
    get('droplets_health_checks'),
    get('droplets_downtime'),
    get('droplets_http_response_time_50p'),
    get('droplets_http_response_time_99p'),
    get('droplets_http_session_duration_avg'),
    get('droplets_http_session_duration_50p'),
    get('droplets_http_session_duration_95p'),
  ]);
  const labelled = (list: MetricSeries[]): LabelledSeries[] =>
    list.map((x) => ({ label: x.metric.droplet_id ?? x.metric.status_code ?? Object.values(x.metric).join(' '), values: x.values }));
  const first = (list: MetricSeries[]) => list[0]?.values ?? [];
  const charts = {
    connections: labelled(connections),
    responses: labelled(responses),
    queue: labelled(queue),
    healthChecks: labelled(healthChecks),
    downtime: labelled(downtime),
    responseTime50: first(rt50),
    responseTime99: first(rt99),
    sessionAvg: first(sAvg),
    session50: first(s50),
    session95: first(s95),
  };
  return { hasData: charts.connections.some((c) => c.values.length > 0) || charts.responseTime50.length > 0, ...charts };
}
