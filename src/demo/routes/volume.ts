/** The fake API's routes: Volumes: create, attach / detach / resize, snapshot, delete. */
import type { FakeCore } from '../core';
import { stableUuid } from '../seed';

export function volumeRoutes(api: FakeCore): void {
  // Volumes: create, attach / detach / resize, snapshot, delete
  api.on('POST', '/v2/volumes', (_, ctx) => api.createVolume(ctx.body));
  api.on('POST', '/v2/volumes/{id}/actions', ([id], ctx) => api.volumeAction(id, ctx.body));
  api.on('POST', '/v2/volumes/{id}/snapshots', ([id], ctx) => {
    const vol = api.data.volumes.find((v) => v.id === id);
    if (!vol) return api.notFound();
    if (typeof ctx.body?.name !== 'string' || !ctx.body.name) return api.unprocessable('name is required');
    const snap = {
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
