import { defineKind } from './descriptor';
import type { Vpc } from './vpc';
import * as l10n from '@vscode/l10n';

/** A private link between two VPCs of the account, in the same region or two. */
export interface VpcPeering {
  id: string;
  name: string;
  /** The two peered VPCs. */
  vpc_ids: [string, string];
  status: 'PROVISIONING' | 'ACTIVE' | 'DELETING';
  created_at: string;
}

/** The API's pattern for a peering's name: letters, digits and dashes. */
export function vpcPeeringNameProblem(value: string, taken: readonly string[] = []): string | undefined {
  const name = value.trim();
  if (!name) return l10n.t('A name is required.');
  if (name.length > 255) return l10n.t('At most 255 characters.');
  if (!/^[a-zA-Z0-9-]+$/.test(name)) return l10n.t('Only letters, digits and "-".');
  if (taken.includes(name)) return l10n.t('A VPC peering named {0} exists already in this account.', name);
  return undefined;
}

/**
 * Why two VPCs cannot be peered (undefined when they can): the same VPC twice, a pair peered
 * already, or a peering between regions from BLR1, which DigitalOcean does not offer.
 */
export function vpcPairProblem(
  a: Pick<Vpc, 'id' | 'name' | 'region'>,
  b: Pick<Vpc, 'id' | 'name' | 'region'>,
  peerings: readonly Pick<VpcPeering, 'name' | 'vpc_ids'>[],
): string | undefined {
  if (a.id === b.id) return l10n.t('A VPC cannot be peered with itself.');
  const existing = peerings.find((p) => p.vpc_ids.includes(a.id) && p.vpc_ids.includes(b.id));
  if (existing) return l10n.t('{0} and {1} are peered already ({2}).', a.name, b.name, existing.name);
  if (a.region !== b.region && (a.region === 'blr1' || b.region === 'blr1')) return l10n.t('Peering between regions is not offered from BLR1.');
  return undefined;
}

/** "default-nyc3-default-sfo3": a name the API takes, from the two VPCs' names. */
export function suggestedPeeringName(a: Pick<Vpc, 'name'>, b: Pick<Vpc, 'name'>): string {
  return `${a.name}-${b.name}`
    .replace(/[^a-zA-Z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 255);
}

export const vpcPeering = defineKind<VpcPeering>({
  deletable: true,
  kind: 'vpc_peering',
  label: l10n.t('VPC peering'),
  pluralLabel: l10n.t('VPC peerings'),
  path: '/v2/vpc_peerings',
  collectionKey: 'vpc_peerings',
  singleKey: 'vpc_peering',
  idOf: (p) => p.id,
  nameOf: (p) => p.name,
  paginated: true,
  nameProblem: vpcPeeringNameProblem,
});
