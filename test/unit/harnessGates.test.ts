/**
 * The run's own gates (test/harness/gates.mjs, used by run-all.mjs): a forgotten `it.only`, a
 * skip in CI, a mistyped `--only`, an inherited DO_TEST_GREP and a stage whose requests bypassed
 * Prism each make `CI=true npm test` fail. mocha itself runs fixtures with the harness's own
 * command line and reporter; run-all.mjs is started for the gates it checks before any build.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ALLOWED_SKIPS, forwardedCount, grepPolicy, mochaArgs, parseOnly, prismVerdict, skipVerdict } from '../harness/gates.mjs';

const ROOT = resolve(__dirname, '..', '..');
const MOCHA = join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
const REPORTER = join(ROOT, 'test', 'harness', 'count-reporter.cjs');

describe("The test run's gates", function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gates-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** mocha on a fixture, as the harness runs the Node suites. */
  function runFixture(
    name: string,
    body: string,
  ): { status: number | null; results?: { passes: number; failures: number; pendingTitles: string[] }; output: string } {
    const file = join(dir, `${name}.test.js`);
    writeFileSync(file, body);
    const resultsFile = join(dir, `${name}-results.json`);
    const run = spawnSync(process.execPath, mochaArgs(MOCHA, REPORTER, [file]), {
      encoding: 'utf8',
      env: { ...process.env, DO_TEST_RESULTS_FILE: resultsFile },
    });
    let results;
    try {
      results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    } catch {
      results = undefined;
    }
    return { status: run.status, results, output: run.stdout + run.stderr };
  }

  it('fails a run with a forgotten it.only instead of running just that test', () => {
    const run = runFixture('only', "it('one', () => {}); it.only('the only one', () => {});");
    assert.notEqual(run.status, 0, run.output);
    assert.match(run.output, /forbid|\.only/i);
  });

  it('counts and names skipped tests; in CI a skip without a reason fails the run', () => {
    const run = runFixture('skip', "it('runs', () => {}); it.skip('is skipped', () => {}); it('has no body');");
    assert.equal(run.status, 0);
    assert.deepEqual(run.results?.pendingTitles, ['is skipped', 'has no body']);
    const inCi = skipVerdict(run.results!.pendingTitles, true);
    assert.equal(inCi?.fail, true);
    assert.match(inCi!.note, /2 skipped in CI without a reason .*"is skipped", "has no body"/);
    assert.equal(skipVerdict(run.results!.pendingTitles, false)?.fail, false, 'said, not failed, outside CI');
    assert.equal(skipVerdict(['needs a GPU'], true, { 'needs a GPU': 'no GPU on CI' })?.fail, false, 'an allowed skip with its reason passes');
    assert.equal(skipVerdict([], true), undefined);
    assert.deepEqual(ALLOWED_SKIPS, {}, 'nothing is allowed to skip today');
  });

  it('refuses a mistyped --only, and a missing value, instead of running nothing', () => {
    assert.throws(() => parseOnly(['--only', 'integraton']), /no suite named integraton/);
    assert.throws(() => parseOnly(['--only']), /needs suite names/);
    assert.throws(() => parseOnly(['--only', ',']), /no suite named/);
    assert.deepEqual([...parseOnly(['--only', 'unit,web'])!], ['unit', 'web']);
    assert.equal(parseOnly([]), undefined);
    // and the harness itself: exits 1 at once, saying why
    const run = spawnSync(process.execPath, [join(ROOT, 'test', 'harness', 'run-all.mjs'), '--only', 'integraton'], {
      encoding: 'utf8',
      cwd: ROOT,
      timeout: 30_000,
    });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /no suite named integraton/);
    assert.match(run.stdout, /^0 passed, 1 failed$/m);
  });

  it('refuses DO_TEST_GREP under CI=true, and says the run was narrowed elsewhere', () => {
    assert.match(grepPolicy({ CI: 'true', DO_TEST_GREP: 'Spaces' }).error ?? '', /under CI=true every test must run/);
    assert.match(grepPolicy({ DO_TEST_GREP: 'Spaces' }).note ?? '', /narrowed by DO_TEST_GREP="Spaces"/);
    assert.deepEqual(grepPolicy({ CI: 'true' }), { grep: undefined });
    // the harness, with the variable inherited: fails before building anything
    const run = spawnSync(process.execPath, [join(ROOT, 'test', 'harness', 'run-all.mjs'), '--only', 'static'], {
      encoding: 'utf8',
      cwd: ROOT,
      timeout: 30_000,
      env: { ...process.env, CI: 'true', DO_TEST_GREP: 'Spaces' },
    });
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /FAILED: gates: 1 failed \(DO_TEST_GREP="Spaces" is set/);
    assert.match(run.stdout, /^0 passed, 1 failed, 0 skipped$/m);
  });

  it('fails a stage whose requests bypassed Prism: none forwarded, or the extension pointed at the fake', () => {
    const prismUrl = 'http://127.0.0.1:4010';
    const fakeUrl = 'http://127.0.0.1:5000';
    const log = [
      '[HTTP SERVER] get /v2/account ℹ info Request received',
      '[PROXY] ℹ info > Forwarding "get" request to http://127.0.0.1:5000/v2/account...',
      '[PROXY] ℹ info > Forwarding "post" request to http://127.0.0.1:5000/v2/droplets...',
    ].join('\n');
    assert.equal(forwardedCount(log), 2);
    assert.equal(forwardedCount(''), 0);
    assert.match(prismVerdict('integration', { forwarded: 0, prismUrl }) ?? '', /forwarded no request/);
    assert.match(
      prismVerdict('integration', { forwarded: 40, apiUrl: fakeUrl, prismUrl, fakeUrl }) ?? '',
      /used http:\/\/127\.0\.0\.1:5000 \(the fake itself\), not Prism/,
    );
    assert.equal(prismVerdict('integration', { forwarded: 40, apiUrl: prismUrl, prismUrl, fakeUrl }), undefined);
    assert.equal(prismVerdict('contract', { forwarded: 3, prismUrl }), undefined);
  });
});
