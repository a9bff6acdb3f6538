/** The load balancer panel: its properties (as every kind's), then graphs from the Monitoring API. */
import type { MetricRange } from '../../api/monitoring';
import { loadBalancerCharts } from '../../api/loadBalancerMetrics';
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

export const loadBalancerPanel: PanelBuilder<LoadBalancer> = {
  kind: 'load_balancer',
  async sections(lb, ctx) {
    const [properties, charts] = await Promise.all([
      propertySections(lb as never, ctx),
      tolerant('monitoring', l10n.t('Monitoring'), () => monitoring(lb, ctx)),
    ]);
    return [...properties.slice(0, 1), ...charts, ...properties.slice(1)];
  },
};
