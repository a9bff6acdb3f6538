/**
 * Droplet actions from the context menu or the palette (which offers only droplets the action
 * suits): power, reboot, snapshot, resize, rename, rebuild, backups, root password, IPv6, destroy.
 * Destructive ones confirm (typing the name where nothing can bring it back); inputs are checked
 * at the input box before any request.
 */
import * as vscode from 'vscode';
import { type Droplet, type DropletActionType, droplet as dropletKind, dropletSize, image as imageKind, type Image } from '../api';
import { dropletPresenter } from '../tree/kinds/droplet';
import type { ResourceNode } from '../tree/nodes/resourceNode';
import { memory } from '../tree/format';
import { runAction } from './actionRunner';
import { resourceTarget } from './pick';
import { registerCommand } from './register';
import type { CommandDeps } from './deps';
import { dropletNameProblem, snapshotNameProblem } from './validators';

const running = (item: unknown) => (item as Droplet).status === 'active' && !(item as Droplet).locked;
const off = (item: unknown) => (item as Droplet).status === 'off' && !(item as Droplet).locked;
const idle = (item: unknown) => !(item as Droplet).locked && (item as Droplet).status !== 'new';

export function registerDropletCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, model } = deps;
  const target = (arg: unknown, title: string, valid: (item: unknown) => boolean = idle) => resourceTarget(deps, arg, dropletPresenter, title, valid);
  const act = (node: ResourceNode, type: DropletActionType, title: string, transition: string, params: Record<string, unknown> = {}) =>
    runAction(deps, { node, title: `${title} ${node.name}`, transition, start: (client, signal) => client.act(dropletKind, node.resourceId, type, params, { signal }) });

  const simple = (id: string, type: DropletActionType, title: string, transition: string, valid: (item: unknown) => boolean, confirm?: (d: Droplet) => [string, string, string]) =>
    registerCommand(deps, id, title, async (arg) => {
      const node = await target(arg, title, valid);
      if (confirm) await input.confirm(...confirm(node.item as Droplet));
      return act(node, type, title, transition);
    });

  const typeNameToConfirm = (d: Droplet, what: string) =>
    input.inputBox({
      title: `${what} ${d.name}`,
      prompt: `This cannot be undone. Type the droplet's name (${d.name}) to confirm.`,
      validateInput: (v) => (v === d.name ? undefined : `Type ${d.name} exactly to confirm.`),
    });

  return [
    simple('digitalocean.droplet.powerOn', 'power_on', 'Power on', 'Powering on…', off),
    simple('digitalocean.droplet.shutdown', 'shutdown', 'Shut down', 'Shutting down…', running),
    simple('digitalocean.droplet.powerOff', 'power_off', 'Power off', 'Powering off…', running, (d) => [
      `Power off ${d.name}?`,
      'This cuts the power like pulling the plug: unsaved data can be lost. "Shut Down" asks the system to stop cleanly instead.',
      'Power Off',
    ]),
    simple('digitalocean.droplet.reboot', 'reboot', 'Reboot', 'Rebooting…', running),
    simple('digitalocean.droplet.powerCycle', 'power_cycle', 'Power cycle', 'Power cycling…', running, (d) => [`Power cycle ${d.name}?`, 'The power is cut and restored: unsaved data can be lost.', 'Power Cycle']),
    simple('digitalocean.droplet.enableBackups', 'enable_backups', 'Enable backups', 'Enabling backups…', (d) => idle(d) && !(d as Droplet).features.includes('backups')),
    simple('digitalocean.droplet.disableBackups', 'disable_backups', 'Disable backups', 'Disabling backups…', (d) => idle(d) && (d as Droplet).features.includes('backups'), (d) => [
      `Disable backups of ${d.name}?`,
      'Existing backups are kept for their retention period; no new ones are made.',
      'Disable Backups',
    ]),
    simple('digitalocean.droplet.enableIpv6', 'enable_ipv6', 'Enable IPv6', 'Enabling IPv6…', (d) => idle(d) && !(d as Droplet).features.includes('ipv6')),
    simple('digitalocean.droplet.passwordReset', 'password_reset', 'Reset root password', 'Resetting the root password…', idle, (d) => [
      `Reset the root password of ${d.name}?`,
      'DigitalOcean emails a new root password to the account owner. The droplet reboots.',
      'Reset Password',
    ]),

    registerCommand(deps, 'digitalocean.droplet.snapshot', 'Take snapshot', async (arg) => {
      const node = await target(arg, 'Take a snapshot');
      const d = node.item as Droplet;
      const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
      const name = await input.inputBox({ title: `Snapshot of ${d.name}`, prompt: 'Name of the snapshot', value: `${d.name}-${stamp}`, validateInput: snapshotNameProblem });
      return act(node, 'snapshot', 'Snapshot', 'Taking a snapshot…', { name: name.trim() });
    }),

    registerCommand(deps, 'digitalocean.droplet.rename', 'Rename droplet', async (arg) => {
      const node = await target(arg, 'Rename a droplet');
      const d = node.item as Droplet;
      const name = await input.inputBox({
        title: `Rename ${d.name}`,
        value: d.name,
        validateInput: (v) => dropletNameProblem(v) ?? (v.trim() === d.name ? 'That is its name already.' : undefined),
      });
      return act(node, 'rename', 'Rename', 'Renaming…', { name: name.trim() });
    }),

    registerCommand(deps, 'digitalocean.droplet.resize', 'Resize droplet', async (arg) => {
      const node = await target(arg, 'Resize a droplet');
      const d = node.item as Droplet;
      const sizes = (await model.cacheFor(node.account).list(dropletSize)).filter((s) => s.available && s.regions.includes(d.region.slug));
      const size = await input.quickPick(
        sizes.map((s) => ({
          label: s.slug === d.size_slug ? `$(check) ${s.slug}` : s.slug,
          description: `${s.vcpus} vCPU · ${memory(s.memory)} · ${s.disk} GB disk · $${s.price_monthly}/mo${s.slug === d.size_slug ? ' · current' : ''}`,
          size: s,
        })),
        { title: `Resize ${d.name} (now ${d.size_slug})`, placeHolder: 'Choose the new size' },
      );
      if (size.size.slug === d.size_slug) throw new Error(`${d.name} is already ${d.size_slug}.`);
      const grows = size.size.disk > d.disk;
      const scope = await input.quickPick(
        [
          { label: 'CPU and RAM only', description: 'can be reverted later', disk: false },
          ...(grows ? [{ label: 'CPU, RAM and disk', description: `disk grows to ${size.size.disk} GB: permanent, it can never shrink back`, disk: true }] : []),
        ],
        { title: `Resize ${d.name} to ${size.size.slug}` },
      );
      let powerOnAfter = false;
      if (scope.disk && d.status !== 'off') {
        await input.confirm(`${d.name} must be off for a disk resize.`, 'Shut it down now, resize, and power it on again afterwards?', 'Shut Down and Resize');
        await act(node, 'shutdown', 'Shut down', 'Shutting down…');
        powerOnAfter = true;
      }
      const result = await act(node, 'resize', `Resize to ${size.size.slug}:`, `Resizing to ${size.size.slug}…`, { size: size.size.slug, disk: scope.disk });
      if (powerOnAfter) await act(node, 'power_on', 'Power on', 'Powering on…');
      return result;
    }),

    registerCommand(deps, 'digitalocean.droplet.rebuild', 'Rebuild droplet', async (arg) => {
      const node = await target(arg, 'Rebuild a droplet');
      const d = node.item as Droplet;
      const cache = model.cacheFor(node.account);
      const [distributions, custom] = await Promise.all([cache.list(imageKind, [], { type: 'distribution' }), cache.list(imageKind, [], { private: true }).catch(() => [] as Image[])]);
      const picked = await input.quickPick(
        [...distributions, ...custom].map((i) => ({ label: `${i.distribution} ${i.name}`, description: i.slug ?? `custom image ${i.id}`, image: i })),
        { title: `Rebuild ${d.name} from an image`, placeHolder: 'Everything on the droplet is replaced by the image' },
      );
      await typeNameToConfirm(d, 'Rebuild');
      return act(node, 'rebuild', 'Rebuild', 'Rebuilding…', { image: picked.image.slug ?? picked.image.id });
    }),

    registerCommand(deps, 'digitalocean.droplet.destroy', 'Destroy droplet', async (arg) => {
      const node = await target(arg, 'Destroy a droplet', (d) => !(d as Droplet).locked);
      const d = node.item as Droplet;
      await typeNameToConfirm(d, 'Destroy');
      return runAction(deps, {
        node,
        title: `Destroy ${d.name}`,
        transition: 'Destroying…',
        deletes: true,
        start: (client, signal) => client.remove(dropletKind, node.resourceId, { signal }),
      });
    }),
  ];
}
