/**
 * Droplet actions from the context menu or the palette (which offers only droplets the action
 * suits): power, reboot, snapshot, resize, rename, rebuild, backups, root password, IPv6, destroy.
 * Destructive ones confirm (typing the name where nothing can bring it back); inputs are checked
 * at the input box before any request. *Create Droplet* is a wizard with Back (at the end).
 */
import * as vscode from 'vscode';
import { createDroplet } from '../../api';
import { type Droplet, type DropletActionType, droplet as dropletKind, dropletSize, publicIpv4 } from '../../api/resources/droplet';
import { type Image, image as imageKind } from '../../api/resources/image';
import { project as projectKind } from '../../api/resources/project';
import { sshKey } from '../../api/resources/sshKey';
import { vpc as vpcKind } from '../../api/resources/vpc';
import type { AccountInfo } from '../../accounts/accountStore';
import { dropletPresenter } from '../../tree/kinds/droplet';
import type { ResourceNode } from '../../tree/nodes/resourceNode';
import { memory } from '../../tree/format';
import { runAction } from '../actionRunner';
import { bulkNodes, runBulk, selectionOf } from '../bulk';
import { accountTarget, resourceTarget } from '../pick';
import { withProgress } from '../../ui/progress';
import { registerCommand } from '../register';
import type { CommandDeps } from '../deps';
import { nameStep, priceRange, projectStep, regionStep, sizeStep, summaryStep, tagsStep, vpcStep } from '../wizard/prompts';
import { assignToProjectStep, create, notify, reveal, runCreateWizard, waitUntilReady } from '../wizard/create';
import { region as regionKind } from '../../api/resources/region';
import { rememberDropletKeys } from './dropletKeys';
import { snapshot as snapshotKind } from '../../api/resources/snapshot';
import { dropletPlanProblems } from '../../model/createPlans';

const running = (item: unknown) => (item as Droplet).status === 'active' && !(item as Droplet).locked;
const off = (item: unknown) => (item as Droplet).status === 'off' && !(item as Droplet).locked;
const idle = (item: unknown) => !(item as Droplet).locked && (item as Droplet).status !== 'new';

