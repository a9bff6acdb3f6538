/**
 * Cron schedules as DigitalOcean's scheduled triggers take them: five fields (minute, hour, day
 * of month, month, day of week), each `*`, a number, a range a-b, a step /n, or a list of those,
 * every number within its field's bounds. Checked before any request; the API checks again.
 */
import * as l10n from '@vscode/l10n';

const FIELD = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
];

/** Why a cron schedule is refused: five fields of numbers, ranges, lists and steps in bounds. */
export function cronProblem(value: string): string | undefined {
  const fields = value.trim().split(/[ \t]+/);
  // spaces and tabs between fields, nothing else: no newline, no other character
  if (fields.length !== 5 || !value.trim() || /[^0-9*,/ \t-]/.test(value))
    return l10n.t('Five fields: minute hour day-of-month month day-of-week, e.g. 0 3 * * 1.');
  for (let i = 0; i < 5; i++) {
    const { name, min, max } = FIELD[i];
    for (const part of fields[i].split(',')) {
      const m = /^(\*|(\d{1,2})(?:-(\d{1,2}))?)(?:\/(\d{1,2}))?$/.exec(part);
      const bad = () => l10n.t('The {0} field ({1}) takes *, numbers {2}–{3}, ranges a-b, lists a,b and steps /n.', name, fields[i], min, max);
      if (!m) return bad();
      const numbers = [m[2], m[3]].filter((x) => x !== undefined).map(Number);
      if (numbers.some((n) => n < min || n > max)) return bad();
      if (numbers.length === 2 && numbers[0] > numbers[1]) return bad();
      if (m[4] !== undefined && Number(m[4]) < 1) return bad();
    }
  }
  return undefined;
}
