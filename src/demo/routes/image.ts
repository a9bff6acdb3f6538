/**
 * Custom images: imported from a URL (NEW, then available one action's time later; a URL whose
 * host ends in `.invalid` cannot be fetched and the image is left with an error message), renamed
 * and described, copied to another region (`transfer`), and their actions listed and read; a
 * droplet snapshot transferred to another account (pending until accepted; the sender cancels),
 * and two transfers waiting for this account (from the demo's partner team) to accept or decline.
 */
import type { FakeCore } from '../core';
import type { Json } from '../seed';

const DISTRIBUTIONS = [
  'Arch Linux',
  'CentOS',
  'CoreOS',
  'Debian',
  'Fedora',
  'Fedora Atomic',
  'FreeBSD',
  'Gentoo',
  'openSUSE',
  'RancherOS',
  'Rocky Linux',
  'Ubuntu',
  'Unknown',
];
const REGIONS = ['nyc1', 'nyc3', 'sfo3', 'ams3', 'fra1', 'lon1', 'sgp1', 'tor1'];

export function imageRoutes(api: FakeCore): void {
  const find = (id: string) => api.data.images.find((i) => String(i.id) === id);
  const fieldsProblem = (body: Json): string | undefined => {
    if (body.name !== undefined && (typeof body.name !== 'string' || !body.name.trim() || body.name.length > 255)) return 'name is invalid';
    if (body.description !== undefined && (typeof body.description !== 'string' || body.description.length > 1024)) return 'description is invalid';
    return undefined;
  };

  api.on('POST', '/v2/images', (_, ctx) => {
    const body = ctx.body ?? {};
    if (typeof body.name !== 'string' || typeof body.url !== 'string' || typeof body.region !== 'string')
      return api.unprocessable('name, url and region are required');
    const problem = fieldsProblem(body);
    if (problem) return api.unprocessable(problem);
    let url: URL;
    try {
      url = new URL(body.url);
    } catch {
      return api.unprocessable('url is not a URL');
    }
    if (!['http:', 'https:'].includes(url.protocol)) return api.unprocessable('url must be http or https');
    if (!REGIONS.includes(body.region)) return api.unprocessable(`region ${String(body.region)} is not available`);
    const distribution = DISTRIBUTIONS.includes(body.distribution) ? body.distribution : 'Unknown';
    const image: Json = {
      id: 178100000 + api.nextId++,
      name: body.name,
      type: 'custom',
      distribution,
      slug: null,
      public: false,
      regions: [],
      created_at: api.now(),
      min_disk_size: null,
      size_gigabytes: null,
      description: body.description ?? '',
      tags: Array.isArray(body.tags) ? body.tags : [],
      status: 'NEW',
      error_message: '',
    };
    api.data.images.push(image);
    api.later(api.actionDurationMs, () => {
      if (url.hostname.endsWith('.invalid')) {
        image.status = 'deleted';
        image.error_message = `could not download ${url.hostname}`;
        return;
      }
      Object.assign(image, { status: 'available', regions: [body.region], min_disk_size: 20, size_gigabytes: 2.4 });
    });
    return api.json(202, { image });
  });

  api.on('PUT', '/v2/images/{id}', ([id], ctx) => {
    const image = find(id);
    if (!image) return api.notFound();
    const body = ctx.body ?? {};
    const problem = fieldsProblem(body);
    if (problem) return api.unprocessable(problem);
    if (body.distribution !== undefined && !DISTRIBUTIONS.includes(body.distribution)) return api.unprocessable('distribution is invalid');
    for (const key of ['name', 'description', 'distribution']) if (body[key] !== undefined) image[key] = body[key];
    return api.json(200, { image });
  });

  const actionsOf = (id: string) => [...api.actions.values()].filter((a) => String(a.resource_id) === id && a.resource_type === 'image');
  api.on('POST', '/v2/images/{id}/actions', ([id], ctx) => {
    const image = find(id);
    if (!image) return api.notFound();
    const body = ctx.body ?? {};
    if (body.type === 'transfer') {
      if (!REGIONS.includes(body.region)) return api.unprocessable(`region ${String(body.region)} is not available`);
      if ((image.regions as string[]).includes(body.region)) return api.unprocessable(`the image is in ${String(body.region)} already`);
      if (image.status !== 'available') return api.unprocessable('the image is not available yet');
      const action = api.startAction('transfer', 'image', image.id, body.region, () => (image.regions as string[]).push(body.region));
      return api.json(201, { action });
    }
    if (body.type === 'convert') {
      if (image.type !== 'backup') return api.unprocessable('only backups can be converted to snapshots');
      const action = api.startAction('convert', 'image', image.id, (image.regions as string[])[0] ?? null, () => (image.type = 'snapshot'));
      return api.json(201, { action });
    }
    return api.unprocessable(`type ${String(body.type)} is not an image action`);
  });
  imageTransferRoutes(api);
  api.on('GET', '/v2/images/{id}/actions', ([id], ctx) => (find(id) ? api.page('actions', actionsOf(id).reverse(), ctx) : api.notFound()));
  api.on('GET', '/v2/images/{id}/actions/{action}', ([id, actionId]) => {
    const action = actionsOf(id).find((a) => String(a.id) === actionId);
    return action ? api.json(200, { action }) : api.notFound();
  });
}

