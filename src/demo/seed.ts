/**
 * The demo team's data: a realistic small company on DigitalOcean. Deterministic (no randomness,
 * fixed clock at seeding) so tests can name what they expect. Field names follow the API reference.
 */
import type { Account, Balance } from '../api/resources/account';
import type { AlertPolicy } from '../api/resources/alertPolicy';
import type { App } from '../api/resources/app';
import type { CdnEndpoint } from '../api/resources/cdnEndpoint';
import type { Certificate } from '../api/resources/certificate';
import type { ConnectionPool, DatabaseCluster, DatabaseDb, DatabaseFirewallRule, DatabaseUser } from '../api/resources/database';
import type { Domain, DomainRecord } from '../api/resources/domain';
import type { Droplet } from '../api/resources/droplet';
import type { Firewall } from '../api/resources/firewall';
import type { FunctionsNamespace } from '../api/resources/functionsNamespace';
import type { Image } from '../api/resources/image';
import type { KubernetesCluster } from '../api/resources/kubernetes';
import type { LoadBalancer } from '../api/resources/loadBalancer';
import type { Project } from '../api/resources/project';
import type { Registry, RegistryRepository, RegistryTag } from '../api/resources/registry';
import type { ReservedIp } from '../api/resources/reservedIp';
import type { ReservedIpv6 } from '../api/resources/reservedIpv6';
import type { Snapshot } from '../api/resources/snapshot';
import type { SpacesKey } from '../api/resources/spacesKey';
import type { SshKey } from '../api/resources/sshKey';
import type { UptimeAlert, UptimeCheck } from '../api/resources/uptimeCheck';
import type { Volume } from '../api/resources/volume';
import type { Vpc } from '../api/resources/vpc';
import type { VpcPeering } from '../api/resources/vpcPeering';

