/**
 * The cron check of Add Scheduled Trigger and Edit Schedule: every schedule made of in-bounds
 * fields is taken, and anything else — a number out of its field's bounds, a reversed range, a
 * zero step, the wrong number of fields, a character cron does not have (a shell's, a newline) —
 * is refused before any request. Examples, then 3,000 generated cases.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { cronProblem } from '../../src/api/cron';

const BOUNDS: [number, number][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
];

/** One valid part of a field: *, n, a-b (a ≤ b), each with an optional step. */
const part = ([min, max]: [number, number]) =>
  fc
    .tuple(
      fc.oneof(
        fc.constant('*'),
        fc.integer({ min, max }).map(String),
        fc.tuple(fc.integer({ min, max }), fc.integer({ min, max })).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
      ),
      fc.option(fc.integer({ min: 1, max: 59 }), { nil: undefined }),
    )
    .map(([base, step]) => (step === undefined ? base : `${base}/${step}`));
const field = (bounds: [number, number]) => fc.array(part(bounds), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(','));
const schedule = fc.tuple(...BOUNDS.map(field)).map((fields) => fields.join(' '));

describe('Cron schedules for Functions triggers', () => {
  it('takes plain schedules and refuses the usual mistakes', () => {
    for (const ok of ['0 3 * * 1', '*/15 * * * 1-5', '0,30 8-18 * * *', '59 23 31 12 7', '  5 4 * * *  ']) assert.equal(cronProblem(ok), undefined, ok);
    for (const bad of [
      '',
      '* * *',
      '0 0 * * * *',
      '60 * * * *',
      '* 24 * * *',
      '* * 0 * *',
      '* * * 13 *',
      '* * * * 8',
      '5-1 * * * *',
      '*/0 * * * *',
      '@daily',
      'MON * * * *',
      '0 0 * * 1; rm -rf /',
      '0 0 * * $(id)',
      '0 0 * *\n1',
      '-1 * * * *',
    ])
      assert.ok(cronProblem(bad), JSON.stringify(bad));
  });

  it('takes every schedule of in-bounds fields (1,000 generated)', () => {
    fc.assert(
      fc.property(schedule, (s) => cronProblem(s) === undefined),
      { numRuns: 1000 },
    );
  });

  it('refuses a number out of its field’s bounds wherever it is (1,000 generated)', () => {
    fc.assert(
      fc.property(schedule, fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 99 }), (s, at, n) => {
        const [min, max] = BOUNDS[at];
        fc.pre(n < min || n > max);
        const fields = s.split(' ');
        fields[at] = String(n);
        return cronProblem(fields.join(' ')) !== undefined;
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses any character cron does not have (1,000 generated)', () => {
    fc.assert(
      fc.property(
        schedule,
        fc.string({ minLength: 1, maxLength: 3 }).filter((x) => /[^0-9*,/\- \t]/.test(x)),
        fc.nat(),
        (s, junk, where) => {
          const at = where % (s.length + 1);
          return cronProblem(s.slice(0, at) + junk + s.slice(at)) !== undefined;
        },
      ),
      { numRuns: 1000 },
    );
  });
});
