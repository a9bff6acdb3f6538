/** What a kind of document is; each file of this folder describes one (index.ts finds them). */
import type { DigitalOceanClient } from '../../../api';
import type { ResourceKind } from '../../../api/resources/descriptor';
import type { AnyPresenter } from '../../../tree/kinds';

export type Value = Record<string, unknown>;

/** What a kind of document is: which resource, what of it the document holds, how it is saved. */
export interface DocumentKind<T> {
  segment: string;
  suffix: string;
  resource: ResourceKind<T>;
  presenter: AnyPresenter;
  /** dist/schemas/<schema>.json (a function where it depends on the item: a database's engine) */
  schema: string | ((item: T) => string);
  /** Reads the item the document is made from, where a plain GET of the resource is not it. */
  load?(client: DigitalOceanClient, id: string, signal?: AbortSignal): Promise<T>;
  name(item: T): string;
  /** The part of the resource the document holds. */
  content(item: T): Value;
  header(item: T): string;
  /** The API's own check, where it has one: resolves a sentence for the confirmation. */
  propose?(client: DigitalOceanClient, item: T, value: Value, signal: AbortSignal): Promise<string | undefined>;
  /** The change in words, for the confirmation. */
  summary(before: Value, after: Value): string;
  save(client: DigitalOceanClient, item: T, value: Value, signal: AbortSignal): Promise<unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a heterogeneous registry
export type AnyDocumentKind = DocumentKind<any>;

/** "added: …; removed: …" between two lists of rule texts; undefined when equal. */
export function listChange(what: string, before: string[], after: string[]): string | undefined {
  const added = after.filter((r) => !before.includes(r));
  const removed = before.filter((r) => !after.includes(r));
  if (!added.length && !removed.length) return undefined;
  return [`${what}:`, ...added.map((r) => `+ ${r}`), ...removed.map((r) => `− ${r}`)].join('\n');
}
