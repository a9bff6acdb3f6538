import { defineKind } from './descriptor';
import * as l10n from '@vscode/l10n';

export interface UptimeCheck {
  id: string;
  name: string;
  type: 'ping' | 'http' | 'https';
  target: string;
  regions: string[];
  enabled: boolean;
}

/** What a check of `type` may watch: an http(s) URL of that scheme with a host, or for ping a host name or IPv4 address. */
export function uptimeTargetProblem(type: unknown, target: unknown): string | undefined {
  if (typeof target !== 'string' || !target.trim()) return l10n.t('A target is required.');
  if (type === 'ping')
    return /^[a-zA-Z0-9.-]+$/.test(target) && !target.startsWith('-') ? undefined : l10n.t('A host name or IPv4 address, without a scheme: api.example.com.');
  if (type !== 'http' && type !== 'https') return l10n.t('Unknown check type {0}.', String(type));
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return `A URL such as ${type}://www.example.com/health.`;
  }
  if (url.protocol !== `${type}:`) return `An ${type.toUpperCase()} check watches a ${type}:// URL.`;
  return url.hostname ? undefined : l10n.t('The URL needs a host.');
}

export type UptimeAlertType = 'latency' | 'down' | 'down_global' | 'ssl_expiry';

export interface UptimeAlert {
  id: string;
  name: string;
  type: UptimeAlertType;
  threshold?: number;
  comparison?: 'greater_than' | 'less_than';
  notifications: { email: string[]; slack: { channel: string; url: string }[] };
  period: '2m' | '3m' | '5m' | '10m' | '15m' | '30m' | '1h';
}

export const uptimeCheck = defineKind<UptimeCheck>({
  nameProblem: (value, taken = []) =>
    !value
      ? l10n.t('A name is required.')
      : value.length > 255
        ? l10n.t('At most 255 characters.')
        : taken.includes(value)
          ? l10n.t('A check named {0} exists already.', value)
          : undefined,
  deletable: true,
  kind: 'uptime_check',
  label: l10n.t('Uptime check'),
  pluralLabel: l10n.t('Uptime checks'),
  path: '/v2/uptime/checks',
  collectionKey: 'checks',
  singleKey: 'check',
  idOf: (c) => c.id,
  nameOf: (c) => c.name,
  paginated: true,
});

/** A check's alerts: nested under it (`/v2/uptime/checks/{id}/alerts`), each deleted on its own. */
export const uptimeAlert = defineKind<UptimeAlert>({
  deletable: true,
  kind: 'uptime_alert',
  label: l10n.t('Uptime alert'),
  pluralLabel: l10n.t('Alerts'),
  path: (checkId) => `/v2/uptime/checks/${checkId}/alerts`,
  collectionKey: 'alerts',
  singleKey: 'alert',
  idOf: (a) => a.id,
  nameOf: (a) => a.name,
  paginated: true,
  parent: 'uptime_check',
});

export interface UptimeRegionState {
  status?: 'UP' | 'DOWN' | 'CHECKING';
  status_changed_at?: string;
  thirty_day_uptime_percentage?: number;
}

/** `GET /v2/uptime/checks/{id}/state`: per region, and the last outage. */
export interface UptimeState {
  regions?: Record<string, UptimeRegionState | undefined>;
  previous_outage?: { region?: string; started_at?: string; ended_at?: string; duration_seconds?: number };
}

export interface UptimeStateSummary {
  /** down when any region sees it down; checking while any is still checking; up when all are up. */
  status: 'up' | 'down' | 'checking' | 'unknown';
  down: string[];
  /** The lowest 30-day uptime of its regions, in percent. */
  worstUptime?: number;
}

/** What a check's state says at a glance; regions the API did not answer for are left out. */
export function uptimeStateSummary(state: UptimeState | undefined): UptimeStateSummary {
  const regions = Object.entries(state?.regions ?? {}).filter((e): e is [string, UptimeRegionState] => typeof e[1] === 'object' && e[1] !== null);
  const down = regions.filter(([, r]) => r.status === 'DOWN').map(([name]) => name);
  const uptimes = regions.map(([, r]) => r.thirty_day_uptime_percentage).filter((n): n is number => typeof n === 'number' && Number.isFinite(n));
  const worstUptime = uptimes.length ? Math.min(...uptimes) : undefined;
  const status = !regions.length ? 'unknown' : down.length ? 'down' : regions.some(([, r]) => r.status !== 'UP') ? 'checking' : 'up';
  return { status, down, worstUptime };
}

/** The body of `PUT /v2/uptime/checks/{id}`: the check as it is, with `change` over it (the API replaces what it is sent). */
export function uptimeCheckUpdate(check: UptimeCheck, change: Partial<Pick<UptimeCheck, 'name' | 'target' | 'regions' | 'enabled'>>) {
  return { name: check.name, type: check.type, target: check.target, regions: check.regions, enabled: check.enabled, ...change };
}
