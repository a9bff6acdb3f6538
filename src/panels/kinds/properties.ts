/**
 * The structured properties panel every kind gets unless it has its own: the API's fields with
 * readable labels, nested objects as their own groups, lists as tables, tags as chips, and links
 * to the droplets, volumes and VPC a resource refers to.
 */
import { droplet } from '../../api/resources/droplet';
import { volume } from '../../api/resources/volume';
import { vpc } from '../../api/resources/vpc';
import type { CellView, FieldView, SectionView } from '../protocol';
import { type PanelContext, type PanelTarget, plain, when } from './builder';
import * as l10n from '@vscode/l10n';

type Json = Record<string, unknown>;

const SECRET_KEYS = /^(password|token|secret|key|private_key|access_key|access_cert|client_key_data|\w*api_key)$/i;
/** A URL with a user and password in it (a log sink's): shown masked until asked for. */
const URL_WITH_PASSWORD = /(:\/\/[^:/@\s]+:)[^@\s]+@/;
const ID_KEYS = /(^id$|_id$|^uuid$|_uuid$|^urn$|fingerprint)/i;

/** "storage_size_mib" → "Storage size MiB". */
export function humanize(key: string): string {
  const words = key
    .split(/[_\s]+/)
    .filter(Boolean)
    .map((w) =>
      /^(id|ip|ipv4|ipv6|url|uri|urn|vpc|ttl|dns|ssl|tls|cdn|cpu|gb|mib|api|http|https)$/i.test(w)
        ? w.toUpperCase().replace('IPV', 'IPv').replace('MIB', 'MiB')
        : w,
    );
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The resource as JSON for the raw view, with secrets (and passwords inside URIs) masked. */
export function maskedJson(value: unknown): string {
  const mask = (v: unknown, key = ''): unknown => {
    if (typeof v === 'string') {
      if (SECRET_KEYS.test(key) && v) return '••••••••';
      return v.replace(/(:\/\/[^:/@\s]+:)[^@\s]+@/g, '$1••••••••@');
    }
    if (Array.isArray(v)) return v.map((x) => mask(x));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mask(x, k)]));
    return v;
  };
  return JSON.stringify(mask(value), null, 2);
}

function scalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function fieldFor(key: string, value: string | number | boolean, ctx: PanelContext): FieldView {
  const label = humanize(key);
  if (SECRET_KEYS.test(key) && typeof value === 'string') return ctx.parts.secret(label, key, value);
  if (typeof value === 'string' && URL_WITH_PASSWORD.test(value))
    return ctx.parts.secret(label, key, value, (v) => v.replace(new RegExp(URL_WITH_PASSWORD.source, 'g'), '$1••••••••@'));
  if (typeof value === 'string' && /^https:\/\//i.test(value)) return ctx.parts.url(label, value);
  if (typeof value === 'string' && /_at$/.test(key)) return plain(label, when(value, ctx.now));
  if (ID_KEYS.test(key) || /^(ip_address|ip|endpoint|fqdn|hostname|host)$/.test(key)) return ctx.parts.copyable(label, String(value));
  return plain(label, value);
}

/** Droplets, volumes and VPCs a resource names, as links (found in the account's lists). */
async function related(item: Json, ctx: PanelContext): Promise<{ sections: SectionView[]; fields: FieldView[]; handled: Set<string> }> {
  const sections: SectionView[] = [];
  const out: FieldView[] = [];
  const handled = new Set<string>();
  const list = async (key: string, title: string, kind: typeof droplet | typeof volume, ids: unknown) => {
    if (!Array.isArray(ids)) return;
    handled.add(key);
    const rows: CellView[][] = [];
    for (const id of ids) {
      const target = await ctx.find(kind as never, id as string).catch(() => undefined);
      const name = target ? target.presenter.kind.nameOf(target.item as never) : String(id);
      rows.push([target ? ctx.parts.resourceLink(name, target) : { text: name }, { text: String(id), mono: true }]);
    }
    sections.push({ type: 'table', id: key, title, columns: [l10n.t('Name'), 'ID'], rows, empty: l10n.t('No {0}', title.toLowerCase()) });
  };
  await list('droplet_ids', l10n.t('Droplets'), droplet, item.droplet_ids);
  await list('volume_ids', l10n.t('Volumes'), volume, item.volume_ids);
  const single = async (key: string, label: string, kind: typeof droplet | typeof vpc, id: unknown) => {
    if (id === undefined || id === null || id === '') return;
    handled.add(key);
    const target: PanelTarget | undefined = await ctx.find(kind as never, String(id)).catch(() => undefined);
    out.push(
      target ? { label, value: target.presenter.kind.nameOf(target.item as never), link: ctx.parts.link({ resource: target }) } : plain(label, String(id)),
    );
  };
  const dropletRef = item.droplet && typeof item.droplet === 'object' ? (item.droplet as Json).id : item.droplet_id;
  if (item.droplet !== undefined) handled.add('droplet');
  await single('droplet_id', l10n.t('Droplet'), droplet, dropletRef);
  await single('vpc_uuid', 'VPC', vpc, item.vpc_uuid);
  return { sections, fields: out, handled };
}

export async function propertySections(item: Json, ctx: PanelContext, skip: ReadonlySet<string> = new Set()): Promise<SectionView[]> {
  const links = await related(item, ctx);
  const top: FieldView[] = [...links.fields];
  const groups: SectionView[] = [];
  const tables: SectionView[] = [...links.sections];
  for (const [key, value] of Object.entries(item)) {
    if (skip.has(key) || links.handled.has(key) || value === undefined) continue;
    if (value === null) {
      top.push(plain(humanize(key), '—'));
    } else if (scalar(value)) {
      top.push(fieldFor(key, value, ctx));
    } else if (key === 'tags' && Array.isArray(value)) {
      groups.push({ type: 'tags', id: 'tags', title: l10n.t('Tags'), tags: value.map(String), empty: l10n.t('No tags') });
    } else if (key === 'region' && typeof value === 'object' && !Array.isArray(value)) {
      const r = value as Json;
      top.push(plain(l10n.t('Region'), [r.slug, r.name].filter(Boolean).join(' · ')));
    } else if (Array.isArray(value)) {
      if (value.every(scalar)) {
        top.push(plain(humanize(key), value.length ? value.join(', ') : '—'));
      } else {
        const objects = value.filter((v): v is Json => typeof v === 'object' && v !== null);
        const columns = [...new Set(objects.flatMap((o) => Object.keys(o).filter((k) => scalar(o[k]) && !SECRET_KEYS.test(k))))].slice(0, 7);
        tables.push({
          type: 'table',
          id: key,
          title: humanize(key),
          columns: columns.map(humanize),
          rows: objects.map((o) => columns.map((c) => (o[c] === undefined || o[c] === null ? '' : String(o[c])))),
          empty: l10n.t('No {0}', humanize(key).toLowerCase()),
        });
      }
    } else {
      const nested = Object.entries(value as Json).filter(([, v]) => v !== undefined);
      groups.push({
        type: 'fields',
        id: key,
        title: humanize(key),
        fields: nested.map(([k, v]) => (scalar(v) ? fieldFor(k, v, ctx) : plain(humanize(k), v === null ? '—' : JSON.stringify(v)))),
      });
    }
  }
  return [{ type: 'fields', id: 'properties', title: l10n.t('Properties'), fields: top }, ...groups, ...tables];
}
