/**
 * The panel of each kind, found by its kind: one builder per kind with a panel of its own (a file
 * in this folder, found by shape, see scripts/kindFiles.mjs), and the generic properties panel for
 * every other kind.
 */
import kindModules from 'kind-files:.';
import type { AnyPanelBuilder } from './builder';
import { propertySections } from './properties';

function isPanelBuilder(value: unknown): value is AnyPanelBuilder {
  const b = value as Partial<AnyPanelBuilder> | undefined;
  return typeof b === 'object' && b !== null && typeof b.kind === 'string' && typeof b.sections === 'function';
}

const PANEL_BUILDERS: ReadonlyMap<string, AnyPanelBuilder> = new Map(
  kindModules.flatMap((m) => Object.values(m).filter(isPanelBuilder)).map((b) => [b.kind, b]),
);

const genericBuilder: AnyPanelBuilder = {
  kind: '*',
  sections: (item, ctx) => propertySections(item as Record<string, unknown>, ctx),
};

export function builderFor(kind: string): AnyPanelBuilder {
  return PANEL_BUILDERS.get(kind) ?? genericBuilder;
}
