/**
 * Destroy with Associated Resources: the droplet's volumes (and their snapshots), its snapshots
 * and its reserved IPs listed with what each costs a month if kept; the chosen ones go with the
 * droplet (nothing chosen is kept), after the droplet's name is typed; then a wait on the API's
 * status until everything is gone, and what could not go said by name. Restore from Backup or
 * Snapshot: the droplet's own backups and snapshots, newest first; the disk is replaced after its
 * name is typed.
 */
import * as vscode from 'vscode';
import {
  ASSOCIATED_KINDS,
  type AssociatedKind,
  type DestroyStatus,
  destroyDropletWithAssociated,
  dropletAssociatedResources,
  dropletDestroyStatus,
  dropletImages,
} from '../../api/dropletDestroy';
import { waitForReady } from '../../api';
import { type Droplet, droplet as dropletKind } from '../../api/resources/droplet';
import { reservedIp } from '../../api/resources/reservedIp';
import { snapshot } from '../../api/resources/snapshot';
import { volume } from '../../api/resources/volume';
import { dropletPresenter } from '../../tree/kinds/droplet';
import { money, relativeTime } from '../../tree/format';
import { withProgress } from '../../ui/progress';
import { runAction } from '../actionRunner';
import type { CommandDeps } from '../deps';
import { resourceTarget } from '../pick';
import { registerCommand } from '../register';

const KIND_LABELS: Record<AssociatedKind, string> = {
  volumes: vscode.l10n.t('Volume'),
  volume_snapshots: vscode.l10n.t('Volume snapshot'),
  snapshots: vscode.l10n.t('Snapshot'),
  reserved_ips: vscode.l10n.t('Reserved IP'),
};

/** What the status says could not be destroyed: "volume data (in use)". */
export function destroyFailures(status: DestroyStatus): string[] {
  const failed: string[] = [];
  if (status.droplet?.error_message?.trim()) failed.push(`droplet ${status.droplet.name ?? ''} (${status.droplet.error_message.trim()})`);
  for (const kind of ASSOCIATED_KINDS)
    for (const r of status.resources?.[kind] ?? [])
      if (r.error_message?.trim()) failed.push(`${KIND_LABELS[kind].toLowerCase()} ${r.name ?? r.id ?? ''} (${r.error_message.trim()})`);
  return failed;
}