/** A transfer between accounts: out of this one, or into it. */
interface Transfer {
  id: number;
  imageId: string;
  direction: 'out' | 'in';
  status: 'pending' | 'accepted' | 'cancelled' | 'declined';
  /** For transfers in: the snapshot this account receives. */
  incoming?: Json;
}

function imageTransferRoutes(api: FakeCore): void {
  // per state (a reset starts over): two transfers waiting for this account, from another team
  const perState = new WeakMap<object, Transfer[]>();
  const transfers = () => {
    let list = perState.get(api.data);
    if (!list) {
      const incoming = (id: string, name: string): Json => ({
        id,
        name,
        created_at: api.now(),
        regions: ['nyc3'],
        resource_id: '399000001',
        resource_type: 'droplet',
        min_disk_size: 25,
        size_gigabytes: 3.3,
        tags: [],
      });
      list = [
        { id: 3164444, imageId: '178000099', direction: 'in', status: 'pending', incoming: incoming('178000099', 'partner-base-2026-11') },
        { id: 3164445, imageId: '178000098', direction: 'in', status: 'pending', incoming: incoming('178000098', 'partner-legacy-2025') },
      ];
      perState.set(api.data, list);
    }
    return list;
  };
  const dropletSnapshot = (id: string) => api.data.snapshots.find((s) => s.id === id && s.resource_type === 'droplet');
  const pending = (imageId: string, transferId: unknown, direction: Transfer['direction']) =>
    transfers().find((t) => t.imageId === imageId && t.id === transferId && t.direction === direction && t.status === 'pending');

  api.on('POST', '/v2/images/{id}/account_transfer', ([id], ctx) => {
    const snap = dropletSnapshot(id);
    if (!snap) return api.notFound();
    const { recipient_email: email, recipient_uuid: uuid } = ctx.body ?? {};
    if (email !== undefined && (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))) return api.unprocessable('recipient_email is invalid');
    if (uuid !== undefined && (typeof uuid !== 'string' || !/^[0-9a-f-]{36}$/i.test(uuid))) return api.unprocessable('recipient_uuid is invalid');
    if ((email === undefined) === (uuid === undefined)) return api.unprocessable('one recipient: recipient_email or recipient_uuid');
    if (uuid === api.data.account.team?.uuid || email === api.data.account.email) return api.unprocessable('the image is in this account already');
    if (transfers().some((t) => t.imageId === id && t.direction === 'out' && t.status === 'pending'))
      return api.unprocessable('the image has a pending transfer');
    const transfer: Transfer = { id: 4100000 + api.nextId++, imageId: id, direction: 'out', status: 'pending' };
    transfers().push(transfer);
    return api.json(201, { transfer_id: transfer.id });
  });
  api.on('POST', '/v2/images/{id}/account_transfer/cancel', ([id], ctx) => {
    const transfer = pending(id, ctx.body?.transfer_id, 'out');
    if (!transfer) return api.notFound();
    transfer.status = 'cancelled';
    return api.noContent();
  });
  api.on('POST', '/v2/images/{id}/account_transfer/accept', ([id], ctx) => {
    const transfer = pending(id, ctx.body?.transfer_id, 'in');
    if (!transfer) return api.notFound();
    if (ctx.body?.recipient_uuid !== api.data.account.team?.uuid) return api.unprocessable('recipient_uuid is not the team the transfer was sent to');
    transfer.status = 'accepted';
    api.data.snapshots.push(transfer.incoming!);
    return { status: 201, headers: { 'x-request-id': api.requestId() }, body: '' };
  });
  api.on('POST', '/v2/images/{id}/account_transfer/decline', ([id], ctx) => {
    const transfer = pending(id, ctx.body?.transfer_id, 'in');
    if (!transfer) return api.notFound();
    transfer.status = 'declined';
    return api.noContent();
  });
}
