/** The fake API's droplets: create, delete, and their actions (each locks the droplet while it runs, as the API does). */
import type { FakeCore, FakeResponse } from '../core';
import { type Json, IMAGES, SIZES, dropletJson } from '../seed';

export function dropletRoutes(api: FakeCore): void {
  // Droplets: create, delete, actions
  api.on('POST', '/v2/droplets', (_, ctx) => createDroplet(api, ctx.body));
  api.on('DELETE', '/v2/droplets/{id}', ([id]) => api.deleteItem(api.data.droplets, id, (x) => String(x.id), { urn: (x) => `do:droplet:${x}` }));
  api.on('POST', '/v2/droplets/{id}/actions', ([id], ctx) => dropletAction(api, id, ctx.body));
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
    enable_backups: () => addFeature(droplet, 'backups'),
    disable_backups: () => (droplet.features = droplet.features.filter((f: string) => f !== 'backups')),
    enable_ipv6: () => {
      addFeature(droplet, 'ipv6');
      if (!droplet.networks.v6.length) {
        droplet.networks.v6.push({ ip_address: `2001:db8:1001::${droplet.id % 1000}`, netmask: 64, gateway: '2001:db8:1001::1', type: 'public' });
      }
    },
  };
  const regionSlug = droplet.region.slug as string;
  let effect = effects[type];
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

function addFeature(droplet: Json, feature: string): void {
  if (!droplet.features.includes(feature)) droplet.features.push(feature);
}
