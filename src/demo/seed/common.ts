/**
 * What every seeded kind shares: the ids derived from labels, the regions, sizes and base images
 * the fake offers, and the time the demo data is dated from.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- seed objects are plain API JSON */
export type Json = any;

/** A resource as the fake keeps it: the API's type as the extension reads it, and whatever else the fake serves. */
export type Stored<T> = T & Record<string, any>;
export type PerParent<T> = Record<string, Stored<T>[]>;

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

/** A stable UUID-shaped id from a label (not random, so tests can predict it). */
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

/**
 * The secret the fake gives a Spaces key it creates: derived from the access key (the fake keeps
 * no secrets), so the tests' loopback S3 servers can check signatures made with it.
 */
export function fakeSpacesSecret(accessKey: string): string {
  return (stableUuid(`spaces-secret-a-${accessKey}`) + stableUuid(`spaces-secret-b-${accessKey}`)).replace(/-/g, '').slice(0, 43);
}

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

/** When the demo data is dated from, and what was asked of the seeding. */
export interface SeedContext {
  readonly options: SeedOptions;
  /** ISO time of seeding */
  readonly now: string;
  /** the ISO time `daysAgo` days before `now` (negative: after it) */
  t(daysAgo: number): string;
}

export function seedContext(options: SeedOptions): SeedContext {
  // Dated from the start of today, so "expires in 9 days" and "created 3 days ago" stay true.
  const now = options.now ?? `${new Date().toISOString().slice(0, 10)}T00:00:00Z`;
  const t = (daysAgo: number) => new Date(Date.parse(now) - daysAgo * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { options, now, t };
}
