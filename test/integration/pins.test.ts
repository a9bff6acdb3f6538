/**
 * The Pinned view in the real extension host: resources pinned from their context menu, from two
 * accounts, shown in order; reordered by dragging one onto another; kept in the extension's global
 * state as ids and names (a view made afresh over the same state — as after a window reload —
 * shows them, and the state holds no token); a pinned droplet destroyed shows as gone, and can be
 * unpinned.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { PinnedView, PinStore } from '../../src/tree/pinned';
import { eventually, extensionApi, fake, freshDemo, nodeAt, randomToken, runWithAnswers } from './support/env';

describe('Pinned view', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);
  const shown = async (view = api.pinned) =>
    (await view.getChildren()).map((n) => `${label(n)}${n.toTreeItem().contextValue === 'pinned.gone' ? ' (gone)' : ''}`);

  before(async () => {
    api = await extensionApi();
    await freshDemo(api);
    for (const pin of api.pins.list()) await api.pins.remove(pin);
  });
  after(async () => {
    for (const pin of api.pins.list()) await api.pins.remove(pin);
    await freshDemo(api);
  });

  it('pins across accounts, reorders by drag and drop, and keeps the pins over a reload', async () => {
    const token = randomToken();
    await fake.tokens({ profiles: { [token]: { email: 'bob@example.com', teamName: 'Bob Team' } } });
    await runWithAnswers(api, 'digitalocean.addAccount', undefined, [token]);
    const roots = await api.explorer.getChildren();
    const bob = roots.find((n) => label(n) === 'Bob Team')!;
    const bobProjects = await api.explorer.getChildren(bob);
    const bobDroplets = await api.explorer.getChildren(
      (await api.explorer.getChildren(bobProjects.find((n) => label(n) === 'Acme Web')!)).find((n) => label(n).startsWith('Droplets'))!,
    );

    await vscode.commands.executeCommand('digitalocean.pin', await nodeAt(api, 'Acme Web', 'Droplets', 'worker-1'));
    await vscode.commands.executeCommand('digitalocean.pin', await nodeAt(api, 'Account-wide', 'VPCs', 'default-ams3'));
    await vscode.commands.executeCommand(
      'digitalocean.pin',
      bobDroplets.find((n) => label(n) === 'web-2')!,
    );
    await vscode.commands.executeCommand('digitalocean.pin', await nodeAt(api, 'Acme Web', 'Droplets', 'worker-1')); // once only
    assert.deepEqual(await shown(), ['worker-1', 'default-ams3', 'web-2']);
    const pinnedWeb2 = (await api.pinned.getChildren())[2];
    assert.match(String(pinnedWeb2.toTreeItem().contextValue), /^resource\.droplet\./, 'the resource menus apply');

    // drag web-2 onto worker-1: it goes before it
    const [worker] = await api.pinned.getChildren();
    const transfer = new vscode.DataTransfer();
    api.pinned.handleDrag([pinnedWeb2], transfer);
    await api.pinned.handleDrop(worker, transfer);
    assert.deepEqual(await shown(), ['web-2', 'worker-1', 'default-ams3']);

    // a view made afresh over the same global state, as after a reload of the window
    const again = new PinnedView(new PinStore(api.globalState), api.store, api.model, api.explorer);
    assert.deepEqual(await shown(again as never), ['web-2', 'worker-1', 'default-ams3']);
    again.dispose();
    const stored = JSON.stringify(api.globalState.get('digitalocean.pins'));
    assert.ok(!stored.includes(token), 'no token in the pins');
    assert.deepEqual(Object.keys(JSON.parse(stored)[0]).sort(), ['accountId', 'id', 'kind', 'name']);
  });

  it('shows a pinned droplet that was destroyed as gone, and unpins it', async () => {
    await runWithAnswers(api, 'digitalocean.droplet.destroy', await nodeAt(api, 'Acme Web', 'Droplets', 'worker-1'), ['worker-1']);
    await eventually('worker-1 shown as gone', async () => (await shown()).includes('worker-1 (gone)'));
    const gone = (await api.pinned.getChildren()).find((n) => label(n) === 'worker-1')!;
    assert.match(String(gone.toTreeItem().description), /no longer exists/);
    await vscode.commands.executeCommand('digitalocean.unpin', gone);
    assert.ok(!(await shown()).some((s) => s.startsWith('worker-1')));
  });
});
