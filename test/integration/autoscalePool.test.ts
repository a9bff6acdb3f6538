/**
 * Droplet autoscale pools in the real extension host against the fake (through Prism): listed
 * under Account-wide with their droplets (named from the account's list, with their health); a
 * panel with the template, members and history; created by a wizard with Back and checked bounds,
 * its price range in the summary; resized after reading it fresh; deleted with or without its
 * droplets (the latter with the name typed and the API's X-Dangerous header).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import type { ResourcePanel } from '../../src/panels/detailPanels';
import type { CellView, SectionView } from '../../src/panels/protocol';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { eventually, extensionApi, fake, freshDemo, nodeAt, runWithAnswers } from './support/env';
import { fakeState } from './support/fakeState';
import { BACK, KEEP, REJECT } from './support/scriptedInput';

describe('Droplet autoscale pools', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);
  const description = (n: ExplorerNode) => String(n.toTreeItem().description ?? '');
  const pool = () => nodeAt(api, 'Account-wide', 'Autoscale pools', 'worker-pool');
  const texts = (s: SectionView) => (s.type === 'table' ? s.rows.map((r) => r.map((c) => (typeof c === 'string' ? c : (c as CellView).text))) : []);

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(async () => {
    api.setUserInput(undefined);
    api.panels.closeAll();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lists a pool with its droplets, and shows its template, members and history in its panel', async () => {
    const node = await pool();
    assert.equal(description(node), '1 running · 1–4 droplets at 60 % CPU · nyc3 · s-4vcpu-8gb');
    const members = await api.explorer.getChildren(node);
    assert.deepEqual(members.map(label), ['worker-1']);
    assert.equal(description(members[0]), 'active · healthy · CPU 42 %');

    const key = (await vscode.commands.executeCommand<string>('digitalocean.showDetails', node))!;
    const panel: ResourcePanel = api.panels.get(key)!;
    await eventually('the panel to render', () => panel.lastView);
    const view = panel.lastView!;
    const section = (id: string) => view.sections.find((s) => s.id === id)!;
    assert.deepEqual(texts(section('members')), [['worker-1', 'active', 'healthy', '42 %', '55 %']]);
    assert.ok(((section('members') as Extract<SectionView, { type: 'table' }>).rows[0][0] as CellView).link, 'the droplet links to its panel');
    assert.deepEqual(texts(section('history'))[0].slice(1), ['configuration changed', '0 → 1', 'success']);
    assert.deepEqual(
      view.buttons.slice(0, 2).map((b) => b.label),
      ['Resize…', 'Delete with Droplets…'],
    );
  });

  it('creates a pool scaled by CPU use: bounds checked, Back keeps the answers, the price range in the summary', async () => {
    const dropletsBefore = (await fakeState()).droplets.length;
    const input = await runWithAnswers(api, 'digitalocean.autoscalePool.create', await nodeAt(api, 'Account-wide', 'Autoscale pools'), [
      REJECT('bad name!'),
      'api-pool',
      'nyc3',
      's-1vcpu-1gb',
      'Ubuntu 24.04',
      KEEP,
      'Scale with CPU use',
      REJECT('0'),
      '2',
      REJECT('1'),
      '5',
      BACK,
      KEEP,
      REJECT('101'),
      '70',
      REJECT('30'),
      '10',
      'Create api-pool',
    ]);
    assert.equal(input.remaining, 0, input.asked.join(' | '));
    const summary = input.offeredItems[input.offeredItems.length - 1][0];
    assert.equal(summary.description, '2–5 droplets at 70 % CPU · s-1vcpu-1gb · nyc3 · $12–$30/mo');
    const state = await fakeState();
    const made = state.dropletAutoscalePools.find((p) => p.name === 'api-pool')!;
    assert.deepEqual(made.config, { min_instances: 2, max_instances: 5, target_cpu_utilization: 0.7, cooldown_minutes: 10 });
    assert.deepEqual(
      [made.droplet_template.region, made.droplet_template.size, made.droplet_template.image, made.droplet_template.ssh_keys.length],
      ['nyc3', 's-1vcpu-1gb', 'ubuntu-24-04-x64', state.sshKeys.length],
    );
    assert.equal(state.autoscaleMembers[made.id].length, 2, 'the pool starts with its minimum');
    assert.equal(state.droplets.length, dropletsBefore + 2);
    await eventually('the new pool in the view', async () =>
      (await api.explorer.getChildren(await nodeAt(api, 'Account-wide', 'Autoscale pools'))).map(label).includes('api-pool'),
    );
  });

  it('resizes a pool read fresh to a fixed number: droplets added, the change in its history', async () => {
    await fake.call('POST', '/__fake/log/clear');
    const input = await runWithAnswers(api, 'digitalocean.autoscalePool.resize', await pool(), [
      'A fixed number',
      REJECT('0'),
      '3',
      /* summary */ '3 droplet(s), fixed',
    ]);
    assert.equal(input.remaining, 0, input.asked.join(' | '));
    assert.equal(input.offeredItems[input.offeredItems.length - 1][0].description, 'now: 1–4 droplets at 60 % CPU, 1 running');
    const state = await fakeState();
    const [p] = state.dropletAutoscalePools;
    assert.deepEqual(p.config, { target_number_instances: 3 });
    assert.equal(p.droplet_template.size, 's-4vcpu-8gb', 'the template sent back whole');
    assert.equal(state.autoscaleMembers[p.id].length, 3);
    assert.equal(state.autoscaleHistory[p.id][0].reason, 'SCALE_UP');
    const { handled } = await fake.log();
    assert.ok(
      handled.some((h) => h.method === 'GET' && h.path === `/v2/droplets/autoscale/${p.id}`),
      'read fresh',
    );
  });

  it('deletes a pool and keeps its droplets, or deletes it with them after its name is typed', async () => {
    const kept = await runWithAnswers(api, 'digitalocean.resource.delete', await pool(), ['Delete']);
    assert.ok(
      kept.confirmations.some((c) => /Its droplets stay/.test(c.detail)),
      JSON.stringify(kept.confirmations),
    );
    let state = await fakeState();
    assert.equal(state.dropletAutoscalePools.length, 0);
    assert.ok(
      state.droplets.some((d) => d.name === 'worker-1'),
      'the droplet stays',
    );

    await freshDemo(api);
    const gone = await runWithAnswers(api, 'digitalocean.autoscalePool.deleteWithDroplets', await pool(), [REJECT('worker'), 'worker-pool']);
    assert.equal(gone.remaining, 0, gone.asked.join(' | '));
    assert.ok(!gone.notices.some((n) => n.startsWith('error')), gone.notices.join('\n'));
    state = await fakeState();
    assert.equal(state.dropletAutoscalePools.length, 0);
    assert.ok(!state.droplets.some((d) => d.name === 'worker-1'), 'its droplet went with it');
  });
});
