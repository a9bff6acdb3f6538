import { defineKind } from './descriptor';
import * as l10n from '@vscode/l10n';

export interface Domain {
  name: string;
  ttl: number | null;
  zone_file: string | null;
}

export type DomainRecordType = 'A' | 'AAAA' | 'CAA' | 'CNAME' | 'MX' | 'NS' | 'SOA' | 'SRV' | 'TXT';

export interface DomainRecord {
  id: number;
  type: DomainRecordType;
  name: string;
  data: string;
  priority: number | null;
  port: number | null;
  ttl: number;
  weight: number | null;
  flags: number | null;
  tag: string | null;
}

/** A domain to add: a lowercase name of at least two labels (example.com), without a trailing dot. */
export function domainNameProblem(value: string, taken: readonly string[] = []): string | undefined {
  const name = value.trim().toLowerCase();
  if (!name) return l10n.t('A domain name is required, e.g. example.com.');
  if (name.endsWith('.')) return l10n.t('Leave out the trailing dot.');
  if (/^https?:\/\//.test(name) || name.includes('/')) return l10n.t('Just the domain name, e.g. example.com, without a URL.');
  const labels = name.split('.');
  if (name.length > 253 || labels.length < 2 || !labels.every((l) => /^(?!-)[a-z0-9-]{1,63}(?<!-)$/.test(l)) || /^\d+$/.test(labels[labels.length - 1])) {
    return 'Letters, digits and "-" in dot-separated parts, with a top-level domain: example.com.';
  }
  return taken.includes(name) ? l10n.t('{0} is in the account already.', name) : undefined;
}

export const domain = defineKind<Domain>({
  deletable: true,
  kind: 'domain',
  heavyDelete: true,
  label: l10n.t('Domain'),
  pluralLabel: l10n.t('Domains'),
  path: '/v2/domains',
  collectionKey: 'domains',
  singleKey: 'domain',
  idOf: (d) => d.name,
  nameOf: (d) => d.name,
  nameProblem: domainNameProblem,
  urnPrefix: 'do:domain:',
  paginated: true,
});

export const domainRecord = defineKind<DomainRecord>({
  kind: 'domain_record',
  label: l10n.t('DNS record'),
  pluralLabel: l10n.t('Records'),
  path: (domainName) => `/v2/domains/${domainName}/records`,
  collectionKey: 'domain_records',
  singleKey: 'domain_record',
  idOf: (r) => String(r.id),
  nameOf: (r) => `${r.type} ${r.name}`,
  paginated: true,
  parent: 'domain',
});
