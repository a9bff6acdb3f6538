/**
 * Kubeconfig merging that loses nothing of the user's: it edits the file's YAML document (the
 * `yaml` library's document model), so comments, key order, unknown keys and other entries stay
 * exactly as they were. Pure functions on text; the file itself is written by safeWrite.
 */
import * as path from 'node:path';
import { isMap, isNode, isScalar, isSeq, parse, parseDocument, visit, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import * as l10n from '@vscode/l10n';

export interface NamedEntry {
  name: string;
  [key: string]: unknown;
}

/** The three entries a DigitalOcean kubeconfig brings: one cluster, one user, one context. */
export interface KubeEntries {
  cluster: NamedEntry & { cluster: Record<string, unknown> };
  user: NamedEntry & { user: Record<string, unknown> };
  context: NamedEntry & { context: { cluster: string; user: string; [key: string]: unknown } };
}

export class KubeconfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KubeconfigError';
  }
}

/** The file kubectl would use: the first existing file of KUBECONFIG, else its last; else ~/.kube/config. */
export function resolveKubeconfigPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string, exists: (file: string) => boolean): string {
  const list = (env.KUBECONFIG ?? '')
    .split(platform === 'win32' ? ';' : ':')
    .map((p) => p.trim())
    .filter(Boolean);
  if (list.length === 0) return path.join(home, '.kube', 'config');
  return list.find(exists) ?? list[list.length - 1];
}

/** The cluster, user and context of a kubeconfig answered by the API. */
export function parseIncoming(text: string): KubeEntries {
  const doc = parse(text) as { clusters?: NamedEntry[]; users?: NamedEntry[]; contexts?: NamedEntry[] } | null;
  const cluster = doc?.clusters?.[0];
  const user = doc?.users?.[0];
  const context = doc?.contexts?.[0];
  if (!cluster?.name || !user?.name || !context?.name || !cluster.cluster || !user.user || !context.context) {
    throw new KubeconfigError(l10n.t('The kubeconfig DigitalOcean sent has no cluster, user and context.'));
  }
  return { cluster, user, context } as KubeEntries;
}

/** The user's kubeconfig as a document; a file that is not valid YAML is refused, never replaced. */
function load(text: string | undefined, file = l10n.t('the kubeconfig')): Document {
  const doc = parseDocument(text ?? '');
  if (doc.errors.length) {
    const [first] = doc.errors;
    throw new KubeconfigError(l10n.t('{0} is not valid YAML ({1}). Nothing was changed; fix the file first.', file, first.message.split('\n')[0]));
  }
  if (doc.contents === null || doc.contents === undefined || (isMap(doc.contents) && doc.contents.items.length === 0)) {
    const fresh = parseDocument('apiVersion: v1\nkind: Config\npreferences: {}\nclusters: []\ncontexts: []\nusers: []\n');
    // keep a comment-only file's comments
    if (doc.commentBefore) fresh.commentBefore = doc.commentBefore;
    if (doc.comment) fresh.comment = doc.comment;
    return fresh;
  }
  if (!isMap(doc.contents)) throw new KubeconfigError(l10n.t('{0} is not a kubeconfig (its top level is not a mapping). Nothing was changed.', file));
  return doc;
}

function list(doc: Document, key: 'clusters' | 'users' | 'contexts'): YAMLSeq {
  let seq = doc.get(key, true);
  if (!isSeq(seq)) {
    const old = seq;
    seq = doc.createNode([]) as YAMLSeq;
    (seq as YAMLSeq).flow = false;
    // `clusters: null  # none yet`: the comment stays with the list that replaces the null
    if (isNode(old)) {
      (seq as YAMLSeq).commentBefore = old.commentBefore;
      (seq as YAMLSeq).comment = old.comment;
    }
    doc.set(key, seq);
  }
  if ((seq as YAMLSeq).flow && (seq as YAMLSeq).items.length === 0) (seq as YAMLSeq).flow = false;
  return seq as YAMLSeq;
}

function nameOf(item: unknown): string | undefined {
  if (!isMap(item)) return undefined;
  const name = (item as YAMLMap).get('name');
  return typeof name === 'string' ? name : undefined;
}

