/**
 * Version order, never list position: DigitalOcean lists Kubernetes and database versions in
 * whatever order it likes (the demo oldest first, the official examples newest first), so the
 * "latest" a wizard preselects is chosen by comparing the versions themselves. Dotted numbers
 * compare as numbers ("1.33.2" after "1.31.10", "16" after "8"); Intl's numeric collation does it.
 */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Negative when `a` is older than `b`, positive when newer, 0 when the same. */
export function compareVersions(a: string, b: string): number {
  return collator.compare(a, b);
}

/** The items newest first by `version(item)`; a copy, the input is left as it was. */
export function newestFirst<T>(items: readonly T[], version: (item: T) => string): T[] {
  return [...items].sort((x, y) => compareVersions(version(y), version(x)));
}
