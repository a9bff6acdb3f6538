/** Volumes: create, attach (droplets of the same region), detach, grow, snapshot, delete. */
import * as vscode from 'vscode';
import { snapshotVolume } from '../../api';
import { type Droplet, droplet as dropletKind } from '../../api/resources/droplet';
import { type Volume, volume as volumeKind, volumeSizeProblem } from '../../api/resources/volume';
import { snapshot as snapshotKind } from '../../api/resources/snapshot';
import { volumePresenter } from '../../tree/kinds/volume';
import { runAction } from '../actionRunner';
import { accountTarget, projectOf, resourceTarget } from '../pick';
import { nameStep, priceRange, projectStep, regionStep, summaryStep, tagsStep } from '../wizard/prompts';
import { assignToProjectStep, create, notify, reveal, runCreateWizard } from '../wizard/create';
import { region as regionKind } from '../../api/resources/region';
import { project as projectKind } from '../../api/resources/project';
import { registerCommand } from '../register';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';

/** Price of block storage per GB and month, in USD. */
const VOLUME_GB_MONTHLY_USD = 0.1;

interface VolumePlan {
  name: string;
  /** GB, as typed (checked at the box). */
  size: string;
  region: string;
  tags: string[];
  project?: string;
}

export function registerVolumeCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, model } = deps;
  const target = (arg: unknown, title: string, valid: (item: unknown) => boolean = () => true) => resourceTarget(deps, arg, volumePresenter, title, valid);
  const attached = (v: unknown) => (v as Volume).droplet_ids?.length > 0;

  return [
    registerCommand(deps, 'digitalocean.volume.create', vscode.l10n.t('Create volume'), async (arg) => {
      const account = await accountTarget(deps, arg, vscode.l10n.t('Create a volume in which account?'));
      const cache = model.cacheFor(account);
      const [regions, volumes, projects] = await withProgress(vscode.l10n.t('Loading regions and volumes…'), () =>
        Promise.all([cache.list(regionKind), cache.list(volumeKind).catch(() => [] as Volume[]), cache.list(projectKind).catch(() => [])]),
      );
      // a volume is made in the project whose group it was asked from
      const fromProject = projectOf(arg);
      const title = vscode.l10n.t('Create volume');
      return runCreateWizard<VolumePlan, Volume>(deps, {
        title,
        account,
        kind: volumeKind,
        plan: { name: '', size: '100', region: 'nyc3', tags: [], project: fromProject },
        prompts: [
          nameStep<VolumePlan>(input, title, { kind: volumeKind, taken: volumes.map((v) => v.name), prompt: vscode.l10n.t('Name, e.g. uploads') }),
          async (p, s) => {
            p.size = (
              await input.inputBox({
                title,
                ...s,
                prompt: vscode.l10n.t('Size in GB ($0.10 per GB a month); it can grow later, never shrink'),
                value: p.size,
                validateInput: (v) => volumeSizeProblem(v),
              })
            ).trim();
          },
          regionStep<VolumePlan>(
            input,
            title,
            () => regions.filter((r) => r.available !== false && (r.features ?? ['storage']).includes('storage')),
            () => vscode.l10n.t('Region (attachable only to droplets there)'),
          ),
          tagsStep<VolumePlan>(input, title),
          projectStep<VolumePlan>(input, title, projects),
          summaryStep<VolumePlan>(input, title, (p) => ({
            label: vscode.l10n.t('Create {0}', p.name),
            description: `${p.size} GB · ${p.region} · ${priceRange(Number(p.size) * VOLUME_GB_MONTHLY_USD)}`,
            detail: vscode.l10n.t('ext4, ready to mount once attached to a droplet in {0}', p.region),
          })),
        ],
        execute: [
          create({
            detail: (p) => `${p.size} GB, ${p.region}`,
            send: ({ plan }, signal) =>
              cache.client.create(
                volumeKind,
                { name: plan.name, size_gigabytes: Number(plan.size), region: plan.region, filesystem_type: 'ext4', tags: plan.tags },
                { signal },
              ),
          }),
          assignToProjectStep(projects),
          reveal(),
          notify((c) => ({
            message: vscode.l10n.t('Created volume {0} ({1} GB) in {2}.', c.name, c.plan.size, c.plan.region),
            actions: [
              {
                label: vscode.l10n.t('Attach to Droplet…'),
                run: () => vscode.commands.executeCommand('digitalocean.volume.attach', deps.explorer.nodeFor(account, volumePresenter, c.created!, [])),
              },
            ],
          })),
        ],
        result: (c) => c.created?.id,
      });
    }),

    registerCommand(deps, 'digitalocean.volume.attach', vscode.l10n.t('Attach volume'), async (arg) => {
      const node = await target(arg, vscode.l10n.t('Attach a volume'), (v) => !attached(v));
      const vol = node.item as Volume;
      if (attached(vol)) throw new Error(vscode.l10n.t('{0} is attached already; detach it first.', vol.name));
      const droplets = (await model.cacheFor(node.account).list(dropletKind)).filter((d) => d.region.slug === vol.region.slug);
      if (droplets.length === 0) throw new Error(vscode.l10n.t('There is no droplet in {0} to attach {1} to.', vol.region.slug, vol.name));
      const to = (
        await input.quickPick(
          droplets.map((d: Droplet) => ({ label: d.name, description: d.status, droplet: d })),
          { title: vscode.l10n.t('Attach {0} to a droplet in {1}', vol.name, vol.region.slug) },
        )
      ).droplet;
      return runAction(deps, {
        node,
        title: vscode.l10n.t('Attach {0} to {1}', vol.name, to.name),
        transition: vscode.l10n.t('Attaching…'),
        start: (client, signal) => client.act(volumeKind, vol.id, 'attach', { droplet_id: to.id, region: vol.region.slug }, { signal }),
      });
    }),

    registerCommand(deps, 'digitalocean.volume.detach', vscode.l10n.t('Detach volume'), async (arg) => {
      const node = await target(arg, vscode.l10n.t('Detach a volume'), attached);
      const vol = node.item as Volume;
      const from = vol.droplet_ids[0];
      const name = model.lookups(node.account).dropletName(from) ?? String(from);
      await input.confirm(
        vscode.l10n.t('Detach {0} from {1}?', vol.name, name),
        vscode.l10n.t('Unmount it on the droplet first, or writes in progress can be lost.'),
        vscode.l10n.t('Detach'),
      );
      return runAction(deps, {
        node,
        title: vscode.l10n.t('Detach {0}', vol.name),
        transition: vscode.l10n.t('Detaching…'),
        start: (client, signal) => client.act(volumeKind, vol.id, 'detach', { droplet_id: from, region: vol.region.slug }, { signal }),
      });
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
      return runAction(deps, {
        node,
        title: vscode.l10n.t('Resize {0} to {1} GB', vol.name, size),
        transition: vscode.l10n.t('Resizing…'),
        start: (client, signal) => client.act(volumeKind, vol.id, 'resize', { size_gigabytes: Number(size), region: vol.region.slug }, { signal }),
      });
    }),

    registerCommand(deps, 'digitalocean.volume.snapshot', vscode.l10n.t('Snapshot volume'), async (arg) => {
      const node = await target(arg, vscode.l10n.t('Snapshot a volume'));
      const vol = node.item as Volume;
      const name = await input.inputBox({
        title: vscode.l10n.t('Snapshot of {0}', vol.name),
        value: `${vol.name}-${new Date().toISOString().slice(0, 10)}`,
        validateInput: (v) => snapshotKind.nameProblem?.(v),
      });
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
        prompt: vscode.l10n.t("Its data is gone for good (snapshots stay). Type the volume's name ({0}) to confirm.", vol.name),
        validateInput: (v) => (v === vol.name ? undefined : vscode.l10n.t('Type {0} exactly to confirm.', vol.name)),
      });
      return runAction(deps, {
        node,
        title: vscode.l10n.t('Delete {0}', vol.name),
        transition: vscode.l10n.t('Deleting…'),
        deletes: true,
        start: (client, signal) => client.remove(volumeKind, vol.id, { signal }),
      });
    }),
  ];
}