function names(doc: Document, key: 'clusters' | 'users' | 'contexts'): string[] {
  const seq = doc.get(key, true);
  return isSeq(seq) ? seq.items.map(nameOf).filter((n): n is string => n !== undefined) : [];
}

/** Incoming names that already exist in the user's file (cluster, user or context). */
export function clashes(existing: string | undefined, entries: KubeEntries): string[] {
  const doc = load(existing);
  const found = new Set<string>();
  if (names(doc, 'clusters').includes(entries.cluster.name)) found.add(entries.cluster.name);
  if (names(doc, 'users').includes(entries.user.name)) found.add(entries.user.name);
  if (names(doc, 'contexts').includes(entries.context.name)) found.add(entries.context.name);
  return [...found];
}

export function contextNames(existing: string | undefined): string[] {
  return names(load(existing), 'contexts');
}

/** The same entries under another name: cluster and context `alias`, user `alias-admin`. */
export function renameEntries(entries: KubeEntries, alias: string): KubeEntries {
  return {
    cluster: { ...entries.cluster, name: alias },
    user: { ...entries.user, name: `${alias}-admin` },
    context: { ...entries.context, name: alias, context: { ...entries.context.context, cluster: alias, user: `${alias}-admin` } },
  };
}

function upsert(doc: Document, key: 'clusters' | 'users' | 'contexts', entry: NamedEntry): void {
  const seq = list(doc, key);
  const existing = seq.items.find((item) => nameOf(item) === entry.name);
  if (isMap(existing)) {
    detach(doc, existing);
    assignInPlace(doc, existing as YAMLMap, entry);
  } else seq.items.push(doc.createNode(entry));
}

/**
 * Makes an entry safe to edit or remove on its own. YAML anchors let entries share nodes
 * (`cluster: &srv {…}` in one, `cluster: *srv` in another): editing the shared node in place would
 * change an entry the user did not pick, and removing the anchored one would leave the other's
 * alias unresolved. So every alias that points into the entry, or sits inside it, becomes a copy
 * of what it points to (anchors taken off the copy); the document then reads as before, and the
 * entry shares nothing.
 */
