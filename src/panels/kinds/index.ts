/**
 * The panel of each kind, found by its kind: one builder per kind with a panel of its own (in
 * this folder), and the generic properties panel for every other kind.
 */
import type { AnyPanelBuilder } from './builder';
import { databasePanel } from './database';
import { dropletPanel } from './droplet';
import { appPanel } from './app';
import { kubernetesPanel } from './kubernetes';
import { registryPanel } from './registry';
import { propertySections } from './properties';

const PANEL_BUILDERS: readonly AnyPanelBuilder[] = [dropletPanel, databasePanel, kubernetesPanel, registryPanel, appPanel];

const genericBuilder: AnyPanelBuilder = {
  kind: '*',
  sections: (item, ctx) => propertySections(item as Record<string, unknown>, ctx),
};

export function builderFor(kind: string): AnyPanelBuilder {
  return PANEL_BUILDERS.find((b) => b.kind === kind) ?? genericBuilder;
}

