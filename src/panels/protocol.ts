/**
 * What the extension and a detail panel's webview say to each other. Shared by both sides, so it
 * imports nothing. The host sends a whole {@link PanelView} (plain data, no markup: the webview
 * renders every string as text); the webview sends back only ids that point into the view the
 * host sent last, and every message is validated before anything acts on it.
 */

export type Tone = 'ok' | 'busy' | 'warn' | 'error' | 'muted';

export interface FieldView {
  label: string;
  value: string;
  /** Copyable: the host holds the value under this id (a secret is copied without being shown). */
  copy?: string;
  /** A secret: `value` is a mask until the user reveals it (the host then sends the real one). */
  reveal?: string;
  /** Opens another panel or an external https page: an id the host resolves. */
  link?: string;
  mono?: boolean;
  tone?: Tone;
}

export interface CellView {
  text: string;
  link?: string;
  copy?: string;
  tone?: Tone;
  mono?: boolean;
}

export interface ChartView {
  id: string;
  title: string;
  /** How values are labelled on the axis: "%", "Mbps", "" (load). */
  unit: string;
  /** Seconds since the epoch. */
  x: number[];
  series: { label: string; values: (number | null)[] }[];
}

interface SectionBase {
  id: string;
  title: string;
}

export type SectionView =
  | (SectionBase & { type: 'fields'; fields: FieldView[] })
  | (SectionBase & { type: 'table'; columns: string[]; rows: (string | CellView)[][]; empty: string })
  | (SectionBase & { type: 'tags'; tags: string[]; empty: string })
  | (SectionBase & { type: 'charts'; ranges: string[]; range: string; charts: ChartView[]; note?: string; loading?: boolean });

export interface ButtonView {
  id: string;
  label: string;
  primary?: boolean;
  disabled?: boolean;
}

export interface PanelView {
  /** Kind of resource, e.g. "Droplet". */
  kindLabel: string;
  title: string;
  subtitle: string;
  status?: { text: string; tone: Tone };
  buttons: ButtonView[];
  sections: SectionView[];
  /** The resource as the API returned it (secrets masked), for the raw JSON toggle. */
  raw: string;
  /** A problem loading part of the panel (shown above the sections). */
  notice?: string;
}

export type HostMessage = { type: 'render'; view: PanelView };

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'button'; id: string }
  | { type: 'copy'; id: string }
  | { type: 'reveal'; id: string }
  | { type: 'link'; id: string }
  | { type: 'range'; range: string };

export const RANGES = ['1h', '6h', '24h', '7d'] as const;
export type Range = (typeof RANGES)[number];

const ID = /^[A-Za-z0-9_.:-]{1,120}$/;
const WITH_ID = new Set(['button', 'copy', 'reveal', 'link']);

/**
 * The message if it is one the webview may send, else undefined. Exactly the expected keys, ids
 * of a safe shape, ranges from the list: anything else is dropped.
 */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const message = raw as Record<string, unknown>;
  const keys = Object.keys(message).sort().join(',');
  const type = message.type;
  if (type === 'ready' || type === 'refresh') return keys === 'type' ? { type } : undefined;
  if (typeof type === 'string' && WITH_ID.has(type)) {
    return keys === 'id,type' && typeof message.id === 'string' && ID.test(message.id) ? ({ type, id: message.id } as WebviewMessage) : undefined;
  }
  if (type === 'range') {
    return keys === 'range,type' && (RANGES as readonly unknown[]).includes(message.range) ? { type, range: message.range as string } : undefined;
  }
  return undefined;
}
