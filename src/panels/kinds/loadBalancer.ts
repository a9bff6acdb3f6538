/** The load balancer panel: its properties (as every kind's), then graphs from the Monitoring API. */
import type { MetricRange } from '../../api/monitoring';
import { type LabelledSeries, loadBalancerCharts, loadBalancerDropletCharts } from '../../api/loadBalancerMetrics';
import { droplet } from '../../api/resources/droplet';
import type { LoadBalancer } from '../../api/resources/loadBalancer';
import { RANGES, type SectionView } from '../protocol';
import { type PanelBuilder, type PanelContext, chart, tolerant } from './builder';
import { propertySections } from './properties';
import * as l10n from '@vscode/l10n';

async function monitoring(lb: LoadBalancer, ctx: PanelContext): Promise<SectionView> {
  const base = { type: 'charts' as const, id: 'monitoring', title: l10n.t('Monitoring'), ranges: [...RANGES], range: ctx.range };
  const data = await ctx.memo(`lb-metrics:${ctx.range}`, 60_000, () =>
    loadBalancerCharts(ctx.cache.client, lb.id, ctx.range as MetricRange, Math.floor(ctx.now / 1000), ctx.signal),
  );
  if (!data.hasData) return { ...base, charts: [], note: l10n.t('No metrics for this range yet.') };
  const ms = (points: [number, number][]) => points.map(([t, v]) => [t, Math.round(v * 1000 * 10) / 10] as [number, number]);
  return {
    ...base,
    charts: [
      chart('connections', l10n.t('Connections'), '', [
        { label: l10n.t('Open'), points: data.connections },
        { label: l10n.t('Limit'), points: data.connectionLimit },
      ]),
      chart('requests', l10n.t('HTTP requests'), '/s', [{ label: l10n.t('Requests'), points: data.requests }]),
      chart(
        'responses',
        l10n.t('HTTP responses'),
        '/s',
        data.responses.map((r) => ({ label: r.label, points: r.values })),
      ),
      chart('response-time', l10n.t('Droplet response time'), 'ms', [
        { label: l10n.t('Average'), points: ms(data.responseTimeAvg) },
        { label: l10n.t('95th percentile'), points: ms(data.responseTime95) },
      ]),
      chart('throughput', l10n.t('HTTP throughput'), 'bps', [{ label: l10n.t('Throughput'), points: data.throughput }]),
      chart('cpu', 'CPU', '%', [{ label: l10n.t('CPU used'), points: data.cpu }]),
    ],
  };
}

/** The droplets' side: each droplet's connections, health checks and downtime; responses; queue; response and session times. */
async function dropletMonitoring(lb: LoadBalancer, ctx: PanelContext): Promise<SectionView> {
  const base = { type: 'charts' as const, id: 'droplet-monitoring', title: l10n.t('Behind the load balancer'), ranges: [...RANGES], range: ctx.range };
  const data = await ctx.memo(`lb-droplet-metrics:${ctx.range}`, 60_000, () =>
    loadBalancerDropletCharts(ctx.cache.client, lb.id, ctx.range as MetricRange, Math.floor(ctx.now / 1000), ctx.signal),
  );
  if (!data.hasData) return { ...base, charts: [], note: l10n.t('No metrics for this range yet.') };
  // a droplet's line is named after it when the account's droplets are loaded
  const names = new Map<string, string>();
  for (const id of lb.droplet_ids ?? []) {
    const target = await ctx.find(droplet as never, id).catch(() => undefined);
    if (target) names.set(String(id), target.presenter.kind.nameOf(target.item as never));
  }
  const lines = (list: LabelledSeries[]) => list.map((x) => ({ label: names.get(x.label) ?? x.label, points: x.values }));
  const ms = (points: [number, number][]) => points.map(([t, v]) => [t, Math.round(v * 1000 * 10) / 10] as [number, number]);
  return {
    ...base,
    charts: [
      chart('droplet-connections', l10n.t('Connections per droplet'), '', lines(data.connections)),
      chart('droplet-responses', l10n.t('Droplet HTTP responses'), '/s', lines(data.responses)),
      chart('droplet-latency', l10n.t('Droplet response time'), 'ms', [
        { label: l10n.t('Median'), points: ms(data.responseTime50) },
        { label: l10n.t('99th percentile'), points: ms(data.responseTime99) },
      ]),
      chart('sessions', l10n.t('Session duration'), 's', [
        { label: l10n.t('Average'), points: data.sessionAvg },
        { label: l10n.t('Median'), points: data.session50 },
        { label: l10n.t('95th percentile'), points: data.session95 },
      ]),
      chart('queue', l10n.t('Queued requests'), '', lines(data.queue)),
      chart('health-checks', l10n.t('Health checks passing'), '', lines(data.healthChecks)),
      chart('downtime', l10n.t('Downtime'), 's', lines(data.downtime)),
    ],
  };
}

export const loadBalancerPanel: PanelBuilder<LoadBalancer> = {
  kind: 'load_balancer',
  async sections(lb, ctx) {
    const [properties, charts, dropletCharts] = await Promise.all([
      propertySections(lb as never, ctx),
      tolerant('monitoring', l10n.t('Monitoring'), () => monitoring(lb, ctx)),
      tolerant('droplet-monitoring', l10n.t('Behind the load balancer'), () => dropletMonitoring(lb, ctx)),
    ]);
    return [...properties.slice(0, 1), ...charts, ...dropletCharts, ...properties.slice(1)];
  },
};
