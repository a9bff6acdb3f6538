/**
 * Every resource kind the client knows, found by shape in this folder's files (one file per kind:
 * adding a kind is adding its file, see scripts/kindFiles.mjs). Import a kind's descriptor and
 * types from its own file (`api/resources/volume`); this module answers questions across kinds.
 */
import kindModules from 'kind-files:.';
import type { ResourceKind } from './descriptor';

export * from './descriptor';

function isResourceKind(value: unknown): value is ResourceKind<never> {
  const k = value as Partial<ResourceKind<never>> | undefined;
  return typeof k === 'object' && k !== null && typeof k.kind === 'string' && typeof k.collectionKey === 'string' && typeof k.idOf === 'function';
}

export const ALL_KINDS: readonly ResourceKind<never>[] = [...new Set(kindModules.flatMap((m) => Object.values(m).filter(isResourceKind)))];

export function kindByKey(key: string): ResourceKind<never> | undefined {
  return ALL_KINDS.find((k) => k.kind === key);
}

/** The kind a project resource URN ("do:droplet:123") refers to, and its id. */
export function parseUrn(urn: string): { kind?: ResourceKind<never>; id: string } {
  const kind = ALL_KINDS.find((k) => k.urnPrefix && urn.startsWith(k.urnPrefix));
  const id = kind ? urn.slice(kind.urnPrefix!.length) : urn.split(':').slice(2).join(':');
  return { kind, id };
}
