import { type Firewall, firewall } from '../../api/resources/firewall';
import { mdTable, relativeTime } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';

export const firewallPresenter: Presenter<Firewall> = {
  kind: firewall,
  placement: 'account',
  groupOrder: 140,
  icon: 'shield',
  style: (f) => ({ state: f.status, color: f.status === 'failed' ? 'charts.red' : undefined }),
  transitional: (f) => f.status === 'waiting',
  description: (f) => [`${f.inbound_rules?.length ?? 0} inbound, ${f.outbound_rules?.length ?? 0} outbound rules`, `${f.droplet_ids?.length ?? 0} droplets`, f.tags?.length ? `tags ${f.tags.join(', ')}` : undefined].filter(Boolean).join(' · '),
  tooltip: (f, ctx) =>
    mdTable(`Firewall ${f.name}`, [
      ['Status', f.status],
      ['Droplets', (f.droplet_ids ?? []).map((id) => ctx.dropletName(id) ?? String(id)).join(', ')],
      ['Tags', (f.tags ?? []).join(', ')],
      ['Created', relativeTime(f.created_at, ctx.now)],
    ]),
  tags: (f) => f.tags ?? [],
  consoleUrl: (f) => `${CONTROL_PANEL}/networking/firewalls/${f.id}/rules`,
};
