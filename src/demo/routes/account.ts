/** The fake API's routes: The account, its balance and projects (with their resources). */
import type { FakeCore } from '../core';
import { urnPath } from '../core';
import { stableUuid } from '../seed';
import { parsePublicKey } from '../../api/resources/sshKey';

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

  // SSH keys: upload (the list and delete are in catalog.ts)
  api.on('POST', '/v2/account/keys', (_, ctx) => {
    const { name, public_key: line } = ctx.body ?? {};
    if (typeof name !== 'string' || !name.trim()) return api.unprocessable('name is required.');
    const parsed = typeof line === 'string' ? parsePublicKey(line) : undefined;
    if (!parsed) return api.unprocessable('public_key is not a valid SSH public key.');
    if (api.data.sshKeys.some((k) => k.fingerprint === parsed.md5)) return api.unprocessable('SSH Key is already in use on your account.');
    const key = { id: 700_000_000 + api.data.sshKeys.length, fingerprint: parsed.md5, public_key: parsed.publicKey, name: name.trim() };
    api.data.sshKeys.push(key);
    return api.json(201, { ssh_key: key });
  });

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
