/** The container registry with its repositories and tags. */
import { type Json, type SeedContext, stableUuid } from './common';
import type { DemoData } from './state';

export function seedRegistry({ t }: SeedContext): Pick<DemoData, 'registry' | 'repositories' | 'repositoryTags'> {
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
  const registry = {
    name: registryName,
    created_at: t(330),
    region: 'nyc3',
    storage_usage_bytes: 2_147_483_648,
    storage_usage_bytes_updated_at: t(0),
    subscription: {
      tier: { ...REGISTRY_TIERS[1] },
      created_at: t(330),
      updated_at: t(30),
    },
  };
  return { registry, repositories, repositoryTags };
}

/** The registry plans DigitalOcean offers (`/v2/registry/options`); the seeded registry is on Basic. */
export const REGISTRY_TIERS = [
  {
    name: 'Starter',
    slug: 'starter',
    included_repositories: 1,
    included_storage_bytes: 524_288_000,
    allow_storage_overage: false,
    included_bandwidth_bytes: 524_288_000,
    monthly_price_in_cents: 0,
  },
  {
    name: 'Basic',
    slug: 'basic',
    included_repositories: 5,
    included_storage_bytes: 5_368_709_120,
    allow_storage_overage: true,
    included_bandwidth_bytes: 5_368_709_120,
    monthly_price_in_cents: 500,
    storage_overage_price_in_cents: 2,
  },
  {
    name: 'Professional',
    slug: 'professional',
    included_repositories: 0,
    included_storage_bytes: 107_374_182_400,
    allow_storage_overage: true,
    included_bandwidth_bytes: 107_374_182_400,
    monthly_price_in_cents: 2000,
    storage_overage_price_in_cents: 2,
  },
];
