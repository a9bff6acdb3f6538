import { defineKind } from './descriptor';

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
  label: 'Spaces key',
  pluralLabel: 'Spaces keys',
  path: '/v2/spaces/keys',
  collectionKey: 'keys',
  singleKey: 'key',
  idOf: (k) => k.access_key,
  nameOf: (k) => k.name,
  paginated: true,
  nameProblem: (value, taken = []) => {
    const name = value.trim();
    if (!name) return 'A name is required.';
    if (name.length > 255) return 'At most 255 characters.';
    if (taken.includes(name)) return `The account has a Spaces key named ${name} already.`;
    return undefined;
  },
});

/** "full access to every bucket", "read: logs, readwrite: site", … */
export function describeGrants(grants: readonly SpacesKeyGrant[]): string {
  if (grants.some((g) => g.permission === 'fullaccess' && g.bucket === '')) return 'full access to every bucket';
  if (!grants.length) return 'no bucket access';
  return grants.map((g) => `${g.permission || 'none'}: ${g.bucket || 'every bucket'}`).join(', ');
}
