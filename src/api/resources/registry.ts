import { defineKind } from './descriptor';
import * as l10n from '@vscode/l10n';

export interface Registry {
  name: string;
  created_at: string;
  region?: string;
  storage_usage_bytes?: number;
  storage_usage_bytes_updated_at?: string;
  subscription?: {
    tier: {
      name: string;
      slug: string;
      included_storage_bytes: number;
      included_repositories?: number;
      included_bandwidth_bytes?: number;
      allow_storage_overage?: boolean;
      monthly_price_in_cents?: number;
      storage_overage_price_in_cents?: number;
    };
    created_at?: string;
    updated_at?: string;
  };
}

export interface RegistryRepository {
  registry_name: string;
  name: string;
  latest_manifest?: { digest: string; compressed_size_bytes: number; size_bytes: number; updated_at: string; tags: string[] };
  tag_count: number;
  manifest_count: number;
}

export interface RegistryTag {
  registry_name: string;
  repository: string;
  tag: string;
  manifest_digest: string;
  compressed_size_bytes: number;
  size_bytes: number;
  updated_at: string;
}

/** The account's one container registry: `GET /v2/registry` answers a single object. */
export const registry = defineKind<Registry>({
  kind: 'registry',
  label: l10n.t('Container registry'),
  pluralLabel: l10n.t('Container registry'),
  path: '/v2/registry',
  collectionKey: 'registry',
  singleKey: 'registry',
  idOf: (r) => r.name,
  nameOf: (r) => r.name,
  paginated: false,
  singleton: true,
});

export const registryRepository = defineKind<RegistryRepository>({
  kind: 'registry_repository',
  label: l10n.t('Repository'),
  pluralLabel: l10n.t('Repositories'),
  path: (registryName) => `/v2/registry/${registryName}/repositoriesV2`,
  collectionKey: 'repositories',
  singleKey: 'repository',
  idOf: (r) => r.name,
  nameOf: (r) => r.name,
  paginated: true,
  parent: 'registry',
});

export const registryTag = defineKind<RegistryTag>({
  kind: 'registry_tag',
  label: l10n.t('Tag'),
  pluralLabel: l10n.t('Tags'),
  path: (registryName, repository) => `/v2/registry/${registryName}/repositories/${repository}/tags`,
  collectionKey: 'tags',
  singleKey: 'tag',
  idOf: (t) => t.tag,
  nameOf: (t) => t.tag,
  paginated: true,
  parent: 'registry_repository',
});
