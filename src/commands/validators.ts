/**
 * The rules input is checked against before any request that are not one kind's: lists of tags,
 * numbers in a range, trusted sources, and what a DNS record of each type may hold. A kind's own
 * name rule is its descriptor's `nameProblem` (src/api/resources). Pure functions: no VS Code, no
 * Node-only modules. Each answers undefined when the value is fine, else the message the input
 * box shows.
 */
import { isIpv4, isIpv6 } from '../api/cidr';
import { tagNameProblem } from '../api/resources/tag';
import * as l10n from '@vscode/l10n';

export const RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'SRV', 'CAA'] as const;
export type EditableRecordType = (typeof RECORD_TYPES)[number];

const LABEL = /^(?!-)[A-Za-z0-9_-]{1,63}(?<!-)$/;

/** A host name, relative ("mail") or fully qualified ("mail.example.com."), or "@". */
export function isHostname(value: string, allowAt = false): boolean {
  if (allowAt && value === '@') return true;
  const host = value.endsWith('.') ? value.slice(0, -1) : value;
  if (!host || host.length > 253) return false;
  return host.split('.').every((label) => LABEL.test(label));
}

/** The record's name: "@" for the domain itself, or labels (a leading "*." for a wildcard). */
export function recordNameProblem(value: string): string | undefined {
  const name = value.trim();
  if (!name) return l10n.t('A name is required: "@" for the domain itself.');
  if (name === '@') return undefined;
  const bare = name.startsWith('*.') ? name.slice(2) : name;
  if (name === '*' || isHostname(bare)) return undefined;
  return l10n.t('Letters, digits, "-" and "_" in dot-separated parts of at most 63 characters; "@" for the domain itself.');
}

export function recordDataProblem(type: EditableRecordType, value: string): string | undefined {
  const data = value.trim();
  if (!data) return l10n.t('A value is required.');
  switch (type) {
    case 'A':
      return isIpv4(data) ? undefined : l10n.t('An A record points to an IPv4 address, like 203.0.113.10.');
    case 'AAAA':
      return isIpv6(data) ? undefined : l10n.t('An AAAA record points to an IPv6 address, like 2001:db8::10.');
    case 'CNAME':
    case 'NS':
    case 'MX':
    case 'SRV':
      if (isIpv4(data) || isIpv6(data)) return l10n.t('A {0} record points to a host name, not an IP address.', type);
      return isHostname(data, type === 'CNAME' || type === 'MX' || type === 'SRV')
        ? undefined
        : l10n.t('A {0} record points to a host name, like mail.example.com.', type);
    case 'TXT':
      return data.length > 512 ? l10n.t('At most 512 characters.') : undefined;
    case 'CAA':
      return isHostname(data) || data.startsWith('mailto:') || /^https?:\/\//.test(data)
        ? undefined
        : l10n.t('The issuer domain (e.g. letsencrypt.org), or an iodef mailto:/https: URL.');
  }
}

/** A whole number in a range (priority, port, weight, flags, TTL). */
export function numberProblem(value: string, min: number, max: number, what: string): string | undefined {
  if (!/^\d+$/.test(value.trim())) return l10n.t('{0}: a whole number.', what);
  const n = Number(value);
  return n < min || n > max ? l10n.t('{0}: from {1} to {2}.', what, min, max) : undefined;
}

export function tagsProblem(value: string): string | undefined {
  const tags = value
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const bad = tags.find((t) => tagNameProblem(t) !== undefined);
  return bad ? l10n.t('"{0}": tags use letters, digits, "_", ":" and "-" (at most 255).', bad) : undefined;
}
