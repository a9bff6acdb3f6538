import { type ReservedIpv6, reservedIpv6 } from '../../api/resources/reservedIpv6';
import { mdTable, relativeTime } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';

export const reservedIpv6Presenter: Presenter<ReservedIpv6> = {
  kind: reservedIpv6,
  placement: 'account',
  groupOrder: 130,
  icon: 'broadcast',
  style: (r) => ({ state: r.droplet ? 'assigned' : 'unassigned' }),
  description: (r) => [r.droplet ? `→ ${r.droplet.name}` : 'unassigned', r.region_slug].join(' · '),
  tooltip: (r, ctx) => mdTable(`Reserved IPv6 ${r.ip}`, [['Assigned to', r.droplet ? r.droplet.name : 'nothing'], ['Region', r.region_slug], ['Reserved', relativeTime(r.reserved_at, ctx.now)]]),
  region: (r) => r.region_slug,
  ip: (r) => r.ip,
  consoleUrl: () => `${CONTROL_PANEL}/networking/reserved_ips`,
};
