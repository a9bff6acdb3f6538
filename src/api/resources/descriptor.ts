import * as l10n from '@vscode/l10n';
/**
 * A resource kind, described once. The client uses the path and keys to list, get, create, update,
 * delete and act on it; the tree and the commands use the labels, ids, URN prefix and actions.
 * Adding a kind means adding one file in this folder; index.ts finds it.
 */
export interface ResourceKind<T = unknown> {
  /** Stable identifier, also used in tree context values and command ids: "droplet". */
  readonly kind: string;
  readonly label: string;
  readonly pluralLabel: string;
  /**
   * The collection path. Nested kinds take their parents' ids in order, e.g.
   * `(clusterId) => /v2/kubernetes/clusters/${clusterId}/node_pools`.
   */
  readonly path: string | ((...parentIds: string[]) => string);
  /** Key of the array in a list answer: "droplets". */
  readonly collectionKey: string;
  /** Key of the object in a single answer: "droplet". */
  readonly singleKey: string;
  readonly idOf: (item: T) => string;
  readonly nameOf: (item: T) => string;
  /** Prefix of the URNs the projects API uses for this kind: "do:droplet:". */
  readonly urnPrefix?: string;
  /** The `type` values `POST <path>/<id>/actions` accepts. */
  readonly actions?: readonly string[];
  /** Whether the list is paginated (`page`/`per_page`, `links`, `meta.total`). */
  readonly paginated: boolean;
  /** The parent kind, for nested kinds. */
  readonly parent?: string;
  /**
   * A nested kind with a GET of its own (an app's deployment): read again, and polled while in
   * transition, by that GET. Other nested kinds are found again in their parent's list.
   */
  readonly gettable?: boolean;
  /** The path answers one object (`singleKey`) instead of a list; 404 means there is none. */
  readonly singleton?: boolean;
  /** `DELETE <path>/<id>` removes one (droplets, volumes and reserved IPs have their own flows). */
  readonly deletable?: boolean;
  /** False when the API has no list endpoint of its own (items come inside their parent). */
  readonly listable?: boolean;
  /** Losing one is heavy (everything in it goes): deleting it needs its name typed, not a click. */
  readonly heavyDelete?: boolean;
  /** What else a delete does, said in its confirmation (a tag comes off the resources that carry it). */
  readonly deleteNote?: (item: T) => string | undefined;
  /**
   * The `resource_type` the tags API (`POST /v2/tags/{name}/resources`) takes for an item of this
   * kind, or undefined when it cannot be tagged (a function: snapshots of droplets cannot be).
   */
  readonly tagResourceType?: (item: T) => string | undefined;
  /**
   * What is wrong with a name for a new one, before any request (undefined when it is fine);
   * `taken` are the names its siblings have already. The message is what the input box shows.
   */
  readonly nameProblem?: (name: string, taken?: readonly string[]) => string | undefined;
}

export function defineKind<T>(kind: ResourceKind<T>): ResourceKind<T> {
  return kind;
}

/** Whether one item of the kind is read again by a GET of its own (every top-level kind; nested ones that say so). */
export function readAlone(kind: Pick<ResourceKind<never>, 'gettable'>, parents: readonly string[]): boolean {
  return parents.length === 0 || kind.gettable === true;
}

export function collectionPath(kind: ResourceKind<never> | ResourceKind<unknown>, parentIds: readonly string[] = []): string {
  const path = kind.path;
  if (typeof path === 'string') return path;
  if (parentIds.length < path.length) {
    throw new Error(l10n.t('{0} needs {1} parent id(s)', kind.label, path.length));
  }
  return path(...parentIds.map((id) => encodeURIComponent(id)));
}

export function itemPath(kind: ResourceKind<never> | ResourceKind<unknown>, id: string, parentIds: readonly string[] = []): string {
  return `${collectionPath(kind, parentIds)}/${encodeURIComponent(id)}`;
}

/** Common shapes. */
export interface Region {
  slug: string;
  name: string;
  features?: string[];
  available?: boolean;
  sizes?: string[];
}
