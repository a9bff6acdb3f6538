/**
 * NFS shares (network file storage): Create NFS Share (a wizard with Back: name, region, size of
 * at least 50 GiB, the VPCs that may mount it, a summary), Resize (larger only), Take Snapshot,
 * Attach to / Detach from VPC, Add / Delete Access Point, Delete Snapshot (each read fresh and
 * confirmed) and Copy Mount Command (for a droplet in one of its VPCs). Deleting a share is the
 * generic heavy delete. The API's actions answer at once and finish later: the share is read
 * again until the change shows.
 */
import * as vscode from 'vscode';
import {
  type NfsAction,
  createNfsAccessPoint,
  deleteNfsAccessPoint,
  deleteNfsSnapshot,
  nfsAccessPoint,
  nfsAccessPoints,
  nfsAction,
  nfsSnapshot,
  nfsSnapshots,
} from '../../api/nfs';
import { NFS_MIN_GIB, type NfsShare, nfsMountCommand, nfsShare } from '../../api/resources/nfsShare';
import { region as regionKind } from '../../api/resources/region';
import { type Vpc, vpc as vpcKind } from '../../api/resources/vpc';
import { nfsSharePresenter } from '../../tree/kinds/nfsShare';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { accountTarget, resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { nameStep, regionStep, summaryStep } from '../wizard/prompts';
import { create, notify, reveal, runCreateWizard } from '../wizard/create';

interface Plan {
  name: string;
  region: string;
  size: number;
  vpcs: string[];
}

/** A size in GiB: a whole number, at least `min`. */
export function nfsSizeProblem(value: string, min: number): string | undefined {
  if (!/^\d+$/.test(value.trim())) return vscode.l10n.t('A whole number of GiB.');
  return Number(value) < min ? vscode.l10n.t('At least {0} GiB.', min) : Number(value) > 16_384 ? vscode.l10n.t('At most 16384 GiB.') : undefined;
}

/** An absolute path of letters, digits, ".", "_", "-" and "/". */
export function nfsPathProblem(value: string): string | undefined {
  return /^\/[A-Za-z0-9._/-]*$/.test(value) && !value.includes('..')
    ? undefined
    : vscode.l10n.t('An absolute path such as /data (letters, digits, ".", "_", "-").');
}

export function registerNfsCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, model, log } = deps;
  const shareTarget = (arg: unknown, title: string) => resourceTarget(deps, arg, nfsSharePresenter, title);

  /** The share read fresh (gone: said). */
  async function fresh(node: Awaited<ReturnType<typeof shareTarget>>): Promise<NfsShare> {
    const share = (await withProgress(vscode.l10n.t('Reading the share…'), (signal) => model.reloadResource(node.ref, signal))) as NfsShare | undefined;
    if (!share) throw new Error(vscode.l10n.t('The NFS share {0} is gone.', (node.item as NfsShare).name));
    return share;
  }

  /** Runs an action, then reads the share again until `done` holds (the API finishes actions later). */
  async function act(
    node: Awaited<ReturnType<typeof shareTarget>>,
    share: NfsShare,
    action: NfsAction,
    what: string,
    done: (s: NfsShare) => boolean,
  ): Promise<NfsShare> {
    return withProgress(what, async (signal) => {
      await nfsAction(model.client(node.account), share.id, share.region, action, signal);
      log.info(`[${node.account.label}] NFS share ${share.name}: ${action.type}`);
      for (let attempt = 0; attempt < 90; attempt++) {
        const now = (await model.reloadResource(node.ref, signal)) as NfsShare | undefined;
        if (!now) throw new Error(vscode.l10n.t('The NFS share {0} is gone.', share.name));
        if (done(now)) return now;
        await new Promise((r) => setTimeout(r, 1000));
      }
      throw new Error(vscode.l10n.t('{0} did not finish within a minute and a half; it may still: refresh the share to see.', what));
    });
  }

  const vpcsOf = async (node: Awaited<ReturnType<typeof shareTarget>>) =>
    model
      .cacheFor(node.account)
      .list(vpcKind)
      .catch(() => [] as Vpc[]);

  const attachOrDetach = (type: 'attach' | 'detach') => async (arg: unknown) => {
    const node = await shareTarget(arg, type === 'attach' ? vscode.l10n.t('Attach an NFS share to a VPC') : vscode.l10n.t('Detach an NFS share from a VPC'));
    const share = await fresh(node);
    const attached = share.vpc_ids ?? [];
    const vpcs = (await vpcsOf(node)).filter((v) => v.region === share.region && (type === 'attach' ? !attached.includes(v.id) : attached.includes(v.id)));
    if (!vpcs.length)
      throw new Error(
        type === 'attach'
          ? vscode.l10n.t('{0} is attached to every VPC of {1} already.', share.name, share.region)
          : vscode.l10n.t('{0} is attached to no VPC.', share.name),
      );
    const chosen = (
      await input.quickPick(
        vpcs.map((v) => ({ label: v.name, description: v.ip_range, vpc: v })),
        { title: type === 'attach' ? vscode.l10n.t('Attach {0} to…', share.name) : vscode.l10n.t('Detach {0} from…', share.name) },
      )
    ).vpc;
    if (type === 'detach')
      await input.confirm(
        vscode.l10n.t('Detach {0} from {1}?', share.name, chosen.name),
        vscode.l10n.t('Droplets in {0} that mount it lose it.', chosen.name),
        vscode.l10n.t('Detach'),
      );
    const done = await act(
      node,
      share,
      { type, params: { vpc_id: chosen.id } },
      type === 'attach' ? vscode.l10n.t('Attaching {0}…', share.name) : vscode.l10n.t('Detaching {0}…', share.name),
      (s) => (type === 'attach' ? (s.vpc_ids ?? []).includes(chosen.id) : !(s.vpc_ids ?? []).includes(chosen.id)),
    );
    return done.vpc_ids ?? [];
  };

  return [
    registerCommand(deps, 'digitalocean.nfs.create', vscode.l10n.t('Create NFS share'), async (arg) => {
      const account = await accountTarget(deps, arg, vscode.l10n.t('Create an NFS share in which account?'));
      const cache = model.cacheFor(account);
      const [regions, vpcs] = await withProgress(vscode.l10n.t('Loading regions and VPCs…'), () => Promise.all([cache.list(regionKind), cache.list(vpcKind)]));
      const taken = (cache.peek(nfsShare) ?? []).map((s) => s.name);
      const title = vscode.l10n.t('Create NFS share');
      return runCreateWizard<Plan, NfsShare>(deps, {
        title,
        account,
        kind: nfsShare,
        name: (p) => p.name,
        plan: { name: '', region: 'nyc3', size: 100, vpcs: [] },
        prompts: [
          nameStep<Plan>(input, title, { kind: nfsShare, taken }),
          regionStep<Plan>(
            input,
            title,
            () => regions.filter((r) => r.available !== false && vpcs.some((v) => v.region === r.slug)),
            () => vscode.l10n.t('Region (one with a VPC: a share is mounted over a VPC)'),
          ),
          async (p, s) => {
            p.size = Number(
              await input.inputBox({
                title,
                ...s,
                prompt: vscode.l10n.t('Size in GiB (at least {0})', NFS_MIN_GIB),
                value: String(p.size),
                validateInput: (v) => nfsSizeProblem(v, NFS_MIN_GIB),
              }),
            );
          },
          async (p, s) => {
            for (;;) {
              const here = vpcs.filter((v) => v.region === p.region);
              const picked = await input.quickPickMany(
                here.map((v) => ({ label: v.name, description: v.ip_range, picked: p.vpcs.includes(v.id) || (p.vpcs.length === 0 && v.default), id: v.id })),
                { title, ...s, placeHolder: vscode.l10n.t('The VPCs whose droplets may mount it (at least one)') },
              );
              p.vpcs = picked.map((v) => v.id);
              if (p.vpcs.length) return;
              void input.notify('warning', vscode.l10n.t('Choose at least one VPC: a share is only reached over a VPC.'));
            }
          },
          summaryStep<Plan>(input, title, (p) => ({
            label: vscode.l10n.t('Create {0}', p.name),
            description: `${p.size} GiB · ${p.region} · ${p.vpcs.map((id) => vpcs.find((v) => v.id === id)?.name ?? id).join(', ')}`,
            detail: vscode.l10n.t('The API gives no price for NFS shares: see DigitalOcean’s pricing page.'),
          })),
        ],
        execute: [
          create({
            detail: (p) => `${p.size} GiB, ${p.region}`,
            send: ({ plan }, signal) =>
              cache.client.create<NfsShare>(nfsShare, { name: plan.name, size_gib: plan.size, region: plan.region, vpc_ids: plan.vpcs }, { signal }),
          }),
          reveal(),
          notify(({ created }) => ({ severity: 'info', message: vscode.l10n.t('Created NFS share {0} ({1} GiB).', created!.name, created!.size_gib) })),
        ],
      });
    }),

    registerCommand(deps, 'digitalocean.nfs.resize', vscode.l10n.t('Resize NFS share'), async (arg) => {
      const node = await shareTarget(arg, vscode.l10n.t('Resize an NFS share'));
      const share = await fresh(node);
      const size = Number(
        await input.inputBox({
          title: vscode.l10n.t('Resize {0}', share.name),
          prompt: vscode.l10n.t('New size in GiB (now {0}; a share only grows)', share.size_gib),
          value: String(share.size_gib * 2),
          validateInput: (v) => nfsSizeProblem(v, share.size_gib + 1),
        }),
      );
      await input.confirm(
        vscode.l10n.t('Grow {0} from {1} GiB to {2} GiB?', share.name, share.size_gib, size),
        vscode.l10n.t('A share cannot be made smaller again.'),
        vscode.l10n.t('Resize'),
      );
      const done = await act(
        node,
        share,
        { type: 'resize', params: { size_gib: size } },
        vscode.l10n.t('Resizing {0}…', share.name),
        (s) => s.size_gib === size,
      );
      return done.size_gib;
    }),

    registerCommand(deps, 'digitalocean.nfs.snapshot', vscode.l10n.t('Snapshot NFS share'), async (arg) => {
      const node = await shareTarget(arg, vscode.l10n.t('Take a snapshot of an NFS share'));
      const share = await fresh(node);
      const name = await input.inputBox({
        title: vscode.l10n.t('Snapshot of {0}', share.name),
        prompt: vscode.l10n.t('Snapshot name'),
        value: `${share.name}-${new Date().toISOString().slice(0, 10)}`,
        validateInput: (v) => (/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(v) ? undefined : vscode.l10n.t('Letters, digits, ".", "_" and "-", at most 64.')),
      });
      const client = model.client(node.account);
      await withProgress(vscode.l10n.t('Taking a snapshot of {0}…', share.name), async (signal) => {
        await nfsAction(client, share.id, share.region, { type: 'snapshot', params: { name } }, signal);
        for (let attempt = 0; attempt < 90; attempt++) {
          if ((await nfsSnapshots(client, share.region, share.id, signal)).some((x) => x.name === name && x.status === 'ACTIVE')) return;
          await new Promise((r) => setTimeout(r, 1000));
        }
        throw new Error(vscode.l10n.t('The snapshot {0} is not ready after a minute and a half; it may still be taken.', name));
      });
      log.info(`[${node.account.label}] NFS share ${share.name}: snapshot ${name}`);
      void input.notify('info', vscode.l10n.t('Took snapshot {0} of {1}.', name, share.name));
      return name;
    }),

    registerCommand(deps, 'digitalocean.nfs.deleteSnapshot', vscode.l10n.t('Delete NFS snapshot'), async (arg) => {
      const node = await shareTarget(arg, vscode.l10n.t('Delete a snapshot of which NFS share?'));
      const share = node.item as NfsShare;
      const client = model.client(node.account);
      const list = await withProgress(vscode.l10n.t('Listing the snapshots of {0}…', share.name), (signal) =>
        nfsSnapshots(client, share.region, share.id, signal),
      );
      if (!list.length) throw new Error(vscode.l10n.t('{0} has no snapshots.', share.name));
      const picked = (
        await input.quickPick(
          list.map((x) => ({ label: x.name, description: `${x.size_gib} GiB · ${x.created_at.slice(0, 16).replace('T', ' ')}`, snapshot: x })),
          { title: vscode.l10n.t('Snapshots of {0}', share.name), placeHolder: vscode.l10n.t('Which one to delete?') },
        )
      ).snapshot;
      const snapshot = await withProgress(vscode.l10n.t('Reading the snapshot…'), (signal) => nfsSnapshot(client, picked.id, share.region, signal));
      await input.confirm(
        vscode.l10n.t('Delete the snapshot {0}?', snapshot.name),
        vscode.l10n.t('{0} GiB of {1}, taken {2}; it cannot be restored afterwards.', snapshot.size_gib, share.name, snapshot.created_at.slice(0, 10)),
        vscode.l10n.t('Delete'),
      );
      await withProgress(vscode.l10n.t('Deleting the snapshot…'), (signal) => deleteNfsSnapshot(client, snapshot.id, share.region, signal));
      log.info(`[${node.account.label}] Deleted NFS snapshot ${snapshot.name}`);
      return snapshot.id;
    }),

    registerCommand(deps, 'digitalocean.nfs.attach', vscode.l10n.t('Attach NFS share to VPC'), attachOrDetach('attach')),
    registerCommand(deps, 'digitalocean.nfs.detach', vscode.l10n.t('Detach NFS share from VPC'), attachOrDetach('detach')),
    registerCommand(deps, 'digitalocean.nfs.createAccessPoint', vscode.l10n.t('Add NFS access point'), async (arg) => {
      const node = await shareTarget(arg, vscode.l10n.t('Add an access point to which NFS share?'));
      const share = await fresh(node);
      const vpcs = (await vpcsOf(node)).filter((v) => (share.vpc_ids ?? []).includes(v.id));
      if (!vpcs.length) throw new Error(vscode.l10n.t('{0} is attached to no VPC: attach it to one first.', share.name));
      const title = vscode.l10n.t('Add an access point to {0}', share.name);
      const name = await input.inputBox({
        title,
        prompt: vscode.l10n.t('Name'),
        validateInput: (v) => (/^[a-z][a-z0-9-]{0,62}$/.test(v) ? undefined : vscode.l10n.t('Lowercase letters, digits and "-", starting with a letter.')),
      });
      const path = await input.inputBox({
        title,
        prompt: vscode.l10n.t('The directory of the share it offers'),
        value: `/${name}`,
        validateInput: nfsPathProblem,
      });
      const vpcId =
        vpcs.length === 1
          ? vpcs[0].id
          : (
              await input.quickPick(
                vpcs.map((v) => ({ label: v.name, description: v.ip_range, id: v.id })),
                { title, placeHolder: vscode.l10n.t('For which VPC?') },
              )
            ).id;
      const squash = (
        await input.quickPick(
          [
            {
              label: vscode.l10n.t('Root squashed'),
              description: vscode.l10n.t('root on a client is the anonymous user (usual)'),
              value: 'ROOT_SQUASH' as const,
            },
            { label: vscode.l10n.t('No squashing'), description: vscode.l10n.t('root on a client is root on the share'), value: 'NO_SQUASH' as const },
            { label: vscode.l10n.t('All squashed'), description: vscode.l10n.t('every client user is the anonymous user'), value: 'ALL_SQUASH' as const },
          ],
          { title, placeHolder: vscode.l10n.t('Who clients are on the share') },
        )
      ).value;
      const point = await withProgress(vscode.l10n.t('Adding the access point…'), (signal) =>
        createNfsAccessPoint(
          model.client(node.account),
          share.id,
          {
            name,
            path,
            vpc_id: vpcId,
            access_policy: { anonuid: 65534, anongid: 65534, protocols: ['NFS4'], squash_config: squash, identity_enforcement_enabled: false },
          },
          signal,
        ),
      );
      log.info(`[${node.account.label}] NFS share ${share.name}: access point ${point.name} (${point.path})`);
      void input.notify('info', vscode.l10n.t('Added access point {0} ({1}) to {2}.', point.name, point.path, share.name));
      return point.id;
    }),

    registerCommand(deps, 'digitalocean.nfs.deleteAccessPoint', vscode.l10n.t('Delete NFS access point'), async (arg) => {
      const node = await shareTarget(arg, vscode.l10n.t('Delete an access point of which NFS share?'));
      const share = node.item as NfsShare;
      const client = model.client(node.account);
      const points = (await withProgress(vscode.l10n.t('Listing access points…'), (signal) => nfsAccessPoints(client, share.id, signal))).filter(
        (a) => !a.is_default,
      );
      if (!points.length) throw new Error(vscode.l10n.t('{0} has no access point to delete (the default one stays with the share).', share.name));
      const picked = (
        await input.quickPick(
          points.map((a) => ({ label: a.name, description: a.path, point: a })),
          { title: vscode.l10n.t('Access points of {0}', share.name) },
        )
      ).point;
      const point = await withProgress(vscode.l10n.t('Reading the access point…'), (signal) => nfsAccessPoint(client, picked.id, signal));
      await input.confirm(
        vscode.l10n.t('Delete the access point {0}?', point.name),
        vscode.l10n.t('Clients mounting {0} through it lose it; the files stay on the share.', point.path),
        vscode.l10n.t('Delete'),
      );
      await withProgress(vscode.l10n.t('Deleting the access point…'), (signal) => deleteNfsAccessPoint(client, point.id, signal));
      log.info(`[${node.account.label}] NFS share ${share.name}: deleted access point ${point.name}`);
      return point.id;
    }),

    registerCommand(deps, 'digitalocean.nfs.copyMountCommand', vscode.l10n.t('Copy NFS mount command'), async (arg) => {
      const node = await shareTarget(arg, vscode.l10n.t('Copy the mount command of which NFS share?'));
      const share = node.item as NfsShare;
      const command = nfsMountCommand(share);
      if (!command) throw new Error(vscode.l10n.t('The API gave {0} no usable host and path to mount yet.', share.name));
      await vscode.env.clipboard.writeText(command);
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Copied the mount command of {0}: run it on a droplet in one of its VPCs.', share.name), 5000);
      return command;
    }),
  ];
}
