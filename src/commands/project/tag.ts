/** Tags on taggable resources (droplets, volumes, custom images, volume snapshots, database clusters). */
import * as vscode from 'vscode';
import { ensureTag, type TaggedResource, tagResources, untagResources } from '../../api';
import { tag as tagKind } from '../../api/resources/tag';
import { ResourceNode } from '../../tree/nodes/resourceNode';
import { registerCommand } from '../register';
import { selectionOf } from '../bulk';
import { plural } from '../../tree/format';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';

/** The tags API's resource type for the node's resource (a fact of its kind's descriptor). */
function tagType(node: ResourceNode): string | undefined {
  return node.presenter.kind.tagResourceType?.(node.item as never);
}

export function registerTagCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;
  const target = (arg: unknown) => {
    if (arg instanceof ResourceNode && tagType(arg)) return { node: arg, type: tagType(arg)! };
    throw new Error(vscode.l10n.t('Run this command on a droplet, volume, custom image, volume snapshot or database cluster.'));
  };
  const resources = (node: ResourceNode, type: string): TaggedResource[] => [{ resource_id: node.resourceId, resource_type: type }];
  const after = async (node: ResourceNode) => {
    model.cacheFor(node.account).invalidate(tagKind.kind);
    await model.reloadResource(node.ref);
  };

  return [
    registerCommand(deps, 'digitalocean.tags.add', vscode.l10n.t('Add tag'), async (arg, selected) => {
      // one node, or every taggable node of a multi-selection (one account): tagged in one request
      const many = selectionOf(arg, selected);
      const picked = many.length > 1 ? many.filter((n): n is ResourceNode => n instanceof ResourceNode && Boolean(tagType(n))) : [target(arg).node];
      if (!picked.length) throw new Error(vscode.l10n.t('None of the selected resources can be tagged.'));
      const node = picked[0];
      if (picked.some((n) => n.account.id !== node.account.id))
        throw new Error(vscode.l10n.t('Tags belong to one account: select resources of one account at a time.'));
      const what = picked.length === 1 ? node.name : plural(picked.length, 'resource');
      const client = model.cacheFor(node.account).client;
      // a tag every picked one has already is not offered
      const current = picked.map((n) => n.presenter.tags?.(n.item) ?? []).reduce((a, b) => a.filter((t) => b.includes(t)));
      const known = (await model.cacheFor(node.account).list(tagKind)).map((t) => t.name);
      const existing = known.filter((n) => !current.includes(n));
      const NEW = '$(add) New tag…';
      const choice = await input.quickPick([...existing.map((label) => ({ label })), { label: NEW }], {
        title: vscode.l10n.t('Add a tag to {0}', what),
        placeHolder: picked.length > 1 ? picked.map((n) => n.name).join(', ') : undefined,
      });
      let name = choice.label;
      if (name === NEW) {
        name = (
          await input.inputBox({
            title: vscode.l10n.t('New tag for {0}', what),
            validateInput: (v) =>
              tagKind.nameProblem?.(v.trim()) ??
              (current.includes(v.trim()) ? vscode.l10n.t('{0} {1} it already.', what, picked.length === 1 ? 'has' : 'have') : undefined),
          })
        ).trim();
      }
      await withProgress(vscode.l10n.t('Tagging {0} with {1}…', what, name), async (signal) => {
        if (!known.includes(name)) {
          await ensureTag(client, name, signal);
        }
        await tagResources(
          client,
          name,
          picked.flatMap((n) => resources(n, tagType(n)!)),
          signal,
        );
      });
      log.info(`[${node.account.label}] ${picked.map((n) => n.name).join(', ')} tagged ${name}`);
      for (const n of picked) await after(n);
      return name;
    }),

    registerCommand(deps, 'digitalocean.tags.remove', vscode.l10n.t('Remove tag'), async (arg) => {
      const { node, type } = target(arg);
      const current = node.presenter.tags?.(node.item) ?? [];
      if (current.length === 0) throw new Error(vscode.l10n.t('{0} has no tags.', node.name));
      const name = (
        await input.quickPick(
          current.map((label) => ({ label })),
          { title: vscode.l10n.t('Remove a tag from {0}', node.name) },
        )
      ).label;
      await withProgress(vscode.l10n.t('Removing {0} from {1}…', name, node.name), (signal) =>
        untagResources(model.client(node.account), name, resources(node, type), signal),
      );
      log.info(`[${node.account.label}] Tag ${name} removed from ${node.name}`);
      await after(node);
    }),
  ];
}
