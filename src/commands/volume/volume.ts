/** Volumes: create, attach (droplets of the same region), detach, grow, snapshot, delete. */
import * as vscode from 'vscode';
import { snapshotVolume } from '../../api';
import { type Droplet, droplet as dropletKind } from '../../api/resources/droplet';
import { type Volume, volume as volumeKind, volumeSizeProblem } from '../../api/resources/volume';
import { snapshot as snapshotKind } from '../../api/resources/snapshot';
import { volumePresenter } from '../../tree/kinds/volume';
import { runAction } from '../actionRunner';
import { accountTarget, pickRegion, resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';


export function registerVolumeCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;
  const target = (arg: unknown, title: string, valid: (item: unknown) => boolean = () => true) => resourceTarget(deps, arg, volumePresenter, title, valid);
  const attached = (v: unknown) => (v as Volume).droplet_ids?.length > 0;

  return [
    registerCommand(deps, 'digitalocean.volume.create', vscode.l10n.t('Create volume'), async (arg) => {
      const owner = await accountTarget(deps, arg, vscode.l10n.t('Create a volume in which account?'));
      const name = await input.inputBox({ title: vscode.l10n.t('New volume (1/3): name'), placeHolder: 'e.g. uploads', validateInput: (v) => volumeKind.nameProblem?.(v) });
      const size = await input.inputBox({ title: vscode.l10n.t('New volume (2/3): size in GB'), value: '100', prompt: vscode.l10n.t('$0.10 per GB a month'), validateInput: (v) => volumeSizeProblem(v) });
      const regionSlug = await pickRegion(deps, owner, { title: vscode.l10n.t('New volume (3/3): region (attachable only to droplets there)') });
      const created = await withProgress(vscode.l10n.t('Creating volume {0}…', name), (signal) =>
        model.cacheFor(owner).client.create(volumeKind, { name, size_gigabytes: Number(size), region: regionSlug, filesystem_type: 'ext4' }, { signal }),
      );
      log.info(`[${owner.label}] Volume ${created.name} (${created.size_gigabytes} GB, ${regionSlug}) created`);
      model.reloadKind(owner, volumeKind.kind);
      return created.id;
    }),

    registerCommand(deps, 'digitalocean.volume.attach', vscode.l10n.t('Attach volume'), async (arg) => {
      const node = await target(arg, vscode.l10n.t('Attach a volume'), (v) => !attached(v));
      const vol = node.item as Volume;
      if (attached(vol)) throw new Error(vscode.l10n.t('{0} is attached already; detach it first.', vol.name));
      const droplets = (await model.cacheFor(node.account).list(dropletKind)).filter((d) => d.region.slug === vol.region.slug);
      if (droplets.length === 0) throw new Error(vscode.l10n.t('There is no droplet in {0} to attach {1} to.', vol.region.slug, vol.name));
      const to = (await input.quickPick(droplets.map((d: Droplet) => ({ label: d.name, description: d.status, droplet: d })), { title: vscode.l10n.t('Attach {0} to a droplet in {1}', vol.name, vol.region.slug) })).droplet;
      return runAction(deps, { node, title: vscode.l10n.t('Attach {0} to {1}', vol.name, to.name), transition: vscode.l10n.t('Attaching…'), start: (client, signal) => client.act(volumeKind, vol.id, 'attach', { droplet_id: to.id, region: vol.region.slug }, { signal }) });
    }),

    registerCommand(deps, 'digitalocean.volume.detach', vscode.l10n.t('Detach volume'), async (arg) => {
      const node = await target(arg, vscode.l10n.t('Detach a volume'), attached);
      const vol = node.item as Volume;
      const from = vol.droplet_ids[0];
      const name = model.lookups(node.account).dropletName(from) ?? String(from);
      await input.confirm(vscode.l10n.t('Detach {0} from {1}?', vol.name, name), vscode.l10n.t('Unmount it on the droplet first, or writes in progress can be lost.'), vscode.l10n.t('Detach'));
      return runAction(deps, { node, title: vscode.l10n.t('Detach {0}', vol.name), transition: vscode.l10n.t('Detaching…'), start: (client, signal) => client.act(volumeKind, vol.id, 'detach', { droplet_id: from, region: vol.region.slug }, { signal }) });
    }),

    registerCommand(deps, 'digitalocean.volume.resize', vscode.l10n.t('Resize volume'), async (arg) => {
      const node = await target(arg, vscode.l10n.t('Resize a volume'));
      const vol = node.item as Volume;
      const size = await input.inputBox({
        title: vscode.l10n.t('Resize {0} (now {1} GB)', vol.name, vol.size_gigabytes),
        prompt: vscode.l10n.t('Volumes only grow. Extend the filesystem on the droplet afterwards.'),
        value: String(vol.size_gigabytes * 2),
        validateInput: (v) => volumeSizeProblem(v, vol.size_gigabytes),
      });
      return runAction(deps, { node, title: vscode.l10n.t('Resize {0} to {1} GB', vol.name, size), transition: vscode.l10n.t('Resizing…'), start: (client, signal) => client.act(volumeKind, vol.id, 'resize', { size_gigabytes: Number(size), region: vol.region.slug }, { signal }) });
    }),

    registerCommand(deps, 'digitalocean.volume.snapshot', vscode.l10n.t('Snapshot volume'), async (arg) => {
      const node = await target(arg, vscode.l10n.t('Snapshot a volume'));
      const vol = node.item as Volume;
      const name = await input.inputBox({ title: vscode.l10n.t('Snapshot of {0}', vol.name), value: `${vol.name}-${new Date().toISOString().slice(0, 10)}`, validateInput: (v) => snapshotKind.nameProblem?.(v) });
      await runAction(deps, {
        node,
        title: vscode.l10n.t('Snapshot {0}', vol.name),
        transition: vscode.l10n.t('Taking a snapshot…'),
        start: async (client, signal) => {
          await snapshotVolume(client, vol.id, name.trim(), signal);
        },
      });
      model.reloadKind(node.account, snapshotKind.kind);
    }),

    registerCommand(deps, 'digitalocean.volume.delete', vscode.l10n.t('Delete volume'), async (arg) => {
      const node = await target(arg, vscode.l10n.t('Delete a volume'), (v) => !attached(v));
      const vol = node.item as Volume;
      if (attached(vol)) throw new Error(vscode.l10n.t('{0} is attached to a droplet; detach it first.', vol.name));
      await input.inputBox({
        title: vscode.l10n.t('Delete {0}', vol.name),
        prompt: vscode.l10n.t('Its data is gone for good (snapshots stay). Type the volume\'s name ({0}) to confirm.', vol.name),
        validateInput: (v) => (v === vol.name ? undefined : vscode.l10n.t('Type {0} exactly to confirm.', vol.name)),
      });
      return runAction(deps, { node, title: vscode.l10n.t('Delete {0}', vol.name), transition: vscode.l10n.t('Deleting…'), deletes: true, start: (client, signal) => client.remove(volumeKind, vol.id, { signal }) });
    }),
  ];
}
