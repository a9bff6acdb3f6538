/** Volumes: create, attach (droplets of the same region), detach, grow, snapshot, delete. */
import * as vscode from 'vscode';
import { snapshotVolume } from '../api';
import { type Droplet, droplet as dropletKind } from '../api/resources/droplet';
import { type Volume, volume as volumeKind, volumeSizeProblem } from '../api/resources/volume';
import { snapshot as snapshotKind } from '../api/resources/snapshot';
import { volumePresenter } from '../tree/kinds/volume';
import { runAction } from './actionRunner';
import { accountTarget, pickRegion, resourceTarget } from './pick';
import { registerCommand } from './register';
import { withProgress } from '../ui/progress';
import type { CommandDeps } from './deps';


export function registerVolumeCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;
  const target = (arg: unknown, title: string, valid: (item: unknown) => boolean = () => true) => resourceTarget(deps, arg, volumePresenter, title, valid);
  const attached = (v: unknown) => (v as Volume).droplet_ids?.length > 0;

  return [
    registerCommand(deps, 'digitalocean.volume.create', 'Create volume', async (arg) => {
      const owner = await accountTarget(deps, arg, 'Create a volume in which account?');
      const name = await input.inputBox({ title: 'New volume (1/3): name', placeHolder: 'e.g. uploads', validateInput: (v) => volumeKind.nameProblem?.(v) });
      const size = await input.inputBox({ title: 'New volume (2/3): size in GB', value: '100', prompt: '$0.10 per GB a month', validateInput: (v) => volumeSizeProblem(v) });
      const regionSlug = await pickRegion(deps, owner, { title: 'New volume (3/3): region (attachable only to droplets there)' });
      const created = await withProgress(`Creating volume ${name}…`, (signal) =>
        model.cacheFor(owner).client.create(volumeKind, { name, size_gigabytes: Number(size), region: regionSlug, filesystem_type: 'ext4' }, { signal }),
      );
      log.info(`[${owner.label}] Volume ${created.name} (${created.size_gigabytes} GB, ${regionSlug}) created`);
      model.reloadKind(owner, volumeKind.kind);
      return created.id;
    }),

    registerCommand(deps, 'digitalocean.volume.attach', 'Attach volume', async (arg) => {
      const node = await target(arg, 'Attach a volume', (v) => !attached(v));
      const vol = node.item as Volume;
      if (attached(vol)) throw new Error(`${vol.name} is attached already; detach it first.`);
      const droplets = (await model.cacheFor(node.account).list(dropletKind)).filter((d) => d.region.slug === vol.region.slug);
      if (droplets.length === 0) throw new Error(`There is no droplet in ${vol.region.slug} to attach ${vol.name} to.`);
      const to = (await input.quickPick(droplets.map((d: Droplet) => ({ label: d.name, description: d.status, droplet: d })), { title: `Attach ${vol.name} to a droplet in ${vol.region.slug}` })).droplet;
      return runAction(deps, { node, title: `Attach ${vol.name} to ${to.name}`, transition: 'Attaching…', start: (client, signal) => client.act(volumeKind, vol.id, 'attach', { droplet_id: to.id, region: vol.region.slug }, { signal }) });
    }),

    registerCommand(deps, 'digitalocean.volume.detach', 'Detach volume', async (arg) => {
      const node = await target(arg, 'Detach a volume', attached);
      const vol = node.item as Volume;
      const from = vol.droplet_ids[0];
      const name = model.lookups(node.account).dropletName(from) ?? String(from);
      await input.confirm(`Detach ${vol.name} from ${name}?`, 'Unmount it on the droplet first, or writes in progress can be lost.', 'Detach');
      return runAction(deps, { node, title: `Detach ${vol.name}`, transition: 'Detaching…', start: (client, signal) => client.act(volumeKind, vol.id, 'detach', { droplet_id: from, region: vol.region.slug }, { signal }) });
    }),

    registerCommand(deps, 'digitalocean.volume.resize', 'Resize volume', async (arg) => {
      const node = await target(arg, 'Resize a volume');
      const vol = node.item as Volume;
      const size = await input.inputBox({
        title: `Resize ${vol.name} (now ${vol.size_gigabytes} GB)`,
        prompt: 'Volumes only grow. Extend the filesystem on the droplet afterwards.',
        value: String(vol.size_gigabytes * 2),
        validateInput: (v) => volumeSizeProblem(v, vol.size_gigabytes),
      });
      return runAction(deps, { node, title: `Resize ${vol.name} to ${size} GB`, transition: 'Resizing…', start: (client, signal) => client.act(volumeKind, vol.id, 'resize', { size_gigabytes: Number(size), region: vol.region.slug }, { signal }) });
    }),

    registerCommand(deps, 'digitalocean.volume.snapshot', 'Snapshot volume', async (arg) => {
      const node = await target(arg, 'Snapshot a volume');
      const vol = node.item as Volume;
      const name = await input.inputBox({ title: `Snapshot of ${vol.name}`, value: `${vol.name}-${new Date().toISOString().slice(0, 10)}`, validateInput: (v) => snapshotKind.nameProblem?.(v) });
      await runAction(deps, {
        node,
        title: `Snapshot ${vol.name}`,
        transition: 'Taking a snapshot…',
        start: async (client, signal) => {
          await snapshotVolume(client, vol.id, name.trim(), signal);
        },
      });
      model.reloadKind(node.account, snapshotKind.kind);
    }),

    registerCommand(deps, 'digitalocean.volume.delete', 'Delete volume', async (arg) => {
      const node = await target(arg, 'Delete a volume', (v) => !attached(v));
      const vol = node.item as Volume;
      if (attached(vol)) throw new Error(`${vol.name} is attached to a droplet; detach it first.`);
      await input.inputBox({
        title: `Delete ${vol.name}`,
        prompt: `Its data is gone for good (snapshots stay). Type the volume's name (${vol.name}) to confirm.`,
        validateInput: (v) => (v === vol.name ? undefined : `Type ${vol.name} exactly to confirm.`),
      });
      return runAction(deps, { node, title: `Delete ${vol.name}`, transition: 'Deleting…', deletes: true, start: (client, signal) => client.remove(volumeKind, vol.id, { signal }) });
    }),
  ];
}
