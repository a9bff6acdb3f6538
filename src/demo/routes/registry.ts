/** The fake API's routes: The container registry (repositories, tags, garbage collections, docker credentials) and app deployments. */
import type { FakeCore } from '../core';
import { base64 } from '../core';
import { stableUuid } from '../seed';

export function registryRoutes(api: FakeCore): void {
  // Container registry
  api.on('GET', '/v2/registry', () => (api.data.registry ? api.json(200, { registry: api.data.registry }) : api.notFound()));
  api.on('GET', '/v2/registry/{name}/repositoriesV2', ([name], ctx) =>
    api.data.registry?.name === name ? api.page('repositories', api.data.repositories, ctx) : api.notFound(),
  );
  api.on('GET', '/v2/registry/{name}/repositories/{repo}/tags', ([name, repo], ctx) => {
    const tags = api.data.registry?.name === name ? api.data.repositoryTags[repo] : undefined;
    return tags ? api.page('tags', tags, ctx) : api.notFound();
  });
  api.on('GET', '/v2/registry/subscription', () => (api.data.registry ? api.json(200, { subscription: api.data.registry.subscription }) : api.notFound()));
  api.on('GET', '/v2/registry/{name}/garbage-collections', ([name], ctx) => {
    const reg = api.data.registry;
    if (reg?.name !== name) return api.notFound();
    const at = (days: number) =>
      new Date(Date.parse(reg.storage_usage_bytes_updated_at ?? reg.created_at) - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const runs = [
      { uuid: stableUuid('gc-2'), registry_name: name, status: 'succeeded', created_at: at(3), updated_at: at(3), blobs_deleted: 42, freed_bytes: 318_767_104 },
      { uuid: stableUuid('gc-1'), registry_name: name, status: 'succeeded', created_at: at(33), updated_at: at(33), blobs_deleted: 7, freed_bytes: 52_428_800 },
    ];
    return api.page('garbage_collections', runs, ctx);
  });
  api.on('GET', '/v2/registry/docker-credentials', (_, ctx) => {
    const readWrite = ctx.query.get('read_write') === 'true';
    const user = readWrite ? 'demo-rw' : 'demo-ro';
    const auth = base64(`${user}:${api.clusterToken(`docker-${readWrite}`)}`);
    return api.json(200, { auths: { 'registry.digitalocean.com': { auth } } });
  });
}
