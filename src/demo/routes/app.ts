/** The fake API's routes: App Platform logs (where to read them), consoles and instances. */
import type { FakeCore } from '../core';
import type { Json } from '../seed';

export function appRoutes(api: FakeCore): void {
  const components = (app: Json): string[] =>
    ['services', 'workers', 'jobs', 'static_sites'].flatMap((key) => ((app.spec?.[key] ?? []) as Json[]).map((c) => String(c.name)));
  const findApp = (id: string) => api.data.apps.find((a) => a.id === id);

  const logs = (id: string, component: string | undefined, deployment: string | undefined, query: URLSearchParams) => {
    const app = findApp(id);
    if (!app) return api.notFound();
    if (component !== undefined && !components(app).includes(component)) return api.notFound();
    if (deployment !== undefined && app.active_deployment?.id !== deployment && app.in_progress_deployment?.id !== deployment) return api.notFound();
    const type = query.get('type') ?? '';
    if (!['BUILD', 'DEPLOY', 'RUN', 'RUN_RESTARTED', 'AUTOSCALE_EVENT'].includes(type)) return api.error(400, 'bad_request', 'type must be one of BUILD, DEPLOY, RUN, RUN_RESTARTED, AUTOSCALE_EVENT.');
    const follow = query.get('follow') === 'true';
    if (!api.streams) return api.json(200, { historic_urls: [] });
    return api.json(200, {
      ...(follow ? { live_url: api.streams.liveLogUrl(id, component, type) } : {}),
      historic_urls: [api.streams.historicLogUrl(id, component, type)],
    });
  };
  api.on('GET', '/v2/apps/{id}/logs', ([id], ctx) => logs(id, undefined, undefined, ctx.query));
  api.on('GET', '/v2/apps/{id}/components/{component}/logs', ([id, component], ctx) => logs(id, component, undefined, ctx.query));
  api.on('GET', '/v2/apps/{id}/deployments/{deployment}/logs', ([id, deployment], ctx) => logs(id, undefined, deployment, ctx.query));
  api.on('GET', '/v2/apps/{id}/deployments/{deployment}/components/{component}/logs', ([id, deployment, component], ctx) => logs(id, component, deployment, ctx.query));

  const instancesOf = (app: Json) =>
    components(app).flatMap((name) => [0, 1].slice(0, name.startsWith('web') ? 2 : 1).map((n) => ({ component_name: name, component_type: 'SERVICE', instance_name: `${name}-7d9f8c-${n}x${n}q`, instance_alias: `${name}-${n}` })));
  api.on('GET', '/v2/apps/{id}/instances', ([id]) => {
    const app = findApp(id);
    return app ? api.json(200, { instances: instancesOf(app) }) : api.notFound();
  });
  api.on('GET', '/v2/apps/{id}/components/{component}/exec', ([id, component], ctx) => {
    const app = findApp(id);
    if (!app || !components(app).includes(component)) return api.notFound();
    const wanted = ctx.query.get('instance_name');
    const instance = instancesOf(app).find((i) => i.component_name === component && (!wanted || i.instance_name === wanted));
    if (!instance) return api.notFound();
    if (!api.streams) return api.error(404, 'not_found', 'The demo account has no consoles.');
    return api.json(200, { url: api.streams.execUrl(id, component, instance.instance_name) });
  });
}
