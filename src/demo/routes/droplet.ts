/** The fake API's droplets: create, delete, and their actions (each locks the droplet while it runs, as the API does). */
import type { FakeCore, FakeResponse } from '../core';
import { type Json, IMAGES, KERNELS, SIZES, dropletJson } from '../seed';

export function dropletRoutes(api: FakeCore): void {
  // Droplets: create, delete, actions
  api.on('POST', '/v2/droplets', (_, ctx) => createDroplet(api, ctx.body));
  api.on('DELETE', '/v2/droplets/{id}', ([id]) => api.deleteItem(api.data.droplets, id, (x) => String(x.id), { urn: (x) => `do:droplet:${x}` }));
  api.on('POST', '/v2/droplets/{id}/actions', ([id], ctx) => dropletAction(api, id, ctx.body));
  // What goes with a droplet when chosen, with its monthly cost if kept: attached volumes ($0.10
  // per GB), their snapshots and the droplet's ($0.06 per GB), its reserved IPs ($5 once unassigned)
  const dropletOf = (id: string) => api.data.droplets.find((x) => String(x.id) === id);
  const associated = (id: string) => {
    const volumes = api.data.volumes.filter((v) => (v.droplet_ids as number[]).some((d) => String(d) === id));
    const snapshotOf = (type: string, ids: string[]) => api.data.snapshots.filter((x) => x.resource_type === type && ids.includes(String(x.resource_id)));
    const cost = (n: number) => n.toFixed(2);
    const ips = api.data.reservedIps.filter((r) => r.droplet && String(r.droplet.id) === id).map((r) => ({ id: r.ip, name: r.ip, cost: cost(5) }));
    return {
      volumes: volumes.map((v) => ({ id: v.id, name: v.name, cost: cost(v.size_gigabytes * 0.1) })),
      volume_snapshots: snapshotOf(
        'volume',
        volumes.map((v) => v.id),
      ).map((x) => ({ id: x.id, name: x.name, cost: cost(x.size_gigabytes * 0.06) })),
      snapshots: snapshotOf('droplet', [id]).map((x) => ({ id: x.id, name: x.name, cost: cost(x.size_gigabytes * 0.06) })),
      reserved_ips: ips,
      floating_ips: ips,
    };
  };
  api.on('GET', '/v2/droplets/{id}/destroy_with_associated_resources', ([id]) => (dropletOf(id) ? api.json(200, associated(id)) : api.notFound()));
  // the status answers "not done" once, then done: a client has to wait for it
  const destroys = new Map<string, { status: Json; polls: number }>();
  api.on('DELETE', '/v2/droplets/{id}/destroy_with_associated_resources/selective', ([id], ctx) => {
    const droplet = dropletOf(id);
    if (!droplet) return api.notFound();
    if (droplet.locked) return api.unprocessable('Droplet already has a pending event.');
    const mine = associated(id);
    const body = ctx.body ?? {};
    const chosen: Record<string, string[]> = {};
    for (const key of ['volumes', 'volume_snapshots', 'snapshots', 'reserved_ips'] as const) {
      const ids = (body[key] ?? []) as unknown[];
      const stranger = ids.find((x) => !mine[key].some((r) => r.id === String(x)));
      if (stranger !== undefined) return api.unprocessable(`${key}: ${String(stranger)} is not associated with the droplet`);
      chosen[key] = ids.map(String);
    }
    const now = api.now();
    const gone = (key: 'volumes' | 'volume_snapshots' | 'snapshots' | 'reserved_ips') =>
      mine[key].filter((r) => chosen[key].includes(r.id)).map((r) => ({ id: r.id, name: r.name, destroyed_at: now }));
    const status = {
      droplet: { id: String(droplet.id), name: droplet.name, destroyed_at: now },
      resources: {
        volumes: gone('volumes'),
        volume_snapshots: gone('volume_snapshots'),
        snapshots: gone('snapshots'),
        reserved_ips: gone('reserved_ips'),
        floating_ips: [],
      },
      failures: 0,
    };
    api.deleteItem(api.data.droplets, id, (x) => String(x.id), { urn: (x) => `do:droplet:${x}` });
    for (const v of api.data.volumes) v.droplet_ids = (v.droplet_ids as number[]).filter((d) => String(d) !== id);
    for (const volumeId of chosen.volumes) api.deleteItem(api.data.volumes, volumeId, (x) => x.id, { urn: (x) => `do:volume:${x}` });
    for (const snapshotId of [...chosen.volume_snapshots, ...chosen.snapshots]) api.deleteItem(api.data.snapshots, snapshotId, (x) => String(x.id));
    for (const r of api.data.reservedIps) if (r.droplet && String(r.droplet.id) === id) r.droplet = null;
    for (const ip of chosen.reserved_ips) api.deleteItem(api.data.reservedIps, ip, (x) => x.ip, { urn: (x) => `do:floatingip:${x}` });
    destroys.set(id, { status, polls: 0 });
    return { status: 202, headers: { 'x-request-id': api.requestId() }, body: '' };
  });
  api.on('GET', '/v2/droplets/{id}/destroy_with_associated_resources/status', ([id]) => {
    const destroy = destroys.get(id);
    if (!destroy) return api.notFound();
    destroy.polls++;
    return api.json(200, destroy.polls > 1 ? { ...destroy.status, completed_at: api.now() } : destroy.status);
  });
  // its backups (dropletBackups) and its snapshots, in the shape of a droplet's own lists
  const dropletImage = (x: Json, type: string) => ({
    id: Number(x.id),
    name: x.name,
    created_at: x.created_at,
    regions: x.regions,
    min_disk_size: x.min_disk_size,
    size_gigabytes: x.size_gigabytes,
    type,
  });
  api.on('GET', '/v2/droplets/{id}/backups', ([id], ctx) => {
    const droplet = dropletOf(id);
    return droplet ? api.page('backups', dropletBackups(api, droplet), ctx) : api.notFound();
  });
  api.on('GET', '/v2/droplets/{id}/snapshots', ([id], ctx) =>
    dropletOf(id)
      ? api.page(
          'snapshots',
          api.data.snapshots.filter((x) => x.resource_type === 'droplet' && String(x.resource_id) === id).map((x) => dropletImage(x, 'snapshot')),
          ctx,
        )
      : api.notFound(),
  );
  // Backup policies: what the API offers, each droplet's (with the read-only window and retention)
  const SUPPORTED = [
    {
      name: 'weekly',
      possible_window_starts: [0, 4, 8, 12, 16, 20],
      window_length_hours: 4,
      retention_period_days: 28,
      possible_days: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'],
    },
    { name: 'daily', possible_window_starts: [0, 4, 8, 12, 16, 20], window_length_hours: 4, retention_period_days: 7, possible_days: [] },
  ];
  const policyOf = (droplet: Json) => {
    const stored = api.data.dropletBackupPolicies[String(droplet.id)];
    const enabled = droplet.features.includes('backups');
    return {
      droplet_id: droplet.id,
      backup_enabled: enabled,
      ...(enabled && stored
        ? {
            backup_policy: { ...stored, window_length_hours: 4, retention_period_days: stored.plan === 'weekly' ? 28 : 7 },
            next_backup_window: droplet.next_backup_window ?? null,
          }
        : {}),
    };
  };
  api.on('GET', '/v2/droplets/backups/supported_policies', () => api.json(200, { supported_policies: SUPPORTED }));
  api.on('GET', '/v2/droplets/backups/policies', (_, ctx) => {
    const all = api.data.droplets.map(policyOf);
    const page = api.page('policies', all, ctx);
    // the same page, as a map by droplet id
    const body = JSON.parse(page.body as string) as { policies: Json[] };
    return api.json(200, { ...body, policies: Object.fromEntries(body.policies.map((p) => [String(p.droplet_id), p])) });
  });
  api.on('GET', '/v2/droplets/{id}/backups/policy', ([id]) => {
    const droplet = dropletOf(id);
    return droplet ? api.json(200, { policy: policyOf(droplet) }) : api.notFound();
  });
  // Kernels: only a droplet on an externally managed kernel (the seed's bastion) has any to choose
  api.on('GET', '/v2/droplets/{id}/kernels', ([id], ctx) => {
    const droplet = dropletOf(id);
    return droplet ? api.page('kernels', droplet.kernel ? KERNELS : [], ctx) : api.notFound();
  });
  api.on('GET', '/v2/droplets/{id}/firewalls', ([id], ctx) => {
    const droplet = dropletOf(id);
    if (!droplet) return api.notFound();
    const applies = (f: Json) => (f.droplet_ids ?? []).some((d: number) => String(d) === id) || (f.tags ?? []).some((t: string) => droplet.tags.includes(t));
    return api.page('firewalls', api.data.firewalls.filter(applies), ctx);
  });
  // Hosts: the seed's groups of droplet ids, less the droplets since destroyed
  const hosts = () => api.data.dropletHosts.map((ids) => ids.filter((d) => dropletOf(String(d)))).filter((ids) => ids.length > 1);
  api.on('GET', '/v2/droplets/{id}/neighbors', ([id]) => {
    if (!dropletOf(id)) return api.notFound();
    const group = hosts().find((ids) => ids.some((d) => String(d) === id)) ?? [];
    return api.json(200, { droplets: group.filter((d) => String(d) !== id).map((d) => dropletOf(String(d))) });
  });
  api.on('GET', '/v2/reports/droplet_neighbors_ids', () => api.json(200, { neighbor_ids: hosts() }));
  api.on('GET', '/v2/droplets/{id}/actions/{actionId}', ([id, actionId]) => {
    const action = api.actions.get(Number(actionId));
    return action && String(action.resource_id) === id && action.resource_type === 'droplet' ? api.json(200, { action }) : api.notFound();
  });
  api.on('GET', '/v2/droplets/{id}/actions', ([id], ctx) =>
    api.page('actions', [...api.actions.values()].filter((a) => String(a.resource_id) === id && a.resource_type === 'droplet').reverse(), ctx),
  );
}