export interface SeedOptions {
  /** Extra droplets named load-<n>, for pagination tests and benchmarks. */
  extraDroplets?: number;
  /**
   * Benchmark scale: `projects` extra projects, each with `perKind` droplets, volumes, Kubernetes
   * clusters, database clusters, load balancers, reserved IPs, domains and apps, plus as many
   * snapshots, SSH keys, firewalls and certificates account-wide (12 kinds in all).
   */
  scale?: { projects: number; perKind: number };
  /** ISO time the demo data is dated from (created_at, expiries); the start of today by default. */
  now?: string;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- seed objects are plain API JSON */
export type Json = any;

export const DEMO_TEAM = { uuid: 'c1d4e9f0-7a5b-4c3d-9e2f-1a2b3c4d5e6f', name: 'Acme Demo Team' };
export const DEMO_EMAIL = 'demo@acme.example';

export const REGIONS: Record<string, string> = {
  nyc1: 'New York 1',
  nyc3: 'New York 3',
  sfo3: 'San Francisco 3',
  ams3: 'Amsterdam 3',
  fra1: 'Frankfurt 1',
  lon1: 'London 1',
  sgp1: 'Singapore 1',
  tor1: 'Toronto 1',
};

export const SIZES: Json[] = [
  size('s-1vcpu-1gb', 1, 1024, 25, 1000, 6),
  size('s-1vcpu-2gb', 1, 2048, 50, 2000, 12),
  size('s-2vcpu-2gb', 2, 2048, 60, 3000, 18),
  size('s-2vcpu-4gb', 2, 4096, 80, 4000, 24),
  size('s-4vcpu-8gb', 4, 8192, 160, 5000, 48),
  size('c-2', 2, 4096, 25, 4000, 42),
  size('g-2vcpu-8gb', 2, 8192, 25, 5000, 63),
];

function size(slug: string, vcpus: number, memory: number, disk: number, transferGb: number, monthly: number): Json {
  return {
    slug,
    memory,
    vcpus,
    disk,
    transfer: transferGb / 1000,
    price_monthly: monthly,
    price_hourly: Math.round((monthly / 672) * 100000) / 100000,
    regions: Object.keys(REGIONS),
    available: true,
    description: slug.startsWith('s-') ? 'Basic' : slug.startsWith('c-') ? 'CPU-Optimized' : 'General Purpose',
  };
}

export function region(slug: string): Json {
  return {
    name: REGIONS[slug] ?? slug,
    slug,
    features: ['backups', 'ipv6', 'metadata', 'install_agent', 'storage', 'image_transfer'],
    available: true,
    sizes: SIZES.map((s) => s.slug),
  };
}

export const IMAGES: Json[] = [
  baseImage(191457505, 'ubuntu-24-04-x64', '24.04 (LTS) x64', 'Ubuntu'),
  baseImage(191457506, 'ubuntu-22-04-x64', '22.04 (LTS) x64', 'Ubuntu'),
  baseImage(191457507, 'debian-12-x64', '12 x64', 'Debian'),
  baseImage(191457508, 'fedora-40-x64', '40 x64', 'Fedora'),
  baseImage(191457509, 'rockylinux-9-x64', '9 x64', 'Rocky Linux'),
];

function baseImage(id: number, slug: string, name: string, distribution: string): Json {
  return {
    id,
    name,
    type: 'base',
    distribution,
    slug,
    public: true,
    regions: Object.keys(REGIONS),
    created_at: '2025-04-24T12:00:00Z',
    min_disk_size: 7,
    size_gigabytes: 2.36,
    description: `${distribution} ${name}`,
    tags: [],
    status: 'available',
    error_message: '',
  };
}

/** A resource as the fake keeps it: the API's type as the extension reads it, and whatever else the fake serves. */
export type Stored<T> = T & Record<string, any>;
type PerParent<T> = Record<string, Stored<T>[]>;

/** The fake's whole state, typed with the extension's own API types (the tests read the same shape). */
export interface DemoData {
  account: Stored<Account>;
  balance: Stored<Balance>;
  projects: Stored<Project>[];
  /** project id → URNs assigned to it */
  projectResources: Record<string, { urn: string; assigned_at: string }[]>;
  droplets: Stored<Droplet>[];
  volumes: Stored<Volume>[];
  snapshots: Stored<Snapshot>[];
  images: Stored<Image>[];
  kubernetesClusters: Stored<KubernetesCluster>[];
  databases: Stored<DatabaseCluster>[];
  databaseUsers: PerParent<DatabaseUser>;
  databaseDbs: PerParent<DatabaseDb>;
  databasePools: PerParent<ConnectionPool>;
  /** database id → trusted sources */
  databaseFirewalls: PerParent<DatabaseFirewallRule>;
  /** database id → the PEM of the CA that signed its server certificate (else the demo's CA) */
  databaseCas: Record<string, string>;
  registry: Stored<Registry> | null;
  repositories: Stored<RegistryRepository>[];
  repositoryTags: PerParent<RegistryTag>;
  loadBalancers: Stored<LoadBalancer>[];
  reservedIps: Stored<ReservedIp>[];
  reservedIpv6s: Stored<ReservedIpv6>[];
  firewalls: Stored<Firewall>[];
  vpcs: Stored<Vpc>[];
  vpcPeerings: Stored<VpcPeering>[];
  domains: Stored<Domain>[];
  domainRecords: PerParent<DomainRecord>;
  certificates: Stored<Certificate>[];
  cdnEndpoints: Stored<CdnEndpoint>[];
  apps: Stored<App>[];
  namespaces: Stored<FunctionsNamespace>[];
  sshKeys: Stored<SshKey>[];
  spacesKeys: Stored<SpacesKey>[];
  uptimeChecks: Stored<UptimeCheck>[];
  uptimeAlerts: PerParent<UptimeAlert>;
  alertPolicies: Stored<AlertPolicy>[];
}

/** A stable UUID-shaped id from a label (not random, so tests can predict it). */
/**
 * The secret the fake gives a Spaces key it creates: derived from the access key (the fake keeps
 * no secrets), so the tests' loopback S3 servers can check signatures made with it.
 */
export function fakeSpacesSecret(accessKey: string): string {
  return (stableUuid(`spaces-secret-a-${accessKey}`) + stableUuid(`spaces-secret-b-${accessKey}`)).replace(/-/g, '').slice(0, 43);
}

export function stableUuid(label: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < label.length; i++) {
    h1 = Math.imul(h1 ^ label.charCodeAt(i), 16777619) >>> 0;
    h2 = Math.imul(h2 ^ label.charCodeAt(i), 2246822519) >>> 0;
  }
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  const a = hex(h1);
  const b = hex(h2);
  const c = hex(Math.imul(h1 ^ h2, 2654435761) >>> 0);
  const d = hex(Math.imul(h2 + 0x9e3779b9, 40503) >>> 0);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-a${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

export function dropletJson(
  id: number,
  name: string,
  regionSlug: string,
  sizeSlug: string,
  status: 'new' | 'active' | 'off',
  createdAt: string,
  extra: { tags?: string[]; vpc?: string; volumeIds?: string[]; imageIndex?: number } = {},
): Json {
  const s = SIZES.find((x) => x.slug === sizeSlug) ?? SIZES[0];
  const octet = (id % 250) + 2;
  return {
    id,
    name,
    memory: s.memory,
    vcpus: s.vcpus,
    disk: s.disk,
    locked: false,
    status,
    kernel: null,
    created_at: createdAt,
    features: ['monitoring', 'private_networking'],
    backup_ids: [],
    next_backup_window: null,
    snapshot_ids: [],
    image: IMAGES[extra.imageIndex ?? 0],
    volume_ids: extra.volumeIds ?? [],
    size: s,
    size_slug: s.slug,
    networks: {
      v4: [
        { ip_address: `203.0.113.${octet}`, netmask: '255.255.240.0', gateway: '203.0.113.1', type: 'public' },
        { ip_address: `10.10.0.${octet}`, netmask: '255.255.0.0', gateway: '10.10.0.1', type: 'private' },
      ],
      v6: [],
    },
    region: region(regionSlug),
    tags: extra.tags ?? [],
    vpc_uuid: extra.vpc ?? stableUuid(`vpc-default-${regionSlug}`),
  };
}

export function seedDemo(options: SeedOptions = {}): DemoData {
  // Dated from the start of today, so "expires in 9 days" and "created 3 days ago" stay true.
  const now = options.now ?? `${new Date().toISOString().slice(0, 10)}T00:00:00Z`;
  const t = (daysAgo: number) => new Date(Date.parse(now) - daysAgo * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

  const vpcs = ['nyc3', 'sfo3', 'ams3'].map((r, i) => ({
    id: stableUuid(`vpc-default-${r}`),
    urn: `do:vpc:${stableUuid(`vpc-default-${r}`)}`,
    name: `default-${r}`,
    description: '',
    region: r,
    ip_range: `10.1${i}.0.0/20`,
    default: true,
    created_at: t(400),
  }));

  const volumes = [volumeJson('web-uploads', 'nyc3', 100, [311000001], t(200), ['web']), volumeJson('pg-backups', 'ams3', 250, [], t(150), [])];

  const droplets = [
    dropletJson(311000001, 'web-1', 'nyc3', 's-2vcpu-4gb', 'active', t(210), { tags: ['web', 'production'], volumeIds: [volumes[0].id] }),
    dropletJson(311000002, 'web-2', 'nyc3', 's-2vcpu-4gb', 'active', t(210), { tags: ['web', 'production'] }),
    dropletJson(311000003, 'worker-1', 'nyc3', 's-4vcpu-8gb', 'active', t(120), { tags: ['worker'] }),
    dropletJson(311000004, 'etl-runner', 'ams3', 'c-2', 'off', t(90), { tags: ['data'], imageIndex: 2 }),
    dropletJson(311000005, 'bastion', 'ams3', 's-1vcpu-1gb', 'active', t(300), { imageIndex: 2 }),
    dropletJson(311000006, 'staging-app', 'sfo3', 's-1vcpu-2gb', 'active', t(30), { tags: ['staging'] }),
    dropletJson(311000007, 'gpu-lab', 'sfo3', 'g-2vcpu-8gb', 'off', t(12), { tags: ['data'] }),
  ];
  for (let i = 1; i <= (options.extraDroplets ?? 0); i++) {
    droplets.push(dropletJson(320000000 + i, `load-${i}`, 'nyc1', 's-1vcpu-1gb', 'active', t(5), { tags: ['load'] }));
  }

  const snapshots: Stored<Snapshot>[] = [
    {
      id: '159000001',
      name: 'web-1-before-upgrade',
      created_at: t(40),
      regions: ['nyc3'],
      resource_id: '311000001',
      resource_type: 'droplet',
      min_disk_size: 80,
      size_gigabytes: 9.4,
      tags: [],
    },
    {
      id: '159000002',
      name: 'bastion-2026-09',
      created_at: t(60),
      regions: ['ams3'],
      resource_id: '311000005',
      resource_type: 'droplet',
      min_disk_size: 25,
      size_gigabytes: 2.1,
      tags: null,
    },
    {
      id: stableUuid('snap-vol-uploads'),
      name: 'web-uploads-weekly',
      created_at: t(3),
      regions: ['nyc3'],
      resource_id: volumes[0].id,
      resource_type: 'volume',
      min_disk_size: 100,
      size_gigabytes: 31.5,
      tags: ['web'],
    },
  ];
  droplets[0].snapshot_ids = [159000001];
  droplets[4].snapshot_ids = [159000002];

  const images: Stored<Image>[] = [
    {
      id: 178000001,
      name: 'acme-base-2026-10',
      type: 'custom',
      distribution: 'Ubuntu',
      slug: null,
      public: false,
      regions: ['nyc3', 'ams3'],
      created_at: t(25),
      min_disk_size: 20,
      size_gigabytes: 3.2,
      description: 'Hardened base image built by Packer',
      tags: ['base'],
      status: 'available',
      error_message: '',
    },
  ];

  const kubernetesClusters = [
    k8sCluster('prod-k8s', 'nyc3', '1.33.1-do.0', t(180), [
      ['pool-web', 's-2vcpu-4gb', 3, false],
      ['pool-jobs', 's-4vcpu-8gb', 2, true],
    ]),
    k8sCluster('staging-k8s', 'sfo3', '1.32.5-do.2', t(45), [['pool-default', 's-2vcpu-2gb', 2, false]]),
  ];

  const engines: [string, string, string, string, number][] = [
    ['main-pg', 'pg', '17', 'nyc3', 2],
    ['shop-mysql', 'mysql', '8', 'nyc3', 1],
    ['cache-valkey', 'valkey', '8', 'nyc3', 1],
    ['sessions-redis', 'redis', '7', 'ams3', 1],
    ['catalog-mongo', 'mongodb', '7.0', 'ams3', 3],
    ['events-kafka', 'kafka', '3.8', 'ams3', 3],
    ['logs-opensearch', 'opensearch', '2', 'sfo3', 1],
  ];
  const databases = engines.map(([name, engine, version, r, nodes], i) => databaseJson(name, engine, version, r, nodes, t(100 + i)));
  const databaseUsers: Record<string, Json[]> = {};
  const databaseDbs: Record<string, Json[]> = {};
  const databasePools: Record<string, Json[]> = {};
  const databaseFirewalls: Record<string, Json[]> = {};
  for (const db of databases) {
    databaseFirewalls[db.id] =
      db.engine === 'pg'
        ? [
            { uuid: stableUuid(`fw-${db.id}-k8s`), cluster_uuid: db.id, type: 'k8s', value: stableUuid('k8s-prod-k8s'), created_at: db.created_at },
            {
              uuid: stableUuid(`fw-${db.id}-office`),
              cluster_uuid: db.id,
              type: 'ip_addr',
              value: '198.51.100.0/24',
              created_at: db.created_at,
              description: 'office',
            },
          ]
        : [];
    const hasUsers = db.engine !== 'redis' && db.engine !== 'valkey';
    databaseUsers[db.id] = hasUsers ? [{ name: 'doadmin', role: 'primary', password: 'demo-password-not-secret' }] : [];
    if (db.engine === 'mysql')
      databaseUsers[db.id].push({ name: 'shop', role: 'normal', password: 'demo-shop-password', mysql_settings: { auth_plugin: 'caching_sha2_password' } });
    if (db.engine === 'pg') databaseUsers[db.id].push({ name: 'app', role: 'normal', password: 'demo-app-password' });
    databaseDbs[db.id] = db.engine === 'pg' ? [{ name: 'defaultdb' }, { name: 'app' }] : db.engine === 'mysql' ? [{ name: 'defaultdb' }, { name: 'shop' }] : [];
    databasePools[db.id] =
      db.engine === 'pg' ? [{ name: 'app-pool', mode: 'transaction', size: 10, db: 'app', user: 'app', connection: connection(db, 25061, 'app-pool') }] : [];
  }

  const registryName = 'acme-registry';
  const repositories = ['web', 'api', 'worker'].map((name, i) => ({
    registry_name: registryName,
    name,
    tag_count: 3 - (i === 2 ? 1 : 0),
    manifest_count: 3,
    latest_manifest: {
      registry_name: registryName,
      repository: name,
      digest: `sha256:${stableUuid(`manifest-${name}`).replace(/-/g, '')}${'0'.repeat(32)}`,
      compressed_size_bytes: 48_000_000 + i * 7_000_000,
      size_bytes: 120_000_000 + i * 15_000_000,
      updated_at: t(i + 1),
      tags: ['latest'],
      blobs: [],
    },
  }));
  const repositoryTags: Record<string, Json[]> = {};
  for (const repo of repositories) {
    const tags = ['latest', 'v1.4.2', 'v1.4.1'].slice(0, repo.tag_count);
    repositoryTags[repo.name] = tags.map((tagName, j) => ({
      registry_name: registryName,
      repository: repo.name,
      tag: tagName,
      manifest_digest: `sha256:${stableUuid(`manifest-${repo.name}-${tagName}`).replace(/-/g, '')}${'0'.repeat(32)}`,
      compressed_size_bytes: repo.latest_manifest.compressed_size_bytes - j * 1_000_000,
      size_bytes: repo.latest_manifest.size_bytes - j * 2_000_000,
      updated_at: t(j * 7 + 1),
    }));
  }

  const loadBalancers: Stored<LoadBalancer>[] = [
    {
      id: stableUuid('lb-web'),
      name: 'web-lb',
      ip: '198.51.100.10',
      ipv6: '',
      size_unit: 1,
      size: 'lb-small',
      algorithm: 'round_robin',
      status: 'active',
      created_at: t(200),
      forwarding_rules: [
        {
          entry_protocol: 'https',
          entry_port: 443,
          target_protocol: 'http',
          target_port: 8080,
          certificate_id: stableUuid('cert-acme'),
          tls_passthrough: false,
        },
        { entry_protocol: 'http', entry_port: 80, target_protocol: 'http', target_port: 8080, certificate_id: '', tls_passthrough: false },
      ],
      health_check: {
        protocol: 'http',
        port: 8080,
        path: '/healthz',
        check_interval_seconds: 10,
        response_timeout_seconds: 5,
        healthy_threshold: 3,
        unhealthy_threshold: 3,
      },
      sticky_sessions: { type: 'none' },
      redirect_http_to_https: true,
      enable_proxy_protocol: false,
      enable_backend_keepalive: false,
      http_idle_timeout_seconds: 60,
      vpc_uuid: stableUuid('vpc-default-nyc3'),
      project_id: stableUuid('project-web'),
      disable_lets_encrypt_dns_records: false,
      firewall: { deny: [], allow: [] },
      network: 'EXTERNAL',
      network_stack: 'IPV4',
      type: 'REGIONAL',
      droplet_ids: [311000001, 311000002],
      region: region('nyc3'),
    },
  ];

  const reservedIps = [
    { ip: '192.0.2.50', region: region('nyc3'), droplet: droplets[0], locked: false, project_id: stableUuid('project-web') },
    { ip: '192.0.2.51', region: region('ams3'), droplet: null, locked: false, project_id: stableUuid('project-data') },
  ];
  const reservedIpv6s = [{ ip: '2001:db8:1001::20', region_slug: 'nyc3', reserved_at: t(20), droplet: null }];

  const firewalls = [
    firewallJson(
      'web-public',
      t(200),
      [311000001, 311000002],
      ['web'],
      [
        ['tcp', '80'],
        ['tcp', '443'],
      ],
    ),
    firewallJson('ssh-bastion-only', t(300), [311000005], [], [['tcp', '22']]),
  ];

  const domains = [
    { name: 'acme.example', ttl: 1800, zone_file: null },
    { name: 'acme-staging.example', ttl: 1800, zone_file: null },
  ];
  let recordId = 40_000_000;
  const rec = (type: string, name: string, data: string, extra: Json = {}) => ({
    id: ++recordId,
    type,
    name,
    data,
    priority: null,
    port: null,
    ttl: 1800,
    weight: null,
    flags: null,
    tag: null,
    ...extra,
  });
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

  const cdnEndpoints = [
    {
      id: stableUuid('cdn-assets'),
      origin: 'acme-assets.nyc3.digitaloceanspaces.com',
      endpoint: 'acme-assets.nyc3.cdn.digitaloceanspaces.com',
      ttl: 3600,
      created_at: t(250),
    },
  ];

  const apps = [appJson('marketing-site', 'nyc', 'ACTIVE', t(60), t(2)), appJson('admin-portal', 'ams', 'ACTIVE', t(20), t(1))];

  const namespaces = [
    {
      api_host: 'https://faas-nyc1-2ef2e6cc.doserverless.co',
      namespace: 'fn-' + stableUuid('fn-ns').slice(0, 23),
      created_at: t(70),
      updated_at: t(70),
      label: 'acme-hooks',
      region: 'nyc1',
      uuid: stableUuid('fn-ns'),
      key: 'dof_v1_demo_key_not_secret',
    },
  ];

  const sshKeys = [
    {
      id: 512190,
      fingerprint: '3b:16:bf:e4:8b:00:8b:b8:59:8c:a9:d3:f0:19:45:fa',
      public_key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDemoKeyAliceNotARealKeyAAAAAAAAAAAAAAAAAAAAA alice@acme',
      name: 'alice-laptop',
    },
    {
      id: 512191,
      fingerprint: '9c:2a:11:d0:7f:3e:aa:19:c4:55:01:be:82:73:6d:0e',
      public_key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDemoKeyCINotARealKeyAAAAAAAAAAAAAAAAAAAAAAAA ci@acme',
      name: 'ci-deploy',
    },
  ];

  const spacesKeys: Stored<SpacesKey>[] = [
    { name: 'site-deploy', access_key: 'DO00DEMOSITEDEPLOY00', grants: [{ bucket: 'acme-assets', permission: 'readwrite' }], created_at: t(90) },
  ];

  const uptimeChecks: Stored<UptimeCheck>[] = [
    { id: stableUuid('uptime-www'), name: 'www', type: 'https', target: 'https://www.acme.example', regions: ['us_east', 'eu_west'], enabled: true },
    { id: stableUuid('uptime-api'), name: 'api health', type: 'https', target: 'https://api.acme.example/healthz', regions: ['us_east'], enabled: true },
  ];

  const projects = [
    projectJson('project-web', 'Acme Web', 'Production website and API', 'Web Application', 'Production', true, t(420)),
    projectJson('project-data', 'Data Platform', 'Pipelines, databases and queues', 'Service or API', 'Production', false, t(300)),
    projectJson('project-staging', 'Staging', 'Everything pre-production', 'Web Application', 'Staging', false, t(60)),
  ];
  const assign = (urns: string[]) => urns.map((urn, i) => ({ urn, assigned_at: t(200 - i) }));
  const projectResources: Record<string, { urn: string; assigned_at: string }[]> = {
    [projects[0].id]: assign([
      'do:droplet:311000001',
      'do:droplet:311000002',
      'do:droplet:311000003',
      `do:volume:${volumes[0].id}`,
      `do:kubernetes:${kubernetesClusters[0].id}`,
      `do:dbaas:${databases[0].id}`,
      `do:dbaas:${databases[1].id}`,
      `do:dbaas:${databases[2].id}`,
      `do:loadbalancer:${loadBalancers[0].id}`,
      'do:floatingip:192.0.2.50',
      'do:domain:acme.example',
    ]),
    [projects[1].id]: assign([
      'do:droplet:311000004',
      'do:droplet:311000005',
      'do:droplet:311000007',
      `do:volume:${volumes[1].id}`,
      `do:dbaas:${databases[3].id}`,
      `do:dbaas:${databases[4].id}`,
      `do:dbaas:${databases[5].id}`,
      `do:dbaas:${databases[6].id}`,
      'do:floatingip:192.0.2.51',
    ]),
    [projects[2].id]: assign(['do:droplet:311000006', `do:kubernetes:${kubernetesClusters[1].id}`, 'do:domain:acme-staging.example']),
  };
  for (let i = 1; i <= (options.extraDroplets ?? 0); i++) {
    projectResources[projects[0].id].push({ urn: `do:droplet:${320000000 + i}`, assigned_at: t(5) });
  }

  if (options.scale) {
    const { projects: count, perKind } = options.scale;
    const regions = ['nyc1', 'nyc3', 'sfo3', 'ams3', 'fra1', 'lon1'];
    let n = 0;
    for (let p = 1; p <= count; p++) {
      const project = projectJson(
        `bench-project-${p}`,
        `Bench ${String(p).padStart(2, '0')}`,
        'Benchmark project',
        'Service or API',
        'Production',
        false,
        t(30),
      );
      projects.push(project);
      const urns: { urn: string; assigned_at: string }[] = [];
      for (let i = 1; i <= perKind; i++) {
        const r = regions[(p + i) % regions.length];
        const tag = `p${p}-${i}`;
        const d = dropletJson(400_000_000 + ++n, `p${p}-web-${i}`, r, 's-1vcpu-2gb', 'active', t(20), { tags: ['bench'] });
        droplets.push(d);
        const v = volumeJson(`p${p}-vol-${i}`, r, 50, [], t(20), ['bench']);
        volumes.push(v);
        const k = k8sCluster(`p${p}-k8s-${i}`, r, '1.33.1-do.0', t(20), [['pool', 's-2vcpu-2gb', 1, false]]);
        kubernetesClusters.push(k);
        const db = databaseJson(`p${p}-db-${i}`, 'pg', '17', r, 1, t(20));
        databases.push(db);
        databaseUsers[db.id] = [{ name: 'doadmin', role: 'primary' }];
        databaseDbs[db.id] = [{ name: 'defaultdb' }];
        databasePools[db.id] = [];
        databaseFirewalls[db.id] = [];
        const lb = { ...loadBalancers[0], id: stableUuid(`lb-${tag}`), name: `p${p}-lb-${i}`, droplet_ids: [d.id], region: region(r) };
        loadBalancers.push(lb);
        const ip = `198.18.${p}.${i}`;
        reservedIps.push({ ip, region: region(r), droplet: null, locked: false, project_id: project.id });
        const domainName = `p${p}-${i}.bench.example`;
        domains.push({ name: domainName, ttl: 1800, zone_file: null });
        domainRecords[domainName] = [rec('A', '@', ip)];
        apps.push({ ...appJson(`p${p}-app-${i}`, 'nyc', 'ACTIVE', t(20), t(1)), project_id: project.id });
        urns.push(
          ...[
            `do:droplet:${d.id}`,
            `do:volume:${v.id}`,
            `do:kubernetes:${k.id}`,
            `do:dbaas:${db.id}`,
            `do:loadbalancer:${lb.id}`,
            `do:floatingip:${ip}`,
            `do:domain:${domainName}`,
          ].map((urn) => ({ urn, assigned_at: t(20) })),
        );
        snapshots.push({
          id: String(500_000_000 + n),
          name: `p${p}-snap-${i}`,
          created_at: t(5),
          regions: [r],
          resource_id: String(d.id),
          resource_type: 'droplet',
          min_disk_size: 50,
          size_gigabytes: 3.1,
          tags: [],
        });
        sshKeys.push({
          id: 600_000_000 + n,
          fingerprint: `aa:bb:${String(n).padStart(4, '0')}`,
          public_key: `ssh-ed25519 AAAAbench${n} bench@${tag}`,
          name: `bench-key-${tag}`,
        });
        firewalls.push(firewallJson(`fw-${tag}`, t(20), [d.id], [], [['tcp', '443']]));
        certificates.push({ ...certificates[0], id: stableUuid(`cert-${tag}`), name: `cert-${tag}`, dns_names: [domainName] });
      }
      projectResources[project.id] = urns;
    }
  }

  return {
    account: {
      droplet_limit: 25,
      floating_ip_limit: 5,
      volume_limit: 100,
      email: DEMO_EMAIL,
      name: 'Demo User',
      uuid: stableUuid('account-demo'),
      email_verified: true,
      status: 'active',
      status_message: '',
      team: DEMO_TEAM,
    },
    balance: { month_to_date_balance: '412.37', account_balance: '0.00', month_to_date_usage: '412.37', generated_at: now },
    projects,
    projectResources,
    droplets,
    volumes,
    snapshots,
    images,
    kubernetesClusters,
    databases,
    databaseUsers,
    databaseDbs,
    databasePools,
    databaseFirewalls,
    databaseCas: {},
    registry: {
      name: registryName,
      created_at: t(330),
      region: 'nyc3',
      storage_usage_bytes: 2_147_483_648,
      storage_usage_bytes_updated_at: t(0),
      subscription: {
        tier: {
          name: 'Basic',
          slug: 'basic',
          included_repositories: 5,
          included_storage_bytes: 5_368_709_120,
          allow_storage_overage: true,
          included_bandwidth_bytes: 5_368_709_120,
          monthly_price_in_cents: 500,
          storage_overage_price_in_cents: 2,
        },
        created_at: t(330),
        updated_at: t(30),
      },
    },
    repositories,
    repositoryTags,
    loadBalancers,
    reservedIps,
    reservedIpv6s,
    firewalls,
    vpcs,
    vpcPeerings: [
      {
        id: stableUuid('vpc-peering-nyc3-ams3'),
        name: 'nyc3-ams3-link',
        vpc_ids: [vpcs[0].id, vpcs[2].id],
        status: 'ACTIVE',
        created_at: t(90),
      },
    ],
    domains,
    domainRecords,
    certificates,
    cdnEndpoints,
    apps,
    namespaces,
    sshKeys,
    spacesKeys,
    uptimeChecks,
    alertPolicies: [
      {
        uuid: stableUuid('alert-policy-web-cpu'),
        type: 'v1/insights/droplet/cpu',
        description: 'web CPU high',
        compare: 'GreaterThan',
        value: 85,
        window: '10m',
        entities: [],
        tags: ['web'],
        alerts: { email: [DEMO_EMAIL], slack: [] },
        enabled: true,
      },
    ],
    uptimeAlerts: Object.fromEntries(
      uptimeChecks.map((c) => [
        c.id,
        [
          {
            id: stableUuid(`alert-${c.name}-down`),
            name: `${c.name} down`,
            type: 'down',
            threshold: 0,
            comparison: 'greater_than',
            notifications: { email: [DEMO_EMAIL], slack: [] },
            period: '2m',
          },
        ],
      ]),
    ),
  };

  function volumeJson(name: string, r: string, gb: number, dropletIds: number[], createdAt: string, tags: string[]): Json {
    return {
      id: stableUuid(`volume-${name}`),
      droplet_ids: dropletIds,
      name,
      description: `Block storage for ${name}`,
      size_gigabytes: gb,
      created_at: createdAt,
      tags,
      region: region(r),
      filesystem_type: 'ext4',
      filesystem_label: name.slice(0, 16),
    };
  }

  function k8sCluster(name: string, r: string, version: string, createdAt: string, pools: [string, string, number, boolean][]): Json {
    const id = stableUuid(`k8s-${name}`);
    return {
      id,
      name,
      region: r,
      version,
      cluster_subnet: '10.244.0.0/16',
      service_subnet: '10.245.0.0/16',
      vpc_uuid: stableUuid(`vpc-default-${r}`),
      ipv4: '203.0.113.90',
      endpoint: `https://${id}.k8s.ondigitalocean.com`,
      tags: ['k8s', `k8s:${id}`],
      node_pools: pools.map(([poolName, poolSize, count, autoScale]) => {
        const poolId = stableUuid(`pool-${name}-${poolName}`);
        return {
          size: poolSize,
          id: poolId,
          name: poolName,
          count,
          tags: ['k8s', `k8s:${id}`, 'k8s:worker'],
          labels: null,
          taints: [],
          auto_scale: autoScale,
          min_nodes: autoScale ? 1 : 0,
          max_nodes: autoScale ? 5 : 0,
          nodes: Array.from({ length: count }, (_, n) => ({
            id: stableUuid(`node-${name}-${poolName}-${n}`),
            name: `${poolName}-${stableUuid(`node-${name}-${poolName}-${n}`).slice(0, 5)}`,
            status: { state: 'running' },
            droplet_id: String(330000000 + n + poolName.length * 10),
            created_at: createdAt,
            updated_at: createdAt,
          })),
        };
      }),
      maintenance_policy: { start_time: '04:00', duration: '4h0m0s', day: 'any' },
      auto_upgrade: false,
      status: { state: 'running', message: '' },
      created_at: createdAt,
      updated_at: createdAt,
      surge_upgrade: true,
      registry_enabled: true,
      ha: name.startsWith('prod'),
    };
  }

  function firewallJson(name: string, createdAt: string, dropletIds: number[], tags: string[], ports: [string, string][]): Json {
    return {
      id: stableUuid(`fw-${name}`),
      status: 'succeeded',
      created_at: createdAt,
      pending_changes: [],
      name,
      droplet_ids: dropletIds,
      tags,
      inbound_rules: ports.map(([protocol, p]) => ({ protocol, ports: p, sources: { addresses: ['0.0.0.0/0', '::/0'] } })),
      outbound_rules: [
        { protocol: 'tcp', ports: '0', destinations: { addresses: ['0.0.0.0/0', '::/0'] } },
        { protocol: 'udp', ports: '0', destinations: { addresses: ['0.0.0.0/0', '::/0'] } },
      ],
    };
  }

  function appJson(name: string, r: string, phase: string, createdAt: string, deployedAt: string): Json {
    const id = stableUuid(`app-${name}`);
    const deployment = {
      id: stableUuid(`deploy-${name}-1`),
      spec: { name, region: r, services: [{ name: 'web', http_port: 8080, instance_count: 1, instance_size_slug: 'apps-s-1vcpu-1gb' }] },
      phase,
      created_at: deployedAt,
      updated_at: deployedAt,
      cause: 'commit 4f2a9c1 pushed to main',
      progress: { success_steps: 6, total_steps: 6 },
    };
    return {
      id,
      owner_uuid: stableUuid('account-demo'),
      spec: deployment.spec,
      default_ingress: `https://${name}-x7k2q.ondigitalocean.app`,
      live_url: `https://${name}-x7k2q.ondigitalocean.app`,
      live_url_base: `https://${name}-x7k2q.ondigitalocean.app`,
      live_domain: `${name}-x7k2q.ondigitalocean.app`,
      created_at: createdAt,
      updated_at: deployedAt,
      last_deployment_active_at: deployedAt,
      last_deployment_created_at: deployedAt,
      active_deployment: deployment,
      region: {
        slug: r,
        label: r === 'nyc' ? 'New York' : 'Amsterdam',
        flag: r === 'nyc' ? 'usa' : 'netherlands',
        continent: r === 'nyc' ? 'North America' : 'Europe',
        data_centers: [r === 'nyc' ? 'nyc1' : 'ams3'],
      },
      tier_slug: 'basic',
      project_id: stableUuid(name === 'marketing-site' ? 'project-web' : 'project-data'),
    };
  }

  function projectJson(key: string, name: string, description: string, purpose: string, environment: string, isDefault: boolean, createdAt: string): Json {
    return {
      id: stableUuid(key),
      owner_uuid: stableUuid('account-demo'),
      owner_id: 100001,
      name,
      description,
      purpose,
      environment,
      created_at: createdAt,
      updated_at: createdAt,
      is_default: isDefault,
    };
  }
}

function connection(db: Json, port: number, database: string): Json {
  const host = `${db.name}-do-user-100001-0.k.db.ondigitalocean.com`;
  const scheme =
    db.engine === 'pg'
      ? 'postgresql'
      : db.engine === 'mysql'
        ? 'mysql'
        : db.engine === 'mongodb'
          ? 'mongodb+srv'
          : db.engine === 'redis' || db.engine === 'valkey'
            ? 'rediss'
            : 'https';
  return {
    uri: `${scheme}://doadmin:demo-password-not-secret@${host}:${port}/${database}`,
    database,
    host,
    port,
    user: 'doadmin',
    password: 'demo-password-not-secret',
    ssl: true,
  };
}

/** A database cluster as the API answers it (seeded ones, and those the fake creates). */
export function databaseJson(name: string, engine: string, version: string, r: string, nodes: number, createdAt: string): Json {
  const id = stableUuid(`db-${name}`);
  const port = engine === 'pg' ? 25060 : engine === 'mysql' ? 25060 : engine === 'kafka' ? 25073 : 25061;
  const base = { id, name, engine };
  const conn = connection(base, port, engine === 'pg' || engine === 'mysql' ? 'defaultdb' : '');
  return {
    id,
    name,
    engine,
    version,
    semantic_version: `${version}.0`,
    num_nodes: nodes,
    size: nodes > 1 ? 'db-s-2vcpu-4gb' : 'db-s-1vcpu-2gb',
    region: r,
    status: 'online',
    created_at: createdAt,
    private_network_uuid: stableUuid(`vpc-default-${r}`),
    tags: ['data'],
    db_names: engine === 'pg' ? ['defaultdb', 'app'] : engine === 'mysql' ? ['defaultdb', 'shop'] : null,
    connection: conn,
    private_connection: { ...conn, host: `private-${conn.host}`, uri: conn.uri.replace('@', '@private-') },
    maintenance_window: { day: 'tuesday', hour: '02:00:00', pending: false, description: [] },
    project_id: stableUuid('project-data'),
    storage_size_mib: nodes > 1 ? 61440 : 30720,
  };
}
