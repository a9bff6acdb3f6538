import { defineKind } from './descriptor';
import * as l10n from '@vscode/l10n';

/** An IP range the account brought to DigitalOcean (`/v2/byoip_prefixes`). */
export interface ByoipPrefix {
  uuid: string;
  name?: string;
  /** CIDR, e.g. 203.0.113.0/24. */
  prefix: string;
  status: string;
  region: string;
  /** The checks DigitalOcean ran on the claim (signature, RPKI, …). */
  validations?: { name: string; status: string; note?: string }[];
  failure_reason?: string;
  locked?: boolean;
  advertised?: boolean;
  project_id?: string;
}

/** One address of a prefix given to a resource (`GET …/ips`). */
export interface ByoipAllocation {
  id: number;
  byoip?: string;
  region?: string;
  /** The resource's URN: do:droplet:… */
  resource?: string;
  assigned_at?: string;
  ip?: string;
}

export const byoipPrefix = defineKind<ByoipPrefix>({
  // creating one needs a signed route-origin claim made outside DigitalOcean: read, advertise, delete
  deletable: true,
  heavyDelete: true,
  kind: 'byoip_prefix',
  label: l10n.t('BYOIP prefix'),
  pluralLabel: l10n.t('BYOIP prefixes'),
  path: '/v2/byoip_prefixes',
  collectionKey: 'byoip_prefixes',
  singleKey: 'byoip_prefix',
  idOf: (p) => p.uuid,
  nameOf: (p) => p.name || p.prefix,
  paginated: true,
});