/** POST /v2/droplets, also used by tests directly (a droplet that starts in "new"). */
export function createDroplet(api: FakeCore, body: Json): FakeResponse {
  if (!body || typeof body !== 'object') return api.unprocessable('A request body is required.');
  const { name, region: regionSlug, size, image } = body;
  if (typeof name !== 'string' || !/^[a-zA-Z0-9.-]{1,255}$/.test(name)) {
    return api.unprocessable('Name is invalid: only letters, numbers, dots and dashes are allowed.');
  }
  if (typeof regionSlug !== 'string' || !(regionSlug in { nyc1: 1, nyc3: 1, sfo3: 1, ams3: 1, fra1: 1, lon1: 1, sgp1: 1, tor1: 1 })) {
    return api.unprocessable('You specified an invalid region for Droplet creation.');
  }
  if (!SIZES.some((s) => s.slug === size)) return api.unprocessable('You specified an invalid size for Droplet creation.');
  const imageIndex = IMAGES.findIndex((i) => i.slug === image || i.id === image);
  const customImage = api.data.images.find((i) => i.id === image);
  if (imageIndex < 0 && !customImage) return api.unprocessable('You specified an invalid image for Droplet creation.');
  const id = api.nextId++;
  const droplet = dropletJson(id, name, regionSlug, size, 'new', api.now(), {
    tags: Array.isArray(body.tags) ? body.tags : [],
    imageIndex: Math.max(0, imageIndex),
    vpc: typeof body.vpc_uuid === 'string' ? body.vpc_uuid : undefined,
  });
  if (customImage) droplet.image = customImage;
  if (body.backups) addFeature(droplet, 'backups');
  if (body.ipv6) {
    addFeature(droplet, 'ipv6');
    droplet.networks.v6.push({ ip_address: `2001:db8:1001::${id % 1000}`, netmask: 64, gateway: '2001:db8:1001::1', type: 'public' });
  }
  api.data.droplets.push(droplet);
  const project = api.data.projects.find((p) => p.is_default);
  if (project) api.data.projectResources[project.id].push({ urn: `do:droplet:${id}`, assigned_at: api.now() });
  const action = api.startAction('create', 'droplet', id, regionSlug, () => {
    droplet.status = 'active';
  });
  return api.json(202, { droplet, links: { actions: [{ id: action.id, rel: 'create', href: `${api.linkBase}/v2/actions/${action.id}` }] } });
}

