/**
 * Database shells get their passwords from files, never a command line: the file formats are
 * escaped so that any password survives, checked with the real /bin/sh for the redis-cli path.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { ENGINE_CLIENTS, mysqlValue, pgpassField, type ShellTarget } from '../../src/credentials/databaseClients';

const target: ShellTarget = { host: 'db.example', port: 25060, user: 'app', password: 'p:a\\s"s\'w$rd`x', database: 'defaultdb' };

describe('Database shell clients', () => {
  it('never put the password in the program, its arguments or its environment', () => {
    for (const [engine, client] of Object.entries(ENGINE_CLIENTS)) {
      const launch = client!.launch(target);
      const paths = Object.fromEntries(Object.keys(launch.files).map((name) => [name, `/tmp/private/${name}`]));
      const command = launch.command(`/usr/bin/${client!.programs[0]}`, paths);
      assert.ok(!JSON.stringify(command).includes(target.password), `${engine}: the password is in ${JSON.stringify(command)}`);
    }
  });

  it('escape a pgpass line and a MySQL option value', () => {
    assert.equal(pgpassField('a:b\\c'), 'a\\:b\\\\c');
    const line = ENGINE_CLIENTS.pg!.launch(target).files.pgpass;
    assert.equal(line, 'db.example:25060:defaultdb:app:p\\:a\\\\s"s\'w$rd`x\n');
    assert.equal(mysqlValue('a"b\\c'), '"a\\"b\\\\c"');
  });

  it(`hand redis-cli any password through the shell, and delete the file before the client starts (1,000 passwords)`, function () {
    this.timeout(120_000);
    const dir = mkdtempSync(join(tmpdir(), 'dbshell-'));
    try {
      const client = ENGINE_CLIENTS.redis!;
      let n = 0;
      fc.assert(
        fc.property(fc.string({ minLength: 1, maxLength: 40, unit: 'binary' }).filter((p) => !p.includes('\0')), (password) => {
          const launch = client.launch({ ...target, password });
          const file = join(dir, `env-${n++}`);
          writeFileSync(file, launch.files.env, { mode: 0o600 });
          // the program is a printer of what the client would get: its environment and arguments
          const { shellPath, shellArgs } = launch.command('/usr/bin/printenv', { env: file });
          const out = execFileSync(shellPath, [...shellArgs.slice(0, 3), '/usr/bin/printenv', 'REDISCLI_AUTH'], { encoding: 'utf8' });
          assert.equal(out, `${password}\n`);
          assert.ok(!existsSync(file), 'the file is deleted');
        }),
        { numRuns: 1_000 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
