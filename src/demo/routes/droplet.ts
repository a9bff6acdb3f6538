/** The fake API's routes: Droplets: create, delete, actions. */
import type { FakeCore } from '../core';

export function dropletRoutes(api: FakeCore): void {
  // Droplets: create, delete, actions
  api.on('POST', '/v2/droplets', (_, ctx) => api.createDroplet(ctx.body));
  api.on('DELETE', '/v2/droplets/{id}', ([id]) => {
    const index = api.data.droplets.findIndex((x) => String(x.id) === id);
    if (index < 0) return api.notFound();
    api.data.droplets.splice(index, 1);
    api.unassignUrn(`do:droplet:${id}`);
    return api.noContent();
  });
  api.on('POST', '/v2/droplets/{id}/actions', ([id], ctx) => api.dropletAction(id, ctx.body));
  api.on('GET', '/v2/droplets/{id}/actions', ([id], ctx) =>
    api.page('actions', [...api.actions.values()].filter((a) => String(a.resource_id) === id && a.resource_type === 'droplet').reverse(), ctx),
  );
}
