/**
 * What the extension knows about every account's resources, apart from how it is shown: the
 * per-account caches of lists, the newest copy of each resource seen, what an action is doing to
 * a resource ("Powering off…"), and the poller that follows resources in transition while someone
 * can see them. The tree, the detail panels and the commands all read and act through it; it
 * tells them what changed through `onDidChange`. It knows nothing of VS Code's UI, the tree or
 * the panels.
 */
import { type Action, ApiError, type DigitalOceanClient, type ResourceKind, readAlone } from '../api';
import { droplet, dropletSize, type Droplet, type DropletSize } from '../api/resources/droplet';
import { vpc, type Vpc } from '../api/resources/vpc';
import type { AccountInfo, AccountStore } from '../accounts/accountStore';
import type { ClientRegistry } from '../accounts/clients';
import { AccountCache } from './accountCache';
import { Emitter, type Disposable } from './emitter';
import { TransitionPoller, type PollerOptions } from './poller';

/** One resource, wherever it is shown: its account, kind, id and (for nested kinds) parent ids. */
export interface ResourceRef {
  readonly account: AccountInfo;
  readonly kind: ResourceKind<unknown>;
  readonly id: string;
  readonly parents: readonly string[];
}

/** Identifies a resource regardless of where it is shown: `account/kind/parents…/id`. */
export function resourceKey(accountId: string, kind: string, parents: readonly string[], id: string): string {
  return `${accountId}/${kind}/${[...parents, id].join('/')}`;
}

export function keyOf(ref: ResourceRef): string {
  return resourceKey(ref.account.id, ref.kind.kind, ref.parents, ref.id);
}

export type ModelChange =
  /** A resource has a fresh copy, or its transition text changed. */
  | { type: 'resource'; key: string }
  /** A resource is gone (its kind's lists were forgotten). */
  | { type: 'gone'; key: string }
  /** Lists of an account were forgotten (after a create or delete): views showing them reload. */
  | { type: 'lists'; accountId: string; kind: string }
  /** The accounts changed: everything of a removed account is forgotten. */
  | { type: 'accounts' };

/** What views may look up synchronously, from lists already loaded. */
export interface AccountLookups {
  size(slug: string): DropletSize | undefined;
  dropletName(id: number): string | undefined;
  /** A VPC's name, when the account's VPCs are loaded. */
  vpcName(id: string): string | undefined;
}

interface Live {
  ref: ResourceRef;
  item: unknown;
}

export class ResourceModel implements Disposable {
  private readonly changes = new Emitter<ModelChange>();
  readonly onDidChange = this.changes.event;
  private readonly caches = new Map<string, AccountCache>();
  /**
   * Copies newer than the lists hold, by key: resources polled while in transition, and fresh
   * copies fetched after an action. A resource only ever seen in a list has no entry (12,000 of
   * them would otherwise cost a map entry, a record and a key each).
   */
  private readonly live = new Map<string, Live>();
  /** Each kind's "is this one in transition?", as the views said when they showed one. */
  private readonly transitionalOf = new Map<string, (item: unknown) => boolean>();
  private readonly transitions = new Map<string, string>();
  private readonly lookupMaps = new WeakMap<object, Map<string | number, unknown>>();
  private readonly subscriptions: Disposable[] = [];
  readonly poller: TransitionPoller;

  constructor(
    private readonly store: AccountStore,
    private readonly clients: ClientRegistry,
    pollerOptions?: PollerOptions,
  ) {
    this.poller = new TransitionPoller(pollerOptions);
    this.subscriptions.push(store.onDidChange(() => this.accountsChanged()));
  }

  cacheFor(account: AccountInfo): AccountCache {
    let cache = this.caches.get(account.id);
    if (!cache) {
      cache = new AccountCache(() => this.clients.clientFor(account));
      this.caches.set(account.id, cache);
    }
    return cache;
  }

  client(account: AccountInfo): DigitalOceanClient {
    return this.cacheFor(account).client;
  }

