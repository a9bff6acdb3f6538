/**
 * A droplet's backup policy, kernel, firewalls, neighbours and action history, in the real
 * extension host against the fake (through Prism): Enable Backups asks for the plans the API
 * offers and sends the one chosen (one droplet or a selection); the panel shows the policy, the
 * firewalls that apply, the latest actions and the droplets on the same host; Change Kernel offers
 * the kernels a droplet on an external kernel may boot and says why there is none for the others;
 * the account-wide overviews list every droplet's policy and the hosts shared.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import type { ResourcePanel } from '../../src/panels/detailPanels';
import type { CellView, PanelView, SectionView } from '../../src/panels/protocol';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { eventually, extensionApi, fake, freshDemo, nodeAt, runWithAnswers, writes } from './support/env';
import { fakeState } from './support/fakeState';
import { ScriptedUserInput } from './support/scriptedInput';

describe('Droplet: backup policy, kernel, firewalls, neighbours and actions', function () {
  this.timeout(90_000);
  let api: TestingApi;
  const droplet = (project: string, name: string) => nodeAt(api, project, 'Droplets', name);
  const label = (n: unknown) => String((n as ExplorerNode).toTreeItem().label);

  async function open(node: ExplorerNode): Promise<PanelView> {
    const key = (await vscode.commands.executeCommand<string>('digitalocean.showDetails', node))!;
    const panel: ResourcePanel | undefined = api.panels.get(key);
    assert.ok(panel, `no panel for ${key}`);
    return eventually('the panel to render', () => panel.lastView);
  }
  const section = (view: PanelView, id: string): SectionView => {
    const found = view.sections.find((s) => s.id === id);
    assert.ok(found, `no section ${id} in ${view.sections.map((s) => s.id).join(', ')}`);
    return found;
  };
  const fieldValue = (view: PanelView, id: string, fieldLabel: string) => {
    const s = section(view, id);
    assert.equal(s.type, 'fields');
    return (s as Extract<SectionView, { type: 'fields' }>).fields.find((f) => f.label === fieldLabel)?.value;
  };
  const rows = (view: PanelView, id: string) => {
    const s = section(view, id);
    assert.equal(s.type, 'table');
    return (s as Extract<SectionView, { type: 'table' }>).rows.map((r) => r.map((c) => (typeof c === 'string' ? c : (c as CellView).text)));
  };

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api, 300));
  afterEach(async () => {
    api.setUserInput(undefined);
    api.panels.closeAll();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('enables weekly backups with a plan the API offers; the panel shows the policy and the action; the overview lists every droplet', async () => {
    const input = await runWithAnswers(api, 'digitalocean.droplet.enableBackups', await droplet('Acme Web', 'web-2'), ['Weekly', 'WED', '04:00–08:00 UTC']);
    assert.equal(input.remaining, 0, input.questions.join(' | '));
    assert.deepEqual(input.offered[0], ['Weekly', 'Daily'], 'the plans as the API lists them');
    assert.match(String(input.offeredItems[0][0].description), /kept 28 days/);
    assert.deepEqual(input.offered[1], ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']);
    assert.deepEqual(input.offered[2], ['00:00–04:00 UTC', '04:00–08:00 UTC', '08:00–12:00 UTC', '12:00–16:00 UTC', '16:00–20:00 UTC', '20:00–00:00 UTC']);
    const state = await fakeState();
    assert.deepEqual(state.dropletBackupPolicies['311000002'], { plan: 'weekly', weekday: 'WED', hour: 4 });
    assert.ok(state.droplets.find((d) => d.id === 311000002)!.features.includes('backups'));

    const view = await open(await droplet('Acme Web', 'web-2'));
    assert.equal(fieldValue(view, 'backups', 'Policy'), 'weekly on WED, window 04:00–08:00 UTC');
    assert.equal(fieldValue(view, 'backups', 'Kept for'), '28 days');
    const actions = rows(view, 'actions');
    assert.deepEqual(actions[0].slice(0, 2), ['enable backups', 'completed'], 'the newest action first');

    // the overview: every droplet, with or without backups; choosing one shows it in the view
    const overview = await runWithAnswers(api, 'digitalocean.droplet.backupOverview', await nodeAt(api, 'Acme Web', 'Droplets'), ['worker-1']);
    const items = overview.offeredItems[0];
    assert.equal(items.length, state.droplets.length);
    assert.match(overview.questions[0], /^Backups: 1 of 7 droplets in Acme Demo/);
    assert.equal(items.find((i) => i.label.endsWith('web-2'))?.description, 'weekly on WED, 04:00–08:00 UTC, kept 28 days');
    assert.equal(items.find((i) => i.label.endsWith('web-1'))?.description, 'no backups');
    await eventually('worker-1 selected in the view', () => api.treeView.selection.some((n) => label(n) === 'worker-1'));
  });

  it('enables daily backups on a selection with one question, and refuses a plan the API would not take before any request', async () => {
    const web2 = await droplet('Acme Web', 'web-2');
    const worker = await droplet('Acme Web', 'worker-1');
    const input = new ScriptedUserInput(['Daily', '20:00–00:00 UTC', 'Enable backups 2']);
    api.setUserInput(input);
    await vscode.commands.executeCommand('digitalocean.droplet.enableBackups', web2, [web2, worker]);
    assert.equal(input.remaining, 0, input.questions.join(' | '));
    const state = await fakeState();
    assert.deepEqual(state.dropletBackupPolicies['311000002'], { plan: 'daily', hour: 20 });
    assert.deepEqual(state.dropletBackupPolicies['311000003'], { plan: 'daily', hour: 20 });

    // the fake refuses what the API refuses: an hour outside the offered windows
    const refused = await fetch(`${fake.url()}/v2/droplets/311000001/actions`, {
      method: 'POST',
      headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'enable_backups', backup_policy: { plan: 'daily', hour: 3 } }),
    });
    assert.equal(refused.status, 422);
  });

  it('changes the kernel of a droplet on an external kernel after a confirmation; says why a modern droplet has none to choose', async () => {
    const before = await writes();
    const none = await runWithAnswers(api, 'digitalocean.droplet.changeKernel', await droplet('Acme Web', 'web-1'), []);
    assert.match(none.notices.join('\n'), /^error: Change kernel failed: web-1 boots the kernel its own image manages/m);
    assert.equal(await writes(), before, 'nothing sent');

    const bastion = await droplet('Data Platform', 'bastion');
    const input = await runWithAnswers(api, 'digitalocean.droplet.changeKernel', bastion, ['4.4.0-213', 'Change Kernel']);
    assert.equal(input.remaining, 0, input.questions.join(' | '));
    assert.equal(input.offered[0].length, 3);
    assert.match(
      input.offered[0].find((l) => l.startsWith('$(check)'))!,
      /4\.4\.0-210/,
      'the current kernel is marked',
    );
    const after = (await fakeState()).droplets.find((d) => d.name === 'bastion') as { kernel?: { id: number } };
    assert.equal(after.kernel?.id, 8212);
  });

  it("shows the firewalls that apply to a droplet (by id or tag) and the droplets on its host; the hosts' overview warns of shared tags", async () => {
    const view = await open(await droplet('Acme Web', 'web-1'));
    const state = await fakeState();
    const expected = state.firewalls
      .filter((f) => (f.droplet_ids ?? []).includes(311000001) || (f.tags ?? []).some((t) => ['web', 'production'].includes(t)))
      .map((f) => f.name)
      .sort();
    assert.ok(expected.length > 0, 'the seed has a firewall for web-1');
    assert.deepEqual(
      rows(view, 'firewalls')
        .map((r) => r[0])
        .sort(),
      expected,
    );
    assert.deepEqual(
      rows(view, 'neighbours')
        .map((r) => r[0])
        .sort(),
      ['web-2', 'worker-1'],
    );
    const alone = await open(await droplet('Data Platform', 'bastion'));
    assert.deepEqual(rows(alone, 'neighbours'), []);

    const hosts = await runWithAnswers(api, 'digitalocean.droplet.sharedHosts', await nodeAt(api, 'Acme Web', 'Droplets'), ['web-2']);
    assert.match(hosts.questions[0], /^One host carries more than one droplet of Acme Demo/);
    const web2 = hosts.offeredItems[0].find((i) => i.label === 'web-2')!;
    assert.equal(web2.description, 'host 1: with web-1, worker-1');
    assert.match(String(web2.detail), /shares the tags web, production/);
    assert.equal(hosts.offeredItems[0].find((i) => i.label === 'worker-1')!.detail, undefined, 'worker-1 shares no tag');
  });
});
