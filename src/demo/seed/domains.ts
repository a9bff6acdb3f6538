/** Domains with their records, and certificates. */
import type { Certificate } from '../../api/resources/certificate';
import type { DomainRecord } from '../../api/resources/domain';
import { type Json, type SeedContext, type Stored, stableUuid } from './common';
import type { DemoData } from './state';

/** The first record id: the fake numbers records from here, in the order they are seeded. */
const FIRST_RECORD_ID = 40_000_001;

export function recordJson(id: number, type: string, name: string, data: string, extra: Json = {}): Stored<DomainRecord> {
  return { id, type, name, data, priority: null, port: null, ttl: 1800, weight: null, flags: null, tag: null, ...extra };
}

/** The id for the next record added to `records`. */
export function nextRecordId(records: DemoData['domainRecords']): number {
  let max = FIRST_RECORD_ID - 1;
  for (const list of Object.values(records)) for (const r of list) max = Math.max(max, r.id);
  return max + 1;
}

export function seedDomains({ t, now }: SeedContext): Pick<DemoData, 'domains' | 'domainRecords' | 'certificates'> {
  const domains = [
    { name: 'acme.example', ttl: 1800, zone_file: null },
    { name: 'acme-staging.example', ttl: 1800, zone_file: null },
  ];
  let recordId = FIRST_RECORD_ID - 1;
  const rec = (type: string, name: string, data: string, extra: Json = {}) => recordJson(++recordId, type, name, data, extra);
  const domainRecords: Record<string, Json[]> = {
    'acme.example': [
      rec('NS', '@', 'ns1.digitalocean.com'),
      rec('NS', '@', 'ns2.digitalocean.com'),
      rec('NS', '@', 'ns3.digitalocean.com'),
      rec('A', '@', '198.51.100.10'),
      rec('A', 'www', '198.51.100.10'),
      rec('AAAA', 'www', '2001:db8:1001::20'),
      rec('CNAME', 'docs', 'acme.example.'),
      rec('MX', '@', 'mx1.mail.example.', { priority: 10 }),
      rec('TXT', '@', 'v=spf1 include:mail.example ~all'),
      rec('CAA', '@', 'letsencrypt.org', { flags: 0, tag: 'issue' }),
      rec('SRV', '_sip._tcp', 'sip.acme.example.', { priority: 10, port: 5060, weight: 5 }),
    ],
    'acme-staging.example': [rec('NS', '@', 'ns1.digitalocean.com'), rec('A', '@', '203.0.113.8')],
  };

  const certificates: Stored<Certificate>[] = [
    {
      id: stableUuid('cert-acme'),
      name: 'acme-le',
      not_after: new Date(Date.parse(now) + 62 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      sha1_fingerprint: 'dfcc9f57d86bf58e321c2c6c31c7a971be244ac7',
      created_at: t(28),
      dns_names: ['acme.example', 'www.acme.example'],
      state: 'verified',
      type: 'lets_encrypt',
    },
    {
      id: stableUuid('cert-legacy'),
      name: 'legacy-custom',
      not_after: new Date(Date.parse(now) + 9 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      sha1_fingerprint: '4a8b36bbd3ad5e9c30e3ab1fa8f2a1e6a1e0e6a2',
      created_at: t(355),
      dns_names: [],
      state: 'verified',
      type: 'custom',
    },
  ];
  return { domains, domainRecords, certificates };
}
