/**
 * How a kind's detail panel is described: sections built from the resource (and whatever else the
 * kind needs to fetch), buttons that run the same commands as the tree, and links between
 * resources. {@link ViewParts} keeps what the webview may refer to by id (values to copy,
 * secrets to reveal, links to follow), so the webview never sends a value, only an id.
 */
import type { AccountInfo } from '../../accounts/accountStore';
import type { ResourceKind } from '../../api';
import type { AccountCache } from '../../model/accountCache';
import type { AnyPresenter } from '../../tree/kinds';
import { relativeTime } from '../../tree/format';
import type { CellView, ChartView, FieldView, Range, SectionView } from '../protocol';
import * as l10n from '@vscode/l10n';

/** A resource a panel can show: what a tree node holds, without the tree. */
export interface PanelTarget {
  account: AccountInfo;
  presenter: AnyPresenter;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the presenter knows the type
  item: any;
  parents: string[];
}

export type LinkTarget = { resource: PanelTarget } | { url: string };

export const MASK = '••••••••';

export class ViewParts {
  readonly copies = new Map<string, string>();
  readonly secrets = new Map<string, string>();
  readonly links = new Map<string, LinkTarget>();
  private counter = 0;

  constructor(private readonly revealed: ReadonlySet<string>) {}

  /** An id for a value the user can copy. */
  copy(value: string): string {
    const id = `copy-${this.counter++}`;
    this.copies.set(id, value);
    return id;
  }

  link(target: LinkTarget): string {
    const id = `link-${this.counter++}`;
    this.links.set(id, target);
    return id;
  }

  /** A field that can be copied. */
  copyable(label: string, value: string | number | undefined | null, mono = true): FieldView {
    const text = value === undefined || value === null || value === '' ? '—' : String(value);
    return { label, value: text, mono, ...(text !== '—' ? { copy: this.copy(text) } : {}) };
  }

  /**
   * A secret (a password, a URI with one): masked until revealed. `key` names it stably, so a
   * revealed secret stays revealed when the panel is drawn again.
   */
  secret(label: string, key: string, value: string | undefined, mask: (v: string) => string = () => MASK): FieldView {
    if (!value) return { label, value: '—' };
    const id = `secret-${key}`.replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 120);
    this.secrets.set(id, value);
    const shown = this.revealed.has(id);
    return { label, value: shown ? value : mask(value), mono: true, copy: this.copy(value), ...(shown ? {} : { reveal: id }) };
  }

  resourceLink(text: string, target: PanelTarget): CellView {
    return { text, link: this.link({ resource: target }) };
  }

  /** An https URL as an external link; anything else as plain text. */
  url(label: string, value: string | undefined): FieldView {
    if (!value) return { label, value: '—' };
    return /^https:\/\//i.test(value) ? { label, value, link: this.link({ url: value }) } : { label, value };
  }
}

export interface PanelContext {
  account: AccountInfo;
  /** The resource's parents' ids (an app's, for one of its deployments); empty for a top-level kind. */
  parents: readonly string[];
  cache: AccountCache;
  range: Range;
  signal: AbortSignal;
  parts: ViewParts;
  now: number;
  /** A target for a related resource of `kind` (found in the account's lists), to link to. */
  find(kind: ResourceKind<never>, id: string | number): Promise<PanelTarget | undefined>;
  /** A target for a resource already in hand. */
  target(kind: ResourceKind<never>, item: unknown, parents?: string[]): PanelTarget;
  /** What `fetch` answers, kept for `maxAgeMs` in this panel (dropped by Refresh). */
  memo<T>(key: string, maxAgeMs: number, fetch: () => Promise<T>): Promise<T>;
}

export interface PanelButton {
  id: string;
  label: string;
  /** The command run with the resource's node, as from the tree's context menu. */
  command: string;
  primary?: boolean;
}

export interface PanelBuilder<T> {
  kind: string;
  buttons?(item: T): PanelButton[];
  sections(item: T, ctx: PanelContext): Promise<SectionView[]>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a heterogeneous registry
export type AnyPanelBuilder = PanelBuilder<any>;

export function fields(id: string, title: string, list: (FieldView | undefined)[]): SectionView {
  return { type: 'fields', id, title, fields: list.filter((f): f is FieldView => f !== undefined) };
}

export function plain(label: string, value: string | number | boolean | undefined | null): FieldView {
  return { label, value: value === undefined || value === null || value === '' ? '—' : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value) };
}

/** "2026-11-20T10:00:00Z" → "2026-11-20 10:00 UTC (3 days ago)", the relative part worded as in the tree. */
export function when(iso: string | undefined | null, now: number): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  // the same words as the tree's descriptions ("deployed 3 days ago" in both places)
  return `${iso.slice(0, 16).replace('T', ' ')} UTC (${relativeTime(iso, now)})`;
}

/** A section that is fetched separately: its failure shows in the section, not over the panel. */
export async function tolerant(id: string, title: string, build: () => Promise<SectionView | SectionView[]>): Promise<SectionView[]> {
  try {
    const built = await build();
    return Array.isArray(built) ? built : [built];
  } catch (error) {
    return [{ type: 'table', id, title, columns: [], rows: [], empty: l10n.t('Could not load: {0}', error instanceof Error ? error.message : String(error)) }];
  }
}

/** Several series on the x axis of the first: the others' values aligned to its times. */
export function chart(id: string, title: string, unit: string, lines: { label: string; points: [number, number][] }[]): ChartView {
  const x = (lines.find((l) => l.points.length)?.points ?? []).map(([t]) => t);
  return {
    id,
    title,
    unit,
    x,
    series: lines.map((l) => {
      const at = new Map(l.points);
      return { label: l.label, values: x.map((t) => at.get(t) ?? null) };
    }),
  };
}
