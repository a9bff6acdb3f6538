import { defineKind } from './descriptor';
import * as l10n from '@vscode/l10n';

export type SpacesPermission = 'read' | 'readwrite' | 'fullaccess';

export interface SpacesKeyGrant {
  /** A bucket's name; "" with `fullaccess` means every bucket. */
  bucket: string;
  permission: SpacesPermission | '';
}

/** A Spaces access key, as the API lists it (the secret is only in the answer that creates it). */
export interface SpacesKey {
  name: string;
  access_key: string;
  grants: SpacesKeyGrant[];
  created_at: string;
}

export const spacesKey = defineKind<SpacesKey>({
  deletable: true,
  kind: 'spaces_key',
  label: l10n.t('Spaces key'),
  pluralLabel: l10n.t('Spaces keys'),
  path: '/v2/spaces/keys',
  collectionKey: 'keys',
  singleKey: 'key',
  idOf: (k) => k.access_key,
  nameOf: (k) => k.name,
  paginated: true,
  nameProblem: (value, taken = []) => {
    const name = value.trim();
    if (!name) return l10n.t('A name is required.');
    if (name.length > 255) return l10n.t('At most 255 characters.');
    if (taken.includes(name)) return l10n.t('The account has a Spaces key named {0} already.', name);
    return undefined;
  },
});

/** "full access to every bucket", "read: logs, readwrite: site", … */
export function describeGrants(grants: readonly SpacesKeyGrant[]): string {
  if (grants.some((g) => g.permission === 'fullaccess' && g.bucket === '')) return l10n.t('full access to every bucket');
  if (!grants.length) return l10n.t('no bucket access');
  return grants.map((g) => `${g.permission || 'none'}: ${g.bucket || l10n.t('every bucket')}`).join(', ');
}
