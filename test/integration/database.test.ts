import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ScriptedAnswer } from '../../src/commands/userInput';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { extensionApi, fake, freshDemo, runWithAnswers, writes } from './support/env';

type User = { name: string; role?: string; password?: string; mysql_settings?: { auth_plugin: string }; settings?: { acl: { topic: string; permission: string }[] } };
type Data = { databases: { id: string; name: string }[]; databaseUsers: Record<string, User[]>; databaseDbs: Record<string, { name: string }[]>; databasePools: Record<string, { name: string; mode: string; size: number; db: string; user: string }[]> };

describe('Database actions', function () {
  this.timeout(120_000);
  let api: TestingApi;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);
  const run = (command: string, arg: ExplorerNode | undefined, answers: ScriptedAnswer[]) => runWithAnswers(api, `digitalocean.database.${command}`, arg, answers);
  const data = () => fake.call<Data>('GET', '/__fake/data');
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

  function logText(): string {
    const dir = path.dirname(api.logUri.fsPath);
    return fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'))
      .join('\n');
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
    assert.match(logText(), /Database user reporting created in main-pg/);
    assert.ok(!logText().includes(created.password), 'the password is in a log');

    const taken = await run('createUser', pg, ['reporting']);
    assert.match(taken.rejections.join(' '), /exists already/);
    const bad = await run('createUser', pg, ['bad name!']);
    assert.match(bad.rejections.join(' '), /Only letters/);
  });

  it('asks MySQL for the auth plugin and Kafka for an ACL; Redis and Valkey are not offered', async () => {
    await run('createUser', await cluster('Acme Web', 'shop-mysql'), ['legacy', 'mysql_native_password']);
    assert.equal((await data()).databaseUsers[await idOf('shop-mysql')].find((u) => u.name === 'legacy')?.mysql_settings?.auth_plugin, 'mysql_native_password');

    await run('createUser', await cluster('Data Platform', 'events-kafka'), ['ingest', 'events.*', 'produce']);
    assert.deepEqual((await data()).databaseUsers[await idOf('events-kafka')].find((u) => u.name === 'ingest')?.settings?.acl.map((a) => [a.topic, a.permission]), [['events.*', 'produce']]);

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
    assert.deepEqual((await data()).databasePools[id].find((p) => p.name === 'analytics-pool'), {
      ...(await data()).databasePools[id].find((p) => p.name === 'analytics-pool'),
      mode: 'transaction',
      size: 15,
      db: 'analytics',
      user: 'doadmin',
    });
    const tooBig = await run('createPool', pg, ['p2', 'analytics', 'doadmin', 'session', '500']);
    assert.equal(tooBig.rejections.length, 1);

    await run('deleteDatabase', await under(pg, 'Databases', 'analytics'), ['analytic']);
    assert.ok((await data()).databaseDbs[id].some((d) => d.name === 'analytics'), 'a mistyped name deletes nothing');
    await run('deleteDatabase', await under(pg, 'Databases', 'analytics'), ['analytics']);
    assert.ok(!(await data()).databaseDbs[id].some((d) => d.name === 'analytics'));
  });
});