function detach(doc: Document, entry: unknown): void {
  if (!isNode(entry)) return;
  const inside = new Set<unknown>();
  visit(entry, { Node: (_key, node) => void inside.add(node) });
  inside.add(entry);
  visit(doc, {
    Alias: (_key, alias) => {
      const source = alias.resolve(doc);
      if (!source || (!inside.has(source) && !inside.has(alias))) return undefined;
      const copy = source.clone() as Node;
      visit(copy, { Node: (_k, node) => void delete (node as { anchor?: string }).anchor });
      delete (copy as { anchor?: string }).anchor;
      return copy;
    },
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Makes `target` equal to `value` by editing it rather than replacing it, so the comments the
 * user wrote in and around the entry survive an overwrite. Comments on keys that go away are
 * moved to the next key (or the map), not dropped.
 */
function assignInPlace(doc: Document, target: YAMLMap, value: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(value)) {
    const current = target.get(k, true);
    if (isMap(current) && isPlainObject(v)) assignInPlace(doc, current as YAMLMap, v);
    else if (isScalar(current) && (v === null || typeof v !== 'object')) current.value = v;
    else target.set(k, doc.createNode(v));
  }
  for (let i = target.items.length - 1; i >= 0; i--) {
    const pair = target.items[i];
    const keyName = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (keyName in value) continue;
    const comments = [
      isScalar(pair.key) ? pair.key.commentBefore : undefined,
      isNode(pair.value) ? pair.value.commentBefore : undefined,
      isNode(pair.value) ? pair.value.comment : undefined,
    ]
      .concat(isMap(pair.value) ? collectComments(pair.value) : [])
      .filter((c): c is string => Boolean(c));
    target.items.splice(i, 1);
    if (comments.length === 0) continue;
    const next = target.items[i] ?? target.items[i - 1];
    if (next && isScalar(next.key)) next.key.commentBefore = [next.key.commentBefore, ...comments].filter(Boolean).join('\n');
    else target.comment = [target.comment, ...comments].filter(Boolean).join('\n');
  }
}

function collectComments(map: YAMLMap): string[] {
  const out: string[] = [];
  for (const pair of map.items) {
    if (isScalar(pair.key) && pair.key.commentBefore) out.push(pair.key.commentBefore);
    if (isNode(pair.value)) {
      if (pair.value.commentBefore) out.push(pair.value.commentBefore);
      if (pair.value.comment) out.push(pair.value.comment);
      if (isMap(pair.value)) out.push(...collectComments(pair.value));
    }
  }
  return out;
}

/** Adds (or, for same names, replaces) the entries; optionally makes the context current. */
export function mergeKubeconfig(existing: string | undefined, entries: KubeEntries, options: { setCurrent?: boolean } = {}): string {
  const doc = load(existing);
  upsert(doc, 'clusters', entries.cluster);
  upsert(doc, 'users', entries.user);
  upsert(doc, 'contexts', entries.context);
  if (options.setCurrent) doc.set('current-context', entries.context.name);
  return doc.toString();
}

/** Makes an existing context current. */
export function setCurrentContext(existing: string | undefined, contextName: string): string {
  const doc = load(existing);
  if (!names(doc, 'contexts').includes(contextName))
    throw new KubeconfigError(l10n.t('There is no context {0} in the kubeconfig. Add the cluster first.', contextName));
  doc.set('current-context', contextName);
  return doc.toString();
}

function contextRefs(doc: Document): { name: string; cluster?: string; user?: string }[] {
  const seq = doc.get('contexts', true);
  if (!isSeq(seq)) return [];
  return seq.items.map((item) => {
    const context = isMap(item) ? (item as YAMLMap).get('context', true) : undefined;
    return {
      name: nameOf(item) ?? '',
      cluster: isMap(context) ? ((context as YAMLMap).get('cluster') as string | undefined) : undefined,
      user: isMap(context) ? ((context as YAMLMap).get('user') as string | undefined) : undefined,
    };
  });
}

/** The user entry a context refers to. */
export function userOfContext(existing: string | undefined, contextName: string): string | undefined {
  return contextRefs(load(existing)).find((c) => c.name === contextName)?.user;
}

/**
 * Removes a context, and its cluster and user unless another context still uses them; unsets
 * current-context if it was this one. Returns undefined when the context is not there.
 */
export function removeContext(existing: string | undefined, contextName: string): string | undefined {
  const doc = load(existing);
  const refs = contextRefs(doc);
  const target = refs.find((c) => c.name === contextName);
  if (!target) return undefined;
  const others = refs.filter((c) => c.name !== contextName);
  const drop = (key: 'clusters' | 'users' | 'contexts', name: string | undefined) => {
    const seq = doc.get(key, true);
    if (!name || !isSeq(seq)) return;
    const index = seq.items.findIndex((item) => nameOf(item) === name);
    if (index < 0) return;
    detach(doc, seq.items[index]);
    seq.items.splice(index, 1);
  };
  drop('contexts', contextName);
  if (target.cluster && !others.some((c) => c.cluster === target.cluster)) drop('clusters', target.cluster);
  if (target.user && !others.some((c) => c.user === target.user)) drop('users', target.user);
  if (doc.get('current-context') === contextName) doc.delete('current-context');
  return doc.toString();
}

/** Swaps a user's credentials (fresh token) and leaves everything else alone. */
export function replaceUserCredentials(existing: string | undefined, userName: string, credentials: Record<string, unknown>): string {
  const doc = load(existing);
  const seq = doc.get('users', true);
  const item = isSeq(seq) ? seq.items.find((i) => nameOf(i) === userName) : undefined;
  if (!item || !isMap(item)) throw new KubeconfigError(l10n.t('There is no user {0} in the kubeconfig. Add the cluster again.', userName));
  detach(doc, item);
  (item as YAMLMap).set('user', doc.createNode(credentials));
  return doc.toString();
}

/** A user whose token doctl mints on demand (no token stored in the file), with the doctl context of the cluster's account. */
export function doctlExecUser(clusterId: string, doctlContext: string): Record<string, unknown> {
  return {
    exec: {
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      command: 'doctl',
      args: ['kubernetes', 'cluster', 'kubeconfig', 'exec-credential', `--context=${doctlContext}`, '--version=v1beta1', clusterId],
      interactiveMode: 'IfAvailable',
      provideClusterInfo: false,
    },
  };
}