  lookups(account: AccountInfo): AccountLookups {
    const cache = this.cacheFor(account);
    const sizes = this.lookup<DropletSize>(cache.peek(dropletSize), (s) => s.slug);
    const droplets = this.lookup<Droplet>(cache.peek(droplet), (d) => d.id);
    const vpcs = this.lookup<Vpc>(cache.peek(vpc), (v) => v.id);
    return {
      size: (slug) => sizes?.get(slug),
      dropletName: (id) => droplets?.get(id)?.name,
      vpcName: (id) => vpcs?.get(id)?.name,
    };
  }

  /**
   * A view shows this copy of a resource (from a list): it becomes the newest copy, and while
   * `transitional` says so (a top-level resource being created or acted on) it is polled until
   * it settles.
   */
  show(ref: ResourceRef, item: unknown, transitional?: (item: unknown) => boolean): void {
    if (transitional && !this.transitionalOf.has(ref.kind.kind)) this.transitionalOf.set(ref.kind.kind, transitional);
    const watching = transitional?.(item) === true && readAlone(ref.kind, ref.parents);
    if (!watching && this.live.size === 0) return;
    const key = keyOf(ref);
    if (watching || this.live.has(key)) this.live.set(key, { ref, item });
    if (watching) this.watch(key);
  }

  /** A copy newer than the lists hold (polled, or fetched after an action), if any. */
  item(key: string): unknown {
    return this.live.get(key)?.item;
  }

  /** The newest copy the model has of a resource: fetched after an action, else its list's. */
  newest(ref: ResourceRef): unknown {
    const fresher = this.live.get(keyOf(ref));
    if (fresher) return fresher.item;
    return this.cacheFor(ref.account)
      .peek(ref.kind, ref.parents)
      ?.find((x) => ref.kind.idOf(x as never) === ref.id);
  }

  transitionOf(key: string): string | undefined {
    return this.transitions.get(key);
  }

  /** Shows (or, with undefined, clears) what an action is doing to a resource. */
  setTransition(ref: ResourceRef, text: string | undefined): void {
    const key = keyOf(ref);
    if (text) this.transitions.set(key, text);
    else this.transitions.delete(key);
    this.changes.fire({ type: 'resource', key });
  }

  /**
   * A change to a resource, the same whoever asks (a command, a tool an agent runs): the resource
   * shows `transition` ("Powering off…") while the request runs and the API's asynchronous action
   * is waited for (an "errored" action is a failure; `waiting` is told when the wait begins), then
   * the real state again: the resource reloaded, or its kind's lists when the change deletes it.
   */
  async act(
    ref: ResourceRef,
    change: { transition: string; deletes?: boolean; start: (client: DigitalOceanClient, signal: AbortSignal) => Promise<Action | void> },
    signal: AbortSignal,
    waiting?: () => void,
  ): Promise<Action | void> {
    this.setTransition(ref, change.transition);
    try {
      const client = this.client(ref.account);
      const action = await change.start(client, signal);
      if (action && action.status !== 'completed') {
        waiting?.();
        return await client.waitForAction(action.id, { signal });
      }
      return action;
    } finally {
      this.setTransition(ref, undefined);
      if (change.deletes) this.reloadKind(ref.account, ref.kind.kind);
      else await this.reloadResource(ref).catch(() => undefined);
    }
  }

