/**
 * Drag and drop in the view, through the view's own drag and drop controller in the real
 * extension host (the fake behind Prism): two droplets dropped on another project move there after
 * one confirmation naming them; droplets dropped on a firewall or a load balancer are added to it;
 * refused drops (an account-wide VPC on a project, a droplet of another region on a load balancer,
 * anything on a volume) say why and send nothing.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { extensionApi, freshDemo, nodeAt, writes } from './support/env';
import { fakeState } from './support/fakeState';
import { ScriptedUserInput } from './support/scriptedInput';

describe('Drag and drop onto projects, firewalls and load balancers', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const data = () => fakeState();

  /** Drags `nodes` and drops them on `target`, answering the prompts with `answers`. */
  async function drop(nodes: ExplorerNode[], target: ExplorerNode, answers: string[]): Promise<ScriptedUserInput> {
    const transfer = new vscode.DataTransfer();
    api.explorer.dropController.handleDrag(nodes, transfer);
    // VS Code sends what handleDrag set to the workbench as JSON before any drop: it must serialise
    transfer.forEach((item, mime) => assert.doesNotThrow(() => JSON.stringify(item.value), `the ${mime} item`));
    const input = new ScriptedUserInput(answers);
    api.setUserInput(input);
    await api.explorer.dropController.handleDrop(target, transfer, new vscode.CancellationTokenSource().token);
    return input;
  }

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it('moves two droplets dropped on another project, after one confirmation naming them', async () => {
    const [web1, web2, staging] = [
      await nodeAt(api, 'Acme Web', 'Droplets', 'web-1'),
      await nodeAt(api, 'Acme Web', 'Droplets', 'web-2'),
      await nodeAt(api, 'Staging'),
    ];
    const input = await drop([web1, web2], staging, ['Move']);
    assert.deepEqual(input.asked, ['Move 2 resources to Staging?']);
    const d = await data();
    const id = d.projects.find((p) => p.name === 'Staging')!.id;
    const urns = d.projectResources[id].map((r) => r.urn);
    assert.ok(urns.includes('do:droplet:311000001') && urns.includes('do:droplet:311000002'), urns.join(', '));
  });

  it('adds droplets dropped on a firewall or a load balancer of their region', async () => {
    const worker = await nodeAt(api, 'Acme Web', 'Droplets', 'worker-1');
    await drop([worker], await nodeAt(api, 'Account-wide', 'Firewalls', 'ssh-bastion-only'), ['Add']);
    await drop([worker], await nodeAt(api, 'Acme Web', 'Load balancers', 'web-lb'), ['Add']);
    const d = await data();
    assert.ok(d.firewalls.find((f) => f.name === 'ssh-bastion-only')!.droplet_ids?.includes(311000003));
    assert.ok(d.loadBalancers.find((l) => l.name === 'web-lb')!.droplet_ids?.includes(311000003));
  });

  it('refuses what cannot be dropped there, saying why, and sends nothing', async () => {
    const before = await writes();
    const vpc = await nodeAt(api, 'Account-wide', 'VPCs', 'default-nyc3');
    const bastion = await nodeAt(api, 'Data Platform', 'Droplets', 'bastion').catch(() => nodeAt(api, 'Acme Web', 'Droplets', 'bastion'));
    const web1 = await nodeAt(api, 'Acme Web', 'Droplets', 'web-1');
    const tries: [ExplorerNode[], ExplorerNode, RegExp][] = [
      [[vpc], await nodeAt(api, 'Staging'), /belongs to the account, not to a project/],
      [[bastion], await nodeAt(api, 'Acme Web', 'Load balancers', 'web-lb'), /bastion is not in nyc3, where web-lb is/],
      [[web1], await nodeAt(api, 'Acme Web', 'Volumes', 'web-uploads'), /Drop resources on a project/],
      [[vpc], await nodeAt(api, 'Account-wide', 'Firewalls', 'web-public'), /Only droplets can be added to a firewall/],
    ];
    for (const [nodes, target, message] of tries) {
      const input = await drop(nodes, target, []);
      assert.match(input.notices.join('\n'), message);
      assert.deepEqual(input.asked, [], 'nothing was asked');
    }
    assert.equal(await writes(), before, 'nothing was sent');
  });
});
