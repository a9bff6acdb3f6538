import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ScriptedUserInput, type ScriptedAnswer } from './support/scriptedInput';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { assertDeclinedQuietly, eventually, extensionApi, extensionLog, fake, freshDemo, runWithAnswers, writes } from './support/env';
import { type FakeState, fakeState } from './support/fakeState';

type Droplet = FakeState['droplets'][number];

describe('Droplet actions', function () {
  this.timeout(120_000);
  let api: TestingApi;

  const label = (n: ExplorerNode) => String(n.toTreeItem().label);
  const description = (n: ExplorerNode) => String(n.toTreeItem().description ?? '');

  /**
   * The droplet's node under its project. Each level is checked, so a failure says where the path
   * broke and what was there instead (an error node's text included): once, on the web, a project
   * showed no "Droplets" group and the old helper only said "no droplet".
   */
  async function dropletNode(project: string, name: string): Promise<ExplorerNode> {
    const seen: string[] = [];
    const at = async (parent: ExplorerNode | undefined, wanted: string, where: string) => {
      const children = await api.explorer.getChildren(parent);
      const found = children.find((n) => label(n) === wanted);
      if (!found) seen.push(`${where}: ${children.map((n) => [label(n), description(n)].filter(Boolean).join(' — ')).join(', ') || 'nothing'}`);
      return found;
    };
    const found = await eventually(`droplet ${name} under ${project}`, async () => {
      seen.length = 0;
      const [account] = await api.explorer.getChildren();
      const projectNode = await at(account, project, 'account');
      const group = projectNode && (await at(projectNode, 'Droplets', project));
      return group && (await at(group, name, 'Droplets'));
    }).catch((error: Error) => assert.fail(`${error.message}; last seen: ${seen.join(' | ')}`));
    return found;
  }

  async function droplets(): Promise<Droplet[]> {
    return (await fakeState()).droplets;
  }

  async function dropletNamed(name: string): Promise<Droplet | undefined> {
    return (await droplets()).find((d) => d.name === name);
  }

  const run = (command: string, arg: ExplorerNode | undefined, answers: ScriptedAnswer[] = []) =>
    runWithAnswers(api, `digitalocean.droplet.${command}`, arg, answers);

  before(async () => {
    api = await extensionApi();
  });

  beforeEach(() => freshDemo(api, 800));

  afterEach(() => api.setUserInput(undefined));

  it('powers off after confirmation, showing the transition until the action completes, then the real state', async () => {
    const node = await dropletNode('Acme Web', 'web-2');
    const input = new ScriptedUserInput(['Power Off']);
    api.setUserInput(input);
    const done = vscode.commands.executeCommand('digitalocean.droplet.powerOff', node);
    await eventually('the transition on the node', async () => description(await dropletNode('Acme Web', 'web-2')).startsWith('Powering off…'));
    const busy = (await dropletNode('Acme Web', 'web-2')).toTreeItem();
    assert.match(String(busy.contextValue), /^resource\.droplet\.busy\./);
    assert.match(String(busy.accessibilityInformation?.label), /busy, Powering off…/);
    await done;
    assert.equal((await dropletNamed('web-2'))?.status, 'off');
    assert.match(description(await dropletNode('Acme Web', 'web-2')), /^off · /);
    assert.equal(input.asked.length, 1);
  });

  it('does nothing when a confirmation is declined', async () => {
    const before = await writes();
    const input = await run('powerOff', await dropletNode('Acme Web', 'web-2'), ['Cancel']);
    assertDeclinedQuietly(input, /^Power off web-2\?$/);
    assert.equal(await writes(), before);
    assert.equal((await dropletNamed('web-2'))?.status, 'active');
  });

  it('powers on, shuts down, reboots and power-cycles', async () => {
    await run('powerOn', await dropletNode('Data Platform', 'etl-runner'));
    assert.equal((await dropletNamed('etl-runner'))?.status, 'active');
    await run('shutdown', await dropletNode('Acme Web', 'worker-1'));
    assert.equal((await dropletNamed('worker-1'))?.status, 'off');
    await run('reboot', await dropletNode('Acme Web', 'web-1'));
    await run('powerCycle', await dropletNode('Acme Web', 'web-1'), ['Power Cycle']);
    const actions = (await (await fetch(`${fake.url()}/v2/droplets/311000001/actions`, { headers: { Authorization: 'Bearer t' } })).json()) as {
      actions: { type: string; status: string }[];
    };
    assert.deepEqual(
      actions.actions.map((a) => `${a.type}:${a.status}`),
      ['power_cycle:completed', 'reboot:completed'],
    );
    assert.equal((await dropletNamed('web-1'))?.status, 'active');
  });

  it('takes a named snapshot, renames, enables and disables backups, enables IPv6, resets the root password', async () => {
    await run('snapshot', await dropletNode('Acme Web', 'web-1'), ['web-1-before-deploy']);
    const snapshots = (await fakeState()).snapshots;
    assert.ok(snapshots.some((s) => s.name === 'web-1-before-deploy' && s.resource_id === '311000001'));

    await run('rename', await dropletNode('Acme Web', 'web-1'), ['web-1-renamed']);
    assert.equal((await droplets()).find((d) => d.id === 311000001)?.name, 'web-1-renamed');
    assert.ok(await dropletNode('Acme Web', 'web-1-renamed'));

    await run('enableBackups', await dropletNode('Acme Web', 'web-2'), ['Daily', '20:00']);
    assert.ok((await dropletNamed('web-2'))?.features.includes('backups'));
    assert.match(String((await dropletNode('Acme Web', 'web-2')).toTreeItem().contextValue), /\.backups\./);
    await run('disableBackups', await dropletNode('Acme Web', 'web-2'), ['Disable Backups']);
    assert.ok(!(await dropletNamed('web-2'))?.features.includes('backups'));

    await run('enableIpv6', await dropletNode('Acme Web', 'web-2'));
    assert.equal((await dropletNamed('web-2'))?.networks.v6.length, 1);

    await run('passwordReset', await dropletNode('Acme Web', 'web-2'), ['Reset Password']);
    const actions = (await (await fetch(`${fake.url()}/v2/droplets/311000002/actions`, { headers: { Authorization: 'Bearer t' } })).json()) as {
      actions: { type: string }[];
    };
    assert.equal(actions.actions[0].type, 'password_reset');
  });

  it("resizes CPU and RAM only, and a running droplet's disk by shutting it down and powering it on again", async () => {
    await run('resize', await dropletNode('Acme Web', 'web-1'), ['s-4vcpu-8gb', 'CPU and RAM only']);
    let d = (await dropletNamed('web-1'))!;
    assert.equal(d.size_slug, 's-4vcpu-8gb');
    assert.equal(d.disk, 80);

    await run('resize', await dropletNode('Acme Web', 'web-2'), ['s-4vcpu-8gb', 'CPU, RAM and disk', 'Shut Down and Resize']);
    d = (await dropletNamed('web-2'))!;
    assert.equal(d.size_slug, 's-4vcpu-8gb');
    assert.equal(d.disk, 160);
    assert.equal(d.status, 'active', 'powered on again after the disk resize');
  });

  it('rebuilds from an image and destroys, each only after the name is typed', async () => {
    await run('rebuild', await dropletNode('Acme Web', 'worker-1'), ['Debian 12 x64', 'worker-1']);
    assert.equal((await dropletNamed('worker-1'))?.image.slug, 'debian-12-x64');

    const before = await writes();
    await run('destroy', await dropletNode('Staging', 'staging-app'), ['staging']);
    assert.equal(await writes(), before, 'a wrong name sends nothing');
    assert.ok(await dropletNamed('staging-app'));

    await run('destroy', await dropletNode('Staging', 'staging-app'), ['staging-app']);
    assert.equal(await dropletNamed('staging-app'), undefined);
    const [account] = await api.explorer.getChildren();
    const staging = (await api.explorer.getChildren(account)).find((n) => label(n) === 'Staging')!;
    assert.ok(!(await api.explorer.getChildren(staging)).some((n) => label(n) === 'Droplets'), 'the tree no longer shows it');
  });

  it('rejects bad input at the input box, before any request', async () => {
    const node = await dropletNode('Acme Web', 'web-1');
    const before = await writes();
    for (const [command, answers, problem] of [
      ['rename', [''], /A name is required/],
      ['rename', ['has space'], /Only letters, digits/],
      ['rename', ['a'.repeat(256)], /At most 255/],
      ['rename', ['-dash-first'], /cannot start or end/],
      ['rename', ['web-1'], /its name already/],
      ['snapshot', ['   '], /A name is required/],
    ] as const) {
      const input = new ScriptedUserInput([...answers]);
      api.setUserInput(input);
      await vscode.commands.executeCommand(`digitalocean.droplet.${command}`, node);
      assert.equal(input.remaining, 0);
      assert.match(input.rejections.join(' '), problem);
    }
    // resizing to the current size is refused before a request
    await run('resize', node, ['s-2vcpu-4gb']);
    assert.equal(await writes(), before);
  });

  it('shows an errored action as a failure and the node keeps the real state', async () => {
    await fake.call('POST', '/__fake/config', { failNextActions: 1 });
    await run('reboot', await dropletNode('Acme Web', 'web-1'));
    const node = await dropletNode('Acme Web', 'web-1');
    assert.doesNotMatch(description(node), /Rebooting/);
    assert.match(String(node.toTreeItem().contextValue), /^resource\.droplet\.running\./);
    await eventually('the failure in the activity log', async () =>
      (await extensionLog(api)).includes('Reboot web-1: failed: The reboot action on droplet 311000001 failed.'),
    );
  });

  it('from the palette, offers only droplets the action suits', async () => {
    const all = (await droplets()).filter((d) => !(d as Droplet & { locked?: boolean }).locked);
    const off = all
      .filter((d) => d.status === 'off')
      .map((d) => d.name)
      .sort();
    const running = all
      .filter((d) => d.status === 'active')
      .map((d) => d.name)
      .sort();
    assert.ok(off.includes('etl-runner') && running.includes('web-1'), 'the demo has droplets off and running');
    // Power Off offers the running ones; the pick is dismissed
    const offering = await run('powerOff', undefined, [undefined]);
    assert.deepEqual([...offering.offered[0]].sort(), running, 'Power Off offers the running droplets, and only those');
    assert.equal((await dropletNamed('web-1'))?.status, 'active', 'dismissed: nothing changed');
    // Power On the ones that are off
    const input = await run('powerOn', undefined, ['etl-runner']);
    assert.deepEqual([...input.offered[0]].sort(), off, 'Power On offers the droplets that are off, and only those');
    assert.equal((await dropletNamed('etl-runner'))?.status, 'active');
    assert.equal(input.remaining, 0);
    const text = await eventually('the completion in the log', async () => {
      const log = await extensionLog(api);
      return /Power on etl-runner: completed/.test(log) ? log : undefined;
    });
    assert.match(text, /\[Acme Demo Team \(demo\)\] Power on etl-runner: started/);
    assert.match(text, /\[Acme Demo Team \(demo\)\] Power on etl-runner: completed in \d+\.\d s/);
  });
});
