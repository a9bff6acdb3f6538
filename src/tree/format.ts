/** Small, locale-stable formatters for descriptions and tooltips. */

export function money(amount: number): string {
  return Number.isInteger(amount) ? `$${amount}` : `$${amount.toFixed(2)}`;
}

export function perMonth(amount: number | undefined): string | undefined {
  return amount === undefined ? undefined : `${money(Math.round(amount * 100) / 100)}/mo`;
}

export function bytes(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return '?';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = n;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** "1 object", "1,003 objects". */
export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** "a, b, c": at most `max` names, then how many more ("a, b and 3 more"), so a message stays short. */
export function shortList(names: readonly string[], max = 5): string {
  return names.length > max ? `${names.slice(0, max).join(', ')} and ${names.length - max} more` : names.join(', ');
}

export function memory(megabytes: number): string {
  return megabytes >= 1024 ? `${Math.round((megabytes / 1024) * 10) / 10} GB` : `${megabytes} MB`;
}

/** Made on first use: building an Intl formatter loads locale data, which activation need not wait for. */
let relativeFormat: Intl.RelativeTimeFormat | undefined;
const relative = () => (relativeFormat ??= new Intl.RelativeTimeFormat('en', { numeric: 'auto' }));

/** "3 days ago", "in 9 days". */
export function relativeTime(iso: string | undefined, now = Date.now()): string {
  if (!iso) return '';
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const seconds = Math.round((then - now) / 1000);
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of steps) {
    if (Math.abs(seconds) >= size) return relative().format(Math.round(seconds / size), unit);
  }
  return relative().format(seconds, 'second');
}

/** Markdown-safe text (for tooltips built from API strings). */
export function md(text: string | number | undefined | null): string {
  return String(text ?? '').replace(/[\\`*_{}[\]()#+\-.!|<>$~]/g, '\\$&');
}

/** A Markdown table of label/value rows, skipping empty values. */
export function mdTable(title: string, rows: [string, string | number | undefined | null][]): string {
  const lines = [`**${md(title)}**`, '', '| | |', '|---|---|'];
  for (const [label, value] of rows) {
    if (value === undefined || value === null || value === '') continue;
    lines.push(`| ${md(label)} | ${md(value)} |`);
  }
  return lines.join('\n');
}
