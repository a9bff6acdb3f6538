/**
 * The fake API's droplet autoscale pools: create (a checked name, config and template; the pool's
 * droplets made as POST /v2/droplets makes them), update (PUT: the whole pool; its droplets added
 * or destroyed to fit the new bounds, the change in its history), delete (202: the droplets stay)
 * and the "dangerous" delete (202, only with `X-Dangerous: true`: the droplets go too), members
 * and history. The list and one pool come from the catalog.
 */
import type { FakeCore, FakeResponse } from '../core';
import { type Json, IMAGES, SIZES, stableUuid } from '../seed';
import { autoscalePoolNameProblem, poolBounds } from '../../api/resources/autoscalePool';
import { createDroplet } from './droplet';

const TEMPLATE_REGIONS = ['nyc1', 'nyc2', 'nyc3', 'ams2', 'ams3', 'sfo1', 'sfo2', 'sfo3', 'sgp1', 'lon1', 'fra1', 'tor1', 'blr1', 'syd1'];

export function autoscalePoolRoutes(api: FakeCore): void {
  const pools = () => api.data.dropletAutoscalePools;
  const members = (id: string) => (api.data.autoscaleMembers[id] ??= []);
  const history = (id: string) => (api.data.autoscaleHistory[id] ??= []);

  /** What is wrong with a pool's body, as the API says it. */
  const problem = (body: Json, except?: string): string | undefined => {
    const nameProblem =
      typeof body?.name === 'string'
        ? autoscalePoolNameProblem(
            body.name,
            pools()
              .filter((p) => p.id !== except)
              .map((p) => p.name),
          )
        : 'name is required';
    if (nameProblem) return `name: ${nameProblem}`;
    const c = body.config;
    if (!c || typeof c !== 'object') return 'config is required';
    if ('target_number_instances' in c) {
      if (!Number.isInteger(c.target_number_instances) || c.target_number_instances < 1 || c.target_number_instances > 1000)
        return 'config.target_number_instances must be 1 to 1000';
    } else {
      const { min_instances: min, max_instances: max, target_cpu_utilization: cpu, target_memory_utilization: memory, cooldown_minutes: cooldown } = c;
      if (!Number.isInteger(min) || min < 1 || min > 500) return 'config.min_instances must be 1 to 500';
      if (!Number.isInteger(max) || max < min || max > 1000) return 'config.max_instances must be at least min_instances and at most 1000';
      if (cpu === undefined && memory === undefined) return 'config needs target_cpu_utilization or target_memory_utilization';
      for (const [key, v] of [
        ['target_cpu_utilization', cpu],
        ['target_memory_utilization', memory],
      ] as const)
        if (v !== undefined && (typeof v !== 'number' || v < 0.05 || v > 1)) return `config.${key} must be 0.05 to 1`;
      if (cooldown !== undefined && (!Number.isInteger(cooldown) || cooldown < 5 || cooldown > 20)) return 'config.cooldown_minutes must be 5 to 20';
    }
    const t = body.droplet_template;
    if (!t || typeof t !== 'object') return 'droplet_template is required';
    if (!TEMPLATE_REGIONS.includes(t.region)) return `droplet_template.region ${String(t.region)} is not a region for autoscale pools`;
    if (!SIZES.some((x) => x.slug === t.size)) return `droplet_template.size ${String(t.size)} is not a size`;
    if (!IMAGES.some((x) => x.slug === t.image || String(x.id) === String(t.image))) return `droplet_template.image ${String(t.image)} is not an image`;
    if (!Array.isArray(t.ssh_keys) || !t.ssh_keys.length) return 'droplet_template.ssh_keys needs at least one key';
    const known = api.data.sshKeys.flatMap((k) => [k.fingerprint, String(k.id)]);
    const unknown = (t.ssh_keys as unknown[]).find((k) => !known.includes(String(k)));
    if (unknown !== undefined) return `droplet_template.ssh_keys: ${String(unknown)} is not a key of this account`;
    return undefined;
  };

  /** Adds or destroys droplets until the pool has `count`; the change goes in its history. */
  const scaleTo = (pool: Json, count: number, reason: 'CONFIGURATION_CHANGE' | 'SCALE_UP' | 'SCALE_DOWN'): FakeResponse | undefined => {
    const list = members(pool.id);
    const before = list.length;
    while (list.length < count) {
      const t = pool.droplet_template;
      const made = createDroplet(api, {
        name: `${t.name || pool.name}-${api.nextId.toString(36)}`,
        region: t.region,
        size: t.size,
        image: t.image,
        tags: t.tags ?? [],
      });
      if (made.status !== 202) return made;
      const droplet = JSON.parse(made.body).droplet;
      list.push({
        droplet_id: droplet.id,
        created_at: api.now(),
        updated_at: api.now(),
        health_status: 'healthy',
        status: 'provisioning',
        current_utilization: { cpu: 0, memory: 0 },
      });
    }
    while (list.length > count) {
      const gone = list.pop()!;
      api.data.droplets = api.data.droplets.filter((d) => d.id !== gone.droplet_id);
    }
    pool.active_resources_count = list.length;
    history(pool.id).unshift({
      history_event_id: stableUuid(`autoscale-${pool.id}-${api.nextId++}`),
      current_instance_count: before,
      desired_instance_count: count,
      reason: before === count ? 'CONFIGURATION_CHANGE' : reason,
      status: 'success',
      created_at: api.now(),
      updated_at: api.now(),
    });
    return undefined;
  };

  const clamp = (pool: Json) => {
    const [min, max] = poolBounds(pool.config);
    return Math.min(max, Math.max(min, members(pool.id).length));
  };

  api.on('POST', '/v2/droplets/autoscale', (_, ctx) => {
    const wrong = problem(ctx.body);
    if (wrong) return api.unprocessable(wrong);
    const now = api.now();
    const pool: Json = {
      id: stableUuid(`autoscale-${String(ctx.body.name)}-${api.nextId++}`),
      name: ctx.body.name,
      config: ctx.body.config,
      droplet_template: ctx.body.droplet_template,
      current_utilization: { cpu: 0, memory: 0 },
      created_at: now,
      updated_at: now,
      status: 'active',
      active_resources_count: 0,
    };
    pools().push(pool as never);
    const failed = scaleTo(pool, poolBounds(pool.config)[0], 'CONFIGURATION_CHANGE');
    if (failed) return failed;
    return api.json(202, { autoscale_pool: pool });
  });
  api.on('PUT', '/v2/droplets/autoscale/{id}', ([id], ctx) => {
    const pool = pools().find((p) => p.id === id) as Json | undefined;
    if (!pool) return api.notFound();
    const wrong = problem(ctx.body, id);
    if (wrong) return api.unprocessable(wrong);
    const before = members(id).length;
    Object.assign(pool, { name: ctx.body.name, config: ctx.body.config, droplet_template: ctx.body.droplet_template, updated_at: api.now() });
    const target = clamp(pool);
    const failed = scaleTo(pool, target, target > before ? 'SCALE_UP' : 'SCALE_DOWN');
    if (failed) return failed;
    return api.json(200, { autoscale_pool: pool });
  });
  const remove = (id: string, withDroplets: boolean): FakeResponse => {
    const pool = pools().find((p) => p.id === id);
    if (!pool) return api.notFound();
    if (withDroplets) {
      const ids = new Set(members(id).map((m) => m.droplet_id));
      api.data.droplets = api.data.droplets.filter((d) => !ids.has(d.id));
    }
    api.data.dropletAutoscalePools = pools().filter((p) => p.id !== id);
    delete api.data.autoscaleMembers[id];
    delete api.data.autoscaleHistory[id];
    return { status: 202, headers: { 'x-request-id': api.requestId() }, body: '' };
  };
  api.on('DELETE', '/v2/droplets/autoscale/{id}', ([id]) => remove(id, false));
  api.on('DELETE', '/v2/droplets/autoscale/{id}/dangerous', ([id], ctx) =>
    ctx.headers.get('x-dangerous') === 'true'
      ? remove(id, true)
      : api.error(412, 'precondition_failed', 'Deleting the pool with its droplets needs the header X-Dangerous: true.'),
  );
  api.on('GET', '/v2/droplets/autoscale/{id}/members', ([id], ctx) =>
    pools().some((p) => p.id === id) ? api.page('droplets', members(id), ctx) : api.notFound(),
  );
  api.on('GET', '/v2/droplets/autoscale/{id}/history', ([id], ctx) =>
    pools().some((p) => p.id === id) ? api.page('history', history(id), ctx) : api.notFound(),
  );
}
