/** Commands on any resource node and on the view: copy, open in the control panel, group, filter, refresh. */
import * as vscode from 'vscode';
import { ExplorerNode } from '../tree/nodes/base';
import { ResourceNode } from '../tree/nodes/resourceNode';
import type { Grouping } from '../tree/services';
import { runAction } from './actionRunner';
import { registerCommand } from './register';
import { runBulk, selectionOf } from './bulk';
import { plural } from '../tree/format';
import type { CommandDeps } from './deps';

function resourceArg(arg: unknown): ResourceNode {
  if (arg instanceof ResourceNode) return arg;
  throw new Error('Run this command from a resource in the DigitalOcean view.');
}

async function copy(what: string, text: string | undefined): Promise<void> {
  if (!text) throw new Error(`This resource has no ${what}.`);
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`$(check) Copied ${what}: ${text}`, 4000);
}

export function registerResourceCommands(deps: CommandDeps): vscode.Disposable[] {
  const { explorer, input } = deps;
  const grouping = (id: string, g: Grouping, title: string) => registerCommand(deps, id, title, () => explorer.setGrouping(g));
  return [
    registerCommand(deps, 'digitalocean.copyId', 'Copy ID', (arg) => copy('ID', resourceArg(arg).resourceId)),
    registerCommand(deps, 'digitalocean.copyName', 'Copy name', (arg) => copy('name', resourceArg(arg).name)),
    registerCommand(deps, 'digitalocean.copyIp', 'Copy IP', (arg) => copy('IP address', resourceArg(arg).ip)),
    registerCommand(deps, 'digitalocean.openInControlPanel', 'Open in control panel', async (arg) => {
      const url = resourceArg(arg).consoleUrl();
      if (!url) throw new Error('This resource has no page in the control panel.');
      await vscode.env.openExternal(vscode.Uri.parse(url));
    }),
    grouping('digitalocean.groupBy.project', 'project', 'Group by project'),
    grouping('digitalocean.groupBy.kind', 'kind', 'Group by kind'),
    grouping('digitalocean.groupBy.region', 'region', 'Group by region'),
    registerCommand(deps, 'digitalocean.filter', 'Filter', async () => {
      const text = await input.inputBox({
        title: 'Filter DigitalOcean resources',
        prompt: 'Show resources whose name or a tag contains this text, or whose region is exactly this (e.g. nyc3). Empty clears the filter.',
        value: explorer.filter ?? '',
      });
      explorer.setFilter(text);
    }),
    registerCommand(deps, 'digitalocean.clearFilter', 'Clear filter', () => explorer.setFilter(undefined)),
    registerCommand(deps, 'digitalocean.refresh', 'Refresh', (arg) => explorer.refresh(arg instanceof ExplorerNode ? arg : undefined)),

    // One Delete for every kind whose descriptor says it can be deleted.
    registerCommand(deps, 'digitalocean.resource.delete', 'Delete', async (arg, selected) => {
      const many = selectionOf(arg, selected);
      if (many.length > 1) {
        // a multi-selection: every deletable one; heavy deletes (clusters, databases, apps,
        // domains…) need the count typed, the others one confirmation listing them
        const nodes = many.filter((n): n is ResourceNode => n instanceof ResourceNode && Boolean(n.presenter.kind.deletable));
        if (!nodes.length) throw new Error('None of the selected resources is deleted from here.');
        const left = many.filter((n) => !nodes.includes(n as ResourceNode)).map((n) => (n instanceof ResourceNode ? n.name : String(n)));
        const heavy = nodes.filter((n) => n.presenter.kind.heavyDelete);
        const names = nodes.map((n) => `${n.presenter.kind.label.toLowerCase()} ${n.name}`).join(', ');
        if (heavy.length) {
          await input.inputBox({
            title: `Delete ${plural(nodes.length, 'resource')}`,
            prompt: `${names}. Everything in ${heavy.map((n) => n.name).join(', ')} is lost. Type ${nodes.length} to delete all ${nodes.length}.`,
            validateInput: (v) => (v.trim() === String(nodes.length) ? undefined : `Type ${nodes.length} to confirm.`),
          });
        }
        return runBulk(
          deps,
          nodes,
          { title: 'Delete', transition: 'Deleting…', deletes: true, confirmed: heavy.length > 0, start: (client, n, signal) => client.remove(n.presenter.kind, n.resourceId, { parents: n.parents, signal }) },
          ['This cannot be undone.', left.length ? `Left out, not deleted from here: ${left.join(', ')}.` : ''].filter(Boolean).join('\n\n'),
        );
      }
      const node = resourceArg(arg);
      const kind = node.presenter.kind;
      if (!kind.deletable) throw new Error(`${kind.pluralLabel} are not deleted from here.`);
      const what = `${kind.label.toLowerCase()} ${node.name}`;
      if (kind.heavyDelete) {
        await input.inputBox({
          title: `Delete ${what}`,
          prompt: `Everything in it is lost. Type its name (${node.name}) to confirm.`,
          validateInput: (v) => (v === node.name ? undefined : `Type ${node.name} exactly to confirm.`),
        });
      } else {
        await input.confirm(`Delete ${what}?`, 'This cannot be undone.', 'Delete');
      }
      return runAction(deps, {
        node,
        title: `Delete ${what}`,
        transition: 'Deleting…',
        deletes: true,
        start: (client, signal) => client.remove(kind, node.resourceId, { parents: node.parents, signal }),
      });
    }),
  ];
}
