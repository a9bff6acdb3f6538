import { type ReservedIp, reservedIp } from '../../api/resources/reservedIp';
import { mdTable } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';
import * as l10n from '@vscode/l10n';

export const reservedIpPresenter: Presenter<ReservedIp> = {
  kind: reservedIp,
  placement: 'project',
  groupOrder: 70,
  icon: 'radio-tower',
  style: (r) => ({ state: r.droplet ? 'assigned' : 'unassigned' }),
  description: (r) => [r.droplet ? `→ ${r.droplet.name}` : 'unassigned', r.region.slug].join(' · '),
  tooltip: (r) =>
    mdTable(l10n.t('Reserved IP {0}', r.ip), [
      [l10n.t('Assigned to'), r.droplet ? `${r.droplet.name} (${r.droplet.id})` : 'nothing'],
      [l10n.t('Region'), r.region.slug],
    ]),
  region: (r) => r.region.slug,
  ip: (r) => r.ip,
  // Reserved IPs are free while assigned, $5 a month while not.
  monthlyCost: (r) => (r.droplet ? 0 : 5),
  consoleUrl: () => `${CONTROL_PANEL}/networking/reserved_ips`,
};
