/**
 * Kafka topics and OpenSearch indexes in the real extension host against the fake (through
 * Prism): shown under their cluster; a topic created by a wizard with Back (checked name and
 * partitions, a replication factor up to the cluster's nodes, retention, cleanup policy); a topic's
 * partitions only grown, its retention changed, after reading it fresh; topics and indexes deleted
 * after a confirmation.
 */
import * as assert from 'node:assert/strict';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { extensionApi, freshDemo, logShowing, nodeAt, runWithAnswers, writes } from './support/env';
import { fakeState } from './support/fakeState';
import { BACK, REJECT } from './support/scriptedInput';

describe('Database: Kafka topics and OpenSearch indexes', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);
  const kafka = () => nodeAt(api, 'Data Platform', 'Databases', 'events-kafka');
  const topics = async () => {
    const state = await fakeState();
    return state.databaseTopics[state.databases.find((d) => d.name === 'events-kafka')!.id];
  };

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it('shows topics under the Kafka cluster and indexes under the OpenSearch one', async () => {
    const orders = await nodeAt(api, 'Data Platform', 'Databases', 'events-kafka', 'Topics', 'orders');
    assert.equal(orders.toTreeItem().description, '6 partition(s) · × 3 replicas');
    const index = await nodeAt(api, 'Data Platform', 'Databases', 'logs-opensearch', 'Indexes', 'app-logs-2026.11');
    assert.equal(index.toTreeItem().description, 'yellow · 2.1 GB · 2 shard(s)');
    const groups = (await api.explorer.getChildren(await kafka())).map(label);
    assert.ok(!groups.includes('Indexes') && !groups.includes('Read replicas'), groups.join(', '));
  });

  it('creates a topic with a wizard (Back, checked name and partitions, replicas up to the nodes)', async () => {
    const input = await runWithAnswers(api, 'digitalocean.database.createTopic', await kafka(), [
      REJECT('orders'),
      REJECT('bad name'),
      'payments',
      REJECT('2'),
      '12',
      BACK,
      '12',
      '3',
      '30 days',
      'compact_delete',
      'Create payments',
    ]);
    assert.equal(input.remaining, 0, input.asked.join(' | '));
    assert.equal(input.rejections.length, 3, input.rejections.join(' | '));
    assert.deepEqual(input.offered[0], ['2', '3'], 'events-kafka has 3 nodes');
    const created = (await topics()).find((t) => t.name === 'payments');
    assert.ok(created);
    assert.equal(created.partition_count, 12);
    assert.equal(created.replication_factor, 3);
    assert.equal(created.config?.retention_ms, 30 * 86_400_000);
    assert.equal(created.config?.cleanup_policy, 'compact_delete');
    await logShowing(api, /Kafka topic payments created in events-kafka \(12 partitions × 3\)/);
  });

  it('grows a topic’s partitions (never fewer) and changes its retention', async () => {
    const orders = () => nodeAt(api, 'Data Platform', 'Databases', 'events-kafka', 'Topics', 'orders');
    const grow = await runWithAnswers(api, 'digitalocean.database.editTopic', await orders(), ['Partitions', REJECT('4'), REJECT('6'), '8']);
    assert.equal(grow.remaining, 0, grow.asked.join(' | '));
    assert.equal(grow.rejections.length, 2);
    assert.equal((await topics()).find((t) => t.name === 'orders')?.partition_count, 8);
    assert.match(grow.notices.join('\n'), /Topic orders: partitions 6 → 8/);

    const keep = await runWithAnswers(api, 'digitalocean.database.editTopic', await orders(), ['Retention', 'Forever']);
    assert.equal(keep.offeredItems[0][1].description, '7 day(s)', 'read fresh: the current retention');
    const after = (await topics()).find((t) => t.name === 'orders')!;
    assert.equal(after.config?.retention_ms, -1);
    assert.equal(after.partition_count, 8, 'the partitions stay');
  });

  it('deletes a topic and an index after a confirmation', async () => {
    const before = await writes();
    await runWithAnswers(api, 'digitalocean.resource.delete', await nodeAt(api, 'Data Platform', 'Databases', 'events-kafka', 'Topics', 'audit-log'), [
      'Cancel',
    ]);
    assert.equal(await writes(), before);
    const topic = await runWithAnswers(
      api,
      'digitalocean.resource.delete',
      await nodeAt(api, 'Data Platform', 'Databases', 'events-kafka', 'Topics', 'audit-log'),
      ['Delete'],
    );
    assert.match(topic.confirmations[0].detail, /Its messages are lost/);
    assert.deepEqual(
      (await topics()).map((t) => t.name),
      ['orders'],
    );
    await runWithAnswers(
      api,
      'digitalocean.resource.delete',
      await nodeAt(api, 'Data Platform', 'Databases', 'logs-opensearch', 'Indexes', 'app-logs-2026.11'),
      ['Delete'],
    );
    const state = await fakeState();
    const id = state.databases.find((d) => d.name === 'logs-opensearch')!.id;
    assert.deepEqual(
      state.databaseIndexes[id].map((i) => i.index_name),
      ['app-logs-2026.12'],
    );
  });
});
