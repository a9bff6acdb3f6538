/** The fake API's volumes: create, attach / detach / resize, snapshot, delete, with the API's refusals. */
import type { FakeCore, FakeResponse } from '../core';
import { type Json, SIZES, type Stored, region, stableUuid } from '../seed';
import type { Snapshot } from '../../api/resources/snapshot';

export function volumeRoutes(api: FakeCore): void {
  // Volumes: create, attach / detach / resize, snapshot, delete
  api.on('POST', '/v2/volumes', (_, ctx) => createVolume(api, ctx.body));
  api.on('POST', '/v2/volumes/{id}/actions', ([id], ctx) => volumeAction(api, id, ctx.body));
  api.on('POST', '/v2/volumes/{id}/snapshots', ([id], ctx) => {
    const vol = api.data.volumes.find((v) => v.id === id);
    if (!vol) return api.notFound();
    if (typeof ctx.body?.name !== 'string' || !ctx.body.name) return api.unprocessable('name is required');
    const snap: Stored<Snapshot> = {
      id: stableUuid(`snap-${id}-${ctx.body.name}`),
      name: ctx.body.name,
      created_at: api.now(),
      regions: [vol.region.slug],
      resource_id: vol.id,
      resource_type: 'volume',
      min_disk_size: vol.size_gigabytes,
      size_gigabytes: Math.round(vol.size_gigabytes * 0.2 * 100) / 100,
      tags: ctx.body.tags ?? [],
    };
    api.data.snapshots.push(snap);
    return api.json(201, { snapshot: snap });
  });
  api.on('DELETE', '/v2/volumes/{id}', ([id]) =>
    api.deleteItem(api.data.volumes, id, (v) => v.id, {
      urn: (x) => `do:volume:${x}`,
      refuse: (v) => (v.droplet_ids.length ? api.error(409, 'conflict', 'The volume is attached to a droplet; detach it first.') : undefined),
    }),
  );
}

export function createVolume(api: FakeCore, body: Json): FakeResponse {
  const { name, size_gigabytes: size, region: regionSlug } = body ?? {};
  if (typeof name !== 'string' || !/^[a-z][a-z0-9-]{0,63}$/.test(name))
    return api.unprocessable('name must start with a lowercase letter and contain only lowercase letters, digits and dashes (at most 64).');
  if (!Number.isInteger(size) || size < 1 || size > 16384) return api.unprocessable('size_gigabytes must be between 1 and 16384.');
  if (!SIZES[0].regions.includes(regionSlug)) return api.unprocessable('You specified an invalid region.');
  if (api.data.volumes.some((v) => v.name === name && v.region.slug === regionSlug))
    return api.error(409, 'conflict', 'A volume with that name already exists in this region.');
  const vol: Json = {
    id: stableUuid(`volume-${name}-${api.nextId++}`),
    droplet_ids: [],
    name,
    description: body.description ?? '',
    size_gigabytes: size,
    created_at: api.now(),
    tags: body.tags ?? [],
    region: region(regionSlug),
    filesystem_type: body.filesystem_type ?? '',
    filesystem_label: body.filesystem_label ?? '',
  };
  api.data.volumes.push(vol);
  const project = api.data.projects.find((p) => p.is_default);
  if (project) api.data.projectResources[project.id].push({ urn: `do:volume:${vol.id}`, assigned_at: api.now() });
  return api.json(201, { volume: vol });
}

export function volumeAction(api: FakeCore, id: string, body: Json): FakeResponse {
  const vol = api.data.volumes.find((v) => v.id === id);
  if (!vol) return api.notFound();
  const regionSlug = vol.region.slug as string;
  const start = (type: string, effect: () => void) => api.json(202, { action: api.startAction(type, 'volume', null, regionSlug, effect) });
  if (body?.type === 'attach') {
    const target = api.data.droplets.find((x) => x.id === body.droplet_id);
    if (!target) return api.unprocessable('The droplet does not exist.');
    if (target.region.slug !== regionSlug) return api.unprocessable('The droplet must be in the same region as the volume.');
    if (vol.droplet_ids.length) return api.unprocessable('The volume is already attached to a droplet.');
    return start('attach_volume', () => {
      vol.droplet_ids = [target.id];
      if (!target.volume_ids.includes(vol.id)) target.volume_ids.push(vol.id);
    });
  }
  if (body?.type === 'detach') {
    if (!vol.droplet_ids.includes(body.droplet_id)) return api.unprocessable('The volume is not attached to that droplet.');
    return start('detach_volume', () => {
      vol.droplet_ids = [];
      const from = api.data.droplets.find((x) => x.id === body.droplet_id);
      if (from) from.volume_ids = from.volume_ids.filter((v: string) => v !== vol.id);
    });
  }
  if (body?.type === 'resize') {
    if (!Number.isInteger(body.size_gigabytes) || body.size_gigabytes <= vol.size_gigabytes)
      return api.unprocessable('A volume can only grow: give a larger size.');
    return start('resize', () => (vol.size_gigabytes = body.size_gigabytes));
  }
  return api.unprocessable(`${String(body?.type)} is not a valid volume action type.`);
}
