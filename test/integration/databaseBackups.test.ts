/**
 * A database cluster's backups, events and storage autoscale in the real extension host against
 * the fake (through Prism): Restore from Backup offers the cluster's backups newest first (or the
 * newest the API has), creates a new cluster from the chosen one with sizes no smaller than the
 * original's and waits until it is online, the original untouched; Storage Autoscale turns on with
 * checked bounds and off; the panel shows replicas, backups, autoscale and events.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import type { PanelView, SectionView } from '../../src/panels/protocol';
import { ACCEPT, REJECT } from './support/scriptedInput';
import { eventually, extensionApi, freshDemo, logShowing, nodeAt, runWithAnswers, writes } from './support/env';
import { fakeState } from './support/fakeState';

describe('Database backups, events and storage autoscale', function () {
  this.timeout(90_000);
  let api: TestingApi;
  const mainPg = () => nodeAt(api, 'Acme Web', 'Databases', 'main-pg');
  const settingsOf = async (name: string) => {
    const state = await fakeState();
    return state.databaseSettings[state.databases.find((d) => d.name === name)!.id];
  };

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(async () => {
    api.setUserInput(undefined);
    api.panels.closeAll();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('restores a chosen backup into a new cluster and waits until it is online; the original stays', async () => {
    const before = await writes();
    const look = await runWithAnswers(api, 'digitalocean.database.restoreBackup', await mainPg(), [undefined]);
    assert.equal(await writes(), before, 'cancelled at the first question: nothing sent');
    const offered = look.offeredItems[0];
    assert.equal(offered[0].label, 'Newest backup');
    assert.equal(offered.length, 8, 'the newest, then a week of daily backups');
    const times = offered.slice(1).map((o) => String(o.description).split(' · ')[0]);
    assert.deepEqual([...times].sort().reverse(), times, 'newest first');
    const chosen = offered[2];

    const input = await runWithAnswers(api, 'digitalocean.database.restoreBackup', await mainPg(), [
      chosen.label,
      REJECT('main-pg'),
      ACCEPT,
      'db-s-4vcpu-8gb',
      'Restore into main-pg-restored',
    ]);
    assert.equal(input.remaining, 0, input.asked.join(' | '));
    assert.deepEqual(input.offered[1], ['db-s-2vcpu-4gb', 'db-s-4vcpu-8gb', 'db-s-6vcpu-16gb'], 'no size smaller than the original');
    const state = await fakeState();
    const restored = state.databases.find((d) => d.name === 'main-pg-restored');
    assert.ok(restored, `a new cluster: ${input.notices.join(' | ')}`);
    assert.equal(restored.status, 'online', 'waited until online');
    assert.equal(restored.engine, 'pg');
    assert.equal(restored.size, 'db-s-4vcpu-8gb');
    assert.equal(restored.num_nodes, 2);
    assert.deepEqual(state.databaseSettings[restored.id].restored_from, { database_name: 'main-pg', backup_created_at: times[1] });
    assert.equal(state.databases.find((d) => d.name === 'main-pg')?.status, 'online', 'the original is untouched');
    await logShowing(api, /Create database cluster main-pg-restored \(from main-pg .* backup, db-s-4vcpu-8gb\): started/);
  });

  it('turns storage autoscale on with checked bounds, and off again', async () => {
    const on = await runWithAnswers(api, 'digitalocean.database.storageAutoscale', await mainPg(), ['On', REJECT('99'), '85', REJECT('5'), '20']);
    assert.equal(on.remaining, 0, on.asked.join(' | '));
    assert.equal(on.rejections.length, 2);
    assert.deepEqual((await settingsOf('main-pg')).autoscale, { enabled: true, threshold_percent: 85, increment_gib: 20 });
    assert.match(on.notices.join('\n'), /main-pg grows by 20 GiB when its disk is 85% full/);

    const off = await runWithAnswers(api, 'digitalocean.database.storageAutoscale', await mainPg(), ['Off']);
    assert.match(String(off.offeredItems[0][0].description), /now: at 85% full, add 20 GiB/, 'the current setting is read first');
    assert.equal((await settingsOf('main-pg')).autoscale?.enabled, false);

    const valkey = await runWithAnswers(api, 'digitalocean.database.storageAutoscale', await nodeAt(api, 'Acme Web', 'Databases', 'cache-valkey'), []);
    assert.match(valkey.notices.join('\n'), /error: .*Valkey clusters keep their data in memory/);
  });

  it('shows read replicas, backups, storage autoscale and events in the panel', async () => {
    const key = (await vscode.commands.executeCommand<string>('digitalocean.showDetails', await mainPg()))!;
    const panel = api.panels.get(key)!;
    const view: PanelView = await eventually('the panel to render', () => panel.lastView);
    const table = (id: string) => {
      const found = view.sections.find((s) => s.id === id) as Extract<SectionView, { type: 'table' }>;
      assert.ok(found, `no ${id} section in ${view.sections.map((s) => s.id).join(', ')}`);
      return found;
    };
    assert.deepEqual(table('replicas').rows[0].slice(0, 4), ['main-pg-read-ams3', 'online', 'db-s-1vcpu-2gb', 'ams3']);
    const backups = table('backups');
    assert.match(backups.title, /^Backups · taken every 24 h at 01:30 UTC/);
    assert.equal(backups.rows.length, 7);
    assert.match(String(backups.rows[0][0]), /^\d{4}-\d\d-\d\d 01:30 UTC/);
    const events = table('events');
    assert.ok(events.rows.some((r) => r[1] === 'Created'));
    assert.ok(events.rows.some((r) => r[1] === 'Maintenance performed'));
    const autoscale = view.sections.find((s) => s.id === 'autoscale') as Extract<SectionView, { type: 'fields' }>;
    assert.equal(autoscale.fields.find((f) => f.label === 'Enabled')?.value, 'no');
  });
});
