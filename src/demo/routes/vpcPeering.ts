/**
 * The fake API's VPC peerings: create (the API's name pattern, a unique name, two VPCs of the
 * account that may be peered), rename (PATCH), delete (202 with the peering DELETING, gone a
 * moment later). A new one is PROVISIONING for one action's time, then ACTIVE. List and item come
 * from the catalog.
 */
import type { FakeCore } from '../core';
import { type Json, stableUuid } from '../seed';
import { vpcPairProblem, vpcPeeringNameProblem } from '../../api/resources/vpcPeering';

export function vpcPeeringRoutes(api: FakeCore): void {
  const peerings = () => api.data.vpcPeerings;
  const nameProblem = (name: unknown, except?: string): string | undefined =>
    typeof name !== 'string' || vpcPeeringNameProblem(name)
      ? 'name may only contain alphanumeric characters and dashes.'
      : peerings().some((p) => p.name === name && p.id !== except)
        ? `A VPC peering named ${name} already exists.`
        : undefined;

  api.on('POST', '/v2/vpc_peerings', (_, ctx) => {
    const body = ctx.body ?? {};
    const problem = nameProblem(body.name);
    if (problem) return api.unprocessable(problem);
    const ids = body.vpc_ids;
    if (!Array.isArray(ids) || ids.length !== 2) return api.unprocessable('vpc_ids must name exactly two VPCs.');
    const [a, b] = ids.map((id: unknown) => api.data.vpcs.find((v) => v.id === id));
    if (!a || !b) return api.unprocessable(`vpc_ids: ${String(ids[a ? 1 : 0])} is not a VPC of this account.`);
    const pair = vpcPairProblem(a, b, peerings());
    if (pair) return api.unprocessable(pair);
    const peering: Json = {
      id: stableUuid(`vpc-peering-${body.name}-${api.clock()}`),
      name: body.name,
      vpc_ids: [a.id, b.id],
      status: 'PROVISIONING',
      created_at: api.now(),
    };
    peerings().push(peering);
    api.later(api.actionDurationMs, () => {
      if (peering.status === 'PROVISIONING') peering.status = 'ACTIVE';
    });
    return api.json(202, { vpc_peering: peering });
  });

  api.on('PATCH', '/v2/vpc_peerings/{id}', ([id], ctx) => {
    const peering = peerings().find((p) => p.id === id);
    if (!peering) return api.notFound();
    const problem = nameProblem(ctx.body?.name, peering.id);
    if (problem) return api.unprocessable(problem);
    peering.name = ctx.body.name;
    return api.json(200, { vpc_peering: peering });
  });

  api.on('DELETE', '/v2/vpc_peerings/{id}', ([id]) => {
    const peering = peerings().find((p) => p.id === id);
    if (!peering) return api.notFound();
    peering.status = 'DELETING';
    api.removeLater(peerings(), peering);
    return api.json(202, { vpc_peering: peering });
  });
}
