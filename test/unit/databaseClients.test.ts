/**
 * Database shells: passwords reach the clients through private files, never a command line or an
 * option, and the names in a target (databases and users anyone with access to the cluster can
 * create) are only ever option values. Checked with the real clients Debian has (psql, the
 * MariaDB client, redis-cli), each pointed at a closed loopback port: whatever the name, the
 * client tries the host and port we gave it, and says so.
 */
import * as assert from 'node:assert/strict';
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { ENGINE_CLIENTS, mysqlValue, pgpassField, shellTargetProblem, shellWord, type ShellTarget } from '../../src/credentials/databaseClients';
import { freePort } from './support/fixtures';

const CA = '-----BEGIN CERTIFICATE-----\nMIIBdummy\n-----END CERTIFICATE-----\n';
const target: ShellTarget = { host: 'db.example', port: 25060, user: 'app', password: 'p:a\\s"s\'w$rd`x', database: 'defaultdb', ca: CA };

/** Names that read as options, connection strings or URIs to a careless client. */
const HOSTILE_NAMES = [
  '--host=evil.invalid',
  '-hevil.invalid',
  'host=evil.invalid sslmode=disable',
  "host='evil.invalid' port=5432",
  'postgresql://u@evil.invalid/x',
  'postgres://evil.invalid',
  '--defaults-file=/etc/passwd',
  '-e select 1',
  "x' host=evil.invalid",
  'a b',
  '\\x',
  '$(touch /tmp/pwned)',
];
const hostileName = fc.oneof(
  fc.constantFrom(...HOSTILE_NAMES),
  fc.string({ minLength: 1, maxLength: 30, unit: 'binary' }).filter((s) => !s.includes('\0')),
  fc
    .tuple(
      fc.constantFrom('--host=', 'host=', '-h', 'postgresql://', '--', 'dbname=', 'service='),
      fc.string({ maxLength: 20 }).filter((s) => !s.includes('\0')),
    )
    .map(([a, b]) => a + b),
);

function onPath(program: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).stdout.trim();
  return found || undefined;
}

/** Writes a launch's files into `dir` (as terminalFiles.node.ts does) and returns their paths. */
function writeFiles(dir: string, files: Record<string, string | ((paths: Record<string, string>) => string)>): Record<string, string> {
  const paths = Object.fromEntries(Object.keys(files).map((name) => [name, join(dir, name)]));
  for (const [name, content] of Object.entries(files)) writeFileSync(paths[name], typeof content === 'function' ? content(paths) : content, { mode: 0o600 });
  return paths;
}

