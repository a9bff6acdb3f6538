/**
 * The fake API's NFS shares: create (201: a checked name, at least 50 GiB, VPCs of the account in
 * its region; CREATING for one action's time, then ACTIVE with a host and path and a default
 * access point), actions (201 IN_PROGRESS, applied after one action's time: resize larger only, a
 * snapshot, attach to or detach from a VPC of its region), snapshots (list by region and share,
 * one, delete) and access points (list, create, one, delete: 200 with it marked DELETED). The list,
 * one share and its delete come from the catalog.
 */
import type { FakeCore } from '../core';
import { type Json, stableUuid } from '../seed';
import { NFS_MIN_GIB, nfsNameProblem } from '../../api/resources/nfsShare';

export function nfsRoutes(api: FakeCore): void {
  const shares = () => api.data.nfsShares as Json[];
  const points = (id: string) => (api.data.nfsAccessPoints[id] ??= []) as Json[];
  const find = (id: string) => shares().find((s) => s.id === id);
  const vpcOf = (id: unknown) => api.data.vpcs.find((v) => v.id === id);
  const pointOf = (id: string) =>
    Object.values(api.data.nfsAccessPoints)
      .flat()
      .find((p) => p.id === id) as Json | undefined;

  const defaultPoint = (share: Json): Json => ({
    id: stableUuid(`nfs-${share.id}-default`),
    name: 'default',
    share_id: share.id,
    path: '/',
    status: 'ACCESS_POINT_ACTIVE',
    access_policy: { anonuid: 65534, anongid: 65534, protocols: ['NFS4'], squash_config: 'ROOT_SQUASH', identity_enforcement_enabled: false },
    created_at: api.now(),
    updated_at: api.now(),
    is_default: true,
    vpc_id: share.vpc_ids[0],
  });

  api.on('POST', '/v2/nfs', (_, ctx) => {
    const b = ctx.body ?? {};
    const nameProblem =
      typeof b.name === 'string'
        ? nfsNameProblem(
            b.name,
            shares().map((s) => s.name),
          )
        : 'name is required';
    if (nameProblem) return api.error(400, 'bad_request', `name: ${nameProblem}`);
    if (!Number.isInteger(b.size_gib) || b.size_gib < NFS_MIN_GIB) return api.error(400, 'bad_request', `size_gib must be at least ${NFS_MIN_GIB}.`);
    if (typeof b.region !== 'string' || !api.data.vpcs.some((v) => v.region === b.region))
      return api.error(400, 'bad_request', `region ${String(b.region)} has no VPC of this account.`);
    if (!Array.isArray(b.vpc_ids) || !b.vpc_ids.length) return api.error(400, 'bad_request', 'vpc_ids needs at least one VPC.');
    const wrong = (b.vpc_ids as unknown[]).find((id) => vpcOf(id)?.region !== b.region);
    if (wrong !== undefined) return api.error(400, 'bad_request', `vpc_ids: ${String(wrong)} is not a VPC of this account in ${b.region}.`);
    const share: Json = {
      id: stableUuid(`nfs-${b.name}-${api.nextId++}`),
      name: b.name,
      size_gib: b.size_gib,
      region: b.region,
      status: 'CREATING',
      created_at: api.now(),
      vpc_ids: b.vpc_ids,
      performance_tier: typeof b.performance_tier === 'string' ? b.performance_tier : 'standard',
    };
    shares().push(share);
    api.later(api.actionDurationMs, () => {
      Object.assign(share, { status: 'ACTIVE', host: `10.110.0.${50 + (api.nextId % 150)}`, mount_path: `/${api.nextId}/${share.name}` });
      points(share.id).push(defaultPoint(share));
    });
    return api.json(201, { share });
  });

  api.on('POST', '/v2/nfs/{id}/actions', ([id], ctx) => {
    const share = find(id);
    if (!share) return api.notFound();
    const { type, params } = ctx.body ?? {};
    let apply: (() => void) | undefined;
    if (type === 'resize') {
      if (!Number.isInteger(params?.size_gib) || params.size_gib <= share.size_gib)
        return api.error(400, 'bad_request', `size_gib must be larger than ${share.size_gib}.`);
      apply = () => (share.size_gib = params.size_gib);
    } else if (type === 'snapshot') {
      if (typeof params?.name !== 'string' || !params.name) return api.error(400, 'bad_request', 'params.name is required.');
      const snapshot: Json = {
        id: stableUuid(`nfs-snap-${api.nextId++}`),
        name: params.name,
        size_gib: share.size_gib,
        region: share.region,
        status: 'CREATING',
        created_at: api.now(),
        share_id: share.id,
      };
      api.data.nfsSnapshots.push(snapshot as never);
      apply = () => (snapshot.status = 'ACTIVE');
    } else if (type === 'attach' || type === 'detach') {
      const vpc = vpcOf(params?.vpc_id);
      if (!vpc || vpc.region !== share.region)
        return api.error(400, 'bad_request', `vpc_id ${String(params?.vpc_id)} is not a VPC of this account in ${share.region}.`);
      const has = (share.vpc_ids as string[]).includes(vpc.id);
      if (type === 'attach' && has) return api.error(409, 'conflict', `The share is attached to ${vpc.name} already.`);
      if (type === 'detach' && !has) return api.error(400, 'bad_request', `The share is not attached to ${vpc.name}.`);
      apply = () => (share.vpc_ids = type === 'attach' ? [...share.vpc_ids, vpc.id] : (share.vpc_ids as string[]).filter((v) => v !== vpc.id));
    } else return api.error(400, 'bad_request', `type ${String(type)} is not an NFS action this fake takes.`);
    api.later(api.actionDurationMs, apply);
    return api.json(201, {
      action: {
        id: String(api.nextId++),
        region_slug: share.region,
        resource_id: share.id,
        resource_type: 'SHARE',
        started_at: api.now(),
        status: 'IN_PROGRESS',
        type,
      },
    });
  });

  api.on('GET', '/v2/nfs/snapshots', (_, ctx) => {
    const region = ctx.query.get('region');
    const shareId = ctx.query.get('share_id');
    return api.json(200, { snapshots: api.data.nfsSnapshots.filter((s) => (!region || s.region === region) && (!shareId || s.share_id === shareId)) });
  });
  api.on('GET', '/v2/nfs/snapshots/{id}', ([id]) => {
    const snapshot = api.data.nfsSnapshots.find((s) => s.id === id);
    return snapshot ? api.json(200, { snapshot }) : api.notFound();
  });
  api.on('DELETE', '/v2/nfs/snapshots/{id}', ([id]) => api.deleteItem(api.data.nfsSnapshots as Json[], id, (s) => s.id));

  api.on('GET', '/v2/nfs/shares/{id}/access_points', ([id], ctx) => {
    if (!find(id)) return api.notFound();
    const status = ctx.query.get('status');
    return api.json(200, { access_points: points(id).filter((p) => !status || p.status === status) });
  });
  api.on('POST', '/v2/nfs/shares/{id}/access_points', ([id], ctx) => {
    const share = find(id);
    if (!share) return api.notFound();
    const b = ctx.body ?? {};
    if (typeof b.name !== 'string' || !/^[a-z][a-z0-9-]{0,62}$/.test(b.name)) return api.error(400, 'bad_request', 'name: lowercase letters, digits and "-".');
    if (points(id).some((p) => p.name === b.name)) return api.error(409, 'conflict', `The share has an access point named ${b.name} already.`);
    if (typeof b.path !== 'string' || !/^\/[A-Za-z0-9._/-]*$/.test(b.path)) return api.error(400, 'bad_request', 'path must be absolute.');
    if (!(share.vpc_ids as string[]).includes(b.vpc_id)) return api.error(400, 'bad_request', 'vpc_id must be a VPC the share is attached to.');
    const policy = b.access_policy;
    if (!policy || !['NO_SQUASH', 'ROOT_SQUASH', 'ALL_SQUASH'].includes(policy.squash_config))
      return api.error(400, 'bad_request', 'access_policy.squash_config is invalid.');
    const point: Json = {
      id: stableUuid(`nfs-ap-${api.nextId++}`),
      name: b.name,
      share_id: id,
      path: b.path,
      status: 'ACCESS_POINT_ACTIVE',
      access_policy: policy,
      created_at: api.now(),
      updated_at: api.now(),
      is_default: false,
      vpc_id: b.vpc_id,
    };
    points(id).push(point);
    return api.json(201, {
      access_point: point,
      action: {
        id: String(api.nextId++),
        region_slug: share.region,
        resource_id: point.id,
        resource_type: 'SHARE',
        started_at: api.now(),
        status: 'IN_PROGRESS',
        type: 'create_access_point',
      },
    });
  });
  api.on('GET', '/v2/nfs/access_points/{id}', ([id]) => {
    const point = pointOf(id);
    return point ? api.json(200, { access_point: point }) : api.notFound();
  });
  api.on('DELETE', '/v2/nfs/access_points/{id}', ([id]) => {
    const point = pointOf(id);
    if (!point) return api.notFound();
    if (point.is_default) return api.error(400, 'bad_request', 'The default access point goes with its share.');
    api.data.nfsAccessPoints[point.share_id] = points(point.share_id).filter((p) => p.id !== id) as never;
    const share = find(point.share_id);
    return api.json(200, {
      access_point: { ...point, status: 'ACCESS_POINT_DELETED', updated_at: api.now() },
      action: {
        id: String(api.nextId++),
        region_slug: share?.region ?? 'nyc3',
        resource_id: id,
        resource_type: 'SHARE',
        started_at: api.now(),
        status: 'IN_PROGRESS',
        type: 'delete_access_point',
      },
    });
  });
}
