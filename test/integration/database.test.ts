import * as assert from 'node:assert/strict';
import type { ScriptedAnswer } from './support/scriptedInput';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import * as vscode from 'vscode';
import { eventually, extensionApi, fake, freshDemo, runWithAnswers, writes, logShowing } from './support/env';
import { fakeState } from './support/fakeState';

describe('Database actions', function () {
  this.timeout(120_000);
  let api: TestingApi;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);
  const run = (command: string, arg: ExplorerNode | undefined, answers: ScriptedAnswer[]) =>
    runWithAnswers(api, `digitalocean.database.${command}`, arg, answers);
  const data = () => fakeState();
  const idOf = async (name: string) => (await data()).databases.find((d) => d.name === name)!.id;

  async function cluster(project: string, name: string): Promise<ExplorerNode> {
    const [account] = await api.explorer.getChildren();
    const p = (await api.explorer.getChildren(account)).find((n) => label(n) === project)!;
    const group = (await api.explorer.getChildren(p)).find((n) => label(n) === 'Databases')!;
    return (await api.explorer.getChildren(group)).find((n) => label(n) === name)!;
  }

  async function under(node: ExplorerNode, folder: string, item: string): Promise<ExplorerNode> {
    const f = (await api.explorer.getChildren(node)).find((n) => label(n) === folder)!;
    const found = (await api.explorer.getChildren(f)).find((n) => label(n) === item);
    assert.ok(found, `no ${item} in ${folder}`);
    return found;
  }

  before(async () => {
    api = await extensionApi();
  });

  beforeEach(() => freshDemo(api));

  afterEach(() => api.setUserInput(undefined));

  it('creates a PostgreSQL user and shows its generated password once, logging it nowhere', async () => {
    const pg = await cluster('Acme Web', 'main-pg');
    const input = await run('createUser', pg, ['reporting']);
    const created = (await data()).databaseUsers[await idOf('main-pg')].find((u) => u.name === 'reporting')!;
    assert.ok(created.password);
    assert.deepEqual(input.secretsShown, [created.password]);
    assert.ok(await under(pg, 'Users', 'reporting'));
    const log = await logShowing(api, /Database user reporting created in main-pg/);
    assert.ok(!log.includes(created.password), 'the password is in a log');

    const taken = await run('createUser', pg, ['reporting']);
    assert.match(taken.rejections.join(' '), /exists already/);
    const bad = await run('createUser', pg, ['bad name!']);
    assert.match(bad.rejections.join(' '), /Only letters/);
  });

  it('asks MySQL for the auth plugin and Kafka for an ACL; Redis and Valkey are not offered', async () => {
    await run('createUser', await cluster('Acme Web', 'shop-mysql'), ['legacy', 'mysql_native_password']);
    assert.equal((await data()).databaseUsers[await idOf('shop-mysql')].find((u) => u.name === 'legacy')?.mysql_settings?.auth_plugin, 'mysql_native_password');

    await run('createUser', await cluster('Data Platform', 'events-kafka'), ['ingest', 'events.*', 'produce']);
    assert.deepEqual(
      (await data()).databaseUsers[await idOf('events-kafka')].find((u) => u.name === 'ingest')?.settings?.acl?.map((a) => [a.topic, a.permission]),
      [['events.*', 'produce']],
    );

    const before = await writes();
    await run('createUser', await cluster('Acme Web', 'cache-valkey'), []);
    assert.equal(await writes(), before);
  });

  it('resets a password (shown once) and deletes a user after confirmation; the admin user cannot be deleted', async () => {
    const pg = await cluster('Acme Web', 'main-pg');
    const id = await idOf('main-pg');
    const old = (await data()).databaseUsers[id].find((u) => u.name === 'app')!.password;
    const reset = await run('resetUserPassword', await under(pg, 'Users', 'app'), ['Reset Password']);
    const fresh = (await data()).databaseUsers[id].find((u) => u.name === 'app')!.password;
    assert.notEqual(fresh, old);
    assert.deepEqual(reset.secretsShown, [fresh]);

    await run('deleteUser', await under(pg, 'Users', 'doadmin'), ['Delete']);
    assert.ok((await data()).databaseUsers[id].some((u) => u.name === 'doadmin'));
    await run('deleteUser', await under(pg, 'Users', 'app'), ['Delete']);
    assert.ok(!(await data()).databaseUsers[id].some((u) => u.name === 'app'));
  });

  it('creates and deletes a database, and creates a connection pool', async () => {
    const pg = await cluster('Acme Web', 'main-pg');
    const id = await idOf('main-pg');
    await run('createDatabase', pg, ['analytics']);
    assert.ok((await data()).databaseDbs[id].some((d) => d.name === 'analytics'));

    await run('createPool', pg, ['analytics-pool', 'analytics', 'doadmin', 'transaction', '15']);
    assert.deepEqual(
      (await data()).databasePools[id].find((p) => p.name === 'analytics-pool'),
      {
        ...(await data()).databasePools[id].find((p) => p.name === 'analytics-pool'),
        mode: 'transaction',
        size: 15,
        db: 'analytics',
        user: 'doadmin',
      },
    );
    const tooBig = await run('createPool', pg, ['p2', 'analytics', 'doadmin', 'session', '500']);
    assert.equal(tooBig.rejections.length, 1);

    await run('deleteDatabase', await under(pg, 'Databases', 'analytics'), ['analytic']);
    assert.ok(
      (await data()).databaseDbs[id].some((d) => d.name === 'analytics'),
      'a mistyped name deletes nothing',
    );
    await run('deleteDatabase', await under(pg, 'Databases', 'analytics'), ['analytics']);
    assert.ok(!(await data()).databaseDbs[id].some((d) => d.name === 'analytics'));
  });

  it('resizes a cluster: current size refused before any request, confirm declined sends nothing, then "resizing" until done', async () => {
    const pg = await cluster('Acme Web', 'main-pg');
    const before = await writes();
    const same = await run('resize', pg, ['2 nodes', 'db-s-2vcpu-4gb']);
    assert.match(same.offered[0].join(','), /1 node,2 nodes,3 nodes/);
    assert.ok(same.offered[1].includes('$(check) db-s-2vcpu-4gb'), 'the current plan is marked');
    await run('resize', pg, ['3 nodes', 'db-s-4vcpu-8gb', 'Cancel']);
    assert.equal(await writes(), before);

    await fake.call('POST', '/__fake/config', { actionDurationMs: 3000 });
    await run('resize', pg, ['3 nodes', 'db-s-4vcpu-8gb', 'Resize']);
    assert.equal((await data()).databases.find((d) => d.name === 'main-pg')!.status, 'resizing');
    const node = () => cluster('Acme Web', 'main-pg');
    assert.match(String((await node()).toTreeItem().description), /resizing/);
    await eventually(
      'the cluster to be online at its new size without a refresh',
      async () =>
        /db-s-4vcpu-8gb · 3 nodes/.test(String((await node()).toTreeItem().description)) && !/resizing/.test(String((await node()).toTreeItem().description)),
      20_000,
    );
    const db = (await data()).databases.find((d) => d.name === 'main-pg')!;
    assert.deepEqual([db.size, db.num_nodes, db.status], ['db-s-4vcpu-8gb', 3, 'online']);
  });

  it('adds trusted sources (an address, a droplet, a tag) with validation, and removes one', async () => {
    const pg = await cluster('Acme Web', 'main-pg');
    const id = await idOf('main-pg');
    const before = await writes();
    for (const bad of ['', '300.1.2.3', '10.0.0.0/33', 'example.com', '198.51.100.0/24']) {
      const input = await run('addTrustedSource', pg, ['IP address or CIDR range', bad]);
      assert.equal(input.rejections.length, 1, `${bad} was accepted`);
    }
    assert.equal(await writes(), before, 'bad input sends nothing');

    await run('addTrustedSource', pg, ['IP address or CIDR range', '192.0.2.10']);
    await run('addTrustedSource', pg, ['Droplet', 'web-1']);
    await run('addTrustedSource', pg, ['Tag', 'web']);
    const rules = (await data()).databaseFirewalls[id];
    const droplets = (await fakeState()).droplets;
    assert.deepEqual(
      rules.map((r) => [r.type, r.value]),
      [
        ['k8s', rules[0].value],
        ['ip_addr', '198.51.100.0/24'],
        ['ip_addr', '192.0.2.10'],
        ['droplet', String(droplets.find((d) => d.name === 'web-1')!.id)],
        ['tag', 'web'],
      ],
    );
    const seeded = rules[1].uuid;
    const folder = (await api.explorer.getChildren(pg)).find((n) => label(n) === 'Trusted sources')!;
    assert.equal((await api.explorer.getChildren(folder)).length, 5);

    await run('removeTrustedSource', await under(pg, 'Trusted sources', '192.0.2.10'), ['Cancel']);
    assert.equal((await data()).databaseFirewalls[id].length, 5);
    await run('removeTrustedSource', await under(pg, 'Trusted sources', '192.0.2.10'), ['Remove']);
    const after = (await data()).databaseFirewalls[id];
    assert.deepEqual(after.map((r) => r.value).includes('192.0.2.10'), false);
    assert.equal(after.find((r) => r.value === '198.51.100.0/24')!.uuid, seeded, 'the other rules keep their identity');
  });

  it('adds "my public IP" only after consent: declining asks no one', async () => {
    const settings = vscode.workspace.getConfiguration('digitalocean');
    await settings.update('publicIpLookupUrl', `${fake.url()}/__fake/my-ip`, vscode.ConfigurationTarget.Global);
    try {
      const pg = await cluster('Acme Web', 'main-pg');
      const id = await idOf('main-pg');
      const declined = await run('addTrustedSource', pg, ['My public IP address', 'Cancel']);
      assert.match(declined.asked.join(' | '), /Look up your public IP address\?/);
      assert.equal((await fake.call<{ count: number }>('GET', '/__fake/my-ip/count')).count, 0, 'the lookup service was asked without consent');

      const input = await run('addTrustedSource', pg, ['My public IP address', 'Look Up', '<accept>']);
      assert.equal(input.rejections.length, 0);
      assert.equal((await fake.call<{ count: number }>('GET', '/__fake/my-ip/count')).count, 1);
      assert.ok((await data()).databaseFirewalls[id].some((r) => r.type === 'ip_addr' && r.value === '203.0.113.77'));
    } finally {
      await settings.update('publicIpLookupUrl', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
