/** Commands on any resource node and on the view: copy, open in the control panel, group, filter, refresh. */
import * as vscode from 'vscode';
import { ExplorerNode } from '../../tree/nodes/base';
import { ResourceNode } from '../../tree/nodes/resourceNode';
import type { Grouping } from '../../tree/services';
import { runAction } from '../actionRunner';
import { registerCommand } from '../register';
import { runBulk, selectionOf } from '../bulk';
import { plural } from '../../tree/format';
import type { CommandDeps } from '../deps';

function resourceArg(arg: unknown): ResourceNode {
  if (arg instanceof ResourceNode) return arg;
  throw new Error(vscode.l10n.t('Run this command from a resource in the DigitalOcean view.'));
}

async function copy(what: string, text: string | undefined): Promise<void> {
  if (!text) throw new Error(vscode.l10n.t('This resource has no {0}.', what));
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`$(check) Copied ${what}: ${text}`, 4000);
}

export function registerResourceCommands(deps: CommandDeps): vscode.Disposable[] {
  const { explorer, input } = deps;
  const grouping = (id: string, g: Grouping, title: string) => registerCommand(deps, id, title, () => explorer.setGrouping(g));
  return [
    registerCommand(deps, 'digitalocean.copyId', vscode.l10n.t('Copy ID'), (arg) => copy('ID', resourceArg(arg).resourceId)),
    registerCommand(deps, 'digitalocean.copyName', vscode.l10n.t('Copy name'), (arg) => copy('name', resourceArg(arg).name)),
    registerCommand(deps, 'digitalocean.copyIp', vscode.l10n.t('Copy IP'), (arg) => copy(vscode.l10n.t('IP address'), resourceArg(arg).ip)),
    registerCommand(deps, 'digitalocean.openInControlPanel', vscode.l10n.t('Open in control panel'), async (arg) => {
      const url = resourceArg(arg).consoleUrl();
      if (!url) throw new Error(vscode.l10n.t('This resource has no page in the control panel.'));
      await vscode.env.openExternal(vscode.Uri.parse(url));
    }),
    grouping('digitalocean.groupBy.project', 'project', vscode.l10n.t('Group by project')),
    grouping('digitalocean.groupBy.kind', 'kind', vscode.l10n.t('Group by kind')),
    grouping('digitalocean.groupBy.region', 'region', vscode.l10n.t('Group by region')),
    registerCommand(deps, 'digitalocean.filter', vscode.l10n.t('Filter'), async () => {
      const text = await input.inputBox({
        title: vscode.l10n.t('Filter DigitalOcean resources'),
        prompt: vscode.l10n.t('Show resources whose name or a tag contains this text, or whose region is exactly this (e.g. nyc3). Empty clears the filter.'),
        value: explorer.filter ?? '',
      });
      explorer.setFilter(text);
    }),
    registerCommand(deps, 'digitalocean.clearFilter', vscode.l10n.t('Clear filter'), () => explorer.setFilter(undefined)),
    registerCommand(deps, 'digitalocean.refresh', vscode.l10n.t('Refresh'), (arg) => explorer.refresh(arg instanceof ExplorerNode ? arg : undefined)),

    // One Delete for every kind whose descriptor says it can be deleted.
    registerCommand(deps, 'digitalocean.resource.delete', vscode.l10n.t('Delete'), async (arg, selected) => {
      const many = selectionOf(arg, selected);
      if (many.length > 1) {
        // a multi-selection: every deletable one; heavy deletes (clusters, databases, apps,
        // domains…) need the count typed, the others one confirmation listing them
        const nodes = many.filter((n): n is ResourceNode => n instanceof ResourceNode && Boolean(n.presenter.kind.deletable));
        if (!nodes.length) throw new Error(vscode.l10n.t('None of the selected resources is deleted from here.'));
        const left = many.filter((n) => !nodes.includes(n as ResourceNode)).map((n) => (n instanceof ResourceNode ? n.name : String(n)));
        const heavy = nodes.filter((n) => n.presenter.kind.heavyDelete);
        const names = nodes.map((n) => `${n.presenter.kind.label.toLowerCase()} ${n.name}`).join(', ');
        if (heavy.length) {
          await input.inputBox({
            title: vscode.l10n.t('Delete {0}', plural(nodes.length, 'resource')),
            prompt: vscode.l10n.t('{0}. Everything in {1} is lost. Type {2} to delete all {2}.', names, heavy.map((n) => n.name).join(', '), nodes.length),
            validateInput: (v) => (v.trim() === String(nodes.length) ? undefined : vscode.l10n.t('Type {0} to confirm.', nodes.length)),
          });
        }
        return runBulk(
          deps,
          nodes,
          {
            title: vscode.l10n.t('Delete'),
            transition: vscode.l10n.t('Deleting…'),
            deletes: true,
            confirmed: heavy.length > 0,
            start: (client, n, signal) => client.remove(n.presenter.kind, n.resourceId, { parents: n.parents, signal }),
          },
          [vscode.l10n.t('This cannot be undone.'), left.length ? vscode.l10n.t('Left out, not deleted from here: {0}.', left.join(', ')) : '']
            .filter(Boolean)
            .join('\n\n'),
        );
      }
      const node = resourceArg(arg);
      const kind = node.presenter.kind;
      if (!kind.deletable) throw new Error(vscode.l10n.t('{0} are not deleted from here.', kind.pluralLabel));
      const what = `${kind.label.toLowerCase()} ${node.name}`;
      if (kind.heavyDelete) {
        await input.inputBox({
          title: vscode.l10n.t('Delete {0}', what),
          prompt: vscode.l10n.t('Everything in it is lost. Type its name ({0}) to confirm.', node.name),
          validateInput: (v) => (v === node.name ? undefined : vscode.l10n.t('Type {0} exactly to confirm.', node.name)),
        });
      } else {
        const note = kind.deleteNote?.(node.item as never);
        await input.confirm(
          vscode.l10n.t('Delete {0}?', what),
          [note, vscode.l10n.t('This cannot be undone.')].filter(Boolean).join(' '),
          vscode.l10n.t('Delete'),
        );
      }
      return runAction(deps, {
        node,
        title: vscode.l10n.t('Delete {0}', what),
        transition: vscode.l10n.t('Deleting…'),
        deletes: true,
        start: (client, signal) => client.remove(kind, node.resourceId, { parents: node.parents, signal }),
      });
    }),
  ];
}
