/**
 * The detail panel's page. It renders the {@link PanelView} the extension sends and sends back
 * only ids from it. Every string from the API is set as text (textContent, attribute values):
 * nothing is parsed as HTML. Re-renders keep the scroll position and the chart objects.
 */
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-divider/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-table/index.js';
import '@vscode-elements/elements/dist/vscode-table-body/index.js';
import '@vscode-elements/elements/dist/vscode-table-cell/index.js';
import '@vscode-elements/elements/dist/vscode-table-header/index.js';
import '@vscode-elements/elements/dist/vscode-table-header-cell/index.js';
import '@vscode-elements/elements/dist/vscode-table-row/index.js';
import uPlot from 'uplot';
import type { CellView, ChartView, FieldView, HostMessage, PanelView, SectionView, WebviewMessage } from '../panels/protocol';
import * as l10n from '@vscode/l10n';

// The extension's translations, given once with the page (panels/html.ts); none in English.
const translations = document.getElementById('l10n')?.textContent;
if (translations) l10n.config({ contents: JSON.parse(translations) as Record<string, string> });

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const saved = (vscode.getState() ?? {}) as { raw?: boolean; scroll?: number };
let showRaw = saved.raw === true;
let current: PanelView | undefined;
/** Where the reader was when the panel was last hidden (the page is rebuilt when shown again). */
let restoreScroll = typeof saved.scroll === 'number' ? saved.scroll : undefined;
const charts = new Map<string, { plot: uPlot; box: HTMLElement }>();

const send = (message: WebviewMessage) => vscode.postMessage(message);

