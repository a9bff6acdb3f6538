/** The fake API's routes: The account, its balance and projects (with their resources). */
import { ALERT_METRICS, type AlertPolicy } from '../../api/resources/alertPolicy';
import { type UptimeAlert, uptimeTargetProblem } from '../../api/resources/uptimeCheck';
import type { Project } from '../../api/resources/project';
import type { FakeCore } from '../core';
import { urnPath } from '../core';
import { type Json, type Stored, stableUuid } from '../seed';
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

  // SSH keys: rename (by id or fingerprint, as the API takes either)
  api.on('PUT', '/v2/account/keys/{id}', ([id], ctx) => {
    const key = api.data.sshKeys.find((k) => String(k.id) === id || k.fingerprint === id);
    if (!key) return api.notFound();
    const name = ctx.body?.name;
    if (typeof name !== 'string' || !name.trim()) return api.unprocessable('name is required.');
    key.name = name.trim();
    return api.json(200, { ssh_key: key });
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

  // Projects: create, update (name, description, purpose, environment, default), delete when empty
  const ENVIRONMENTS = ['Development', 'Staging', 'Production'];
  const projectProblem = (body: Json, selfId?: string): string | undefined => {
    if (body.name !== undefined && (typeof body.name !== 'string' || !body.name.trim() || body.name.length > 175)) return 'name must be 1 to 175 characters.';
    if (typeof body.name === 'string' && api.data.projects.some((p) => p.name === body.name.trim() && p.id !== selfId))
      return `A project named ${body.name.trim()} already exists.`;
    if (body.purpose !== undefined && (typeof body.purpose !== 'string' || !body.purpose.trim() || body.purpose.length > 255))
      return 'purpose must be 1 to 255 characters.';
    if (body.description !== undefined && (typeof body.description !== 'string' || body.description.length > 255))
      return 'description is at most 255 characters.';
    if (body.environment !== undefined && !ENVIRONMENTS.includes(body.environment)) return 'environment must be Development, Staging or Production.';
    return undefined;
  };
  const stamp = () => new Date(api.clock()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  api.on('POST', '/v2/projects', (_, ctx) => {
    const body = ctx.body ?? {};
    if (typeof body.name !== 'string' || typeof body.purpose !== 'string') return api.unprocessable('name and purpose are required.');
    const problem = projectProblem(body);
    if (problem) return api.unprocessable(problem);
    const created = stamp();
    const project: Stored<Project> = {
      id: stableUuid(`project-${body.name}-${api.clock()}`),
      owner_uuid: stableUuid('account-demo'),
      owner_id: 100001,
      name: body.name.trim(),
      description: body.description ?? '',
      purpose: body.purpose,
      ...(body.environment ? { environment: body.environment } : {}),
      created_at: created,
      updated_at: created,
      is_default: false,
    };
    api.data.projects.push(project);
    api.data.projectResources[project.id] = [];
    return api.json(201, { project });
  });
  api.on('PATCH', '/v2/projects/{id}', ([id], ctx) => {
    const project = api.data.projects.find((p) => p.id === id);
    if (!project) return api.notFound();
    const body = ctx.body ?? {};
    const problem = projectProblem(body, id);
    if (problem) return api.unprocessable(problem);
    if (body.is_default === false && project.is_default) return api.unprocessable('Make another project the default instead.');
    for (const key of ['name', 'description', 'purpose', 'environment'])
      if (body[key] !== undefined) project[key] = typeof body[key] === 'string' ? body[key].trim() : body[key];
    if (body.is_default === true) for (const p of api.data.projects) p.is_default = p.id === id;
    project.updated_at = stamp();
    return api.json(200, { project });
  });
  api.on('DELETE', '/v2/projects/{id}', ([id]) => {
    const project = api.data.projects.find((p) => p.id === id);
    if (!project) return api.notFound();
    if (project.is_default) return api.error(412, 'precondition_failed', 'cannot delete the default project');
    if ((api.data.projectResources[id] ?? []).length)
      return api.error(412, 'precondition_failed', 'cannot delete a project with resources. Move or remove the resources first');
    api.data.projects.splice(api.data.projects.indexOf(project), 1);
    delete api.data.projectResources[id];
    return api.noContent();
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

  // Uptime checks and their alerts, with the API's rules where they are simple: a target that
  // fits the type, known regions, alert types and periods, thresholds, notifications to the
  // account's verified email or a Slack webhook.
  const REGIONS = ['us_east', 'us_west', 'eu_west', 'se_asia'];
  /** Why a check's fields are refused (undefined when they are fine); `partial` for a PUT, which may leave some out. */
  const checkProblem = (body: Json, partial: boolean, before?: Json): string | undefined => {
    if ((!partial || body.name !== undefined) && (typeof body.name !== 'string' || !body.name.trim())) return 'name is required';
    if (!partial || body.target !== undefined || body.type !== undefined) {
      const problem = uptimeTargetProblem(body.type ?? before?.type, body.target ?? before?.target);
      if (problem) return `target: ${problem}`;
    }
    if (
      (!partial || body.regions !== undefined) &&
      (!Array.isArray(body.regions) || !body.regions.length || body.regions.some((r: unknown) => !REGIONS.includes(String(r))))
    )
      return `regions must be some of ${REGIONS.join(', ')}`;
    if (body.enabled !== undefined && typeof body.enabled !== 'boolean') return 'enabled must be true or false';
    return undefined;
  };
  api.on('POST', '/v2/uptime/checks', (_, ctx) => {
    const body = ctx.body ?? {};
    const problem = checkProblem(body, false);
    if (problem) return api.unprocessable(problem);
    const check = {
      id: stableUuid(`uptime-${body.name}-${api.nextId++}`),
      name: body.name,
      type: body.type,
      target: body.target,
      regions: body.regions,
      enabled: body.enabled ?? true,
    };
    api.data.uptimeChecks.push(check);
    api.data.uptimeAlerts[check.id] = [];
    return api.json(201, { check });
  });
  api.on('PUT', '/v2/uptime/checks/{id}', ([id], ctx) => {
    const check = api.data.uptimeChecks.find((c) => c.id === id);
    if (!check) return api.notFound();
    const body = ctx.body ?? {};
    const problem = checkProblem(body, true, check);
    if (problem) return api.unprocessable(problem);
    for (const key of ['name', 'type', 'target', 'regions', 'enabled'] as const) if (body[key] !== undefined) (check as Json)[key] = body[key];
    if (check.type !== 'https') api.data.uptimeAlerts[id] = (api.data.uptimeAlerts[id] ?? []).filter((a) => a.type !== 'ssl_expiry');
    return api.json(200, { check });
  });
  // a check deleted takes its alerts with it
  api.on('DELETE', '/v2/uptime/checks/{id}', ([id]) => {
    const answer = api.deleteItem(api.data.uptimeChecks, id, (c) => c.id);
    if (answer.status === 204) delete api.data.uptimeAlerts[id];
    return answer;
  });
  // The state the fake's checks are in: up everywhere, except a target whose host starts with
  // "down": down from its first region. The last outage was three days ago, two minutes long.
  api.on('GET', '/v2/uptime/checks/{id}/state', ([id]) => {
    const check = api.data.uptimeChecks.find((c) => c.id === id);
    if (!check) return api.notFound();
    let host = '';
    try {
      host = new URL(check.target).hostname;
    } catch {
      host = check.target;
    }
    const now = Date.parse(api.now());
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const since = iso(now - 6 * 3600_000);
    const regions = Object.fromEntries(
      check.regions.map((r, i) => {
        const down = host.startsWith('down') && i === 0;
        return [r, { status: down ? 'DOWN' : 'UP', status_changed_at: since, thirty_day_uptime_percentage: down ? 97.5 : 99.98 }];
      }),
    );
    const outageStart = now - 3 * 86_400_000;
    return api.json(200, {
      state: {
        regions,
        previous_outage: {
          region: check.regions[0],
          started_at: iso(outageStart),
          ended_at: iso(outageStart + 120_000),
          duration_seconds: 120,
        },
      },
    });
  });
  api.on('GET', '/v2/uptime/checks/{id}/alerts', ([id], ctx) => {
    const alerts = api.data.uptimeAlerts[id];
    return alerts ? api.page('alerts', alerts, ctx) : api.notFound();
  });
  /** Why an alert is refused for `check` (undefined when it is fine): the API's rules where they are simple. */
  const alertProblem = (body: Json, check: Json): string | undefined => {
    const email = api.profiles.get(api.currentToken)?.email ?? api.data.account.email;
    const slack = (body.notifications?.slack ?? []) as Json[];
    const emails = (body.notifications?.email ?? []) as unknown[];
    if (typeof body.name !== 'string' || !body.name.trim()) return 'name is required';
    if (!['latency', 'down', 'down_global', 'ssl_expiry'].includes(body.type)) return `type ${String(body.type)} is not an alert type`;
    if (body.type === 'ssl_expiry' && check.type !== 'https') return 'ssl_expiry alerts need an https check';
    if (!['2m', '3m', '5m', '10m', '15m', '30m', '1h'].includes(body.period)) return `period ${String(body.period)} is invalid`;
    if ((body.type === 'latency' || body.type === 'ssl_expiry') && !(Number.isInteger(body.threshold) && body.threshold > 0))
      return 'threshold must be a positive whole number';
    if (!emails.length && !slack.length) return 'notifications need an email or a Slack channel';
    const unverified = emails.find((e) => e !== email);
    if (unverified !== undefined) return `${String(unverified)} is not a verified email of this account`;
    if (slack.some((x) => typeof x?.channel !== 'string' || !/^https:\/\/hooks\.slack\.com\//.test(String(x?.url))))
      return 'slack notifications need a channel and a hooks.slack.com URL';
    return undefined;
  };
  const alertFields = (body: Json) => ({
    name: body.name,
    type: body.type,
    threshold: body.threshold ?? 0,
    comparison: body.comparison ?? 'greater_than',
    notifications: { email: (body.notifications?.email ?? []) as string[], slack: (body.notifications?.slack ?? []) as Json[] },
    period: body.period,
  });
  api.on('POST', '/v2/uptime/checks/{id}/alerts', ([id], ctx) => {
    const alerts = api.data.uptimeAlerts[id];
    const check = api.data.uptimeChecks.find((c) => c.id === id);
    if (!alerts || !check) return api.notFound();
    const body = ctx.body ?? {};
    const problem = alertProblem(body, check);
    if (problem) return api.unprocessable(problem);
    const alert: Stored<UptimeAlert> = { id: stableUuid(`alert-${id}-${api.nextId++}`), ...alertFields(body) };
    alerts.push(alert);
    return api.json(201, { alert });
  });
  const findAlert = (checkId: string, alertId: string) => api.data.uptimeAlerts[checkId]?.find((a) => a.id === alertId);
  api.on('GET', '/v2/uptime/checks/{id}/alerts/{alert}', ([id, alertId]) => {
    const alert = findAlert(id, alertId);
    return alert ? api.json(200, { alert }) : api.notFound();
  });
  api.on('PUT', '/v2/uptime/checks/{id}/alerts/{alert}', ([id, alertId], ctx) => {
    const alert = findAlert(id, alertId);
    const check = api.data.uptimeChecks.find((c) => c.id === id);
    if (!alert || !check) return api.notFound();
    const body = ctx.body ?? {};
    const problem = alertProblem(body, check);
    if (problem) return api.unprocessable(problem);
    Object.assign(alert, alertFields(body));
    return api.json(200, { alert });
  });
  api.on('DELETE', '/v2/uptime/checks/{id}/alerts/{alert}', ([id, alertId]) =>
    api.data.uptimeAlerts[id] ? api.deleteItem(api.data.uptimeAlerts[id], alertId, (a) => a.id) : api.notFound(),
  );

  // Alert policies: a known metric, compare and window; a number (a percentage at most 100);
  // droplets that exist or tags; email only to the account's own, Slack to hooks.slack.com
  /** Why a policy's body is refused (undefined: it is fine). */
  const policyProblem = (body: Json): string | undefined => {
    const email = api.profiles.get(api.currentToken)?.email ?? api.data.account.email;
    const metric = ALERT_METRICS.find((m) => m.type === body.type);
    if (!metric) return `type ${String(body.type)} is not an alert policy type`;
    if (!['GreaterThan', 'LessThan'].includes(body.compare)) return 'compare must be GreaterThan or LessThan';
    if (!['5m', '10m', '30m', '1h'].includes(body.window)) return `window ${String(body.window)} is invalid`;
    if (
      typeof body.value !== 'number' ||
      !(body.value >= 0) ||
      (String(body.type).endsWith('percent') || String(body.type).endsWith('/cpu') ? body.value > 100 : false)
    )
      return 'value is out of range';
    if (typeof body.description !== 'string' || !body.description.trim()) return 'description is required';
    const entities = (body.entities ?? []) as unknown[];
    const tags = (body.tags ?? []) as unknown[];
    if (!entities.length && !tags.length) return 'an alert policy needs entities or tags';
    if ([...entities, ...tags].some((x) => typeof x !== 'string')) return 'entities and tags are strings';
    // each type watches its own kind: droplets (or tags), load balancers, clusters or pools
    const watched: Record<string, Json[]> = {
      droplet: api.data.droplets,
      load_balancer: api.data.loadBalancers,
      database: api.data.databases,
      autoscale_pool: api.data.dropletAutoscalePools,
    };
    if (metric.target !== 'droplet' && tags.length) return `${metric.target} policies watch entities, not tags`;
    const missing = entities.find((e) => !watched[metric.target].some((d) => String(d.id) === e));
    if (missing !== undefined) return `${metric.target} ${String(missing)} does not exist`;
    const emails = (body.alerts?.email ?? []) as unknown[];
    const slack = (body.alerts?.slack ?? []) as Json[];
    if (!emails.length && !slack.length) return 'alerts need an email or a Slack channel';
    if (emails.some((e) => e !== email)) return "alerts may only email the account's verified address";
    if (slack.some((x) => typeof x?.channel !== 'string' || !/^https:\/\/hooks\.slack\.com\//.test(String(x?.url))))
      return 'slack alerts need a channel and a hooks.slack.com URL';
    return undefined;
  };
  api.on('POST', '/v2/monitoring/alerts', (_, ctx) => {
    const body = ctx.body ?? {};
    const problem = policyProblem(body);
    if (problem) return api.unprocessable(problem);
    const entities = (body.entities ?? []) as unknown[];
    const tags = (body.tags ?? []) as unknown[];
    const emails = (body.alerts?.email ?? []) as unknown[];
    const slack = (body.alerts?.slack ?? []) as Json[];
    const policy: Stored<AlertPolicy> = {
      uuid: stableUuid(`alert-policy-${api.nextId++}`),
      type: body.type,
      description: body.description,
      compare: body.compare,
      value: body.value,
      window: body.window,
      entities: entities as string[],
      tags: tags as string[],
      alerts: { email: emails as string[], slack },
      enabled: body.enabled ?? true,
    };
    api.data.alertPolicies.push(policy);
    return api.json(200, { policy });
  });
  api.on('PUT', '/v2/monitoring/alerts/{id}', ([id], ctx) => {
    const policy = api.data.alertPolicies.find((p) => p.uuid === id);
    if (!policy) return api.notFound();
    const body = ctx.body ?? {};
    const problem = policyProblem(body);
    if (problem) return api.unprocessable(problem);
    Object.assign(policy, {
      type: body.type,
      description: body.description,
      compare: body.compare,
      value: body.value,
      window: body.window,
      entities: body.entities ?? [],
      tags: body.tags ?? [],
      alerts: { email: body.alerts?.email ?? [], slack: body.alerts?.slack ?? [] },
      enabled: body.enabled ?? true,
    });
    return api.json(200, { policy });
  });
}
