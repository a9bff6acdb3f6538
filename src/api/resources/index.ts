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

/** Kinds by their URN prefix ("do:droplet:"): an account's projects list thousands of URNs. */
const KINDS_BY_URN_PREFIX = new Map(ALL_KINDS.filter((k) => k.urnPrefix).map((k) => [k.urnPrefix!, k]));

/** The kind a project resource URN ("do:droplet:123") refers to, and its id. */
export function parseUrn(urn: string): { kind?: ResourceKind<never>; id: string } {
  // "do:<kind>:<id>": the prefix ends at the second colon; the id may hold colons of its own
  const end = urn.indexOf(':', urn.indexOf(':') + 1) + 1;
  const kind = end > 0 ? KINDS_BY_URN_PREFIX.get(urn.slice(0, end)) : undefined;
  return { kind, id: end > 0 ? urn.slice(end) : '' };
}
