/**
 * Create Database Cluster in the real extension host against the fake (through Prism): the happy
 * path (engine, version, region, nodes, size, storage, a region without VPC skipped, tags, project)
 * waited on until online, then *Create User…* taken from the notice; Back at every step keeping
 * the answers (and passing over the skipped VPC step); each bad input refused before any request;
 * a declined summary sending nothing; the API's refusal shown with its message and request id.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import { extensionApi, fake, freshDemo, preselected, runWithAnswers, writes, logShowing } from './support/env';
import { fakeState } from './support/fakeState';
import { ACCEPT, BACK, ScriptedUserInput } from './support/scriptedInput';

describe('Create database cluster', function () {
  this.timeout(90_000);
  let api: TestingApi;
  const data = () => fakeState();
  const db = async (name: string) => (await data()).databases.find((d) => d.name === name);
  const account = () => api.store.list()[0];

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it('creates a PostgreSQL cluster with more storage in a project, waits until online, then creates a user from the notice', async () => {
    const input = new ScriptedUserInput([
      'PostgreSQL',
      '16',
      'fra1',
      '2 nodes',
      'db-s-2vcpu-4gb',
      'orders-db',
      'More storage…',
      '100',
      // fra1 has no VPC: no VPC step
      'orders, pg',
      'Data Platform',
      'Create orders-db',
      'reporting', // Create User…: its name
    ]);
    input.noticeAnswers.push('Create User…');
    api.setUserInput(input);
    await vscode.commands.executeCommand('digitalocean.database.create', account());
    assert.equal(input.remaining, 0, `asked: ${input.questions.join(' | ')}`);
    const made = await db('orders-db');
    assert.ok(made, 'the cluster is at the fake');
    assert.deepEqual(
      [made.engine, made.version, made.region, made.num_nodes, made.size, made.storage_size_mib, made.tags, made.status],
      ['pg', '16', 'fra1', 2, 'db-s-2vcpu-4gb', 100 * 1024, ['orders', 'pg'], 'online'],
    );
    const d = await data();
    const dataPlatform = d.projects.find((p) => p.name === 'Data Platform')!;
    assert.equal(made.project_id, dataPlatform.id);
    assert.ok(
      d.projectResources[dataPlatform.id].some((r) => r.urn === `do:dbaas:${made.id}`),
      'in the project chosen',
    );
    assert.ok(!input.offered.some((labels) => labels.some((l) => l.startsWith('default-'))), 'no VPC was offered in fra1');
    assert.match(input.notices.join('\n'), /orders-db is online\. Until it has trusted sources/);
    assert.deepEqual(
      d.databaseUsers[made.id].map((u) => u.name),
      ['doadmin', 'reporting'],
      'the user made from the notice',
    );
    assert.equal(input.secretsShown.length, 1, "the new user's password was shown once");
    const summary = input.offeredItems.find((items) => items[0]?.label === 'Create orders-db')![0];
    assert.equal(summary.description, 'PostgreSQL 16 · fra1 · db-s-2vcpu-4gb × 2');
    assert.match(String(summary.detail), /100 GiB storage/);
  });

  it('goes Back through every step with the answers kept, passing over a VPC step that had nothing to ask', async () => {
    const input = await runWithAnswers(api, 'digitalocean.database.create', account(), [
      'MySQL',
      '8',
      'fra1',
      '3 nodes',
      'db-s-4vcpu-8gb',
      'shop-db',
      'More storage…',
      '200',
      'a',
      'Staging',
      BACK,
      BACK,
      BACK, // summary → project → tags → (no VPC in fra1) storage
      BACK,
      BACK,
      BACK,
      BACK,
      BACK,
      BACK, // storage → name → size → nodes → region → version → engine
      'MySQL',
      '8',
      'fra1',
      '3 nodes',
      'db-s-4vcpu-8gb',
      ACCEPT,
      'More storage…',
      ACCEPT,
      ACCEPT,
      'Staging',
      'Create shop-db',
    ]);
    assert.equal(input.remaining, 0, `asked: ${input.questions.join(' | ')}`);
    const made = await db('shop-db');
    assert.deepEqual([made?.engine, made?.num_nodes, made?.size, made?.storage_size_mib, made?.tags], ['mysql', 3, 'db-s-4vcpu-8gb', 200 * 1024, ['a']]);
    assert.deepEqual(preselected(input, 'MySQL', 1), ['MySQL'], 'engine kept');
    assert.deepEqual(preselected(input, 'fra1', 1), ['fra1'], 'region kept');
    assert.deepEqual(preselected(input, '3 nodes (primary + 2 standby nodes)', 1), ['3 nodes (primary + 2 standby nodes)'], 'nodes kept');
    assert.deepEqual(preselected(input, 'db-s-4vcpu-8gb', 1), ['db-s-4vcpu-8gb'], 'size kept');
    assert.deepEqual(preselected(input, 'More storage…', 1), ['More storage…'], 'storage choice kept');
  });

  it('offers each engine only its own versions, node counts and regions; refuses bad input before any request; a declined summary sends nothing', async () => {
    const before = await writes();
    const kafka = await runWithAnswers(api, 'digitalocean.database.create', account(), ['Kafka', '3.8', 'ams3', undefined]);
    assert.deepEqual(kafka.offered[1], ['3.8', '3.7'], 'newest first');
    assert.deepEqual(kafka.offered[3], ['3 nodes (primary + 2 standby nodes)'], 'Kafka runs on 3 nodes only');
    const tries: [string[], RegExp][] = [
      [['PostgreSQL', '17', 'nyc3', '1 node', 'db-s-1vcpu-1gb', 'main-pg'], /has a database cluster named main-pg already/],
      [['PostgreSQL', '17', 'nyc3', '1 node', 'db-s-1vcpu-1gb', '9lives'], /starting with a letter/],
      [['PostgreSQL', '17', 'nyc3', '1 node', 'db-s-1vcpu-1gb', 'ab'], /From 3 to 63/],
      [['PostgreSQL', '17', 'nyc3', '1 node', 'db-s-1vcpu-1gb', 'ok-db', 'More storage…', '25'], /steps of 10/],
      [['PostgreSQL', '17', 'nyc3', '1 node', 'db-s-1vcpu-1gb', 'ok-db', 'Storage included', 'default-nyc3', 'no spaces!'], /tags use letters/],
    ];
    for (const [answers, message] of tries) {
      const input = await runWithAnswers(api, 'digitalocean.database.create', account(), answers);
      assert.match(input.rejections.join('\n'), message, answers.join(' → '));
    }
    const valkey = await runWithAnswers(api, 'digitalocean.database.create', account(), [
      'Valkey',
      '8',
      'nyc3',
      '1 node',
      'db-s-1vcpu-1gb',
      'cache-db',
      'default-nyc3',
      '',
      'Acme Web',
      undefined,
    ]);
    assert.equal(valkey.remaining, 0, 'an in-memory engine is not asked for storage');
    assert.equal(await writes(), before, 'nothing was sent');
    assert.equal(await db('cache-db'), undefined);
  });

  it("shows the API's refusal with its message and request id, and creates nothing", async () => {
    await fake.refuse('POST', '/v2/databases', {
      status: 422,
      id: 'unprocessable_entity',
      message: 'database cluster limit reached for this team',
      requestId: 'req-db-refused',
    });
    await runWithAnswers(api, 'digitalocean.database.create', account(), [
      'PostgreSQL',
      '17',
      'nyc3',
      '1 node',
      'db-s-1vcpu-1gb',
      'refused-db',
      'Storage included',
      'default-nyc3',
      '',
      'Acme Web',
      'Create refused-db',
    ]);
    assert.equal(await db('refused-db'), undefined);
    await logShowing(
      api,
      /Create database cluster failed: database cluster limit reached for this team \(HTTP 422 unprocessable_entity, request id req-db-refused\)/,
    );
  });
});
