/**
 * The fake API's VPC NAT gateways: create (the name rule, a unique name, type PUBLIC, a size,
 * VPCs of the account in the gateway's region, each served by one gateway at most), update (PUT:
 * the whole gateway; name and size required), delete (202, DELETING, gone a moment later). A new
 * one is PROVISIONING for one action's time, then ACTIVE with its addresses. List and item come
 * from the catalog.
 */
import type { FakeCore } from '../core';
import { type Json, stableUuid } from '../seed';
import { natGatewayNameProblem } from '../../api/resources/natGateway';

export function natGatewayRoutes(api: FakeCore): void {
  const gateways = () => api.data.vpcNatGateways;
  let made = 0;

  const timeouts = (body: Json, into: Json): string | undefined => {
    for (const key of ['udp_timeout_seconds', 'icmp_timeout_seconds', 'tcp_timeout_seconds']) {
      if (body[key] === undefined) continue;
      if (!Number.isInteger(body[key]) || body[key] < 1) return `${key} must be a positive integer.`;
      into[key] = body[key];
    }
    return undefined;
  };
  const nameProblem = (name: unknown, except?: string): string | undefined =>
    typeof name !== 'string' || natGatewayNameProblem(name)
      ? 'name may only contain alphanumeric characters, dashes and periods.'
      : gateways().some((g) => g.name === name && g.id !== except)
        ? `A VPC NAT gateway named ${name} already exists.`
        : undefined;
  /** The VPCs asked for, checked: of the account, in the region, not served by another gateway. */
  const vpcsProblem = (vpcs: unknown, region: string, except?: string): string | undefined => {
    if (!Array.isArray(vpcs) || !vpcs.length) return 'vpcs must name at least one VPC.';
    for (const v of vpcs as Json[]) {
      const found = api.data.vpcs.find((x) => x.id === v?.vpc_uuid);
      if (!found) return `vpcs: ${String(v?.vpc_uuid)} is not a VPC of this account.`;
      if (found.region !== region) return `vpcs: ${found.name} is in ${found.region}, not ${region}.`;
      const other = gateways().find((g) => g.id !== except && g.vpcs.some((x) => x.vpc_uuid === found.id));
      if (other) return `vpcs: ${found.name} is served by the NAT gateway ${other.name} already.`;
    }
    return undefined;
  };
  /** The gateway's address in a VPC: one from the VPC's range (the fifth address). */
  const gatewayIp = (vpcId: string) => {
    const range = api.data.vpcs.find((x) => x.id === vpcId)?.ip_range ?? '10.0.0.0/20';
    const [a, b, c] = range.split('/')[0].split('.');
    return `${a}.${b}.${c}.5`;
  };

  api.on('POST', '/v2/vpc_nat_gateways', (_, ctx) => {
    const body = ctx.body ?? {};
    const problem =
      nameProblem(body.name) ??
      (body.type !== 'PUBLIC' ? 'type must be PUBLIC.' : undefined) ??
      (typeof body.region !== 'string' || !api.data.vpcs.some((v) => v.region === body.region)
        ? `region: ${String(body.region)} has no VPC of this account.`
        : undefined) ??
      (!Number.isInteger(body.size) || body.size < 1 ? 'size must be a positive integer.' : undefined) ??
      vpcsProblem(body.vpcs, body.region);
    if (problem) return api.unprocessable(problem);
    const gateway: Json = {
      id: stableUuid(`nat-${body.name}-${api.clock()}`),
      name: body.name,
      type: 'PUBLIC',
      state: 'PROVISIONING',
      region: body.region,
      size: body.size,
      vpcs: (body.vpcs as Json[]).map((v) => ({ vpc_uuid: v.vpc_uuid, default_gateway: v.default_gateway === true })),
      egresses: { public_gateways: [] },
      udp_timeout_seconds: 30,
      icmp_timeout_seconds: 30,
      tcp_timeout_seconds: 30,
      created_at: api.now(),
      updated_at: api.now(),
    };
    const bad = timeouts(body, gateway);
    if (bad) return api.unprocessable(bad);
    gateways().push(gateway);
    const n = ++made;
    api.later(api.actionDurationMs, () => {
      if (gateway.state !== 'PROVISIONING') return;
      gateway.state = 'ACTIVE';
      gateway.egresses = { public_gateways: [{ ipv4: `203.0.113.${210 + (n % 40)}` }] };
      for (const v of gateway.vpcs) v.gateway_ip = gatewayIp(v.vpc_uuid);
    });
    return api.json(202, { vpc_nat_gateway: gateway });
  });

  api.on('PUT', '/v2/vpc_nat_gateways/{id}', ([id], ctx) => {
    const gateway = gateways().find((g) => g.id === id);
    if (!gateway) return api.notFound();
    const body = ctx.body ?? {};
    const problem =
      nameProblem(body.name, gateway.id) ??
      (!Number.isInteger(body.size) || body.size < 1 ? 'size must be a positive integer.' : undefined) ??
      (body.vpcs === undefined ? undefined : vpcsProblem(body.vpcs, gateway.region, gateway.id));
    if (problem) return api.unprocessable(problem);
    const next: Json = { ...gateway };
    const bad = timeouts(body, next);
    if (bad) return api.unprocessable(bad);
    next.name = body.name;
    next.size = body.size;
    if (body.vpcs) {
      next.vpcs = (body.vpcs as Json[]).map((v) => {
        const kept = gateway.vpcs.find((x) => x.vpc_uuid === v.vpc_uuid);
        return { vpc_uuid: v.vpc_uuid, gateway_ip: kept?.gateway_ip ?? gatewayIp(v.vpc_uuid), default_gateway: v.default_gateway === true };
      });
    }
    next.updated_at = api.now();
    Object.assign(gateway, next);
    return api.json(200, { vpc_nat_gateway: gateway });
  });

  api.on('DELETE', '/v2/vpc_nat_gateways/{id}', ([id]) => {
    const gateway = gateways().find((g) => g.id === id);
    if (!gateway) return api.notFound();
    gateway.state = 'DELETING';
    api.removeLater(gateways(), gateway);
    return { ...api.noContent(), status: 202 };
  });
}
