/**
 * VPC peerings in the real extension host against the fake (through Prism): the group under
 * Account-wide naming the two VPCs, Create VPC Peering offering only the pairs the API takes (from
 * the palette and from a VPC, whose VPC comes preselected), the wait until it is active, Rename
 * with its checks before any request, Delete (the API answers 202 and the peering goes a moment
 * later), and the API's refusal shown with its message and request id.
 */
import * as assert from 'node:assert/strict';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { eventually, extensionApi, fake, freshDemo, logShowing, nodeAt, preselected, runWithAnswers, writes } from './support/env';
import { fakeState } from './support/fakeState';
import { ACCEPT, KEEP, REJECT } from './support/scriptedInput';

describe('VPC peerings', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const account = () => api.store.list()[0];
  const peerings = async () => (await fakeState()).vpcPeerings;
  const vpcId = async (name: string) => (await fakeState()).vpcs.find((v) => v.name === name)!.id;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it('shows each peering under Account-wide with the names of its two VPCs', async () => {
    const node = await nodeAt(api, 'Account-wide', 'VPC peerings', 'nyc3-ams3-link');
    const item = node.toTreeItem();
    assert.equal(item.description, 'default-nyc3 ↔ default-ams3', 'the VPCs are named the first time it is drawn');
    assert.match(String(item.contextValue), /^resource\.vpc_peering\.active\..*deletable/);
    assert.match(String((item.tooltip as { value?: string })?.value ?? item.tooltip), /VPCs \| default\\-nyc3, default\\-ams3/);
  });

  it('creates a peering between two VPCs, offering only the pairs the API takes, and waits until it is active', async () => {
    const input = await runWithAnswers(api, 'digitalocean.vpcPeering.create', account(), [
      'default-nyc3',
      'default-sfo3',
      ACCEPT,
      'Create default-nyc3-default-sfo3',
    ]);
    assert.equal(input.remaining, 0);
    // after default-nyc3: not itself, not default-ams3 (peered already)
    assert.deepEqual(input.offered[1], ['default-sfo3']);
    const made = (await peerings()).find((p) => p.name === 'default-nyc3-default-sfo3');
    assert.deepEqual(made?.vpc_ids, [await vpcId('default-nyc3'), await vpcId('default-sfo3')]);
    assert.equal(made?.status, 'ACTIVE', 'the command waited until it was active');
    assert.match(input.notices.join('\n'), /VPC peering default-nyc3-default-sfo3 is active: default-nyc3 and default-sfo3 reach each other/);
    const shown = await eventually('the new peering in the view', async () =>
      (await api.explorer.getChildren(await nodeAt(api, 'Account-wide', 'VPC peerings'))).find((n) => label(n) === 'default-nyc3-default-sfo3'),
    );
    assert.equal(shown.toTreeItem().description, 'default-nyc3 ↔ default-sfo3');

    // every pair is peered now except ams3–sfo3: from default-sfo3 only default-ams3 is offered
    const vpc = await nodeAt(api, 'Account-wide', 'VPCs', 'default-sfo3');
    const next = await runWithAnswers(api, 'digitalocean.vpcPeering.create', vpc, [KEEP, 'default-ams3', 'sfo3-ams3', 'Create sfo3-ams3']);
    assert.deepEqual(preselected(next, 'default-sfo3'), ['default-sfo3'], 'run on a VPC, that VPC is the first end');
    assert.deepEqual(next.offered[1], ['default-ams3'], next.notices.join('\n'));
    assert.ok((await peerings()).some((p) => p.name === 'sfo3-ams3'));

    // nothing left to peer: said before any prompt or request
    const before = await writes();
    const none = await runWithAnswers(api, 'digitalocean.vpcPeering.create', account(), []);
    assert.match(none.notices.join('\n'), /Every pair of the account's VPCs is peered already/);
    assert.equal(none.asked.length, 0);
    assert.equal(await writes(), before);
  });

  it('refuses a bad or taken name at its step; a declined summary sends nothing', async () => {
    const before = await writes();
    const input = await runWithAnswers(api, 'digitalocean.vpcPeering.create', account(), [
      'default-sfo3',
      'default-nyc3',
      REJECT('bad name!'),
      REJECT('nyc3-ams3-link'),
      'ok-link',
      undefined,
    ]);
    assert.equal(input.remaining, 0);
    assert.match(input.rejections[0], /letters, digits and "-"/);
    assert.match(input.rejections[1], /exists already/);
    assert.equal(await writes(), before, 'nothing was sent');
  });

  it('renames a peering after checking the name, and deletes one', async () => {
    const node = await nodeAt(api, 'Account-wide', 'VPC peerings', 'nyc3-ams3-link');
    const before = await writes();
    const refused = await runWithAnswers(api, 'digitalocean.vpcPeering.rename', node, [REJECT('nyc3 ams3'), REJECT('nyc3-ams3-link'), undefined]);
    assert.match(refused.rejections.join('\n'), /letters, digits and "-"/);
    assert.match(refused.rejections.join('\n'), /That is its name already/);
    assert.equal(await writes(), before);
    await runWithAnswers(api, 'digitalocean.vpcPeering.rename', node, ['east-west']);
    assert.deepEqual(
      (await peerings()).map((p) => p.name),
      ['east-west'],
    );
    await logShowing(api, /VPC peering nyc3-ams3-link renamed to east-west/);

    const renamed = await eventually('the renamed peering in the view', async () =>
      (await api.explorer.getChildren(await nodeAt(api, 'Account-wide', 'VPC peerings'))).find((n) => label(n) === 'east-west'),
    );
    await runWithAnswers(api, 'digitalocean.resource.delete', renamed, ['Delete']);
    await eventually('the peering gone at DigitalOcean', async () => ((await peerings()).length === 0 ? true : undefined));
    await eventually('the peering gone from the view', async () =>
      (await api.explorer.getChildren(await nodeAt(api, 'Account-wide', 'VPC peerings'))).some((n) => label(n) === 'east-west') ? undefined : true,
    );
  });

  it("shows the API's refusal with its message and request id, and creates nothing", async () => {
    await fake.refuse('POST', '/v2/vpc_peerings', {
      status: 422,
      id: 'unprocessable_entity',
      message: 'peering is not available between these regions',
      requestId: 'req-peering-refused',
    });
    await runWithAnswers(api, 'digitalocean.vpcPeering.create', account(), ['default-nyc3', 'default-sfo3', 'refused-link', 'Create refused-link']);
    assert.ok(!(await peerings()).some((p) => p.name === 'refused-link'));
    await logShowing(
      api,
      /Create VPC peering failed: peering is not available between these regions \(HTTP 422 unprocessable_entity, request id req-peering-refused\)/,
    );
  });
});
