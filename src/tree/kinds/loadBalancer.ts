import { LB_NODE_MONTHLY_USD, type LoadBalancer, loadBalancer, ruleText } from '../../api/resources/loadBalancer';
import { mdTable, perMonth } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';
import * as l10n from '@vscode/l10n';

export const loadBalancerPresenter: Presenter<LoadBalancer> = {
  kind: loadBalancer,
  placement: 'project',
  groupOrder: 60,
  icon: 'split-horizontal',
  style: (l) => ({
    state: l.status,
    icon: l.status === 'new' ? 'loading~spin' : undefined,
    color: l.status === 'active' ? 'charts.green' : l.status === 'errored' ? 'charts.red' : 'charts.yellow',
  }),
  transitional: (l) => l.status === 'new',
  description(l, ctx) {
    return [l.status === 'active' ? undefined : l.status, l.ip, l.region?.slug, `${l.droplet_ids?.length ?? 0} droplets`, perMonth(this.monthlyCost!(l, ctx))]
      .filter(Boolean)
      .join(' · ');
  },
  tooltip(l, ctx) {
    return mdTable(l10n.t('Load balancer {0}', l.name), [
      [l10n.t('Status'), l.status],
      ['IP', l.ip],
      [l10n.t('Region'), l.region?.slug],
      [l10n.t('Rules'), l.forwarding_rules.map(ruleText).join(', ')],
      [l10n.t('Droplets'), (l.droplet_ids ?? []).map((id) => ctx.dropletName(id) ?? String(id)).join(', ') || (l.tag ? `tag ${l.tag}` : '')],
      [l10n.t('Monthly price'), perMonth(this.monthlyCost!(l, ctx))],
      ['ID', l.id],
    ]);
  },
  flags: (l) => [...(l.type === 'GLOBAL' ? ['global'] : []), ...(l.tag ? ['by-tag'] : [])],
  region: (l) => l.region?.slug,
  ip: (l) => l.ip,
  monthlyCost: (l) => (l.size_unit ?? 1) * LB_NODE_MONTHLY_USD,
  consoleUrl: (l) => `${CONTROL_PANEL}/networking/load_balancers/${l.id}`,
};
