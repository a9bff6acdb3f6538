/** The fake API's routes: The account, its balance and projects (with their resources). */
import type { FakeCore } from '../core';
import { urnPath } from '../core';
import { stableUuid } from '../seed';

export function accountRoutes(api: FakeCore): void {
  api.on('GET', '/v2/account', () => {
    const profile = api.profiles.get(api.currentToken);
    if (!profile) return api.json(200, { account: api.data.account });
    return api.json(200, {
      account: {
        ...api.data.account,
        email: profile.email,
        uuid: stableUuid(`user-${profile.email}`),
        team: { uuid: stableUuid(`team-${profile.teamName}`), name: profile.teamName },
      },
    });
  });
  api.on('GET', '/v2/customers/my/balance', () => api.json(200, api.data.balance));

  // Projects
  api.on('GET', '/v2/projects', (_, ctx) => api.page('projects', api.data.projects, ctx));
  api.on('GET', '/v2/projects/default', () => api.json(200, { project: api.data.projects.find((p) => p.is_default) }));
  api.on('GET', '/v2/projects/{id}', ([id]) => {
    const project = api.data.projects.find((p) => p.id === id);
    return project ? api.json(200, { project }) : api.notFound();
  });
  api.on('GET', '/v2/projects/{id}/resources', ([id], ctx) => {
    const projectId = id === 'default' ? api.data.projects.find((p) => p.is_default)?.id : id;
    const assigned = projectId ? api.data.projectResources[projectId] : undefined;
    if (!assigned) return api.notFound();
    const resources = assigned.map((r) => ({
      urn: r.urn,
      assigned_at: r.assigned_at,
      links: { self: `${api.linkBase}/v2/${urnPath(r.urn)}` },
      status: 'ok',
    }));
    return api.page('resources', resources, ctx);
  });

  api.on('POST', '/v2/projects/{id}/resources', ([id], ctx) => {
    const target = api.data.projects.find((p) => p.id === id);
    if (!target) return api.notFound();
    const urns: unknown = ctx.body?.resources;
    if (!Array.isArray(urns) || !urns.every((u) => typeof u === 'string')) return api.unprocessable('resources must be a list of URNs');
    const assigned = (urns as string[]).map((urn) => {
      api.unassignUrn(urn);
      const entry = { urn, assigned_at: api.now() };
      api.data.projectResources[id].push(entry);
      return { ...entry, links: { self: `${api.linkBase}/v2/${urnPath(urn)}` }, status: 'assigned' };
    });
    return api.json(200, { resources: assigned });
  });

}
