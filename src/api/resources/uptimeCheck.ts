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
