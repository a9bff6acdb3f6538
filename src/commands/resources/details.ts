/** Show Details: the resource's detail panel, from the tree (or selecting a node) or the palette. */
import * as vscode from 'vscode';
import { PRESENTERS } from '../../tree/kinds';
import { ResourceNode } from '../../tree/nodes/resourceNode';
import { resourceTarget } from '../pick';
import { registerCommand } from '../register';
import type { CommandDeps } from '../deps';

export function registerDetailCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    registerCommand(deps, 'digitalocean.showDetails', vscode.l10n.t('Show details'), async (arg, options) => {
      let node: ResourceNode;
      if (arg instanceof ResourceNode) {
        node = arg;
      } else {
        const kind = await deps.input.quickPick(
          PRESENTERS.map((p) => ({ label: p.kind.pluralLabel, presenter: p })),
          { title: vscode.l10n.t('Show details'), placeHolder: vscode.l10n.t('Which kind of resource?') },
        );
        node = await resourceTarget(deps, undefined, kind.presenter, vscode.l10n.t('Show details'));
      }
      // From a selection in the tree: { preserveFocus: true, preview: true }.
      const flags = typeof options === 'object' && options !== null ? (options as { preserveFocus?: unknown; preview?: unknown }) : {};
      deps.panels.open(node, { preserveFocus: flags.preserveFocus === true, preview: flags.preview === true });
      return node.resourceKey;
    }),
  ];
}