export function registerDropletCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, model } = deps;
  const target = (arg: unknown, title: string, valid: (item: unknown) => boolean = idle) => resourceTarget(deps, arg, dropletPresenter, title, valid);
  const act = (node: ResourceNode, type: DropletActionType, title: string, transition: string, params: Record<string, unknown> = {}) =>
    runAction(deps, {
      node,
      title: `${title} ${node.name}`,
      transition,
      start: (client, signal) => client.act(dropletKind, node.resourceId, type, params, { signal }),
    });

  const simple = (
    id: string,
    type: DropletActionType,
    title: string,
    transition: string,
    valid: (item: unknown) => boolean,
    confirm?: (d: Droplet) => [string, string, string],
  ) =>
    registerCommand(deps, id, title, async (arg, selected) => {
      const many = selectionOf(arg, selected);
      if (many.length > 1) {
        // a multi-selection: the droplets the action suits, one confirmation, a summary
        const { nodes, skipped } = bulkNodes(many, dropletKind.kind, valid);
        if (!nodes.length) throw new Error(vscode.l10n.t('None of the selected droplets can be given "{0}" now.', title));
        const caution = confirm?.(nodes[0].item as Droplet)[1];
        const note = [caution, skipped.length ? vscode.l10n.t('Left out, not in a state for it: {0}.', skipped.join(', ')) : ''].filter(Boolean).join('\n\n');
        return runBulk(
          deps,
          nodes,
          { title, transition, start: (client, node, signal) => client.act(dropletKind, node.resourceId, type, {}, { signal }) },
          note || undefined,
        );
      }
      const node = await target(arg, title, valid);
      if (confirm) await input.confirm(...confirm(node.item as Droplet));
      return act(node, type, title, transition);
    });

  const typeNameToConfirm = (d: Droplet, what: string) =>
    input.inputBox({
      title: `${what} ${d.name}`,
      prompt: vscode.l10n.t("This cannot be undone. Type the droplet's name ({0}) to confirm.", d.name),
      validateInput: (v) => (v === d.name ? undefined : vscode.l10n.t('Type {0} exactly to confirm.', d.name)),
    });

  return [
    createDropletCommand(deps),
    simple('digitalocean.droplet.powerOn', 'power_on', vscode.l10n.t('Power on'), vscode.l10n.t('Powering on…'), off),
    simple('digitalocean.droplet.shutdown', 'shutdown', vscode.l10n.t('Shut down'), vscode.l10n.t('Shutting down…'), running),
    simple('digitalocean.droplet.powerOff', 'power_off', vscode.l10n.t('Power off'), vscode.l10n.t('Powering off…'), running, (d) => [
      vscode.l10n.t('Power off {0}?', d.name),
      vscode.l10n.t('This cuts the power like pulling the plug: unsaved data can be lost. "Shut Down" asks the system to stop cleanly instead.'),
      vscode.l10n.t('Power Off'),
    ]),
    simple('digitalocean.droplet.reboot', 'reboot', vscode.l10n.t('Reboot'), vscode.l10n.t('Rebooting…'), running),
    simple('digitalocean.droplet.powerCycle', 'power_cycle', vscode.l10n.t('Power cycle'), vscode.l10n.t('Power cycling…'), running, (d) => [
      vscode.l10n.t('Power cycle {0}?', d.name),
      vscode.l10n.t('The power is cut and restored: unsaved data can be lost.'),
      vscode.l10n.t('Power Cycle'),
    ]),
    simple(
      'digitalocean.droplet.disableBackups',
      'disable_backups',
      vscode.l10n.t('Disable backups'),
      vscode.l10n.t('Disabling backups…'),
      (d) => idle(d) && (d as Droplet).features.includes('backups'),
      (d) => [
        vscode.l10n.t('Disable backups of {0}?', d.name),
        vscode.l10n.t('Existing backups are kept for their retention period; no new ones are made.'),
        vscode.l10n.t('Disable Backups'),
      ],
    ),
    simple(
      'digitalocean.droplet.enableIpv6',
      'enable_ipv6',
      vscode.l10n.t('Enable IPv6'),
      vscode.l10n.t('Enabling IPv6…'),
      (d) => idle(d) && !(d as Droplet).features.includes('ipv6'),
    ),
    simple(
      'digitalocean.droplet.passwordReset',
      'password_reset',
      vscode.l10n.t('Reset root password'),
      vscode.l10n.t('Resetting the root password…'),
      idle,
      (d) => [
        vscode.l10n.t('Reset the root password of {0}?', d.name),
        vscode.l10n.t('DigitalOcean emails a new root password to the account owner. The droplet reboots.'),
        vscode.l10n.t('Reset Password'),
      ],
    ),

    registerCommand(deps, 'digitalocean.droplet.snapshot', vscode.l10n.t('Take snapshot'), async (arg) => {
      const node = await target(arg, vscode.l10n.t('Take a snapshot'));
      const d = node.item as Droplet;
      const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
      const name = await input.inputBox({
        title: vscode.l10n.t('Snapshot of {0}', d.name),
        prompt: vscode.l10n.t('Name of the snapshot'),
        value: `${d.name}-${stamp}`,
        validateInput: (v) => snapshotKind.nameProblem?.(v),
      });
      return act(node, 'snapshot', vscode.l10n.t('Snapshot'), vscode.l10n.t('Taking a snapshot…'), { name: name.trim() });
    }),

    registerCommand(deps, 'digitalocean.droplet.rename', vscode.l10n.t('Rename droplet'), async (arg) => {
      const node = await target(arg, vscode.l10n.t('Rename a droplet'));
      const d = node.item as Droplet;
      const name = await input.inputBox({
        title: vscode.l10n.t('Rename {0}', d.name),
        value: d.name,
        validateInput: (v) => dropletKind.nameProblem?.(v) ?? (v.trim() === d.name ? vscode.l10n.t('That is its name already.') : undefined),
      });
      return act(node, 'rename', vscode.l10n.t('Rename'), vscode.l10n.t('Renaming…'), { name: name.trim() });
    }),

    registerCommand(deps, 'digitalocean.droplet.resize', vscode.l10n.t('Resize droplet'), async (arg) => {
      const node = await target(arg, vscode.l10n.t('Resize a droplet'));
      const d = node.item as Droplet;
      const sizes = (await model.cacheFor(node.account).list(dropletSize)).filter((s) => s.available && s.regions.includes(d.region.slug));
      const size = await input.quickPick(
        sizes.map((s) => ({
          label: s.slug === d.size_slug ? `$(check) ${s.slug}` : s.slug,
          description: vscode.l10n.t(
            '{0} vCPU · {1} · {2} GB disk · ${3}/mo{4}',
            s.vcpus,
            memory(s.memory),
            s.disk,
            s.price_monthly,
            s.slug === d.size_slug ? ' · current' : '',
          ),
          size: s,
        })),
        { title: vscode.l10n.t('Resize {0} (now {1})', d.name, d.size_slug), placeHolder: vscode.l10n.t('Choose the new size') },
      );
      if (size.size.slug === d.size_slug) throw new Error(vscode.l10n.t('{0} is already {1}.', d.name, d.size_slug));
      const grows = size.size.disk > d.disk;
      const scope = await input.quickPick(
        [
          { label: vscode.l10n.t('CPU and RAM only'), description: vscode.l10n.t('can be reverted later'), disk: false },
          ...(grows
            ? [
                {
                  label: vscode.l10n.t('CPU, RAM and disk'),
                  description: vscode.l10n.t('disk grows to {0} GB: permanent, it can never shrink back', size.size.disk),
                  disk: true,
                },
              ]
            : []),
        ],
        { title: vscode.l10n.t('Resize {0} to {1}', d.name, size.size.slug) },
      );
      let powerOnAfter = false;
      if (scope.disk && d.status !== 'off') {
        await input.confirm(
          vscode.l10n.t('{0} must be off for a disk resize.', d.name),
          vscode.l10n.t('Shut it down now, resize, and power it on again afterwards?'),
          vscode.l10n.t('Shut Down and Resize'),
        );
        await act(node, 'shutdown', vscode.l10n.t('Shut down'), vscode.l10n.t('Shutting down…'));
        powerOnAfter = true;
      }
      const result = await act(node, 'resize', vscode.l10n.t('Resize to {0}:', size.size.slug), vscode.l10n.t('Resizing to {0}…', size.size.slug), {
        size: size.size.slug,
        disk: scope.disk,
      });
      if (powerOnAfter) await act(node, 'power_on', vscode.l10n.t('Power on'), vscode.l10n.t('Powering on…'));
      return result;
    }),

    registerCommand(deps, 'digitalocean.droplet.rebuild', vscode.l10n.t('Rebuild droplet'), async (arg) => {
      const node = await target(arg, vscode.l10n.t('Rebuild a droplet'));
      const d = node.item as Droplet;
      const cache = model.cacheFor(node.account);
      const [distributions, custom] = await Promise.all([
        cache.list(imageKind, [], { type: 'distribution' }),
        cache.list(imageKind, [], { private: true }).catch(() => [] as Image[]),
      ]);
      const picked = await input.quickPick(
        [...distributions, ...custom].map((i) => ({
          label: `${i.distribution} ${i.name}`,
          description: i.slug ?? vscode.l10n.t('custom image {0}', i.id),
          image: i,
        })),
        { title: vscode.l10n.t('Rebuild {0} from an image', d.name), placeHolder: vscode.l10n.t('Everything on the droplet is replaced by the image') },
      );
      await typeNameToConfirm(d, vscode.l10n.t('Rebuild'));
      return act(node, 'rebuild', vscode.l10n.t('Rebuild'), vscode.l10n.t('Rebuilding…'), { image: picked.image.slug ?? picked.image.id });
    }),

    registerCommand(deps, 'digitalocean.droplet.destroy', vscode.l10n.t('Destroy droplet'), async (arg) => {
      const node = await target(arg, vscode.l10n.t('Destroy a droplet'), (d) => !(d as Droplet).locked);
      const d = node.item as Droplet;
      await typeNameToConfirm(d, vscode.l10n.t('Destroy'));
      return runAction(deps, {
        node,
        title: vscode.l10n.t('Destroy {0}', d.name),
        transition: vscode.l10n.t('Destroying…'),
        deletes: true,
        start: (client, signal) => client.remove(dropletKind, node.resourceId, { signal }),
      });
    }),
  ];
}

