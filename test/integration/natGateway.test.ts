/**
 * VPC NAT gateways in the real extension host against the fake (through Prism): the group under
 * Account-wide naming the VPC served and the public address; Create NAT Gateway offering only the
 * VPCs no gateway serves (from the palette and from a VPC, preselected), the wait until it is
 * active; Edit (a timeout, the name, checked before any request; the whole gateway sent back in a
 * PUT); Copy IP; Delete (202, gone a moment later); the API's refusal with its message and id.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { eventually, extensionApi, fake, freshDemo, logShowing, nodeAt, preselected, runWithAnswers, writes } from './support/env';
import { fakeState } from './support/fakeState';
import { ACCEPT, KEEP, REJECT } from './support/scriptedInput';

describe('NAT gateways', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const account = () => api.store.list()[0];
  const gateways = async () => (await fakeState()).vpcNatGateways;
  const vpcId = async (name: string) => (await fakeState()).vpcs.find((v) => v.name === name)!.id;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);
  const inGroup = async (name: string) => (await api.explorer.getChildren(await nodeAt(api, 'Account-wide', 'NAT gateways'))).find((n) => label(n) === name);

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it('shows each gateway under Account-wide with the VPC it serves and its public address; Copy IP copies that', async () => {
    const node = await nodeAt(api, 'Account-wide', 'NAT gateways', 'ams3-egress');
    const item = node.toTreeItem();
    assert.equal(item.description, 'default-ams3 · ams3 · 203.0.113.200', 'the VPC is named the first time it is drawn');
    assert.match(String(item.contextValue), /^resource\.vpc_nat_gateway\.active\..*deletable/);
    const tooltip = String((item.tooltip as { value?: string })?.value ?? item.tooltip);
    assert.match(tooltip, /VPCs \| default\\-ams3/);
    assert.match(tooltip, /Timeouts \\\(TCP, UDP, ICMP\\\) \| 60 s, 30 s, 30 s/);
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('digitalocean.copyIp', node);
    assert.equal(await vscode.env.clipboard.readText(), '203.0.113.200');
  });

  it('creates a gateway for a VPC no gateway serves, and waits until it is active with its addresses', async () => {
    const input = await runWithAnswers(api, 'digitalocean.natGateway.create', account(), [
      'default-nyc3',
      ACCEPT,
      '1 vCPU',
      'Default route out',
      'Create default-nyc3-nat',
    ]);
    assert.equal(input.remaining, 0, input.notices.join('\n'));
    assert.deepEqual(input.offered[0], ['default-nyc3', 'default-sfo3'], 'default-ams3 has a gateway: not offered');
    const made = (await gateways()).find((g) => g.name === 'default-nyc3-nat');
    assert.equal(made?.state, 'ACTIVE', 'the command waited until it was active');
    assert.deepEqual([made?.region, made?.size, made?.type], ['nyc3', 1, 'PUBLIC']);
    assert.deepEqual(made?.vpcs, [{ vpc_uuid: await vpcId('default-nyc3'), default_gateway: true, gateway_ip: '10.10.0.5' }]);
    const ip = made!.egresses!.public_gateways![0].ipv4;
    assert.match(
      input.notices.join('\n'),
      new RegExp(`NAT gateway default-nyc3-nat is active: default-nyc3 reaches the internet from ${ip.replace(/\./g, '\\.')}`),
    );
    const shown = await eventually('the new gateway in the view', () => inGroup('default-nyc3-nat'));
    assert.equal(shown.toTreeItem().description, `default-nyc3 · nyc3 · ${ip}`);

    // from the last free VPC: preselected; then nothing is left, said before any prompt or request
    const vpc = await nodeAt(api, 'Account-wide', 'VPCs', 'default-sfo3');
    const next = await runWithAnswers(api, 'digitalocean.natGateway.create', vpc, [KEEP, 'sfo3-out', '4 vCPU', 'Only where routed', 'Create sfo3-out']);
    assert.deepEqual(preselected(next, 'default-sfo3'), ['default-sfo3'], 'run on a VPC, that VPC is chosen');
    assert.deepEqual(
      (await gateways()).filter((g) => g.name === 'sfo3-out').map((g) => [g.size, g.vpcs[0].default_gateway]),
      [[4, false]],
    );
    const before = await writes();
    const none = await runWithAnswers(api, 'digitalocean.natGateway.create', account(), []);
    assert.match(none.notices.join('\n'), /Every VPC of the account has a NAT gateway already/);
    assert.equal(none.asked.length, 0);
    const served = await runWithAnswers(api, 'digitalocean.natGateway.create', await nodeAt(api, 'Account-wide', 'VPCs', 'default-ams3'), []);
    assert.match(served.notices.join('\n'), /default-ams3 has a NAT gateway already: ams3-egress/);
    assert.equal(await writes(), before);
  });

  it('refuses a bad or taken name at its step; a declined summary sends nothing', async () => {
    const before = await writes();
    const input = await runWithAnswers(api, 'digitalocean.natGateway.create', account(), [
      'default-sfo3',
      REJECT('bad name!'),
      REJECT('ams3-egress'),
      'ok-nat',
      '2 vCPU',
      'Default route out',
      undefined,
    ]);
    assert.equal(input.remaining, 0);
    assert.match(input.rejections[0], /letters, digits, "-" and "."/);
    assert.match(input.rejections[1], /exists already/);
    assert.equal(await writes(), before, 'nothing was sent');
  });

  it('edits a timeout and the name, sending the whole gateway back; checks come before any request', async () => {
    const node = await nodeAt(api, 'Account-wide', 'NAT gateways', 'ams3-egress');
    const before = await writes();
    const refused = await runWithAnswers(api, 'digitalocean.natGateway.edit', node, ['UDP timeout', REJECT('0'), REJECT('30s'), undefined]);
    assert.match(refused.rejections.join('\n'), /From 1 to 86400 seconds/);
    assert.match(refused.rejections.join('\n'), /A whole number of seconds/);
    assert.equal(await writes(), before);

    await runWithAnswers(api, 'digitalocean.natGateway.edit', node, ['UDP timeout', '120']);
    const edited = (await gateways())[0];
    assert.deepEqual(
      [edited.name, edited.size, edited.udp_timeout_seconds, edited.tcp_timeout_seconds, edited.icmp_timeout_seconds, edited.vpcs[0].default_gateway],
      ['ams3-egress', 1, 120, 60, 30, true],
      'only the timeout changed',
    );
    const puts = (await fake.log()).handled.filter((h) => h.method === 'PUT' && h.path.startsWith('/v2/vpc_nat_gateways/'));
    assert.deepEqual(
      puts.map((h) => h.status),
      [200],
    );

    const renaming = await runWithAnswers(api, 'digitalocean.natGateway.edit', node, ['Name', REJECT('ams3 egress'), REJECT('ams3-egress'), 'amsterdam-out']);
    assert.match(renaming.rejections.join('\n'), /That is its name already/);
    assert.equal((await gateways())[0].name, 'amsterdam-out');
    await logShowing(api, /NAT gateway ams3-egress updated: name/);
    await eventually('the renamed gateway in the view', () => inGroup('amsterdam-out'));
  });

  it('deletes a gateway: the API answers 202 and it goes a moment later', async () => {
    const node = await nodeAt(api, 'Account-wide', 'NAT gateways', 'ams3-egress');
    await runWithAnswers(api, 'digitalocean.resource.delete', node, ['Delete']);
    await eventually('the gateway gone at DigitalOcean', async () => ((await gateways()).length === 0 ? true : undefined));
    await eventually('the gateway gone from the view', async () => ((await inGroup('ams3-egress')) ? undefined : true));
  });

  it("shows the API's refusal with its message and request id, and creates nothing", async () => {
    await fake.refuse('POST', '/v2/vpc_nat_gateways', {
      status: 422,
      id: 'unprocessable_entity',
      message: 'NAT gateway limit reached',
      requestId: 'req-nat-refused',
    });
    await runWithAnswers(api, 'digitalocean.natGateway.create', account(), [
      'default-nyc3',
      'refused-nat',
      '1 vCPU',
      'Default route out',
      'Create refused-nat',
    ]);
    assert.ok(!(await gateways()).some((g) => g.name === 'refused-nat'));
    await logShowing(api, /Create NAT gateway failed: NAT gateway limit reached \(HTTP 422 unprocessable_entity, request id req-nat-refused\)/);
  });
});
