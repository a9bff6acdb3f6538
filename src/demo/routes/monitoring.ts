/** The fake API's droplet metrics (Prometheus-style matrices from node_exporter-like series), for the droplets with the agent. */
import type { FakeCore } from '../core';
import type { Json } from '../seed';

export function monitoringRoutes(api: FakeCore): void {
  const metric = (name: string, series: (droplet: Json, t: number, query: URLSearchParams) => { metric: Record<string, string>; value: number }[]) => {
    api.on('GET', `/v2/monitoring/metrics/droplet/${name}`, (_, ctx) => {
      const hostId = ctx.query.get('host_id') ?? '';
      const droplet = api.data.droplets.find((x) => String(x.id) === hostId);
      if (!droplet) return api.notFound();
      const monitored = (droplet.features ?? []).includes('monitoring');
      return api.metricMatrix(ctx, (t) => (monitored ? series(droplet, t, ctx.query).map((p) => ({ ...p, metric: { host_id: hostId, ...p.metric } })) : []));
    });
  };
  const phase = (droplet: Json) => (Number(droplet.id) % 97) / 10;
  const busy = (droplet: Json, t: number) => 0.3 + 0.18 * Math.sin(t / 2400 + phase(droplet)) + 0.07 * Math.sin(t / 311);
  metric('cpu', (droplet, t) => {
    // cumulative seconds per mode since an epoch, like node_exporter's counters
    const vcpus = droplet.vcpus ?? 1;
    const base = t * vcpus;
    const used = base * 0.3 + vcpus * 2400 * 0.18 * -Math.cos(t / 2400 + phase(droplet)) + vcpus * 311 * 0.07 * -Math.cos(t / 311);
    return [
      { metric: { mode: 'idle' }, value: base - used },
      { metric: { mode: 'user' }, value: used * 0.75 },
      { metric: { mode: 'system' }, value: used * 0.25 },
    ];
  });
  const memTotal = (droplet: Json) => (droplet.memory ?? 1024) * 1024 * 1024;
  metric('memory_total', (droplet) => [{ metric: {}, value: memTotal(droplet) }]);
  metric('memory_available', (droplet, t) => [{ metric: {}, value: memTotal(droplet) * (0.62 - 0.5 * (busy(droplet, t) - 0.3)) }]);
  metric('memory_free', (droplet, t) => [{ metric: {}, value: memTotal(droplet) * (0.4 - 0.5 * (busy(droplet, t) - 0.3)) }]);
  metric('memory_cached', (droplet) => [{ metric: {}, value: memTotal(droplet) * 0.2 }]);
  const fs = { device: '/dev/vda1', fstype: 'ext4', mountpoint: '/' };
  const fsSize = (droplet: Json) => (droplet.disk ?? 25) * 1e9;
  metric('filesystem_size', (droplet) => [{ metric: fs, value: fsSize(droplet) }]);
  metric('filesystem_free', (droplet, t) => [{ metric: fs, value: fsSize(droplet) * (0.64 - ((t / 86_400) % 7) * 0.004) }]);
  for (const [name, factor] of [
    ['load_1', 1],
    ['load_5', 0.9],
    ['load_15', 0.8],
  ] as const) {
    metric(name, (droplet, t) => [{ metric: {}, value: busy(droplet, t) * (droplet.vcpus ?? 1) * 1.6 * factor }]);
  }
  metric('bandwidth', (droplet, t, query) => {
    const inbound = query.get('direction') === 'inbound';
    const scale = (inbound ? 2.4 : 0.9) * (query.get('interface') === 'public' ? 1 : 0.3);
    return [
      {
        metric: { direction: query.get('direction') ?? '', interface: query.get('interface') ?? '' },
        value: scale * (0.6 + 0.4 * Math.sin(t / 1800 + phase(droplet) + (inbound ? 0 : 1))),
      },
    ];
  });

  // Load balancer metrics: traffic that follows a slow daily wave, per load balancer
  const lbMetric = (name: string, series: (t: number, lb: Json) => { metric?: Record<string, string>; value: number }[]) =>
    api.on('GET', `/v2/monitoring/metrics/load_balancer/${name}`, (_, ctx) => {
      const lbId = ctx.query.get('lb_id') ?? '';
      const lb = api.data.loadBalancers.find((x) => x.id === lbId);
      if (!lb) return api.notFound();
      return api.metricMatrix(ctx, (t) => series(t, lb).map((p) => ({ value: p.value, metric: { lb_id: lbId, ...p.metric } })));
    });
  const traffic = (t: number) => 40 + 25 * Math.sin(t / 5400) + 6 * Math.sin(t / 420);
  const nodes = (lb: Json) => Number(lb.size_unit ?? 1);
  lbMetric('frontend_connections_current', (t) => [{ value: Math.round(traffic(t) * 3) }]);
  lbMetric('frontend_connections_limit', (_, lb) => [{ value: 10_000 * nodes(lb) }]);
  lbMetric('frontend_http_requests_per_second', (t) => [{ value: traffic(t) }]);
  lbMetric('frontend_http_responses', (t) => [
    { metric: { status_code: '2xx' }, value: traffic(t) * 0.94 },
    { metric: { status_code: '3xx' }, value: traffic(t) * 0.03 },
    { metric: { status_code: '4xx' }, value: traffic(t) * 0.025 },
    { metric: { status_code: '5xx' }, value: traffic(t) * 0.005 },
  ]);
  lbMetric('droplets_http_response_time_avg', (t) => [{ value: 0.045 + traffic(t) / 4000 }]);
  lbMetric('droplets_http_response_time_95p', (t) => [{ value: 0.12 + traffic(t) / 1500 }]);
  lbMetric('frontend_network_throughput_http', (t) => [{ value: traffic(t) * 48_000 }]);
  lbMetric('frontend_cpu_utilization', (t) => [{ value: 8 + traffic(t) / 6 }]);
  // the droplets' side: one line per droplet behind it (their share of the traffic), or per status class
  const perDroplet = (lb: Json, value: (share: number, i: number) => number) => {
    const ids = (lb.droplet_ids ?? []) as number[];
    return ids.map((id, i) => ({ metric: { droplet_id: String(id) }, value: value(1 / Math.max(1, ids.length), i) }));
  };
  lbMetric('droplets_connections', (t, lb) => perDroplet(lb, (share, i) => Math.round(traffic(t) * 3 * share) + i));
  lbMetric('droplets_http_responses', (t) => [
    { metric: { status_code: '2xx' }, value: traffic(t) * 0.95 },
    { metric: { status_code: '5xx' }, value: traffic(t) * 0.005 },
  ]);
  lbMetric('droplets_queue_size', (t, lb) => perDroplet(lb, () => Math.max(0, Math.round(traffic(t) / 20 - 2))));
  lbMetric('droplets_health_checks', (_, lb) => perDroplet(lb, () => 1));
  lbMetric('droplets_downtime', (_, lb) => perDroplet(lb, () => 0));
  lbMetric('droplets_http_response_time_50p', (t) => [{ value: 0.03 + traffic(t) / 5000 }]);
  lbMetric('droplets_http_response_time_99p', (t) => [{ value: 0.25 + traffic(t) / 900 }]);
  lbMetric('droplets_http_session_duration_avg', (t) => [{ value: 4 + traffic(t) / 20 }]);
  lbMetric('droplets_http_session_duration_50p', (t) => [{ value: 2 + traffic(t) / 30 }]);
  lbMetric('droplets_http_session_duration_95p', (t) => [{ value: 12 + traffic(t) / 8 }]);
}
