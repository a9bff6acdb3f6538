/**
 * A database cluster's settings in the real extension host against the fake (through Prism):
 * the maintenance window (a bad time refused before any request), Install Update only where one
 * is pending and after a confirmation, MySQL's SQL mode and Valkey's eviction policy read first
 * and offered as the current choice (an engine without the setting refused before any request),
 * Edit Connection Pool (the pool read fresh, sent whole) and the shared Delete of a pool.
 */
import * as assert from 'node:assert/strict';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { eventually, extensionApi, fake, freshDemo, logShowing, nodeAt, runWithAnswers, writes } from './support/env';
import { fakeState } from './support/fakeState';
import { REJECT } from './support/scriptedInput';

describe('Database settings', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);
  const cluster = (name: string) => nodeAt(api, 'Acme Web', 'Databases', name);
  const db = async (name: string) => (await fakeState()).databases.find((d) => d.name === name)!;
  const settings = async (name: string) => (await fakeState()).databaseSettings[(await db(name)).id];
  const pools = async () => (await fakeState()).databasePools[(await db('main-pg')).id];
  const pool = async (name: string) => {
    const folder = (await api.explorer.getChildren(await cluster('main-pg'))).find((n) => label(n) === 'Connection pools')!;
    return (await api.explorer.getChildren(folder)).find((n) => label(n) === name);
  };

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it('moves the maintenance window; a bad time is refused before any request', async () => {
    const pg = await cluster('main-pg');
    assert.match(String((pg.toTreeItem().tooltip as { value: string }).value), /Maintenance \| tuesday 02:00 UTC \|/);
    const before = await writes();
    const refused = await runWithAnswers(api, 'digitalocean.database.setMaintenance', pg, ['Saturday', REJECT('25:00'), REJECT('noon'), undefined]);
    assert.equal(refused.rejections.length, 2);
    assert.match(refused.rejections[0], /24-hour/);
    assert.equal(await writes(), before);
    const set = await runWithAnswers(api, 'digitalocean.database.setMaintenance', pg, ['Saturday', '3:30']);
    assert.deepEqual(set.offered[0].slice(0, 2), ['Monday', 'Tuesday']);
    assert.deepEqual((await db('main-pg')).maintenance_window, { day: 'saturday', hour: '03:30:00', pending: false, description: [] });
    assert.match(set.notices.join('\n'), /main-pg is maintained on Saturday from 03:30 UTC/);
    await eventually('the new window in the tooltip', async () =>
      /saturday 03:30 UTC/.test(String(((await cluster('main-pg')).toTreeItem().tooltip as { value: string }).value)) ? true : undefined,
    );
  });

  it('installs a pending update after a confirmation; a cluster with none is not offered it', async () => {
    const mysql = await cluster('shop-mysql');
    assert.match(String(mysql.toTreeItem().contextValue), /\.update-pending(\.|$)/);
    assert.doesNotMatch(String((await cluster('main-pg')).toTreeItem().contextValue), /update-pending/);
    const before = await writes();
    const none = await runWithAnswers(api, 'digitalocean.database.installUpdate', await cluster('main-pg'), []);
    assert.match(none.notices.join('\n'), /main-pg has no pending update/);
    await runWithAnswers(api, 'digitalocean.database.installUpdate', mysql, [undefined]);
    assert.equal(await writes(), before, 'declined: nothing sent');
    const install = await runWithAnswers(api, 'digitalocean.database.installUpdate', mysql, ['Install Now']);
    assert.match(install.confirmations[0].detail, /Update MySQL to 8\.0\.40.*tuesday|Update MySQL to 8\.0\.40.*Tuesday 02:00 UTC/);
    assert.equal((await db('shop-mysql')).maintenance_window?.pending, false);
    await eventually('no update pending in the menus', async () =>
      /update-pending/.test(String((await cluster('shop-mysql')).toTreeItem().contextValue)) ? undefined : true,
    );
  });

  it("sets MySQL's SQL mode from the current one, and Valkey's eviction policy; other engines are refused first", async () => {
    const mysql = await cluster('shop-mysql');
    const sql = await runWithAnswers(api, 'digitalocean.database.setSqlMode', mysql, [[], ['ANSI', 'STRICT_ALL_TABLES', 'ONLY_FULL_GROUP_BY']]);
    assert.match(sql.notices.join('\n'), /Choose at least one mode/);
    assert.equal((await settings('shop-mysql')).sql_mode, 'ANSI,ONLY_FULL_GROUP_BY,STRICT_ALL_TABLES');
    await logShowing(api, /Database shop-mysql: SQL mode ANSI,ONLY_FULL_GROUP_BY,STRICT_ALL_TABLES/);

    const valkey = await cluster('cache-valkey');
    const eviction = await runWithAnswers(api, 'digitalocean.database.setEvictionPolicy', valkey, ['All keys, least recently used']);
    assert.match(String(eviction.offered[0][0]), /No eviction/);
    assert.equal((await settings('cache-valkey')).eviction_policy, 'allkeys_lru');

    const before = await writes();
    const wrong = await runWithAnswers(api, 'digitalocean.database.setSqlMode', await cluster('main-pg'), []);
    assert.match(wrong.notices.join('\n'), /SQL mode is a MySQL setting; main-pg is PostgreSQL/);
    const wrongEviction = await runWithAnswers(api, 'digitalocean.database.setEvictionPolicy', mysql, []);
    assert.match(wrongEviction.notices.join('\n'), /Eviction policies are for Valkey and Redis clusters/);
    assert.equal(await writes(), before);
  });

  it('edits a connection pool, sending it whole, and deletes it', async () => {
    const node = await pool('app-pool');
    assert.ok(node, 'the seeded pool');
    await runWithAnswers(api, 'digitalocean.database.editPool', node, ['Size', REJECT('0'), '25']);
    assert.deepEqual(
      (await pools()).map((p) => [p.name, p.mode, p.size, p.db, p.user]),
      [['app-pool', 'transaction', 25, 'app', 'app']],
    );
    await runWithAnswers(api, 'digitalocean.database.editPool', await eventually('the pool redrawn', () => pool('app-pool')), ['Mode', 'session']);
    assert.deepEqual(
      (await pools()).map((p) => [p.mode, p.size]),
      [['session', 25]],
    );
    const puts = (await fake.log()).handled.filter((h) => h.method === 'PUT' && /\/pools\/app-pool$/.test(h.path));
    assert.deepEqual(
      puts.map((p) => p.status),
      [204, 204],
    );
    await runWithAnswers(api, 'digitalocean.resource.delete', await pool('app-pool'), ['Delete']);
    assert.deepEqual(await pools(), []);
    await eventually('the pool gone from the view', async () => ((await pool('app-pool')) ? undefined : true));
  });
});