/** An element with text (never markup), attributes and children. */
function el(tag: string, props: { className?: string; text?: string; attrs?: Record<string, string> } = {}, ...children: Node[]): HTMLElement {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function button(
  label: string,
  onClick: () => void,
  options: { secondary?: boolean; small?: boolean; title?: string; id?: string; disabled?: boolean } = {},
): HTMLElement {
  const b = el('vscode-button', {
    text: label,
    attrs: { ...(options.title ? { title: options.title, 'aria-label': options.title } : {}), ...(options.id ? { 'data-action': options.id } : {}) },
  });
  if (options.secondary) b.setAttribute('secondary', '');
  if (options.disabled) b.setAttribute('disabled', '');
  if (options.small) b.className = 'small';
  b.addEventListener('click', () => {
    if (!b.hasAttribute('disabled')) onClick();
  });
  return b;
}

function link(text: string, id: string): HTMLElement {
  const a = el('a', { text, attrs: { href: '#', 'data-link': id } });
  a.addEventListener('click', (event) => {
    event.preventDefault();
    send({ type: 'link', id });
  });
  return a;
}

function valueNode(text: string, options: { link?: string; mono?: boolean; tone?: string }): HTMLElement {
  const node = options.link ? link(text, options.link) : el('span', { text });
  if (options.mono) node.classList.add('mono');
  if (options.tone) node.classList.add(`tone-${options.tone}`);
  return node;
}

function field(f: FieldView): HTMLElement[] {
  const dd = el('dd', {}, valueNode(f.value, f));
  if (f.reveal)
    dd.append(button(l10n.t('Show'), () => send({ type: 'reveal', id: f.reveal! }), { secondary: true, small: true, title: l10n.t('Show {0}', f.label) }));
  if (f.copy)
    dd.append(button(l10n.t('Copy'), () => send({ type: 'copy', id: f.copy! }), { secondary: true, small: true, title: l10n.t('Copy {0}', f.label) }));
  return [el('dt', { text: f.label }), dd];
}

function cell(c: string | CellView): HTMLElement {
  const td = el('vscode-table-cell');
  if (typeof c === 'string') {
    td.textContent = c;
    return td;
  }
  td.append(valueNode(c.text, c));
  if (c.copy) td.append(button(l10n.t('Copy'), () => send({ type: 'copy', id: c.copy! }), { secondary: true, small: true, title: l10n.t('Copy {0}', c.text) }));
  return td;
}

function table(section: Extract<SectionView, { type: 'table' }>): HTMLElement {
  if (section.rows.length === 0) return el('p', { className: 'empty', text: section.empty });
  const t = el('vscode-table', { attrs: { zebra: '', 'bordered-rows': '', 'aria-label': section.title } });
  const header = el('vscode-table-header', { attrs: { slot: 'header' } }, ...section.columns.map((c) => el('vscode-table-header-cell', { text: c })));
  const body = el('vscode-table-body', { attrs: { slot: 'body' } }, ...section.rows.map((row) => el('vscode-table-row', {}, ...row.map(cell))));
  t.append(header, body);
  return t;
}

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

const PALETTE = ['--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-green', '--vscode-charts-purple'];

function chart(c: ChartView, range: string): HTMLElement {
  const data: uPlot.AlignedData = [c.x, ...c.series.map((s) => s.values)];
  const existing = charts.get(c.id);
  if (existing) {
    existing.plot.setData(data);
    existing.box.dataset.points = String(c.x.length);
    existing.box.dataset.range = range;
    return existing.box;
  }
  const box = el('figure', {
    className: 'chart',
    attrs: { 'data-chart': c.id, 'data-points': String(c.x.length), 'data-range': range, role: 'img', 'aria-label': `${c.title} graph` },
  });
  const caption = el('figcaption', { text: c.title });
  box.append(caption);
  const fg = cssVar('--vscode-foreground', '#ccc');
  const grid = cssVar('--vscode-editorWidget-border', 'rgba(128,128,128,0.3)');
  const axis = { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  const plot = new uPlot(
    {
      width: 420,
      height: 180,
      series: [
        {},
        ...c.series.map((s, i) => ({
          label: s.label,
          stroke: cssVar(PALETTE[i % PALETTE.length], '#3794ff'),
          width: 1.5,
          points: { show: false },
          value: (_: uPlot, v: number | null) => (v === null ? '–' : `${v.toFixed(2)}${c.unit ? ` ${c.unit}` : ''}`),
        })),
      ],
      axes: [
        axis,
        {
          ...axis,
          ...(c.unit && c.unit !== '%' ? { label: c.unit, labelSize: 16 } : {}),
          values: (_: uPlot, ticks: number[]) => ticks.map((v) => `${v}${c.unit === '%' ? '%' : ''}`),
        },
      ],
      scales: c.unit === '%' ? { y: { range: [0, 100] } } : {},
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
    },
    data,
    box,
  );
  charts.set(c.id, { plot, box });
  box.dataset.stroke = cssVar(PALETTE[0], '#3794ff'); // the colour the first line was drawn in
  const resize = new ResizeObserver(() => {
    const width = Math.max(260, Math.floor(box.clientWidth - 8));
    if (Math.abs(plot.width - width) > 4) plot.setSize({ width, height: 180 });
  });
  resize.observe(box);
  return box;
}

function chartsSection(section: Extract<SectionView, { type: 'charts' }>): HTMLElement[] {
  const select = el('vscode-single-select', { attrs: { 'aria-label': l10n.t('Time range'), 'data-range-select': '' } });
  for (const r of section.ranges) {
    const option = el('vscode-option', { text: r, attrs: { value: r } });
    if (r === section.range) option.setAttribute('selected', '');
    select.append(option);
  }
  (select as unknown as { value: string }).value = section.range;
  select.addEventListener('change', () => send({ type: 'range', range: (select as unknown as { value: string }).value }));
  const out: HTMLElement[] = [el('div', { className: 'range' }, el('span', { text: l10n.t('Range') }), select)];
  if (section.note) out.push(el('p', { className: 'note', text: section.note }));
  if (section.loading) out.push(el('p', { className: 'note', text: l10n.t('Loading metrics…') }));
  const seen = new Set(section.charts.map((c) => c.id));
  for (const [id, entry] of charts) {
    if (!seen.has(id)) {
      entry.plot.destroy();
      charts.delete(id);
    }
  }
  out.push(el('div', { className: 'charts' }, ...section.charts.map((c) => chart(c, section.range))));
  return out;
}

function section(s: SectionView): HTMLElement {
  const heading = el('h2', { text: s.title, attrs: { id: `h-${s.id}` } });
  const box = el('section', { attrs: { 'aria-labelledby': `h-${s.id}`, 'data-section': s.id } }, heading);
  switch (s.type) {
    case 'fields':
      box.append(el('dl', {}, ...s.fields.flatMap(field)));
      break;
    case 'table':
      box.append(table(s));
      break;
    case 'tags':
      box.append(
        s.tags.length
          ? el('div', { className: 'tags' }, ...s.tags.map((t) => el('vscode-badge', { text: t })))
          : el('p', { className: 'empty', text: s.empty }),
      );
      break;
    case 'charts':
      box.append(...chartsSection(s));
      break;
  }
  return box;
}

function render(view: PanelView): void {
  current = view;
  const scroll = window.scrollY;
  const root = document.getElementById('root')!;
  const header = el(
    'header',
    {},
    el('div', { className: 'kind', text: view.kindLabel }),
    el('h1', { text: view.title }),
    el('p', { className: 'subtitle', text: view.subtitle }),
  );
  if (view.status)
    header
      .querySelector('.kind')!
      .append(el('vscode-badge', { className: `status tone-${view.status.tone}`, text: view.status.text, attrs: { 'data-status': '' } }));
  const toolbar = el(
    'div',
    { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': l10n.t('Actions') } },
    ...view.buttons.map((b) => button(b.label, () => send({ type: 'button', id: b.id }), { secondary: !b.primary, id: b.id, disabled: b.disabled })),
    button(l10n.t('Refresh'), () => send({ type: 'refresh' }), { secondary: true, id: 'refresh' }),
    button(
      showRaw ? l10n.t('Hide JSON') : l10n.t('Raw JSON'),
      () => {
        showRaw = !showRaw;
        saved.raw = showRaw;
        vscode.setState({ ...saved });
        if (current) render(current);
      },
      { secondary: true, id: 'raw', title: showRaw ? l10n.t('Hide the raw JSON') : l10n.t('Show the resource as raw JSON') },
    ),
  );
  const parts: HTMLElement[] = [header, toolbar];
  if (view.notice) parts.push(el('p', { className: 'notice', text: view.notice, attrs: { role: 'status' } }));
  if (showRaw)
    parts.push(
      el(
        'section',
        { attrs: { 'aria-label': l10n.t('Raw JSON'), 'data-section': 'raw' } },
        el('pre', { className: 'raw', text: view.raw, attrs: { tabindex: '0' } }),
      ),
    );
  else parts.push(...view.sections.map(section));
  root.replaceChildren(...parts);
  window.scrollTo(0, restoreScroll ?? scroll);
  restoreScroll = undefined;
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (message && message.type === 'render' && typeof message.view === 'object') render(message.view);
});
// A theme change swaps the body's classes and CSS variables; the graphs read their colours once,
// so they are drawn anew.
new MutationObserver(() => {
  for (const entry of charts.values()) entry.plot.destroy();
  charts.clear();
  if (current) render(current);
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

window.addEventListener(
  'scroll',
  () => {
    saved.scroll = window.scrollY;
    vscode.setState({ ...saved });
  },
  { passive: true },
);
send({ type: 'ready' });
