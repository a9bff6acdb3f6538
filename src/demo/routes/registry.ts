/** The fake API's routes: the container registry (repositories, tags, manifests, garbage collections, plans, docker credentials). */
import type { FakeCore } from '../core';
import { base64 } from '../core';
import { type Json, stableUuid } from '../seed';
import { REGISTRY_TIERS } from '../seed/registry';

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

  registryAdminRoutes(api);
}

const REGISTRY_REGIONS = ['nyc3', 'sfo3', 'ams3', 'sgp1', 'fra1'];
/** Registry names the fake treats as taken by someone else (names are global at DigitalOcean). */
const TAKEN_ELSEWHERE = ['registry', 'acme', 'example'];

/**
 * Creating, deleting and re-planning the registry; its manifests (the tags grouped by digest, plus
 * what lost its last tag), tags and manifests deleted; a garbage collection that scans for one
 * action's time, then removes untagged manifests and frees their size. What is not in the seed
 * (untagged manifests, the collection running) is kept per state, beside it.
 */
function registryAdminRoutes(api: FakeCore): void {
  const perState = new WeakMap<object, { untagged: Record<string, Json[]>; gc?: Json }>();
  const extra = () => {
    let e = perState.get(api.data);
    if (!e) perState.set(api.data, (e = { untagged: {} }));
    return e;
  };
  const mine = (name: string) => api.data.registry?.name === name;
  const eligible = (tier: Json) => tier.included_repositories === 0 || api.data.repositories.length <= tier.included_repositories;
  api.on('GET', '/v2/registry/options', () =>
    api.json(200, {
      options: {
        available_regions: REGISTRY_REGIONS,
        subscription_tiers: REGISTRY_TIERS.map((t) => ({
          ...t,
          eligible: eligible(t),
          ...(eligible(t) ? {} : { eligibility_reasons: ['OverRepositoryLimit'] }),
        })),
      },
    }),
  );
  const nameTaken = (name: string) => TAKEN_ELSEWHERE.includes(name) || mine(name);
  api.on('POST', '/v2/registry/validate-name', (_, ctx) => {
    const name = ctx.body?.name;
    if (typeof name !== 'string' || !/^[a-z0-9-]{1,63}$/.test(name)) return api.unprocessable('name is invalid');
    return nameTaken(name) ? api.error(409, 'conflict', `the name ${name} is taken`) : api.noContent();
  });
  api.on('POST', '/v2/registry', (_, ctx) => {
    const body = ctx.body ?? {};
    if (api.data.registry) return api.unprocessable('this account has a registry already');
    if (typeof body.name !== 'string' || !/^[a-z0-9-]{1,63}$/.test(body.name)) return api.unprocessable('name is invalid');
    if (nameTaken(body.name)) return api.error(409, 'conflict', `the name ${String(body.name)} is taken`);
    const tier = REGISTRY_TIERS.find((t) => t.slug === body.subscription_tier_slug);
    if (!tier) return api.unprocessable('subscription_tier_slug is invalid');
    const region = body.region ?? 'nyc3';
    if (!REGISTRY_REGIONS.includes(region)) return api.unprocessable(`region ${String(region)} is not available`);
    api.data.registry = {
      name: body.name,
      created_at: api.now(),
      region,
      storage_usage_bytes: 0,
      storage_usage_bytes_updated_at: api.now(),
      subscription: { tier: { ...tier }, created_at: api.now(), updated_at: api.now() },
    };
    api.data.repositories = [];
    api.data.repositoryTags = {};
    return api.json(201, { registry: api.data.registry });
  });
  api.on('DELETE', '/v2/registry', () => {
    if (!api.data.registry) return api.notFound();
    api.data.registry = null;
    api.data.repositories = [];
    api.data.repositoryTags = {};
    return api.noContent();
  });
  api.on('POST', '/v2/registry/subscription', (_, ctx) => {
    const reg = api.data.registry;
    if (!reg) return api.notFound();
    const tier = REGISTRY_TIERS.find((t) => t.slug === ctx.body?.tier_slug);
    if (!tier) return api.unprocessable('tier_slug is invalid');
    if (!eligible(tier)) return api.error(412, 'precondition_failed', `the registry has more repositories than ${tier.name} includes`);
    reg.subscription = { tier: { ...tier }, created_at: reg.subscription?.created_at ?? api.now(), updated_at: api.now() };
    return api.json(200, { subscription: reg.subscription });
  });

  const manifestsOf = (repo: string): Json[] => {
    const byDigest = new Map<string, Json>();
    for (const t of api.data.repositoryTags[repo] ?? []) {
      const m = byDigest.get(t.manifest_digest) ?? {
        registry_name: t.registry_name,
        repository: repo,
        digest: t.manifest_digest,
        compressed_size_bytes: t.compressed_size_bytes,
        size_bytes: t.size_bytes,
        updated_at: t.updated_at,
        tags: [],
        blobs: [],
      };
      m.tags.push(t.tag);
      byDigest.set(t.manifest_digest, m);
    }
    return [...byDigest.values(), ...(extra().untagged[repo] ?? [])];
  };
  const repoOf = (name: string, repo: string) => (mine(name) ? api.data.repositories.find((r) => r.name === repo) : undefined);
  const recount = (repo: Json) => {
    repo.tag_count = (api.data.repositoryTags[repo.name] ?? []).length;
    repo.manifest_count = manifestsOf(repo.name).length;
  };
  api.on('GET', '/v2/registry/{name}/repositories/{repo}/digests', ([name, repo], ctx) =>
    repoOf(name, repo) ? api.page('manifests', manifestsOf(repo), ctx) : api.notFound(),
  );
  api.on('DELETE', '/v2/registry/{name}/repositories/{repo}/tags/{tag}', ([name, repoName, tagName]) => {
    const repo = repoOf(name, repoName);
    const tags = api.data.repositoryTags[repoName] ?? [];
    const tag = tags.find((t) => t.tag === tagName);
    if (!repo || !tag) return api.notFound();
    tags.splice(tags.indexOf(tag), 1);
    // its image stays, untagged, until a collection removes it
    if (!tags.some((t) => t.manifest_digest === tag.manifest_digest)) {
      (extra().untagged[repoName] ??= []).push({
        registry_name: name,
        repository: repoName,
        digest: tag.manifest_digest,
        compressed_size_bytes: tag.compressed_size_bytes,
        size_bytes: tag.size_bytes,
        updated_at: tag.updated_at,
        tags: [],
        blobs: [],
      });
    }
    recount(repo);
    return api.noContent();
  });
  api.on('DELETE', '/v2/registry/{name}/repositories/{repo}/digests/{digest}', ([name, repoName, digest]) => {
    const repo = repoOf(name, repoName);
    if (!repo || !manifestsOf(repoName).some((m) => m.digest === digest)) return api.notFound();
    api.data.repositoryTags[repoName] = (api.data.repositoryTags[repoName] ?? []).filter((t) => t.manifest_digest !== digest);
    const untagged = extra().untagged[repoName] ?? [];
    extra().untagged[repoName] = untagged.filter((m) => m.digest !== digest);
    recount(repo);
    return api.noContent();
  });

  api.on('GET', '/v2/registry/{name}/garbage-collection', ([name]) => {
    const gc = extra().gc;
    return mine(name) && gc && gc.registry_name === name ? api.json(200, { garbage_collection: gc }) : api.notFound();
  });
  api.on('POST', '/v2/registry/{name}/garbage-collection', ([name], ctx) => {
    const reg = api.data.registry;
    if (!reg || !mine(name)) return api.notFound();
    const type = ctx.body?.type ?? 'untagged manifests and unreferenced blobs';
    if (!['untagged manifests only', 'unreferenced blobs only', 'untagged manifests and unreferenced blobs'].includes(type))
      return api.unprocessable('type is invalid');
    const running = extra().gc;
    if (running && !['succeeded', 'failed', 'cancelled'].includes(running.status)) return api.unprocessable('a garbage collection is running');
    const gc: Json = {
      uuid: stableUuid(`gc-run-${api.nextId++}`),
      registry_name: name,
      status: 'scanning manifests',
      created_at: api.now(),
      updated_at: api.now(),
      blobs_deleted: 0,
      freed_bytes: 0,
    };
    extra().gc = gc;
    api.later(api.actionDurationMs, () => {
      if (gc.status === 'cancelling' || gc.status === 'cancelled') {
        gc.status = 'cancelled';
        return;
      }
      const untagged = type === 'unreferenced blobs only' ? [] : Object.values(extra().untagged).flat();
      const freed = untagged.reduce((sum, m) => sum + Number(m.compressed_size_bytes ?? 0), 0) + (type === 'untagged manifests only' ? 0 : 12_582_912);
      if (type !== 'unreferenced blobs only') extra().untagged = {};
      for (const repo of api.data.repositories) recount(repo);
      Object.assign(gc, {
        status: 'succeeded',
        updated_at: api.now(),
        blobs_deleted: untagged.length * 4 + (type === 'untagged manifests only' ? 0 : 3),
        freed_bytes: freed,
      });
      reg.storage_usage_bytes = Math.max(0, Number(reg.storage_usage_bytes ?? 0) - freed);
    });
    return api.json(201, { garbage_collection: gc });
  });
  api.on('PUT', '/v2/registry/{name}/garbage-collection/{uuid}', ([name, uuid], ctx) => {
    const gc = extra().gc;
    if (!mine(name) || !gc || gc.uuid !== uuid) return api.notFound();
    if (ctx.body?.cancel !== true) return api.unprocessable('cancel must be true');
    if (['succeeded', 'failed', 'cancelled'].includes(gc.status)) return api.unprocessable(`the garbage collection is ${String(gc.status)}`);
    Object.assign(gc, { status: 'cancelled', updated_at: api.now() });
    return api.json(200, { garbage_collection: gc });
  });
}
