import { type ReservedIpv6, reservedIpv6 } from '../../api/resources/reservedIpv6';
import { mdTable, relativeTime } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';
import * as l10n from '@vscode/l10n';

export const reservedIpv6Presenter: Presenter<ReservedIpv6> = {
  kind: reservedIpv6,
  placement: 'account',
  groupOrder: 130,
  icon: 'broadcast',
  style: (r) => ({ state: r.droplet ? 'assigned' : 'unassigned' }),
  description: (r) => [r.droplet ? `→ ${r.droplet.name}` : 'unassigned', r.region_slug].join(' · '),
  tooltip: (r, ctx) =>
    mdTable(l10n.t('Reserved IPv6 {0}', r.ip), [
      [l10n.t('Assigned to'), r.droplet ? r.droplet.name : 'nothing'],
      [l10n.t('Region'), r.region_slug],
      [l10n.t('Reserved'), relativeTime(r.reserved_at, ctx.now)],
    ]),
  region: (r) => r.region_slug,
  ip: (r) => r.ip,
  consoleUrl: () => `${CONTROL_PANEL}/networking/reserved_ips`,
};
