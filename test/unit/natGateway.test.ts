/** VPC NAT gateways: the name and timeout rules, the name suggested from a VPC (property tests), and the whole gateway a PUT sends back. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  type NatGateway,
  natGatewayNameProblem,
  natGatewayUpdate,
  natPublicIps,
  natTimeoutProblem,
  suggestedNatGatewayName,
} from '../../src/api/resources/natGateway';

const gateway: NatGateway = {
  id: 'g1',
  name: 'ams3-egress',
  type: 'PUBLIC',
  state: 'ACTIVE',
  region: 'ams3',
  size: 2,
  vpcs: [{ vpc_uuid: 'v1', gateway_ip: '10.12.0.5', default_gateway: true }],
  egresses: { public_gateways: [{ ipv4: '203.0.113.200' }] },
  udp_timeout_seconds: 30,
  icmp_timeout_seconds: 45,
  tcp_timeout_seconds: 60,
  created_at: '2026-01-01T00:00:00Z',
};

describe('NAT gateways', () => {
  it('take letters, digits, "-" and "." as a name, unique in the account', () => {
    assert.equal(natGatewayNameProblem('ams3-egress.v2'), undefined);
    assert.match(natGatewayNameProblem('  ')!, /required/);
    assert.match(natGatewayNameProblem('a b')!, /letters, digits, "-" and "."/);
    assert.match(natGatewayNameProblem('a_b')!, /letters, digits, "-" and "."/);
    assert.match(natGatewayNameProblem('x'.repeat(256))!, /255/);
    assert.match(natGatewayNameProblem('egress', ['egress'])!, /exists already/);
  });

  it('take a timeout in whole seconds from 1 to a day', () => {
    for (const ok of ['1', '30', ' 600 ', '86400']) assert.equal(natTimeoutProblem(ok), undefined, ok);
    for (const bad of ['', '0', '-5', '1.5', '30s', '86401', '1e3']) assert.ok(natTimeoutProblem(bad), bad);
  });

  it('suggest a name the API takes and the account has not, from any VPC name (1,000 cases)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.array(fc.string({ maxLength: 12 }), { maxLength: 5 }), (vpcName, others) => {
        const base = suggestedNatGatewayName(vpcName);
        const taken = [...others, base, `${base}-2`];
        const name = suggestedNatGatewayName(vpcName, taken);
        assert.equal(natGatewayNameProblem(name, taken), undefined, `${JSON.stringify(vpcName)} → ${name}`);
        assert.equal(natGatewayNameProblem(base), undefined, `${JSON.stringify(vpcName)} → ${base}`);
      }),
      { numRuns: 1000 },
    );
    assert.equal(suggestedNatGatewayName('default-ams3'), 'default-ams3-nat');
    assert.equal(suggestedNatGatewayName('default-ams3', ['default-ams3-nat']), 'default-ams3-nat-2');
  });

  it('send the whole gateway back in a PUT, with only what changes changed', () => {
    assert.deepEqual(natGatewayUpdate(gateway, { tcp_timeout_seconds: 120 }), {
      name: 'ams3-egress',
      size: 2,
      vpcs: [{ vpc_uuid: 'v1', default_gateway: true }],
      udp_timeout_seconds: 30,
      icmp_timeout_seconds: 45,
      tcp_timeout_seconds: 120,
    });
    const bare = { ...gateway, udp_timeout_seconds: undefined, vpcs: [{ vpc_uuid: 'v1' }] };
    assert.deepEqual(natGatewayUpdate(bare, { name: 'out' }), {
      name: 'out',
      size: 2,
      vpcs: [{ vpc_uuid: 'v1' }],
      udp_timeout_seconds: 30,
      icmp_timeout_seconds: 45,
      tcp_timeout_seconds: 60,
    });
    assert.deepEqual(natPublicIps(gateway), ['203.0.113.200']);
    assert.deepEqual(natPublicIps({}), []);
  });
});
