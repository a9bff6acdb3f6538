/**
 * The container registry's own administration (`/v2/registry`): plans and regions offered, a
 * name's availability, creating and deleting the registry, its plan, garbage collection, and a
 * repository's manifests and tags removed. Kept out of the API's index: registry commands load it.
 */
import type { DigitalOceanClient } from './client';
import type { GarbageCollection, RegistrySubscription } from './operations';
import type { Registry } from './resources/registry';

import * as l10n from '@vscode/l10n';

type Requester = Pick<DigitalOceanClient, 'request'>;
const seg = encodeURIComponent;

export interface RegistryTier {
  name: string;
  slug: string;
  included_repositories?: number;
  included_storage_bytes?: number;
  included_bandwidth_bytes?: number;
  allow_storage_overage?: boolean;
  monthly_price_in_cents?: number;
  eligible?: boolean;
  eligibility_reasons?: string[];
}

export interface RegistryManifest {
  digest: string;
  repository?: string;
  compressed_size_bytes?: number;
  size_bytes?: number;
  updated_at?: string;
  tags: string[];
}

export type GarbageCollectionType = 'untagged manifests only' | 'unreferenced blobs only' | 'untagged manifests and unreferenced blobs';

/** The API's rule for registry names (lowercase letters, digits and "-", at most 63). */
export function registryNameProblem(value: string): string | undefined {
  if (!value) return l10n.t('A name is required.');
  if (value.length > 63) return l10n.t('At most 63 characters.');
  return /^[a-z0-9-]+$/.test(value) ? undefined : l10n.t('Lowercase letters, digits and "-".');
}

export async function registryOptions(client: Requester, signal?: AbortSignal): Promise<{ regions: string[]; tiers: RegistryTier[] }> {
  const body = await client.request<{ options?: { available_regions?: string[]; subscription_tiers?: RegistryTier[] } }>('GET', '/v2/registry/options', {
    signal,
  });
  return { regions: body?.options?.available_regions ?? [], tiers: body?.options?.subscription_tiers ?? [] };
}

/** Whether a name is free across DigitalOcean (registry names are global): false when taken (409). */
export async function registryNameFree(client: Requester, name: string, signal?: AbortSignal): Promise<boolean> {
  try {
    await client.request<void>('POST', '/v2/registry/validate-name', { body: { name }, signal });
    return true;
  } catch (error) {
    if ((error as { status?: number }).status === 409) return false;
    throw error;
  }
}

export async function createRegistry(
  client: Requester,
  body: { name: string; subscription_tier_slug: string; region: string },
  signal?: AbortSignal,
): Promise<Registry> {
  return (await client.request<{ registry: Registry }>('POST', '/v2/registry', { body, signal })).registry;
}

export async function deleteRegistry(client: Requester, signal?: AbortSignal): Promise<void> {
  await client.request<void>('DELETE', '/v2/registry', { signal });
}

export async function changeRegistryTier(client: Requester, tierSlug: string, signal?: AbortSignal): Promise<RegistrySubscription> {
  return (await client.request<{ subscription: RegistrySubscription }>('POST', '/v2/registry/subscription', { body: { tier_slug: tierSlug }, signal }))
    .subscription;
}

/** The garbage collection running now, if any (the API's 404 when none). */
export async function activeGarbageCollection(client: Requester, registryName: string, signal?: AbortSignal): Promise<GarbageCollection | undefined> {
  try {
    const body = await client.request<{ garbage_collection?: GarbageCollection }>('GET', `/v2/registry/${seg(registryName)}/garbage-collection`, { signal });
    return body?.garbage_collection;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
}

export async function startGarbageCollection(
  client: Requester,
  registryName: string,
  type: GarbageCollectionType,
  signal?: AbortSignal,
): Promise<GarbageCollection> {
  return (
    await client.request<{ garbage_collection: GarbageCollection }>('POST', `/v2/registry/${seg(registryName)}/garbage-collection`, { body: { type }, signal })
  ).garbage_collection;
}

export async function cancelGarbageCollection(client: Requester, registryName: string, uuid: string, signal?: AbortSignal): Promise<GarbageCollection> {
  return (
    await client.request<{ garbage_collection: GarbageCollection }>('PUT', `/v2/registry/${seg(registryName)}/garbage-collection/${seg(uuid)}`, {
      body: { cancel: true },
      signal,
    })
  ).garbage_collection;
}

/** A repository's manifests, newest first (the first 100). */
export async function repositoryManifests(client: Requester, registryName: string, repository: string, signal?: AbortSignal): Promise<RegistryManifest[]> {
  const body = await client.request<{ manifests?: RegistryManifest[] }>('GET', `/v2/registry/${seg(registryName)}/repositories/${seg(repository)}/digests`, {
    query: { per_page: 100 },
    signal,
  });
  return body?.manifests ?? [];
}

export async function deleteManifest(client: Requester, registryName: string, repository: string, digest: string, signal?: AbortSignal): Promise<void> {
  await client.request<void>('DELETE', `/v2/registry/${seg(registryName)}/repositories/${seg(repository)}/digests/${seg(digest)}`, { signal });
}

export async function deleteRegistryTag(client: Requester, registryName: string, repository: string, tag: string, signal?: AbortSignal): Promise<void> {
  await client.request<void>('DELETE', `/v2/registry/${seg(registryName)}/repositories/${seg(repository)}/tags/${seg(tag)}`, { signal });
}