// ---- Create Droplet: a wizard on the shared steps (name, region, size in that region, image, SSH
// keys, VPC, options, project, tags, summary with the price), then the create, the project, a
// wait until it is active (Cancel stops only the wait), and the droplet selected in the view.

interface Plan {
  name: string;
  region: string;
  size: string;
  image?: Image;
  sshKeys: number[];
  vpc?: string;
  options: string[];
  project?: string;
  tags: string[];
}

function createDropletCommand(deps: CommandDeps): vscode.Disposable {
  const { input, model } = deps;
  return registerCommand(deps, 'digitalocean.droplet.create', vscode.l10n.t('Create droplet'), async (arg) => {
    const account: AccountInfo = await accountTarget(deps, arg, vscode.l10n.t('Create a droplet in which account?'));
    const cache = model.cacheFor(account);
    const [regions, sizes, distributions, custom, keys, vpcs, projects, localKeys] = await withProgress(vscode.l10n.t('Loading sizes, images and keys…'), () =>
      Promise.all([
        cache.list(regionKind),
        cache.list(dropletSize),
        cache.list(imageKind, [], { type: 'distribution' }),
        cache.list(imageKind, [], { private: true }).catch(() => [] as Image[]),
        cache.list(sshKey).catch(() => []),
        cache.list(vpcKind).catch(() => []),
        cache.list(projectKind).catch(() => []),
        deps.machine.publicKeys(),
      ]),
    );
    // the account's keys that are on this machine are preselected: those are the ones that can log in
    const onThisMachine = keys.filter((k) => localKeys.some((l) => l.md5 === k.fingerprint)).map((k) => k.id);
    const taken = (cache.peek(dropletKind) ?? []).map((d) => d.name);
    const sizeOf = (slug: string) => sizes.find((x) => x.slug === slug);
    const title = vscode.l10n.t('Create droplet');
    let actionId: number | undefined;
    return runCreateWizard<Plan, Droplet>(deps, {
      title,
      account,
      kind: dropletKind,
      name: (p) => p.name,
      plan: { name: '', region: 'nyc3', size: '', sshKeys: onThisMachine, options: ['monitoring'], tags: [] },
      prompts: [
        nameStep<Plan>(input, title, { kind: dropletKind, taken, prompt: vscode.l10n.t('Name (host name)') }),
        regionStep<Plan>(input, title, () => regions.filter((r) => r.available !== false)),
        sizeStep<Plan>(
          input,
          title,
          (p) =>
            sizes
              .filter((x) => x.available && x.regions.includes(p.region))
              .map((x) => ({
                slug: x.slug,
                description: vscode.l10n.t('{0} vCPU · {1} · {2} GB disk · ${3}/mo', x.vcpus, memory(x.memory), x.disk, x.price_monthly),
              })),
          (p) => vscode.l10n.t('Size (available in {0})', p.region),
        ),
        async (p, s) => {
          const usable = [...distributions, ...custom].filter((i) => i.regions.length === 0 || i.regions.includes(p.region));
          p.image = (
            await input.quickPick(
              usable.map((i) => ({
                label: `${i.distribution} ${i.name}`,
                description: i.type === 'base' ? (i.slug ?? '') : vscode.l10n.t('custom image · {0}', i.regions.join(', ')),
                picked: i.id === p.image?.id,
                image: i,
              })),
              { title, ...s, placeHolder: vscode.l10n.t('Image') },
            )
          ).image;
        },
        async (p, s) => {
          const picked = await input.quickPickMany(
            keys.map((k) => ({
              label: k.name,
              description: `${k.fingerprint}${onThisMachine.includes(k.id) ? vscode.l10n.t(' · on this machine') : ''}`,
              picked: p.sshKeys.includes(k.id),
              key: k,
            })),
            { title, ...s, placeHolder: vscode.l10n.t('SSH keys (none: a root password is emailed)') },
          );
          p.sshKeys = picked.map((k) => k.key.id);
        },
        vpcStep<Plan>(input, title, vpcs),
        async (p, s) => {
          const options = [
            { label: 'monitoring', description: vscode.l10n.t('metrics agent (free)') },
            { label: 'backups', description: vscode.l10n.t('weekly backups (+20% of the droplet price)') },
            { label: 'ipv6', description: vscode.l10n.t('a public IPv6 address') },
          ];
          p.options = (
            await input.quickPickMany(
              options.map((o) => ({ ...o, picked: p.options.includes(o.label) })),
              { title, ...s, placeHolder: vscode.l10n.t('Options') },
            )
          ).map((o) => o.label);
        },
        projectStep<Plan>(input, title, projects),
        tagsStep<Plan>(input, title),
        summaryStep<Plan>(input, title, (p) => {
          const size = sizeOf(p.size);
          const monthly = (size?.price_monthly ?? 0) * (p.options.includes('backups') ? 1.2 : 1);
          return {
            label: vscode.l10n.t('Create {0}', p.name),
            description: `${p.size} · ${p.region} · ${priceRange(monthly)}`,
            detail: [`${p.image?.distribution ?? ''} ${p.image?.name ?? ''}`.trim(), ...p.options].join(' · '),
          };
        }),
      ],
      execute: [
        create({
          detail: (p) => `${p.size}, ${p.region}`,
          send: async ({ plan }, signal) => {
            // the rules the agents' create tool checks too; what the steps offered passes them
            const problems = dropletPlanProblems(
              { name: plan.name, region: plan.region, size: plan.size, image: plan.image!.slug ?? plan.image!.id, backups: plan.options.includes('backups') },
              { regions, sizes, images: [...distributions, ...custom] },
            );
            if (problems.length) throw new Error(problems.join(' '));
            const answer = await createDroplet(
              cache.client,
              {
                name: plan.name,
                region: plan.region,
                size: plan.size,
                image: plan.image!.slug ?? plan.image!.id,
                ssh_keys: plan.sshKeys,
                vpc_uuid: plan.vpc,
                monitoring: plan.options.includes('monitoring'),
                backups: plan.options.includes('backups'),
                ipv6: plan.options.includes('ipv6'),
                tags: plan.tags,
              },
              signal,
            );
            actionId = answer.actionId;
            await rememberDropletKeys(deps.state, account.id, answer.droplet.id, plan.sshKeys);
            return answer.droplet;
          },
        }),
        assignToProjectStep<Plan, Droplet>(projects),
        reveal<Plan, Droplet>('created'),
        waitUntilReady<Plan, Droplet>({
          progress: (c) => vscode.l10n.t('Creating {0}: waiting until it is active…', c.name),
          // the create's own action says when it is done; without one, the droplet's status does
          wait: async (c, signal) => {
            if (actionId !== undefined) await c.cache.client.waitForAction(actionId, { signal });
            return c.cache.client.waitForReady(dropletKind, c.kind.idOf(c.created!), (d) => (d.status === 'active' ? 'ready' : 'pending'), {
              signal,
              what: vscode.l10n.t('The droplet {0}', c.name),
            });
          },
        }),
        reveal<Plan, Droplet>('ready'),
        notify<Plan, Droplet>((c) => ({ message: vscode.l10n.t('Droplet {0} is active at {1}.', c.name, publicIpv4(c.ready!) ?? c.ready!.region.slug) })),
      ],
      result: (c) => (c.created ? c.created.id : undefined),
    });
  });
}
