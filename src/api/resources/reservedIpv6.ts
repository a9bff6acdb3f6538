import { defineKind } from './descriptor';
import * as l10n from '@vscode/l10n';

export interface ReservedIpv6 {
  ip: string;
  region_slug: string;
  reserved_at: string;
  droplet?: { id: number; name: string } | null;
}

export const reservedIpv6 = defineKind<ReservedIpv6>({
  deletable: true,
  kind: 'reserved_ipv6',
  label: l10n.t('Reserved IPv6'),
  pluralLabel: l10n.t('Reserved IPv6'),
  path: '/v2/reserved_ipv6',
  collectionKey: 'reserved_ipv6s',
  singleKey: 'reserved_ipv6',
  idOf: (r) => r.ip,
  nameOf: (r) => r.ip,
  actions: ['assign', 'unassign'],
  paginated: true,
});
