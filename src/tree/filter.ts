import type { AnyPresenter } from './kinds';

/** Whether a resource matches the filter text: its name, a tag or its region (case-insensitive). */
export function matchesFilter(presenter: AnyPresenter, item: unknown, filter: string | undefined): boolean {
  if (!filter) return true;
  const name = (presenter.label?.(item) ?? presenter.kind.nameOf(item as never)).toLowerCase();
  if (name.includes(filter)) return true;
  if ((presenter.tags?.(item) ?? []).some((t) => t.toLowerCase().includes(filter))) return true;
  return (presenter.region?.(item) ?? '').toLowerCase() === filter;
}
