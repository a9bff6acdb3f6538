import { defineKind, type Region } from './descriptor';
import * as l10n from '@vscode/l10n';

export interface ReservedIp {
  ip: string;
  region: Region;
  droplet: { id: number; name: string } | null;
  locked: boolean;
  project_id?: string;
}

export const reservedIp = defineKind<ReservedIp>({
  kind: 'reserved_ip',
  label: l10n.t('Reserved IP'),
  pluralLabel: l10n.t('Reserved IPs'),
  path: '/v2/reserved_ips',
  collectionKey: 'reserved_ips',
  singleKey: 'reserved_ip',
  idOf: (r) => r.ip,
  nameOf: (r) => r.ip,
  urnPrefix: 'do:floatingip:',
  actions: ['assign', 'unassign'],
  paginated: true,
});
