/**
 * Every presented kind, found by shape in this folder's files (one file per kind, see
 * scripts/kindFiles.mjs): top-level kinds in the order of their `groupOrder`, and the kinds shown
 * only under another resource (node pools, database users, DNS records, …).
 */
import kindModules from 'kind-files:.';
import type { Presenter } from './presenter';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a heterogeneous registry
export type AnyPresenter = Presenter<any>;

function isPresenter(value: unknown): value is AnyPresenter {
  const p = value as Partial<AnyPresenter> | undefined;
  return typeof p === 'object' && p !== null && typeof p.kind?.kind === 'string' && typeof p.placement === 'string' && typeof p.description === 'function';
}

const ALL_PRESENTERS: readonly AnyPresenter[] = [...new Set(kindModules.flatMap((m) => Object.values(m).filter(isPresenter)))];

export const PRESENTERS: readonly AnyPresenter[] = ALL_PRESENTERS.filter((p) => p.placement !== 'child').sort(
  (a, b) => (a.groupOrder ?? Infinity) - (b.groupOrder ?? Infinity) || a.kind.pluralLabel.localeCompare(b.kind.pluralLabel),
);

export const PROJECT_PRESENTERS = PRESENTERS.filter((p) => p.placement === 'project');
/** The top-level kinds with a list of their own: what Go to Resource and the agents' tools search. */
export const SEARCHED_PRESENTERS = PRESENTERS.filter((p) => p.kind.listable !== false);
export const ACCOUNT_PRESENTERS = PRESENTERS.filter((p) => p.placement === 'account');

export function presenterForUrnKind(kind: string): AnyPresenter | undefined {
  return PRESENTERS.find((p) => p.kind.kind === kind);
}

/** Kinds shown only under another resource (node pools, database users, DNS records, …). */
export const CHILD_PRESENTERS: readonly AnyPresenter[] = ALL_PRESENTERS.filter((p) => p.placement === 'child');

/** The presenter of any kind, top-level or child. */
export function presenterForKind(kind: string): AnyPresenter | undefined {
  return PRESENTERS.find((p) => p.kind.kind === kind) ?? CHILD_PRESENTERS.find((p) => p.kind.kind === kind);
}
