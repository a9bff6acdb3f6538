/**
 * Actions on a multi-selection in the real extension host against the fake (through Prism), called
 * as VS Code calls a context-menu command on one: the clicked node, then every selected node.
 * Power off three droplets where the API refuses one: one confirmation listing them, two done and
 * one failure reported with its message; a droplet not in a state for it is left out and named.
 * Tag a droplet, a volume and another droplet in one request.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import { assertDeclinedQuietly, extensionApi, fake, freshDemo, nodeAt, writes } from './support/env';
import { fakeState } from './support/fakeState';
import { ScriptedUserInput } from './support/scriptedInput';

describe('Bulk actions on a multi-selection', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const data = () => fakeState();

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it('powers off three droplets where one is refused: two done, one failure with its message; an off one left out', async () => {
    const [web1, web2, worker1, etl] = [
      await nodeAt(api, 'Acme Web', 'Droplets', 'web-1'),
      await nodeAt(api, 'Acme Web', 'Droplets', 'web-2'),
      await nodeAt(api, 'Acme Web', 'Droplets', 'worker-1'),
      await nodeAt(api, 'Data Platform', 'Droplets', 'etl-runner'),
    ];
    await fake.refuse('POST', '/v2/droplets/311000002/actions', {
      status: 422,
      id: 'unprocessable_entity',
      message: 'Droplet is currently locked by a snapshot',
      requestId: 'req-bulk-web2',
    });
    const input = new ScriptedUserInput(['Power off 3']);
    api.setUserInput(input);
    await vscode.commands.executeCommand('digitalocean.droplet.powerOff', web2, [web1, web2, worker1, etl]);
    assert.deepEqual(input.asked, ['Power off 3 droplets?'], 'one confirmation for all');
    const d = await data();
    const status = (name: string) => d.droplets.find((x) => x.name === name)!.status;
    assert.deepEqual([status('web-1'), status('web-2'), status('worker-1'), status('etl-runner')], ['off', 'active', 'off', 'off']);
    const notice = input.notices.join('\n');
    assert.match(notice, /^error: 2 of 3 succeeded\./m);
    assert.match(notice, /web-2: Droplet is currently locked by a snapshot \(HTTP 422 unprocessable_entity, request id req-bulk-web2\)/);
    assert.match(notice, /web-1/);
    assert.match(notice, /worker-1/);
  });

  it('sends nothing when the one confirmation is declined', async () => {
    const [web1, web2] = [await nodeAt(api, 'Acme Web', 'Droplets', 'web-1'), await nodeAt(api, 'Acme Web', 'Droplets', 'web-2')];
    const before = (await fake.log()).seen.filter((r) => r.method === 'POST').length;
    const input = new ScriptedUserInput(['Cancel']);
    api.setUserInput(input);
    await vscode.commands.executeCommand('digitalocean.droplet.reboot', web1, [web1, web2]);
    assertDeclinedQuietly(input, /web-1.*web-2|2 droplets/i);
    assert.equal(input.confirmations.length, 1, 'one confirmation for the selection');
    assert.equal((await fake.log()).seen.filter((r) => r.method === 'POST').length, before);
  });

  it('tags droplets and a volume in one request', async () => {
    const [web1, worker1, volume] = [
      await nodeAt(api, 'Acme Web', 'Droplets', 'web-1'),
      await nodeAt(api, 'Acme Web', 'Droplets', 'worker-1'),
      await nodeAt(api, 'Acme Web', 'Volumes', 'web-uploads'),
    ];
    const before = (await fake.log()).seen.filter((r) => r.method === 'POST' && r.url.includes('/v2/tags/batch-7/resources')).length;
    const input = new ScriptedUserInput(['$(add) New tag…', 'batch-7']);
    api.setUserInput(input);
    await vscode.commands.executeCommand('digitalocean.tags.add', worker1, [web1, worker1, volume]);
    assert.equal(input.remaining, 0);
    const d = await data();
    assert.ok(d.droplets.find((x) => x.name === 'web-1')!.tags.includes('batch-7'));
    assert.ok(d.droplets.find((x) => x.name === 'worker-1')!.tags.includes('batch-7'));
    assert.ok(d.volumes.find((x) => x.name === 'web-uploads')!.tags?.includes('batch-7'));
    assert.equal(
      (await fake.log()).seen.filter((r) => r.method === 'POST' && r.url.includes('/v2/tags/batch-7/resources')).length,
      before + 1,
      'one request for the three',
    );
  });

  it('deletes a selection: one confirmation for light deletes, the count typed when a cluster or domain is in it', async () => {
    const [fw1, fw2, cert] = [
      await nodeAt(api, 'Account-wide', 'Firewalls', 'web-public'),
      await nodeAt(api, 'Account-wide', 'Firewalls', 'ssh-bastion-only'),
      await nodeAt(api, 'Account-wide', 'Certificates', 'legacy-custom'),
    ];
    const light = new ScriptedUserInput(['Delete 3']);
    api.setUserInput(light);
    await vscode.commands.executeCommand('digitalocean.resource.delete', fw1, [fw1, fw2, cert]);
    assert.deepEqual(light.asked, ['Delete 3 resources?']);
    const after = await fakeState();
    assert.deepEqual([after.firewalls.length, after.certificates.some((c) => c.name === 'legacy-custom')], [0, false]);

    const [domain, cluster] = [
      await nodeAt(api, 'Staging', 'Domains', 'acme-staging.example'),
      await nodeAt(api, 'Staging', 'Kubernetes clusters', 'staging-k8s'),
    ];
    const before = await writes();
    const wrong = new ScriptedUserInput(['1']);
    api.setUserInput(wrong);
    await vscode.commands.executeCommand('digitalocean.resource.delete', cluster, [domain, cluster]);
    assert.match(wrong.rejections.join('\n'), /Type 2 to confirm/);
    assert.equal(await writes(), before, 'nothing deleted on a wrong count');
    api.setUserInput(new ScriptedUserInput(['2']));
    await vscode.commands.executeCommand('digitalocean.resource.delete', cluster, [domain, cluster]);
    const gone = await fakeState();
    assert.ok(!gone.domains.some((d) => d.name === 'acme-staging.example'));
    assert.ok(!gone.kubernetesClusters.some((c) => c.name === 'staging-k8s'));
  });
});