  /**
   * Fetches one resource again. Resolves the fresh copy, or undefined when it is gone (its
   * kind's lists are then forgotten, so the views showing them reload).
   */
  async reloadResource(ref: ResourceRef, signal?: AbortSignal): Promise<unknown> {
    const key = keyOf(ref);
    const cache = this.cacheFor(ref.account);
    let fresh: unknown;
    try {
      fresh = await cache.client.get(ref.kind, ref.id, { signal, parents: ref.parents });
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'not_found') {
        cache.invalidate(ref.kind.kind);
        this.changes.fire({ type: 'gone', key });
        return undefined;
      }
      throw error;
    }
    const before = cache.peek(ref.kind);
    cache.replace(ref.kind, fresh as never);
    if (before) this.lookupMaps.delete(before);
    return this.fresh(ref, key, fresh);
  }

  /**
   * A nested resource (a user, a pool, a record) found again in its parent's list: not every
   * nested kind has an endpoint of its own. Resolves the fresh copy, undefined when it is gone,
   * or the copy in hand when the API cannot list the kind (Kubernetes nodes) or the parent is gone.
   */
  async reloadFromParentList(ref: ResourceRef, inHand: unknown): Promise<unknown> {
    if (ref.kind.listable === false) return inHand;
    const cache = this.cacheFor(ref.account);
    cache.invalidate(ref.kind.kind);
    let items: unknown[];
    try {
      items = await cache.list(ref.kind, [...ref.parents]);
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'not_found') return inHand;
      throw error;
    }
    const fresh = items.find((x) => ref.kind.idOf(x) === ref.id);
    const key = keyOf(ref);
    if (fresh === undefined) {
      this.changes.fire({ type: 'gone', key });
      return undefined;
    }
    return this.fresh(ref, key, fresh);
  }

  /** A fresh copy arrived: it is the newest, the views redraw, and it is polled while in transition. */
  private fresh(ref: ResourceRef, key: string, item: unknown): unknown {
    const transitional = this.transitionalOf.get(ref.kind.kind);
    this.live.set(key, { ref, item });
    this.changes.fire({ type: 'resource', key });
    if (transitional?.(item) && readAlone(ref.kind, ref.parents)) this.watch(key);
    return item;
  }

  /**
   * Forgets a kind's lists of an account, after a create or delete, and with them which project
   * holds what (unless `projectsToo` is false: a nested kind, such as database users or DNS
   * records, is in no project); the views showing them reload.
   */
  reloadKind(account: AccountInfo, kind: string, projectsToo = true): void {
    this.cacheFor(account).invalidate(kind);
    if (projectsToo) this.cacheFor(account).invalidate('project_resource');
    this.changes.fire({ type: 'lists', accountId: account.id, kind });
  }

  /** Forgets every list of an account, or of all accounts. */
  forget(account?: AccountInfo): void {
    if (account) this.cacheFor(account).invalidate();
    else for (const cache of this.caches.values()) cache.invalidate();
  }

  /** Resources in transition are polled only while someone can see them (the view or a panel). */
  setVisible(visible: boolean): void {
    this.poller.setVisible(visible);
  }

  dispose(): void {
    this.poller.dispose();
    this.changes.dispose();
    for (const s of this.subscriptions) s.dispose();
  }

  private watch(key: string): void {
    this.poller.watch({
      key,
      poll: async (signal) => {
        const live = this.live.get(key);
        if (!live) return false;
        const fresh = await this.reloadResource(live.ref, signal);
        if (fresh === undefined) return false;
        return this.transitionalOf.get(live.ref.kind.kind)?.(this.live.get(key)?.item) ?? false;
      },
    });
  }

  private accountsChanged(): void {
    const present = new Set(this.store.list().map((a) => a.id));
    for (const id of [...this.caches.keys()]) {
      if (!present.has(id)) {
        this.caches.delete(id);
        this.poller.unwatchPrefix(`${id}/`);
      }
    }
    for (const key of [...this.live.keys()]) {
      if (!present.has(key.split('/')[0])) this.live.delete(key);
    }
    this.changes.fire({ type: 'accounts' });
  }

  private lookup<T>(items: T[] | undefined, keyOf: (item: T) => string | number): Map<string | number, T> | undefined {
    if (!items) return undefined;
    let map = this.lookupMaps.get(items) as Map<string | number, T> | undefined;
    if (!map) {
      map = new Map(items.map((i) => [keyOf(i), i]));
      this.lookupMaps.set(items, map);
    }
    return map;
  }
}
