/**
 * Online migration and moving a cluster to another region, in the real extension host against the
 * fake (through Prism): a wizard with Back (host, port, database, user, a password typed in a
 * password box, SSL, databases left out, a summary), bad values refused before any request, the
 * password never in the log; the status read fresh; stopping confirmed; engines without migration
 * refused with a message; a region move confirmed and shown as migrating until done.
 */
import * as assert from 'node:assert/strict';
import type { TestingApi } from '../../src/extension';
import { assertDeclinedQuietly, eventually, extensionApi, extensionLog, freshDemo, logShowing, nodeAt, runWithAnswers, writes } from './support/env';
import { fakeState } from './support/fakeState';
import { BACK, REJECT } from './support/scriptedInput';

const PASSWORD = 'migration-source-secret-8c1f';

describe('Database online migration and region moves', function () {
  this.timeout(90_000);
  let api: TestingApi;
  const cluster = (project: string, name: string) => nodeAt(api, project, 'Databases', name);
  /** What Show Online Migration Status says (read fresh from the API each time). */
  const statusOf = async (project: string, name: string) =>
    (await runWithAnswers(api, 'digitalocean.database.migrationStatus', await cluster(project, name), [])).notices.join('\n');

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it('starts a migration with a wizard (Back, checked values, a password box), shows its status and stops it after a confirmation', async () => {
    const node = await cluster('Acme Web', 'main-pg');
    const before = await writes();
    const input = await runWithAnswers(api, 'digitalocean.database.startMigration', node, [
      REJECT('https://old-db.example.com'),
      REJECT('-oProxyCommand=x'),
      'old-db.example.com',
      REJECT('70000'),
      '5432',
      BACK,
      BACK,
      'legacy-db.example.com',
      '6432',
      REJECT('app; drop'),
      'app',
      'migrator',
      PASSWORD,
      'Use SSL',
      'scratch, tmp_reports',
      'Start copying into main-pg',
    ]);
    assert.equal(input.remaining, 0, input.asked.join(' | '));
    assert.equal(input.rejections.length, 4, input.rejections.join(' | '));
    assert.equal((await writes()) - before, 1, 'one PUT');
    assert.match(input.offeredItems.at(-1)![0].description ?? '', /^migrator@legacy-db\.example\.com:6432\/app · SSL$/);
    assert.match(input.notices.join('\n'), /main-pg is copying from legacy-db\.example\.com: copying/);
    assert.match(await statusOf('Acme Web', 'main-pg'), /^info: Migration into main-pg: copying \(started /);
    const log = await logShowing(api, /Online migration \S+ into main-pg from migrator@legacy-db\.example\.com:6432: running/);
    assert.ok(!log.includes(PASSWORD), 'the password is in no log');

    // a second one while it runs is refused before any request
    const again = await runWithAnswers(api, 'digitalocean.database.startMigration', node, []);
    assert.match(again.notices.join('\n'), /error: .*main-pg is migrating already: copying/);

    // after the copy it follows the source
    await eventually('the migration syncing', async () =>
      /Migration into main-pg: copied; following the source’s writes/.test(await statusOf('Acme Web', 'main-pg')) ? true : undefined,
    );

    const beforeStop = await writes();
    assertDeclinedQuietly(await runWithAnswers(api, 'digitalocean.database.stopMigration', node, ['Cancel']), /^Stop the migration into main-pg\?$/);
    assert.equal(await writes(), beforeStop, 'a declined confirmation sends nothing');
    const stop = await runWithAnswers(api, 'digitalocean.database.stopMigration', node, ['Stop Migration']);
    assert.match(stop.confirmations.map((c) => c.detail).join('\n'), /keeps what it holds and stops following the source’s writes/);
    assert.match(await statusOf('Acme Web', 'main-pg'), /Migration into main-pg: stopped/);
    const nothing = await runWithAnswers(api, 'digitalocean.database.stopMigration', node, []);
    assert.match(nothing.notices.join('\n'), /Nothing to stop: the last migration into main-pg is stopped/);
    assert.ok(!(await extensionLog(api)).includes(PASSWORD), 'the password is in no log');
  });

  it('says what it cannot do: no migration yet, an unreachable source, an engine without migration', async () => {
    const valkey = await cluster('Acme Web', 'cache-valkey');
    const none = await runWithAnswers(api, 'digitalocean.database.migrationStatus', valkey, []);
    assert.match(none.notices.join('\n'), /cache-valkey has had no online migration/);
    // Valkey has no database name or databases to leave out: two questions fewer
    const input = await runWithAnswers(api, 'digitalocean.database.startMigration', valkey, [
      'old-cache.invalid',
      '6379',
      'default',
      PASSWORD,
      'Without SSL',
      'Start copying into cache-valkey',
    ]);
    assert.equal(input.remaining, 0, input.asked.join(' | '));
    await eventually('the migration failed', async () =>
      /^warning: Migration into cache-valkey: failed/.test(await statusOf('Acme Web', 'cache-valkey')) ? true : undefined,
    );

    const before = await writes();
    const mongo = await runWithAnswers(api, 'digitalocean.database.startMigration', await cluster('Data Platform', 'catalog-mongo'), []);
    assert.match(mongo.notices.join('\n'), /error: .*MongoDB clusters have no online migration \(PostgreSQL, MySQL, Redis and Valkey do\)/);
    assert.equal(await writes(), before, 'nothing was sent');
  });

  it('moves a cluster to another region after a confirmation, migrating until done', async () => {
    const node = await cluster('Acme Web', 'shop-mysql');
    const before = await writes();
    assertDeclinedQuietly(await runWithAnswers(api, 'digitalocean.database.moveRegion', node, ['ams3', 'Cancel']), /^Move shop-mysql from nyc3 to ams3\?$/);
    assert.equal(await writes(), before, 'a declined confirmation sends nothing');
    const input = await runWithAnswers(api, 'digitalocean.database.moveRegion', node, ['ams3', 'Move']);
    assert.ok(!input.offered[0].includes('nyc3'), 'its own region is not offered');
    assert.match(input.notices.join('\n'), /shop-mysql is moving to ams3/);
    const moving = (await fakeState()).databases.find((d) => d.name === 'shop-mysql')!;
    assert.equal(moving.status, 'migrating');
    await eventually('shop-mysql in ams3', async () => {
      const db = (await fakeState()).databases.find((d) => d.name === 'shop-mysql')!;
      return db.region === 'ams3' && db.status === 'online' ? true : undefined;
    });
    await logShowing(api, /Database shop-mysql: moving from nyc3 to ams3/);
  });
});
