/**
 * Private temporary directories for terminal credentials: named after the process that made
 * them, so what a killed editor left is removed when the extension next starts — and what a
 * running window (another process, or this one) still uses is not. Real processes: a child that
 * makes its directory and is killed (SIGKILL: no clean-up of its own can run), one still running.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePrivateDir, PRIVATE_DIRS, processRuns, sweepAllLeftovers, sweepLeftovers } from '../../src/credentials/privateDirs';

const { prefix, maxAgeMs } = PRIVATE_DIRS.databaseShell;

/** A child Node process that makes a directory named as makePrivateDir names them, says where, and waits. */
function childWithDir(tmp: string): Promise<{ pid: number; dir: string; kill(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const fs=require('fs'),p=require('path');const d=fs.mkdtempSync(p.join(${JSON.stringify(tmp)}, ${JSON.stringify(prefix)}+process.pid+'-'));fs.writeFileSync(p.join(d,'pgpass'),'secret',{mode:0o600});console.log(d);setInterval(()=>{},1000)`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (data: Buffer) =>
      resolve({
        pid: child.pid!,
        dir: data.toString().trim(),
        kill: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGKILL');
          }),
      }),
    );
    child.once('error', reject);
  });
}

describe('Private directories of terminal credentials', function () {
  this.timeout(30_000);
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'privdirs-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it("are 0700 and named with this process's id", async () => {
    const dir = await makePrivateDir(prefix, tmp);
    assert.ok(dir.startsWith(join(tmp, `${prefix}${process.pid}-`)), dir);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
  });

  it('removes what a killed window left at once, and keeps what a running one (or this one) uses', async () => {
    const running = await childWithDir(tmp);
    const killed = await childWithDir(tmp);
    await killed.kill();
    assert.equal(processRuns(killed.pid), false);
    const mine = await makePrivateDir(prefix, tmp);
    try {
      const removed = await sweepAllLeftovers(tmp);
      assert.deepEqual(removed, [killed.dir]);
      assert.ok(!existsSync(killed.dir), "the killed window's password file is gone");
      assert.ok(existsSync(running.dir), 'a running window keeps its files');
      assert.ok(existsSync(mine), 'this window keeps its files');
    } finally {
      await running.kill();
    }
    // once that window is gone too, its directory goes at the next sweep
    assert.deepEqual(await sweepLeftovers(prefix, maxAgeMs, tmp), [running.dir]);
  });

  it('removes directories older than their credentials live, and leaves other names and files alone', async () => {
    const old = join(tmp, `${prefix}abcdef`); // a name from before names had a process id
    const fresh = join(tmp, `${prefix}ghijkl`);
    const other = join(tmp, 'someone-elses-dir');
    for (const d of [old, fresh, other]) mkdirSync(d);
    const longAgo = (Date.now() - maxAgeMs - 60_000) / 1000;
    utimesSync(old, longAgo, longAgo);
    utimesSync(other, longAgo, longAgo);
    assert.deepEqual(await sweepLeftovers(prefix, maxAgeMs, tmp), [old]);
    assert.ok(existsSync(fresh) && existsSync(other));
  });
});
