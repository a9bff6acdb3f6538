/**
 * Projects in the real extension host against the fake (through Prism): Create Project as a
 * wizard with Back, validation before any request and a declined summary; rename; make default;
 * delete only when empty (a project with resources says what is in it and sends no DELETE); and
 * Move to Project for a resource, after which the tree shows it in its new project.
 */
import * as assert from 'node:assert/strict';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { assertDeclinedQuietly, eventually, extensionApi, fake, freshDemo, runWithAnswers, writes } from './support/env';
import { fakeState } from './support/fakeState';
import * as vscode from 'vscode';
import type { ResourceNode } from '../../src/tree/nodes/resourceNode';
import { ACCEPT, BACK, ScriptedUserInput } from './support/scriptedInput';

describe('Projects', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);
  const data = () => fakeState();
  const projects = async () => (await data()).projects;
  const deletes = async () => (await fake.log()).seen.filter((r) => r.method === 'DELETE' && r.url.startsWith('/v2/projects/')).length;

  async function accountNode(): Promise<ExplorerNode> {
    return (await api.explorer.getChildren())[0];
  }
  async function projectNode(name: string): Promise<ExplorerNode> {
    const found = (await api.explorer.getChildren(await accountNode())).find((n) => label(n) === name);
    return found ?? assert.fail(`no project ${name}`);
  }

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it('creates a project through the wizard, with Back keeping the answers', async () => {
    const input = await runWithAnswers(api, 'digitalocean.project.create', await accountNode(), [
      'Mobile',
      'Other…',
      'iOS and Android backends',
      'Staging',
      'apps for phones',
      BACK, // summary → description
      BACK, // description → environment
      'Development',
      ACCEPT, // description kept
      'Create Mobile',
    ]);
    assert.equal(input.remaining, 0);
    const made = (await projects()).find((p) => p.name === 'Mobile');
    assert.deepEqual(
      [made?.purpose, made?.environment, made?.description, made?.is_default],
      ['iOS and Android backends', 'Development', 'apps for phones', false],
    );
    await eventually('the new project in the tree', async () => (await api.explorer.getChildren(await accountNode())).some((n) => label(n) === 'Mobile'));
  });

  it('refuses an empty or taken name before any request; a declined summary sends nothing', async () => {
    const before = await writes();
    for (const [name, message] of [
      ['', /required/],
      ['Staging', /already/],
      ['x'.repeat(176), /175/],
    ] as const) {
      const input = await runWithAnswers(api, 'digitalocean.project.create', await accountNode(), [name]);
      assert.match(input.rejections.join('\n'), message);
    }
    const declined = await runWithAnswers(api, 'digitalocean.project.create', await accountNode(), ['Later', 'Web Application', 'None', '', undefined]);
    assert.equal(declined.remaining, 0, 'every step was reached, the summary last');
    assertDeclinedQuietly(declined, /./);
    assert.equal(await writes(), before);
  });

  it('renames, makes another project the default, and deletes an empty one only', async () => {
    await runWithAnswers(api, 'digitalocean.project.rename', await projectNode('Staging'), ['Pre-production']);
    assert.ok((await projects()).some((p) => p.name === 'Pre-production'));
    await eventually('the renamed node', async () => (await api.explorer.getChildren(await accountNode())).some((n) => label(n) === 'Pre-production'));

    await runWithAnswers(api, 'digitalocean.project.setDefault', await projectNode('Data Platform'), ['Make Default']);
    assert.deepEqual(
      (await projects()).filter((p) => p.is_default).map((p) => p.name),
      ['Data Platform'],
    );

    // a project with resources is not deleted: it says what is in it, and no DELETE is sent
    const before = await deletes();
    await runWithAnswers(api, 'digitalocean.project.delete', await projectNode('Pre-production'), []);
    assert.equal(await deletes(), before);
    assert.ok((await projects()).some((p) => p.name === 'Pre-production'));

    await runWithAnswers(api, 'digitalocean.project.create', await accountNode(), ['Empty', 'IoT', 'None', '', 'Create Empty']);
    await eventually('Empty in the tree', async () => (await api.explorer.getChildren(await accountNode())).some((n) => label(n) === 'Empty'));
    const input = await runWithAnswers(api, 'digitalocean.project.delete', await projectNode('Empty'), ['Delete']);
    assert.match(input.asked.join('\n'), /Delete the empty project Empty\?/);
    assert.ok(!(await projects()).some((p) => p.name === 'Empty'));
  });

  it('moves a droplet to another project, and the tree shows it there', async () => {
    const web = await projectNode('Acme Web');
    const droplets = (await api.explorer.getChildren(web)).find((n) => label(n).startsWith('Droplets'))!;
    const worker = (await api.explorer.getChildren(droplets)).find((n) => label(n) === 'worker-1')!;
    const input = await runWithAnswers(api, 'digitalocean.resource.moveToProject', worker, ['Staging']);
    assert.deepEqual(input.offered[0], ['Data Platform', 'Staging'], 'every project but its own');
    const { projects: all, projectResources } = await data();
    const staging = all.find((p) => p.name === 'Staging')!;
    assert.ok(projectResources[staging.id].some((r) => r.urn === 'do:droplet:311000003'));
    await eventually('worker-1 under Staging', async () => {
      const group = (await api.explorer.getChildren(await projectNode('Staging'))).find((n) => label(n).startsWith('Droplets'));
      return group ? (await api.explorer.getChildren(group)).some((n) => label(n) === 'worker-1') : false;
    });
  });

  it('moves a multi-selection in one request, leaving out what cannot belong to a project', async () => {
    const web = await projectNode('Acme Web');
    const groups = await api.explorer.getChildren(web);
    const droplets = await api.explorer.getChildren(groups.find((n) => label(n).startsWith('Droplets'))!);
    const volumes = await api.explorer.getChildren(groups.find((n) => label(n).startsWith('Volumes'))!);
    const web1 = droplets.find((n) => label(n) === 'web-1')!;
    const web2 = droplets.find((n) => label(n) === 'web-2')!;
    const volume = volumes[0];
    const accountWide = (await api.explorer.getChildren(await accountNode())).find((n) => label(n) === 'Account-wide')!;
    const vpcs = (await api.explorer.getChildren(accountWide)).find((n) => label(n) === 'VPCs')!;
    const vpc = (await api.explorer.getChildren(vpcs))[0];
    const before = (await fake.log()).seen.filter((r) => r.method === 'POST' && r.url.includes('/resources')).length;

    const input = new ScriptedUserInput(['Data Platform']);
    api.setUserInput(input);
    // as VS Code calls a context-menu command on a multi-selection: the clicked node, then all selected
    await vscode.commands.executeCommand('digitalocean.resource.moveToProject', web2, [web1, web2, volume, vpc]);
    assert.equal(input.remaining, 0);
    assert.match(input.asked[0], /^Move 3 resources to which project\?$/);
    const { projects: all, projectResources } = await data();
    const dataPlatform = all.find((p) => p.name === 'Data Platform')!;
    const moved = projectResources[dataPlatform.id].map((r) => r.urn);
    for (const urn of ['do:droplet:311000001', 'do:droplet:311000002', `do:volume:${(volume as ResourceNode).resourceId}`]) assert.ok(moved.includes(urn), urn);
    assert.equal((await fake.log()).seen.filter((r) => r.method === 'POST' && r.url.includes('/resources')).length, before + 1, 'one request for all three');
  });
});
