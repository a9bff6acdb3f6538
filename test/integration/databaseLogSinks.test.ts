/**
 * Database log sinks in the real extension host against the fake (through Prism): listed under
 * their cluster with where they send (never a URL's credentials); added by a wizard with Back and
 * checked settings per type, a URL typed in a password box and never shown or logged; edited after
 * reading the sink fresh, the URL kept unless replaced; deleted after a confirmation.
 */
import * as assert from 'node:assert/strict';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { extensionApi, extensionLog, fake, freshDemo, nodeAt, runWithAnswers } from './support/env';
import { fakeState } from './support/fakeState';
import { BACK, REJECT } from './support/scriptedInput';

describe('Database log sinks', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);
  const sinksOf = async (name: string) => {
    const state = await fakeState();
    return state.databaseLogSinks[state.databases.find((d) => d.name === name)!.id] ?? [];
  };
  const SECRET = 's3cr3t-Pass-9f2';

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it('lists sinks with where they send, under the engines that have them', async () => {
    const sink = await nodeAt(api, 'Acme Web', 'Databases', 'shop-mysql', 'Log sinks', 'syslog-central');
    assert.equal(sink.toTreeItem().description, 'rsyslog · logs.example.com:6514 (TLS)');
    const none = await nodeAt(api, 'Acme Web', 'Databases', 'main-pg', 'Log sinks');
    assert.deepEqual((await api.explorer.getChildren(none)).map(label), ['No log sinks']);
    const mongo = await api.explorer.getChildren(await nodeAt(api, 'Data Platform', 'Databases', 'catalog-mongo'));
    assert.ok(!mongo.map(label).includes('Log sinks'));
  });

  it('adds an OpenSearch sink with a URL typed in a password box, never shown or logged', async () => {
    const input = await runWithAnswers(api, 'digitalocean.database.addLogSink', await nodeAt(api, 'Acme Web', 'Databases', 'main-pg'), [
      REJECT('bad name!'),
      'search-logs',
      'rsyslog',
      REJECT('logs.example.com:514'),
      BACK,
      'OpenSearch',
      REJECT('http://search.example.com'),
      `https://admin:${SECRET}@search.example.com:9200`,
      REJECT('Bad Prefix'),
      'pg-logs',
      REJECT('0'),
      '14',
      'Add search-logs',
    ]);
    assert.equal(input.remaining, 0, input.asked.join(' | '));
    const [sink] = await sinksOf('main-pg');
    assert.equal(sink.sink_type, 'opensearch');
    assert.deepEqual(sink.config, { url: `https://admin:${SECRET}@search.example.com:9200`, index_prefix: 'pg-logs', index_days_max: 14 });
    assert.match(input.notices.join('\n'), /main-pg forwards its logs to https:\/\/search\.example\.com:9200/);
    const node = await nodeAt(api, 'Acme Web', 'Databases', 'main-pg', 'Log sinks', 'search-logs');
    const item = node.toTreeItem();
    const tooltip = typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? '');
    assert.match(String(item.description), /^OpenSearch · https:\/\/search\.example\.com:9200$/);
    const shown = JSON.stringify([item.label, item.description, tooltip, input.notices, input.offeredItems, input.asked]);
    assert.ok(!shown.includes(SECRET), 'the password is not shown');
    assert.ok(!(await extensionLog(api)).includes(SECRET), 'the password is not logged');
  });

  it('edits a syslog sink after reading it fresh', async () => {
    const node = await nodeAt(api, 'Acme Web', 'Databases', 'shop-mysql', 'Log sinks', 'syslog-central');
    const input = await runWithAnswers(api, 'digitalocean.database.editLogSink', node, ['logs2.example.com', '514', 'Plain', 'rfc3164', 'Change']);
    assert.equal(input.remaining, 0, input.asked.join(' | '));
    assert.equal(input.confirmations[0].detail, 'It sends to logs2.example.com:514 from now on (was logs.example.com:6514 (TLS)).');
    const [sink] = await sinksOf('shop-mysql');
    assert.deepEqual(sink.config, { server: 'logs2.example.com', port: 514, tls: false, format: 'rfc3164' });
    const reads = (await fake.log()).handled.filter((h) => h.method === 'GET' && h.path.endsWith(`/logsink/${sink.sink_id}`));
    assert.equal(reads.length, 1, 'read fresh');
  });

  it('keeps an OpenSearch sink’s URL unless asked to replace it', async () => {
    await runWithAnswers(api, 'digitalocean.database.addLogSink', await nodeAt(api, 'Acme Web', 'Databases', 'main-pg'), [
      'search-logs',
      'OpenSearch',
      `https://admin:${SECRET}@search.example.com:9200`,
      'pg-logs',
      '14',
      'Add search-logs',
    ]);
    const node = await nodeAt(api, 'Acme Web', 'Databases', 'main-pg', 'Log sinks', 'search-logs');
    const input = await runWithAnswers(api, 'digitalocean.database.editLogSink', node, ['Keep the current URL', 'pg-logs', '30', 'Change']);
    assert.equal(input.remaining, 0, input.asked.join(' | '));
    const [sink] = await sinksOf('main-pg');
    assert.deepEqual(sink.config, { url: `https://admin:${SECRET}@search.example.com:9200`, index_prefix: 'pg-logs', index_days_max: 30 });
    assert.ok(!JSON.stringify([input.asked, input.offeredItems, input.confirmations]).includes(SECRET));
  });

  it('deletes a sink after a confirmation', async () => {
    const node = await nodeAt(api, 'Acme Web', 'Databases', 'shop-mysql', 'Log sinks', 'syslog-central');
    const input = await runWithAnswers(api, 'digitalocean.resource.delete', node, ['Delete']);
    assert.match(input.confirmations[0].detail, /stops forwarding its logs there/);
    assert.deepEqual(
      input.notices.filter((n) => n.startsWith('error:')),
      [],
      'no error shown (the fake answers as the spec says, so Prism passes it)',
    );
    assert.deepEqual(await sinksOf('shop-mysql'), []);
  });
});