export function dropletAction(api: FakeCore, id: string, body: Json): FakeResponse {
  const droplet = api.data.droplets.find((x) => String(x.id) === id);
  if (!droplet) return api.notFound();
  const type = body?.type;
  const effects: Record<string, () => void> = {
    power_on: () => (droplet.status = 'active'),
    power_off: () => (droplet.status = 'off'),
    shutdown: () => (droplet.status = 'off'),
    reboot: () => (droplet.status = 'active'),
    power_cycle: () => (droplet.status = 'active'),
    password_reset: () => undefined,
    enable_backups: () => {
      addFeature(droplet, 'backups');
      const policy = body.backup_policy ?? { plan: 'daily', hour: 0 };
      api.data.dropletBackupPolicies[String(droplet.id)] = { plan: policy.plan, hour: policy.hour, ...(policy.weekday ? { weekday: policy.weekday } : {}) };
      droplet.next_backup_window = nextWindow(api.now(), policy.hour);
    },
    disable_backups: () => {
      droplet.features = droplet.features.filter((f: string) => f !== 'backups');
      delete api.data.dropletBackupPolicies[String(droplet.id)];
      droplet.next_backup_window = null;
    },
    enable_ipv6: () => {
      addFeature(droplet, 'ipv6');
      if (!droplet.networks.v6.length) {
        droplet.networks.v6.push({ ip_address: `2001:db8:1001::${droplet.id % 1000}`, netmask: 64, gateway: '2001:db8:1001::1', type: 'public' });
      }
    },
  };
  const regionSlug = droplet.region.slug as string;
  let effect = effects[type];
  if (type === 'enable_backups' && body.backup_policy !== undefined) {
    const p = body.backup_policy;
    if (!['daily', 'weekly'].includes(p?.plan)) return api.unprocessable('backup_policy.plan must be daily or weekly.');
    if (![0, 4, 8, 12, 16, 20].includes(p.hour)) return api.unprocessable('backup_policy.hour must be one of 0, 4, 8, 12, 16, 20.');
    if (p.plan === 'weekly' && !['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'].includes(p.weekday))
      return api.unprocessable('A weekly backup_policy needs a weekday.');
  }
  if (type === 'change_kernel') {
    const kernel = droplet.kernel ? KERNELS.find((k) => k.id === body.kernel) : undefined;
    if (!kernel) return api.unprocessable('You specified an invalid kernel for this droplet.');
    effect = () => {
      droplet.kernel = kernel;
      droplet.status = 'off';
    };
  }
  if (type === 'snapshot') {
    const name = typeof body.name === 'string' && body.name ? body.name : `${droplet.name}-${Date.now()}`;
    effect = () => {
      const snapId = api.nextId++;
      api.data.snapshots.push({
        id: String(snapId),
        name,
        created_at: api.now(),
        regions: [regionSlug],
        resource_id: String(droplet.id),
        resource_type: 'droplet',
        min_disk_size: droplet.disk,
        size_gigabytes: Math.round(droplet.disk * 0.12 * 100) / 100,
        tags: [],
      });
      droplet.snapshot_ids.push(snapId);
    };
  } else if (type === 'rename') {
    if (typeof body.name !== 'string' || !body.name) return api.unprocessable('name is required');
    effect = () => (droplet.name = body.name);
  } else if (type === 'resize') {
    const target = SIZES.find((s) => s.slug === body.size);
    if (!target) return api.unprocessable('You specified an invalid size.');
    if (body.disk === true && droplet.status !== 'off') return api.unprocessable('Droplet must be powered off to resize its disk.');
    effect = () => {
      droplet.size = target;
      droplet.size_slug = target.slug;
      droplet.vcpus = target.vcpus;
      droplet.memory = target.memory;
      if (body.disk) droplet.disk = target.disk;
    };
  } else if (type === 'restore') {
    // the droplet's own backups and snapshots only, by their number
    const restorable =
      dropletBackups(api, droplet).some((b) => b.id === body.image) ||
      api.data.snapshots.some((x) => x.resource_type === 'droplet' && String(x.resource_id) === String(droplet.id) && Number(x.id) === body.image);
    if (!restorable) return api.unprocessable('You specified an invalid image for this droplet.');
    effect = () => undefined;
  } else if (type === 'rebuild') {
    const image = [...IMAGES, ...api.data.images].find((i) => (i.slug && i.slug === body.image) || i.id === body.image);
    if (!image) return api.unprocessable('You specified an invalid image.');
    effect = () => (droplet.image = image);
  }
  if (!effect) return api.unprocessable(`${String(type)} is not a valid droplet action type.`);
  if (droplet.locked) return api.unprocessable('Droplet already has a pending event.');
  // Like the real API, the droplet is locked while the action runs.
  droplet.locked = true;
  const action = api.startAction(type, 'droplet', droplet.id, regionSlug, effect, () => {
    droplet.locked = false;
  });
  return api.json(201, { action });
}

/** A droplet with backups on has two, a day and a week old. */
function dropletBackups(api: FakeCore, droplet: Json): Json[] {
  if (!droplet.features.includes('backups')) return [];
  return [1, 7].map((days, i) => ({
    id: 170000000 + (droplet.id % 1000) * 10 + i,
    name: `${droplet.name} ${days === 1 ? 'daily' : 'weekly'} backup`,
    created_at: new Date(Date.parse(api.now()) - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    regions: [droplet.region.slug],
    min_disk_size: droplet.disk,
    size_gigabytes: Math.round(droplet.disk * 0.1 * 100) / 100,
    type: 'backup',
  }));
}

/** The next window starting at `hour` UTC, four hours long. */
function nextWindow(now: string, hour: number): { start: string; end: string } {
  const start = new Date(now);
  start.setUTCHours(hour, 0, 0, 0);
  if (start.getTime() <= Date.parse(now)) start.setUTCDate(start.getUTCDate() + 1);
  const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { start: iso(start), end: iso(new Date(start.getTime() + 4 * 3_600_000)) };
}

function addFeature(droplet: Json, feature: string): void {
  if (!droplet.features.includes(feature)) droplet.features.push(feature);
}
