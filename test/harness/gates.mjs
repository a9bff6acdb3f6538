// The run's gates, as plain functions the harness calls and its own tests check
// (test/unit/harnessGates.test.ts): which suites run, whether a narrowed or skipping run may
// count, and whether every stage's requests went through Prism. A green run must mean the
// features work, so none of these can be satisfied by running nothing.

/**
 * mocha's command line for the Node suites (unit, contract, ui): `--forbid-only`, so a forgotten
 * `it.only` fails the run instead of running one test; the counting reporter.
 */
export function mochaArgs(mochaBin, reporter, files) {
  return [mochaBin, '--forbid-only', '--reporter', reporter, '--timeout', '30000', ...files];
}

/** Every suite `npm test` runs, in order. */
export const SUITES = ['static', 'unit', 'contract', 'integration', 'web', 'ui'];

/**
 * Tests allowed to be skipped in CI, by full title, with why they cannot run there. Empty: a
 * skip in CI fails the run until it is named here with its reason.
 */
export const ALLOWED_SKIPS = {};

/** The suites `--only a,b` names; an error for an unknown or missing name (a typo must not run nothing). */
export function parseOnly(argv) {
  const at = argv.indexOf('--only');
  if (at < 0) return undefined;
  const value = argv[at + 1];
  if (!value || value.startsWith('--')) throw new Error(`--only needs suite names: ${SUITES.join(', ')}`);
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !SUITES.includes(n));
  if (unknown.length || names.length === 0) throw new Error(`--only: no suite named ${unknown.join(', ') || '""'} (the suites: ${SUITES.join(', ')})`);
  return new Set(names);
}

/**
 * What DO_TEST_GREP does to this run: refused in CI (an inherited variable would silently run a
 * part and call it the whole), said in the summary elsewhere.
 */
export function grepPolicy(env) {
  const grep = env.DO_TEST_GREP;
  if (!grep) return { grep: undefined };
  if (env.CI === 'true')
    return { grep, error: `DO_TEST_GREP=${JSON.stringify(grep)} is set: under CI=true every test must run, so the run fails rather than count a part` };
  return { grep, note: `narrowed by DO_TEST_GREP=${JSON.stringify(grep)}: not every test ran` };
}

/**
 * A stage's skipped tests as a verdict: undefined when none, or when each is allowed; under CI a
 * failure naming them, elsewhere a note.
 */
export function skipVerdict(pendingTitles, ci, allowed = ALLOWED_SKIPS) {
  const notAllowed = pendingTitles.filter((t) => !(t in allowed));
  if (pendingTitles.length === 0) return undefined;
  const names = notAllowed.map((t) => `"${t}"`).join(', ');
  if (notAllowed.length && ci)
    return { fail: true, note: `${notAllowed.length} skipped in CI without a reason in test/harness/gates.mjs ALLOWED_SKIPS: ${names}` };
  return { fail: false, note: `${pendingTitles.length} skipped${notAllowed.length ? `: ${names}` : ' (allowed: they cannot run here)'}` };
}

/** How many requests Prism forwarded to the fake in its log so far. */
export function forwardedCount(prismOutput) {
  return (prismOutput.match(/Forwarding "[a-z]+" request to/g) ?? []).length;
}

/** The requests Prism received in a piece of its log: `{ method, path }`, the path with its query. */
export function requestsIn(prismOutput) {
  return [...prismOutput.matchAll(/\[HTTP SERVER\] ([a-z]+) (\S+) .*Request received/g)].map((m) => ({ method: m[1].toUpperCase(), path: m[2] }));
}

/**
 * Whether a stage's API traffic went through Prism: it forwarded requests during the stage, and
 * the extension inside the host used Prism's address (not the fake's, which would skip the check).
 */
export function prismVerdict(stage, { forwarded, apiUrl, prismUrl, fakeUrl }) {
  if (forwarded <= 0) return `${stage}: Prism forwarded no request during the stage, so its zero violations prove nothing`;
  if (apiUrl !== undefined && apiUrl !== prismUrl)
    return `${stage}: the extension used ${apiUrl}${apiUrl === fakeUrl ? ' (the fake itself)' : ''}, not Prism at ${prismUrl}`;
  return undefined;
}
