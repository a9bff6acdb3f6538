import { type AutoscalePool, dropletAutoscalePool, poolBounds, poolConfigText } from '../../api/resources/autoscalePool';
import { autoscaleMembers } from '../../api/autoscalePools';
import { droplet } from '../../api/resources/droplet';
import { mdTable, relativeTime } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';
import * as l10n from '@vscode/l10n';

const percent = (x: number | undefined) => (x === undefined ? undefined : `${Math.round(x * 100)} %`);

export const autoscalePoolPresenter: Presenter<AutoscalePool> = {
  kind: dropletAutoscalePool,
  placement: 'account',
  groupOrder: 105,
  // its droplets are named from the account's list
  alongside: [droplet],
  icon: 'server-environment',
  style: (p) => ({
    state: p.status,
    icon: p.status === 'deleting' ? 'loading~spin' : p.status === 'error' ? 'error' : undefined,
    color: p.status === 'error' ? 'charts.red' : undefined,
  }),
  transitional: (p) => p.status === 'deleting',
  region: (p) => p.droplet_template.region,
  tags: (p) => p.droplet_template.tags ?? [],
  description: (p) =>
    [
      l10n.t('{0} running', p.active_resources_count),
      poolConfigText(p.config),
      p.droplet_template.region,
      p.droplet_template.size,
      p.status === 'active' ? undefined : p.status,
    ]
      .filter(Boolean)
      .join(' · '),
  tooltip: (p, ctx) =>
    mdTable(l10n.t('Autoscale pool {0}', p.name), [
      [l10n.t('Droplets'), l10n.t('{0} running, {1}', p.active_resources_count, poolConfigText(p.config))],
      [l10n.t('Bounds'), poolBounds(p.config).join('–')],
      [l10n.t('CPU now'), percent(p.current_utilization?.cpu)],
      [l10n.t('Memory now'), percent(p.current_utilization?.memory)],
      [l10n.t('Template'), `${p.droplet_template.size} · ${p.droplet_template.image} · ${p.droplet_template.region}`],
      [l10n.t('Status'), p.status],
      [l10n.t('Created'), relativeTime(p.created_at, ctx.now)],
      ['ID', p.id],
    ]),
  // its droplets, each with its health and use (they are droplets of the account too)
  async children(p, _parents, ctx) {
    const members = await ctx.read((client) => autoscaleMembers(client, p.id));
    if (!members.length) return [ctx.message(`${p.id}:no-members`, l10n.t('No droplets yet'))];
    return members.map((m) =>
      ctx.message(
        `${p.id}:member:${m.droplet_id}`,
        ctx.dropletName(m.droplet_id) ?? l10n.t('droplet {0}', m.droplet_id),
        [m.status, m.health_status, m.unhealthy_reason, m.current_utilization?.cpu !== undefined ? `CPU ${percent(m.current_utilization.cpu)}` : undefined]
          .filter(Boolean)
          .join(' · '),
        m.health_status === 'healthy' ? 'vm-active' : 'vm-outline',
      ),
    );
  },
  consoleUrl: (p) => `${CONTROL_PANEL}/droplets/autoscale/${p.id}`,
};
