/** The fake API's routes: Droplets: create, delete, actions. */
import type { FakeCore } from '../core';

export function dropletRoutes(api: FakeCore): void {
  // Droplets: create, delete, actions
  api.on('POST', '/v2/droplets', (_, ctx) => api.createDroplet(ctx.body));
  api.on('DELETE', '/v2/droplets/{id}', ([id]) => api.deleteItem(api.data.droplets, id, (x) => String(x.id), { urn: (x) => `do:droplet:${x}` }));
  api.on('POST', '/v2/droplets/{id}/actions', ([id], ctx) => api.dropletAction(id, ctx.body));
  api.on('GET', '/v2/droplets/{id}/actions', ([id], ctx) =>
    api.page('actions', [...api.actions.values()].filter((a) => String(a.resource_id) === id && a.resource_type === 'droplet').reverse(), ctx),
  );
}
