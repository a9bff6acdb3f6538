import { type ReservedIp, reservedIp } from '../../api/resources/reservedIp';
import { mdTable } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';

export const reservedIpPresenter: Presenter<ReservedIp> = {
  kind: reservedIp,
  placement: 'project',
  groupOrder: 70,
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
