import { defineKind } from './descriptor';

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

export const domain = defineKind<Domain>({
  deletable: true,
  kind: 'domain',
  heavyDelete: true,
  label: 'Domain',
  pluralLabel: 'Domains',
  path: '/v2/domains',
  collectionKey: 'domains',
  singleKey: 'domain',
  idOf: (d) => d.name,
  nameOf: (d) => d.name,
  urnPrefix: 'do:domain:',
  paginated: true,
});

export const domainRecord = defineKind<DomainRecord>({
  kind: 'domain_record',
  label: 'DNS record',
  pluralLabel: 'Records',
  path: (domainName) => `/v2/domains/${domainName}/records`,
  collectionKey: 'domain_records',
  singleKey: 'domain_record',
  idOf: (r) => String(r.id),
  nameOf: (r) => `${r.type} ${r.name}`,
  paginated: true,
  parent: 'domain',
});
