/**
 * How the agent tools find what a model names: every account (or the one named), every searched
 * kind (or the one named), the lists the model has loaded as they are and the others loaded; one
 * resource by its name or id, with an error that lists the candidates when several match.
 */
import type * as vscode from 'vscode';
import type { AccountInfo, AccountStore } from '../accounts/accountStore';
import { ALL_KINDS, type QueryValue, type ResourceKind } from '../api';
import type { Logger } from '../log';
import type { ResourceModel, ResourceRef } from '../model/resourceModel';
import { type AnyPresenter, SEARCHED_PRESENTERS, presenterForKind } from '../tree/kinds';
import { inert } from './data';

export interface AgentServices {
  store: AccountStore;
  model: ResourceModel;
  log: Logger;
  /** A value's problems against one of the bundled JSON Schemas (dist/schemas/<schema>.json), as the documents check them; none where the build has no schema. */
  checkSpec?(schema: string, value: object): Promise<string[]>;
}

/** The kinds the tools search: every top-level kind with a list of its own. */
export const SEARCHED = SEARCHED_PRESENTERS;

export interface Found {
  account: AccountInfo;
  presenter: AnyPresenter;
  item: unknown;
  /** For a resource inside another (a node pool): the ids of its parents. */
  parents?: string[];
}

export const nameOf = (f: Found): string => f.presenter.label?.(f.item) ?? f.presenter.kind.nameOf(f.item as never);
export const idOf = (f: Found): string => String(f.presenter.kind.idOf(f.item as never));
export const refOf = (f: Found): ResourceRef => ({ account: f.account, kind: f.presenter.kind, id: idOf(f), parents: f.parents ?? [] });

/** One resource as a line of data: what the tree shows of it. */
export function summary(found: Found, services: AgentServices): Record<string, unknown> {
  const { account, presenter, item } = found;
  const ctx = { ...services.model.lookups(account), now: Date.now() };
  return {
    account: account.label,
    kind: presenter.kind.kind,
    id: idOf(found),
    name: nameOf(found),
    state: presenter.description(item, ctx),
    region: presenter.region?.(item),
    ip: presenter.ip?.(item),
    tags: presenter.tags?.(item),
    monthlyCostUsd: presenter.monthlyCost?.(item, ctx),
  };
}

/** The accounts asked for: one by label (or id), or all with a token. */
export function accountsFor(services: AgentServices, account: string | undefined): AccountInfo[] {
  const usable = services.store.list().filter((a) => !a.needsToken);
  if (!account) return usable;
  const wanted = usable.filter((a) => a.label === account || a.id === account || a.label.toLowerCase().includes(account.toLowerCase()));
  if (!wanted.length) throw new Error(`No account matches "${inert(account)}". The accounts are: ${usable.map((a) => a.label).join(', ') || 'none'}.`);
  return wanted;
}

export function presentersFor(kind: string | undefined): AnyPresenter[] {
  if (!kind) return SEARCHED;
  const wanted = SEARCHED.filter(
    (p) => p.kind.kind === kind || p.kind.label.toLowerCase() === kind.toLowerCase() || p.kind.pluralLabel.toLowerCase() === kind.toLowerCase(),
  );
  if (!wanted.length) throw new Error(`No kind "${inert(kind)}". Kinds: ${SEARCHED.map((p) => p.kind.kind).join(', ')}.`);
  return wanted;
}

/** A list as the account's cache holds it, loaded if it is not (a failure is the caller's). */
export async function listOf<T>(
  services: AgentServices,
  account: AccountInfo,
  kind: ResourceKind<T>,
  parents: string[] = [],
  query?: Record<string, QueryValue>,
) {
  const cache = services.model.cacheFor(account);
  return cache.peek(kind, parents, query) ?? (await cache.list(kind, parents, query));
}

/** Every resource of those accounts and kinds: lists already loaded as they are, the others loaded. */
export async function resources(
  services: AgentServices,
  accounts: AccountInfo[],
  presenters: AnyPresenter[],
  token: vscode.CancellationToken,
): Promise<Found[]> {
  const lists = await Promise.all(
    accounts.flatMap((account) =>
      presenters.map(async (presenter) => {
        if (token.isCancellationRequested) return [];
        // a list failing (a kind the token may not read) leaves that kind out, not the answer
        const items = await listOf(services, account, presenter.kind, [], presenter.listQuery).catch(() => []);
        return (items as unknown[]).map((item) => ({ account, presenter, item }));
      }),
    ),
  );
  return lists.flat();
}

export interface Named {
  resource: string;
  kind?: string;
  account?: string;
}

/** The one resource a name or id names; more than one is an error that lists them. */
export async function one(services: AgentServices, input: Named, token: vscode.CancellationToken): Promise<Found> {
  if (typeof input.resource !== 'string' || !input.resource.trim()) throw new Error('Name the resource (its name or id).');
  const all = await resources(services, accountsFor(services, input.account), presentersFor(input.kind), token);
  return pick(all, input.resource, input.kind ? ` of kind ${inert(input.kind)}` : '');
}

/** The one of `all` named by `key` (name or id, any case). */
export function pick(all: Found[], key: string, what = ''): Found {
  const wanted = key.trim().toLowerCase();
  const exact = all.filter((f) => idOf(f).toLowerCase() === wanted || nameOf(f).toLowerCase() === wanted);
  if (exact.length === 1) return exact[0];
  if (!exact.length) throw new Error(`No resource named or with the id "${inert(key)}"${what}. Use digitalocean_find_resources to search.`);
  throw new Error(
    `Several resources are named "${inert(key)}": ${exact.map((f) => `${f.presenter.kind.kind} ${idOf(f)} in ${f.account.label}`).join('; ')}. Name the kind or the account.`,
  );
}

/** Kinds listed inside another resource (node pools, database users, DNS records, a repository's tags). */
const NESTED = ALL_KINDS.filter((k) => k.parent && k.listable !== false);

/** The resources inside one (a cluster's node pools, a database's users): its kind's nested kinds, listed. */
export async function contents(
  services: AgentServices,
  parent: Found,
  only?: string,
): Promise<{ kind: ResourceKind<never>; items: Found[] | { unavailable: string } }[]> {
  const nested = NESTED.filter((k) => k.parent === parent.presenter.kind.kind && (!only || k.kind === only));
  return Promise.all(
    nested.map(async (kind) => {
      const presenter = presenterForKind(kind.kind);
      const parents = [...(parent.parents ?? []), idOf(parent)];
      try {
        const items = (await listOf(services, parent.account, kind, parents)) as unknown[];
        return { kind, items: presenter ? items.map((item) => ({ account: parent.account, presenter, item, parents })) : [] };
      } catch (error) {
        return { kind, items: { unavailable: error instanceof Error ? inert(error.message) : String(error) } };
      }
    }),
  );
}
