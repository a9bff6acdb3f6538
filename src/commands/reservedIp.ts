/** Reserved IPs: create (for a droplet or a region), assign, unassign, release. */
import * as vscode from 'vscode';
import { type Droplet, droplet as dropletKind } from '../api/resources/droplet';
import { type ReservedIp, reservedIp as reservedIpKind } from '../api/resources/reservedIp';
import type { AccountInfo } from '../accounts/accountStore';
import { reservedIpPresenter } from '../tree/kinds/reservedIp';
import { runAction } from './actionRunner';
import { accountTarget, pickRegion, resourceTarget } from './pick';
import { registerCommand } from './register';
import { withProgress } from '../ui/progress';
import type { CommandDeps } from './deps';

export function registerReservedIpCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;
  const target = (arg: unknown, title: string, valid: (item: unknown) => boolean = () => true) => resourceTarget(deps, arg, reservedIpPresenter, title, valid);

  const pickDroplet = async (node: { account: AccountInfo }, regionSlug: string | undefined, title: string, except?: number) => {
    const droplets = (await model.cacheFor(node.account).list(dropletKind)).filter((d) => (!regionSlug || d.region.slug === regionSlug) && d.id !== except && d.status !== 'archive');
    if (droplets.length === 0) throw new Error(regionSlug ? `There is no droplet in ${regionSlug} to assign it to.` : 'There is no droplet.');
    return (await input.quickPick(droplets.map((d: Droplet) => ({ label: d.name, description: `${d.region.slug} · ${d.status}`, droplet: d })), { title })).droplet;
  };

  return [
    registerCommand(deps, 'digitalocean.reservedIp.create', 'Create reserved IP', async (arg) => {
      const owner = await accountTarget(deps, arg, 'Create a reserved IP in which account?');
      const how = await input.quickPick(
        [
          { label: 'Assigned to a droplet', description: 'in the droplet\'s region', forDroplet: true },
          { label: 'Unassigned, in a region', description: 'costs $5/mo while unassigned', forDroplet: false },
        ],
        { title: 'Create a reserved IP' },
      );
      let body: Record<string, unknown>;
      if (how.forDroplet) {
        body = { droplet_id: (await pickDroplet({ account: owner }, undefined, 'Assign the new reserved IP to')).id };
      } else {
        body = { region: await pickRegion(deps, owner, { title: 'Region of the new reserved IP' }) };
      }
      const created = await withProgress('Creating a reserved IP…', (signal) => model.cacheFor(owner).client.create(reservedIpKind, body, { signal }));
      log.info(`[${owner.label}] Reserved IP ${created.ip} created${created.droplet ? ` for ${created.droplet.name}` : ` in ${created.region.slug}`}`);
      model.reloadKind(owner, reservedIpKind.kind);
      vscode.window.setStatusBarMessage(`$(check) Reserved IP ${created.ip} created`, 5000);
      return created.ip;
    }),

    registerCommand(deps, 'digitalocean.reservedIp.assign', 'Assign reserved IP', async (arg) => {
      const node = await target(arg, 'Assign a reserved IP');
      const ip = node.item as ReservedIp;
      const droplet = await pickDroplet(node, ip.region.slug, `Assign ${ip.ip} to a droplet in ${ip.region.slug}`, ip.droplet?.id);
      return runAction(deps, {
        node,
        title: `Assign ${ip.ip} to ${droplet.name}`,
        transition: 'Assigning…',
        start: (client, signal) => client.act(reservedIpKind, ip.ip, 'assign', { droplet_id: droplet.id }, { signal }),
      });
    }),

    registerCommand(deps, 'digitalocean.reservedIp.unassign', 'Unassign reserved IP', async (arg) => {
      const node = await target(arg, 'Unassign a reserved IP', (r) => Boolean((r as ReservedIp).droplet));
      const ip = node.item as ReservedIp;
      await input.confirm(`Unassign ${ip.ip} from ${ip.droplet?.name}?`, 'Traffic to this address stops reaching the droplet. An unassigned reserved IP costs $5 a month.', 'Unassign');
      return runAction(deps, { node, title: `Unassign ${ip.ip}`, transition: 'Unassigning…', start: (client, signal) => client.act(reservedIpKind, ip.ip, 'unassign', {}, { signal }) });
    }),

    registerCommand(deps, 'digitalocean.reservedIp.release', 'Release reserved IP', async (arg) => {
      const node = await target(arg, 'Release a reserved IP');
      const ip = node.item as ReservedIp;
      await input.confirm(`Release ${ip.ip}?`, `The address goes back to DigitalOcean${ip.droplet ? ` and stops reaching ${ip.droplet.name}` : ''}; you are unlikely to get the same one again.`, 'Release');
      return runAction(deps, { node, title: `Release ${ip.ip}`, transition: 'Releasing…', deletes: true, start: (client, signal) => client.remove(reservedIpKind, ip.ip, { signal }) });
    }),
  ];
}