export function registerDropletAssociatedCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;
  const typeName = (d: Droplet, what: string, prompt: string) =>
    input.inputBox({
      title: `${what} ${d.name}`,
      prompt: vscode.l10n.t("{0} Type the droplet's name ({1}) to confirm.", prompt, d.name),
      validateInput: (v) => (v === d.name ? undefined : vscode.l10n.t('Type {0} exactly to confirm.', d.name)),
    });

  return [
    registerCommand(deps, 'digitalocean.droplet.destroyWithAssociated', vscode.l10n.t('Destroy droplet with associated resources'), async (arg) => {
      const node = await resourceTarget(
        deps,
        arg,
        dropletPresenter,
        vscode.l10n.t('Destroy a droplet with associated resources'),
        (d) => !(d as Droplet).locked,
      );
      const d = node.item as Droplet;
      const client = model.cacheFor(node.account).client;
      const associated = await withProgress(vscode.l10n.t('Listing what belongs to {0}…', d.name), (signal) =>
        dropletAssociatedResources(client, node.resourceId, signal),
      );
      const items = ASSOCIATED_KINDS.flatMap((kind) =>
        associated[kind].map((r) => ({
          label: `${KIND_LABELS[kind]} ${r.name}`,
          description: r.cost !== undefined && Number.isFinite(Number(r.cost)) ? vscode.l10n.t('{0}/mo if kept', money(Number(r.cost))) : undefined,
          picked: false,
          group: kind,
          id: r.id,
        })),
      );
      const chosen = items.length
        ? await input.quickPickMany(items, {
            title: vscode.l10n.t('Destroy {0} and…', d.name),
            placeHolder: vscode.l10n.t('Choose what goes with it; what is not chosen is kept (and billed)'),
          })
        : [];
      const kept = items.filter((i) => !chosen.includes(i));
      const keptCost = kept.reduce((sum, i) => sum + (Number(associated[i.group].find((r) => r.id === i.id)?.cost) || 0), 0);
      const what = chosen.length ? vscode.l10n.t('With it: {0}.', chosen.map((c) => c.label).join(', ')) : vscode.l10n.t('Nothing else goes with it.');
      const keeps = kept.length ? vscode.l10n.t('Kept: {0} ({1}/mo).', kept.map((c) => c.label).join(', '), money(keptCost)) : '';
      await typeName(d, vscode.l10n.t('Destroy'), [what, keeps, vscode.l10n.t('This cannot be undone.')].filter(Boolean).join(' '));
      const body = Object.fromEntries(ASSOCIATED_KINDS.map((kind) => [kind, chosen.filter((c) => c.group === kind).map((c) => c.id)]));
      let status: DestroyStatus | undefined;
      await runAction(deps, {
        node,
        title: vscode.l10n.t('Destroy {0} with associated resources', d.name),
        transition: vscode.l10n.t('Destroying…'),
        deletes: true,
        start: async (c, signal) => {
          await destroyDropletWithAssociated(c, node.resourceId, body, signal);
          status = await waitForReady(
            (s) => dropletDestroyStatus(c, node.resourceId, s),
            (st) => (st.completed_at ? 'ready' : 'pending'),
            { what: vscode.l10n.t('the destroy of {0}', d.name), signal },
          );
        },
      });
      for (const kind of [volume, snapshot, reservedIp]) model.reloadKind(node.account, kind.kind);
      const failed = status ? destroyFailures(status) : [];
      log.info(`[${node.account.label}] Destroy ${d.name} with ${chosen.length} associated resource(s): ${failed.length ? `${failed.length} failed` : 'done'}`);
      if (failed.length) throw new Error(vscode.l10n.t('{0} was destroyed, but these could not be: {1}.', d.name, failed.join('; ')));
      void input.notify(
        'info',
        chosen.length ? vscode.l10n.t('{0} and {1} associated resource(s) are destroyed.', d.name, chosen.length) : vscode.l10n.t('{0} is destroyed.', d.name),
      );
    }),

    registerCommand(deps, 'digitalocean.droplet.restore', vscode.l10n.t('Restore droplet'), async (arg) => {
      const node = await resourceTarget(
        deps,
        arg,
        dropletPresenter,
        vscode.l10n.t('Restore a droplet from a backup or snapshot'),
        (d) => !(d as Droplet).locked,
      );
      const d = node.item as Droplet;
      const { backups, snapshots } = await withProgress(vscode.l10n.t('Listing the backups and snapshots of {0}…', d.name), (signal) =>
        dropletImages(model.cacheFor(node.account).client, node.resourceId, signal),
      );
      const newest = (a: { created_at: string }, b: { created_at: string }) => b.created_at.localeCompare(a.created_at);
      const options = [
        ...[...backups].sort(newest).map((b) => ({ kind: vscode.l10n.t('Backup'), image: b })),
        ...[...snapshots].sort(newest).map((s) => ({ kind: vscode.l10n.t('Snapshot'), image: s })),
      ];
      if (!options.length) throw new Error(vscode.l10n.t('{0} has no backups or snapshots to restore from.', d.name));
      const picked = await input.quickPick(
        options.map((o) => ({
          label: o.image.name,
          description: [o.kind, relativeTime(o.image.created_at), o.image.size_gigabytes !== undefined ? `${o.image.size_gigabytes} GB` : undefined]
            .filter(Boolean)
            .join(' · '),
          option: o,
        })),
        { title: vscode.l10n.t('Restore {0}', d.name), placeHolder: vscode.l10n.t('Its disk is replaced by the one chosen; its IP addresses stay') },
      );
      await typeName(d, vscode.l10n.t('Restore'), vscode.l10n.t('Everything written since {0} is lost.', relativeTime(picked.option.image.created_at)));
      return runAction(deps, {
        node,
        title: vscode.l10n.t('Restore {0} from {1}', d.name, picked.option.image.name),
        transition: vscode.l10n.t('Restoring…'),
        start: (client, signal) => client.act(dropletKind, node.resourceId, 'restore', { image: picked.option.image.id }, { signal }),
      });
    }),
  ];
}
