/**
 * The pure parts of the uptime and database settings: an uptime check's state at a glance (down
 * anywhere wins, then checking, then up; regions the API leaves out or answers oddly ignored),
 * the body of a check's PUT (the whole check, the change over it), MySQL's SQL modes read from
 * the API's text, and a maintenance window's start time.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { maintenanceHourProblem, sqlModesOf } from '../../src/api/databaseSettings';
import { type UptimeCheck, type UptimeState, uptimeCheckUpdate, uptimeStateSummary } from '../../src/api/resources/uptimeCheck';

describe('Uptime state and database settings', () => {
  it('sums up a state: down anywhere, else checking, else up; nothing known is unknown', () => {
    const at = (s: UptimeState['regions']) => uptimeStateSummary({ regions: s });
    assert.deepEqual(at({}), { status: 'unknown', down: [], worstUptime: undefined });
    assert.deepEqual(uptimeStateSummary(undefined).status, 'unknown');
    assert.deepEqual(at({ us_east: { status: 'UP', thirty_day_uptime_percentage: 99.9 }, eu_west: { status: 'UP', thirty_day_uptime_percentage: 98 } }), {
      status: 'up',
      down: [],
      worstUptime: 98,
    });
    assert.equal(at({ us_east: { status: 'UP' }, eu_west: { status: 'CHECKING' } }).status, 'checking');
    assert.deepEqual(at({ us_east: { status: 'CHECKING' }, eu_west: { status: 'DOWN' }, se_asia: undefined }).down, ['eu_west']);
  });

  it('never says up while a region is down, and takes the lowest finite uptime (1,000 cases)', () => {
    const region = fc.record(
      {
        status: fc.constantFrom('UP', 'DOWN', 'CHECKING', 'ODD' as never),
        thirty_day_uptime_percentage: fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constant(Number.NaN), fc.constant(undefined)),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('us_east', 'us_west', 'eu_west', 'se_asia', '__proto__x'), fc.option(region, { nil: undefined })),
        (regions) => {
          const s = uptimeStateSummary({ regions: regions as UptimeState['regions'] });
          const present = Object.values(regions).filter((r) => r);
          if (present.some((r) => r!.status === 'DOWN')) assert.equal(s.status, 'down');
          if (s.status === 'up') assert.ok(present.length > 0 && present.every((r) => r!.status === 'UP'));
          const finite = present.map((r) => r!.thirty_day_uptime_percentage).filter((n): n is number => typeof n === 'number' && Number.isFinite(n));
          assert.equal(s.worstUptime, finite.length ? Math.min(...finite) : undefined);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("sends a check's PUT whole, with only the change over it", () => {
    const check: UptimeCheck = { id: 'x', name: 'www', type: 'https', target: 'https://a.example', regions: ['us_east'], enabled: true };
    assert.deepEqual(uptimeCheckUpdate(check, { enabled: false }), {
      name: 'www',
      type: 'https',
      target: 'https://a.example',
      regions: ['us_east'],
      enabled: false,
    });
    assert.ok(!('id' in uptimeCheckUpdate(check, {})), 'the id is not sent');
  });

  it('reads SQL modes upper case, without blanks or repeats; checks a window start', () => {
    assert.deepEqual(sqlModesOf(' ansi, STRICT_ALL_TABLES,,ANSI '), ['ANSI', 'STRICT_ALL_TABLES']);
    assert.deepEqual(sqlModesOf(undefined), []);
    for (const ok of ['02:00', '2:00', '23:59', '00:00']) assert.equal(maintenanceHourProblem(ok), undefined, ok);
    for (const bad of ['24:00', '12:60', 'noon', '', '12', '1:2', '12:00:00']) assert.ok(maintenanceHourProblem(bad), bad);
  });
});
