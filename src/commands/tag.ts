/** Tags on taggable resources (droplets, volumes, custom images, volume snapshots, database clusters). */
import * as vscode from 'vscode';
import { ensureTag, type TaggedResource, tagResources, untagResources } from '../api';
import { tag as tagKind } from '../api/resources/tag';
import { ResourceNode } from '../tree/nodes/resourceNode';
import { registerCommand } from './register';
import { withProgress } from '../ui/progress';
import type { CommandDeps } from './deps';

/** The tags API's resource type for the node's resource (a fact of its kind's descriptor). */
function tagType(node: ResourceNode): string | undefined {
  return node.presenter.kind.tagResourceType?.(node.item as never);
}

export function registerTagCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;
  const target = (arg: unknown) => {
    if (arg instanceof ResourceNode && tagType(arg)) return { node: arg, type: tagType(arg)! };
    throw new Error('Run this command on a droplet, volume, custom image, volume snapshot or database cluster.');
  };
  const resources = (node: ResourceNode, type: string): TaggedResource[] => [{ resource_id: node.resourceId, resource_type: type }];
  const after = async (node: ResourceNode) => {
    model.cacheFor(node.account).invalidate(tagKind.kind);
    await model.reloadResource(node.ref);
  };

  return [
    registerCommand(deps, 'digitalocean.tags.add', 'Add tag', async (arg) => {
      const { node, type } = target(arg);
      const client = model.cacheFor(node.account).client;
      const current = node.presenter.tags?.(node.item) ?? [];
      const existing = (await model.cacheFor(node.account).list(tagKind)).map((t) => t.name).filter((n) => !current.includes(n));
      const NEW = '$(add) New tag…';
      const picked = await input.quickPick([...existing.map((label) => ({ label })), { label: NEW }], { title: `Add a tag to ${node.name}` });
      let name = picked.label;
      if (name === NEW) {
        name = (await input.inputBox({ title: `New tag for ${node.name}`, validateInput: (v) => tagKind.nameProblem?.(v.trim()) ?? (current.includes(v.trim()) ? `${node.name} has it already.` : undefined) })).trim();
      }
      await withProgress(`Tagging ${node.name} with ${name}…`, async (signal) => {
        if (!existing.includes(name)) {
          await ensureTag(client, name, signal);
        }
        await tagResources(client, name, resources(node, type), signal);
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
        untagResources(model.client(node.account), name, resources(node, type), signal),
      );
      log.info(`[${node.account.label}] Tag ${name} removed from ${node.name}`);
      await after(node);
    }),
  ];
}