describe('Database shell clients', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dbshell-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('never put the password in the program, its arguments or its environment (raw strings, every engine)', () => {
    for (const [engine, client] of Object.entries(ENGINE_CLIENTS)) {
      const launch = client!.launch(target);
      const paths = Object.fromEntries(Object.keys(launch.files).map((name) => [name, `/tmp/private/${name}`]));
      const command = launch.command(`/usr/bin/${client!.programs[0]}`, paths);
      const texts = [command.shellPath, ...command.shellArgs, ...Object.keys(command.env ?? {}), ...Object.values(command.env ?? {})];
      for (const text of texts) assert.ok(!text.includes(target.password), `${engine}: the password is in ${text}`);
      // and the password does reach the client: in one of its private files
      const contents = Object.values(launch.files).map((c) => (typeof c === 'function' ? c(paths) : c));
      assert.ok(
        contents.some(
          (c) =>
            c.includes(target.password) ||
            c.includes(encodeURIComponent(target.password)) ||
            c.includes(pgpassField(target.password)) ||
            c.includes(mysqlValue(target.password).slice(1, -1)) ||
            c.includes(shellWord(target.password)),
        ),
        `${engine}: the password is in none of its files`,
      );
    }
  });

  it('escape a pgpass line and a MySQL option value', () => {
    assert.equal(pgpassField('a:b\\c'), 'a\\:b\\\\c');
    const line = ENGINE_CLIENTS.pg!.launch(target).files.pgpass;
    assert.equal(line, 'db.example:25060:defaultdb:app:p\\:a\\\\s"s\'w$rd`x\n');
    assert.equal(mysqlValue('a"b\\c'), '"a\\"b\\\\c"');
  });

  it("verify the server against the cluster's CA, for every engine", () => {
    for (const [engine, client] of Object.entries(ENGINE_CLIENTS)) {
      const launch = client!.launch(target);
      assert.equal(launch.files['ca.pem'], CA, `${engine} writes the CA`);
      const paths = Object.fromEntries(Object.keys(launch.files).map((name) => [name, `/tmp/private/${name}`]));
      for (const resolved of [`/usr/bin/${client!.programs[0]}`, '/usr/bin/mariadb']) {
        const command = launch.command(`/usr/bin/${client!.programs[0]}`, paths, resolved);
        const files = Object.values(launch.files)
          .map((c) => (typeof c === 'function' ? c(paths) : c))
          .join('\n');
        const all = [...command.shellArgs, ...Object.entries(command.env ?? {}).map(([k, v]) => `${k}=${v}`), files].join('\n');
        const verifies = {
          pg: ['PGSSLMODE=verify-full', 'PGSSLROOTCERT=/tmp/private/ca.pem'],
          mysql: resolved.endsWith('mariadb')
            ? ['--ssl-verify-server-cert', '--ssl-ca=/tmp/private/ca.pem']
            : ['--ssl-mode=VERIFY_IDENTITY', '--ssl-ca=/tmp/private/ca.pem'],
          redis: ['--cacert\n/tmp/private/ca.pem'],
          valkey: ['--cacert\n/tmp/private/ca.pem'],
          mongodb: [`tlsCAFile=${encodeURIComponent('/tmp/private/ca.pem')}`],
        }[engine as 'pg']!;
        for (const v of verifies) assert.ok(all.includes(v), `${engine} (${resolved}): ${v} missing in ${all}`);
        assert.ok(!/sslmode=require|ssl-mode=REQUIRED/i.test(all), `${engine}: encrypted but unverified`);
      }
    }
  });

  it('refuse a host that is not a host name or an address before anything starts', () => {
    for (const host of ['evil.invalid -x', '-oProxyCommand=x', 'a/b', 'a@b', '', 'x'.repeat(300), "db'.example"]) {
      assert.ok(shellTargetProblem({ host, port: 25060, user: 'u' }), `${JSON.stringify(host)} should be refused`);
    }
    for (const host of ['db-postgresql-nyc3-1234.b.db.ondigitalocean.com', '127.0.0.1', '::1', 'fd00::1:2'])
      assert.equal(shellTargetProblem({ host, port: 25060, user: 'u' }), undefined);
    assert.ok(shellTargetProblem({ host: 'db.example', port: 0, user: 'u' }));
  });

  it(`hand redis-cli any password through the shell, and delete the file before the client starts (1,000 passwords)`, function () {
    this.timeout(120_000);
    const client = ENGINE_CLIENTS.redis!;
    let n = 0;
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40, unit: 'binary' }).filter((p) => !p.includes('\0')),
        (password) => {
          const launch = client.launch({ ...target, password });
          const file = join(dir, `env-${n++}`);
          writeFileSync(file, launch.files.env as string, { mode: 0o600 });
          // the program is a printer of what the client would get: its environment and arguments
          const { shellPath, shellArgs } = launch.command('/usr/bin/printenv', { env: file, 'ca.pem': join(dir, 'ca.pem') });
          const out = execFileSync(shellPath, [...shellArgs.slice(0, 3), '/usr/bin/printenv', 'REDISCLI_AUTH'], { encoding: 'utf8' });
          assert.equal(out, `${password}\n`);
          assert.ok(!existsSync(file), 'the file is deleted');
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it("pass database and user names only as option values or libpq's plain variables, for every engine (2,000 generated names)", () => {
    fc.assert(
      fc.property(hostileName, fc.boolean(), (name, asUser) => {
        for (const [engine, client] of Object.entries(ENGINE_CLIENTS)) {
          const t = { ...target, ...(asUser ? { user: name } : { database: name }) };
          const launch = client!.launch(t);
          const paths = Object.fromEntries(Object.keys(launch.files).map((file) => [file, `/tmp/private/${file}`]));
          for (const resolved of ['/usr/bin/mysql', '/usr/bin/mariadb']) {
            const command = launch.command(`/usr/bin/${client!.programs[0]}`, paths, resolved);
            // the same launch with a plain name shows where names stand: there, and only there,
            // the hostile one stands instead, each time as an option's value
            const SENTINEL = 'PLAIN_NAME_7';
            const plainLaunch = client!.launch({ ...target, ...(asUser ? { user: SENTINEL } : { database: SENTINEL }) });
            const plain = plainLaunch.command(`/usr/bin/${client!.programs[0]}`, paths, resolved);
            assert.equal(command.shellArgs.length, plain.shellArgs.length, `${engine}: ${JSON.stringify(name)} changed the number of arguments`);
            plain.shellArgs.forEach((arg, i) => {
              assert.equal(
                command.shellArgs[i],
                arg.replaceAll(SENTINEL, () => name),
                `${engine}: argument ${i}`,
              );
              if (arg.includes(SENTINEL))
                assert.ok(
                  arg === `--database=${SENTINEL}` || (plain.shellArgs[i - 1] === '--user' && arg === SENTINEL),
                  `${engine}: a name stands as ${JSON.stringify(arg)}`,
                );
            });
            if (engine === 'pg') {
              assert.deepEqual(command.shellArgs, [], 'psql: nothing on its command line');
              assert.equal(command.env?.[asUser ? 'PGUSER' : 'PGDATABASE'], name);
            }
          }
        }
      }),
      { numRuns: 2_000 },
    );
  });

  /** Runs a launch against a closed port on 127.0.0.1 and returns what the client said. */
  async function tryClient(program: string, engine: 'pg' | 'mysql' | 'redis', t: ShellTarget, n: number): Promise<string> {
    const sub = join(dir, `run-${engine}-${n}`);
    execFileSync('mkdir', ['-p', sub]);
    const launch = ENGINE_CLIENTS[engine]!.launch(t);
    const paths = writeFiles(sub, launch.files);
    const command = launch.command(program, paths, realpathSync(program));
    const args =
      engine === 'mysql'
        ? [...command.shellArgs, '--connect-timeout=3', '--batch', '--execute=select 1']
        : engine === 'redis'
          ? [...command.shellArgs, 'PING']
          : [...command.shellArgs, '--no-psqlrc', '--command=select 1'];
    const said = await new Promise<string>((resolve) => {
      const child = execFile(
        command.shellPath,
        args,
        { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: sub, PGCONNECT_TIMEOUT: '3', ...command.env }, timeout: 20_000 },
        (_error, stdout, stderr) => resolve(`${stdout}${stderr}`),
      );
      child.stdin?.end();
    });
    rmSync(sub, { recursive: true, force: true });
    return said;
  }

  for (const [engine, program, names] of [
    ['pg', 'psql', 'databases'],
    ['mysql', 'mariadb', 'databases'],
    ['redis', 'redis-cli', 'users'],
  ] as const) {
    it(`${program}: hostile ${names} never redirect the real client or become its options (the named attacks and 100 generated names)`, async function () {
      this.timeout(300_000);
      const found = onPath(program) ?? (engine === 'mysql' ? onPath('mysql') : undefined);
      if (!found) throw new Error(`${program} is not installed: test/harness/install-deps.sh installs it (Debian)`);
      const port = await freePort();
      const where = {
        pg: new RegExp(`connection to server at "127\\.0\\.0\\.1", port ${port} failed`),
        mysql: /Can't connect to (?:MySQL )?server on '127\.0\.0\.1'/,
        redis: new RegExp(`Could not connect to Redis at 127\\.0\\.0\\.1:${port}`),
      }[engine];
      const names = [...HOSTILE_NAMES, ...fc.sample(hostileName, { numRuns: 100, seed: 29 })];
      let n = 0;
      // four clients at a time: each mostly waits on its refused connection
      for (let i = 0; i < names.length; i += 4) {
        await Promise.all(
          names.slice(i, i + 4).map(async (name) => {
            const t: ShellTarget = { ...target, host: '127.0.0.1', port, ...(engine === 'redis' ? { user: name } : { database: name }) };
            const said = await tryClient(found, engine, t, n++);
            assert.match(said, where, `${JSON.stringify(name)}: ${said}`);
            assert.doesNotMatch(said, /evil\.invalid|unknown option|invalid connection option|unrecognized option|Usage:/i, `${JSON.stringify(name)}: ${said}`);
          }),
        );
      }
    });
  }
});
