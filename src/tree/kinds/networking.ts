import { type Firewall, type LoadBalancer, type ReservedIp, type ReservedIpv6, type Vpc, firewall, loadBalancer, reservedIp, reservedIpv6, vpc } from '../../api';
import { mdTable, perMonth, relativeTime } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';

/** Load balancers are $12 a month per size unit. */
const LB_UNIT_MONTH = 12;

export const loadBalancerPresenter: Presenter<LoadBalancer> = {
  kind: loadBalancer,
  placement: 'project',
  icon: 'split-horizontal',
  style: (l) => ({ state: l.status, icon: l.status === 'new' ? 'loading~spin' : undefined, color: l.status === 'active' ? 'charts.green' : l.status === 'errored' ? 'charts.red' : 'charts.yellow' }),
  transitional: (l) => l.status === 'new',
  description(l, ctx) {
    return [l.status === 'active' ? undefined : l.status, l.ip, l.region?.slug, `${l.droplet_ids?.length ?? 0} droplets`, perMonth(this.monthlyCost!(l, ctx))].filter(Boolean).join(' · ');
  },
  tooltip(l, ctx) {
    return mdTable(`Load balancer ${l.name}`, [
      ['Status', l.status],
      ['IP', l.ip],
      ['Region', l.region?.slug],
      ['Rules', l.forwarding_rules.map((r) => `${r.entry_protocol}:${r.entry_port} → ${r.target_protocol}:${r.target_port}`).join(', ')],
      ['Droplets', (l.droplet_ids ?? []).map((id) => ctx.dropletName(id) ?? String(id)).join(', ') || (l.tag ? `tag ${l.tag}` : '')],
      ['Monthly price', perMonth(this.monthlyCost!(l, ctx))],
      ['ID', l.id],
    ]);
  },
  region: (l) => l.region?.slug,
  ip: (l) => l.ip,
  monthlyCost: (l) => (l.size_unit ?? 1) * LB_UNIT_MONTH,
  consoleUrl: (l) => `${CONTROL_PANEL}/networking/load_balancers/${l.id}`,
};

export const reservedIpPresenter: Presenter<ReservedIp> = {
  kind: reservedIp,
  placement: 'project',
  icon: 'radio-tower',
  style: (r) => ({ state: r.droplet ? 'assigned' : 'unassigned' }),
  description: (r) => [r.droplet ? `→ ${r.droplet.name}` : 'unassigned', r.region.slug].join(' · '),
  tooltip: (r) => mdTable(`Reserved IP ${r.ip}`, [['Assigned to', r.droplet ? `${r.droplet.name} (${r.droplet.id})` : 'nothing'], ['Region', r.region.slug]]),
  region: (r) => r.region.slug,
  ip: (r) => r.ip,
  // Reserved IPs are free while assigned, $5 a month while not.
  monthlyCost: (r) => (r.droplet ? 0 : 5),
  consoleUrl: () => `${CONTROL_PANEL}/networking/reserved_ips`,
};

export const reservedIpv6Presenter: Presenter<ReservedIpv6> = {
  kind: reservedIpv6,
  placement: 'account',
  icon: 'broadcast',
  style: (r) => ({ state: r.droplet ? 'assigned' : 'unassigned' }),
  description: (r) => [r.droplet ? `→ ${r.droplet.name}` : 'unassigned', r.region_slug].join(' · '),
  tooltip: (r, ctx) => mdTable(`Reserved IPv6 ${r.ip}`, [['Assigned to', r.droplet ? r.droplet.name : 'nothing'], ['Region', r.region_slug], ['Reserved', relativeTime(r.reserved_at, ctx.now)]]),
  region: (r) => r.region_slug,
  ip: (r) => r.ip,
  consoleUrl: () => `${CONTROL_PANEL}/networking/reserved_ips`,
};

export const firewallPresenter: Presenter<Firewall> = {
  kind: firewall,
  placement: 'account',
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

export const vpcPresenter: Presenter<Vpc> = {
  kind: vpc,
  placement: 'account',
  icon: 'type-hierarchy-sub',
  description: (v) => [v.ip_range, v.region, v.default ? 'default' : undefined].filter(Boolean).join(' · '),
  tooltip: (v) => mdTable(`VPC ${v.name}`, [['IP range', v.ip_range], ['Region', v.region], ['Default', v.default ? 'yes' : 'no'], ['Description', v.description], ['ID', v.id]]),
  region: (v) => v.region,
  consoleUrl: (v) => `${CONTROL_PANEL}/networking/vpc/${v.id}`,
};
