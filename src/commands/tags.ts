/** Tags on taggable resources (droplets, volumes, custom images, volume snapshots, database clusters). */
import * as vscode from 'vscode';
import { ApiError, type Snapshot, tag as tagKind } from '../api';
import type { Logger } from '../log';
import type { ResourceExplorer } from '../tree/explorer';
import { ResourceNode } from '../tree/nodes/resourceNode';
import { registerCommand, withProgress } from './register';
import type { UserInput } from './userInput';

export interface TagCommandDeps {
  log: Logger;
  input: UserInput;
  explorer: ResourceExplorer;
}

/** The API's resource_type for a tree kind, if resources of that kind can be tagged. */
function tagType(node: ResourceNode): string | undefined {
  switch (node.presenter.kind.kind) {
    case 'droplet':
      return 'droplet';
    case 'volume':
      return 'volume';
    case 'image':
      return 'image';
    case 'database_cluster':
      return 'database';
    case 'snapshot':
      return (node.item as Snapshot).resource_type === 'volume' ? 'volume_snapshot' : undefined;
    default:
      return undefined;
  }
}

export function tagNameProblem(value: string): string | undefined {
  if (!value) return 'A name is required.';
  if (value.length > 255) return 'At most 255 characters.';
  return /^[a-zA-Z0-9_:-]+$/.test(value) ? undefined : 'Letters, digits, "_", ":" and "-" only.';
}

export function registerTagCommands(deps: TagCommandDeps): vscode.Disposable[] {
  const { input, explorer, log } = deps;
  const target = (arg: unknown) => {
    if (arg instanceof ResourceNode && tagType(arg)) return { node: arg, type: tagType(arg)! };
    throw new Error('Run this command on a droplet, volume, custom image, volume snapshot or database cluster.');
  };
  const body = (node: ResourceNode, type: string) => ({ resources: [{ resource_id: node.resourceId, resource_type: type }] });
  const after = async (node: ResourceNode) => {
    explorer.cacheFor(node.account).invalidate(tagKind.kind);
    await explorer.reloadResource(node);
  };

  return [
    registerCommand(deps, 'digitalocean.tags.add', 'Add tag', async (arg) => {
      const { node, type } = target(arg);
      const client = explorer.cacheFor(node.account).client;
      const current = node.presenter.tags?.(node.item) ?? [];
      const existing = (await explorer.cacheFor(node.account).list(tagKind)).map((t) => t.name).filter((n) => !current.includes(n));
      const NEW = '$(add) New tag…';
      const picked = await input.quickPick([...existing.map((label) => ({ label })), { label: NEW }], { title: `Add a tag to ${node.name}` });
      let name = picked.label;
      if (name === NEW) {
        name = (await input.inputBox({ title: `New tag for ${node.name}`, validateInput: (v) => tagNameProblem(v.trim()) ?? (current.includes(v.trim()) ? `${node.name} has it already.` : undefined) })).trim();
      }
      await withProgress(`Tagging ${node.name} with ${name}…`, async (signal) => {
        if (!existing.includes(name)) {
          // Creating a tag that exists is refused by the API; that is fine here.
          await client.request('POST', '/v2/tags', { body: { name }, signal }).catch((error: unknown) => {
            if (!(error instanceof ApiError && error.kind === 'validation')) throw error;
          });
        }
        await client.request('POST', `/v2/tags/${encodeURIComponent(name)}/resources`, { body: body(node, type), signal });
      });
      log.info(`[${node.account.label}] ${node.name} tagged ${name}`);
      await after(node);
      return name;
    }),

    registerCommand(deps, 'digitalocean.tags.remove', 'Remove tag', async (arg) => {
      const { node, type } = target(arg);
      const current = node.presenter.tags?.(node.item) ?? [];
      if (current.length === 0) throw new Error(`${node.name} has no tags.`);
      const name = (await input.quickPick(current.map((label) => ({ label })), { title: `Remove a tag from ${node.name}` })).label;
      await withProgress(`Removing ${name} from ${node.name}…`, (signal) =>
        explorer.cacheFor(node.account).client.request('DELETE', `/v2/tags/${encodeURIComponent(name)}/resources`, { body: body(node, type), signal }),
      );
      log.info(`[${node.account.label}] Tag ${name} removed from ${node.name}`);
      await after(node);
    }),
  ];
}
