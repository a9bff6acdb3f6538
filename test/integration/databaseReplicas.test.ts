/**
 * Read-only replicas in the real extension host against the fake (through Prism): shown under
 * their PostgreSQL or MySQL cluster (other engines have none); added by a wizard with Back (region,
 * a size at least the primary's, a checked name, a summary) and waited for until online; promoted
 * to a cluster of their own after a confirmation; deleted with a confirmation.
 */
import * as assert from 'node:assert/strict';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { assertDeclinedQuietly, eventually, extensionApi, freshDemo, logShowing, nodeAt, runWithAnswers, writes } from './support/env';
import { fakeState } from './support/fakeState';
import { BACK, REJECT } from './support/scriptedInput';

describe('Database read replicas', function () {
  this.timeout(90_000);
  let api: TestingApi;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);
  const idOf = async (name: string) => (await fakeState()).databases.find((d) => d.name === name)!.id as string;
  const replicasOf = async (name: string) => (await fakeState()).databaseReplicas[await idOf(name)] ?? [];
  const groupLabels = async (project: string, cluster: string) => (await api.explorer.getChildren(await nodeAt(api, project, 'Databases', cluster))).map(label);

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it('shows replicas under PostgreSQL and MySQL clusters only', async () => {
    const replica = await nodeAt(api, 'Acme Web', 'Databases', 'main-pg', 'Read replicas', 'main-pg-read-ams3');
    const item = replica.toTreeItem();
    assert.equal(item.description, '1 vCPU · 2 GB RAM · ams3');
    assert.match(String(item.contextValue), /^resource\.database_replica\.online\..*deletable/);
    assert.ok(!JSON.stringify(item.tooltip).includes('demo-password-not-secret'), 'no password in the tooltip');
    const mysql = await nodeAt(api, 'Acme Web', 'Databases', 'shop-mysql', 'Read replicas');
    assert.deepEqual((await api.explorer.getChildren(mysql)).map(label), ['No read replicas']);
    assert.ok(!(await groupLabels('Acme Web', 'cache-valkey')).includes('Read replicas'), 'Valkey has no replicas group');
  });

  it('adds a replica with a wizard (Back, a checked name, sizes no smaller than the primary) and waits until it is online', async () => {
    const before = await writes();
    const input = await runWithAnswers(api, 'digitalocean.database.addReplica', await nodeAt(api, 'Acme Web', 'Databases', 'main-pg'), [
      'ams3',
      BACK,
      'sfo3',
      'db-s-4vcpu-8gb',
      REJECT('main-pg-read-ams3'),
      REJECT('Main_Replica'),
      'main-pg-read-sfo3',
      'Add main-pg-read-sfo3',
    ]);
    assert.equal(input.remaining, 0, input.asked.join(' | '));
    // main-pg is two db-s-2vcpu-4gb nodes: smaller sizes are not offered (a pick answered Back is not recorded)
    assert.deepEqual(input.offered[2], ['db-s-2vcpu-4gb', 'db-s-4vcpu-8gb', 'db-s-6vcpu-16gb']);
    assert.match(String(input.offeredItems[2][0].description), /the primary's size/);
    assert.equal(input.rejections.length, 2, input.rejections.join(' | '));
    assert.equal((await writes()) - before, 1, 'one create');
    const added = (await replicasOf('main-pg')).find((r) => r.name === 'main-pg-read-sfo3');
    assert.ok(added, 'the replica exists');
    assert.equal(added.region, 'sfo3');
    assert.equal(added.size, 'db-s-4vcpu-8gb');
    assert.equal(added.status, 'online', 'the command waited until it was online');
    assert.match(input.notices.join('\n'), /main-pg-read-sfo3 is online: a read-only copy of main-pg at main-pg-read-sfo3-do-user/);
    await logShowing(api, /Create read replica main-pg-read-sfo3 \(db-s-4vcpu-8gb, sfo3, of main-pg\): started/);
    await eventually('the replica in the tree', async () =>
      nodeAt(api, 'Acme Web', 'Databases', 'main-pg', 'Read replicas', 'main-pg-read-sfo3').then(
        () => true,
        () => undefined,
      ),
    );
  });

  it('promotes a replica to a cluster of its own after a confirmation', async () => {
    const node = await nodeAt(api, 'Acme Web', 'Databases', 'main-pg', 'Read replicas', 'main-pg-read-ams3');
    const before = await writes();
    assertDeclinedQuietly(
      await runWithAnswers(api, 'digitalocean.database.promoteReplica', node, ['Cancel']),
      /^Promote main-pg-read-ams3 to a cluster of its own\?$/,
    );
    assert.equal(await writes(), before, 'a declined confirmation sends nothing');
    const input = await runWithAnswers(api, 'digitalocean.database.promoteReplica', node, ['Promote']);
    assert.match(input.confirmations.map((c) => c.detail).join('\n'), /It stops following main-pg and becomes writable/);
    const state = await fakeState();
    assert.deepEqual(state.databaseReplicas[await idOf('main-pg')], [], 'no longer a replica');
    const promoted = state.databases.find((d) => d.name === 'main-pg-read-ams3');
    assert.ok(promoted, 'a cluster now');
    assert.equal(promoted.engine, 'pg');
    assert.equal(promoted.region, 'ams3');
    await eventually('main-pg has no replicas in the tree', async () => {
      const group = await nodeAt(api, 'Acme Web', 'Databases', 'main-pg', 'Read replicas');
      return (await api.explorer.getChildren(group)).map(label).join() === 'No read replicas' || undefined;
    });
    await eventually('the promoted cluster in the tree', async () =>
      nodeAt(api, 'Acme Web', 'Databases', 'main-pg-read-ams3').then(
        () => true,
        () => undefined,
      ),
    );
  });

  it('deletes a replica after a confirmation that says the primary keeps its data', async () => {
    const node = await nodeAt(api, 'Acme Web', 'Databases', 'main-pg', 'Read replicas', 'main-pg-read-ams3');
    const input = await runWithAnswers(api, 'digitalocean.resource.delete', node, ['Delete']);
    assert.match(input.asked.join('\n'), /Delete read replica main-pg-read-ams3\?/);
    assert.match(input.confirmations.map((c) => c.detail).join('\n'), /the primary cluster's data stays/);
    assert.deepEqual(await replicasOf('main-pg'), []);
    assert.ok(
      (await fakeState()).databases.some((d) => d.name === 'main-pg'),
      'the primary stays',
    );
  });
});
