/** Reserved IPs: create (for a droplet or a region), assign, unassign, release. */
import * as vscode from 'vscode';
import { type Droplet, droplet as dropletKind } from '../../api/resources/droplet';
import { type ReservedIp, reservedIp as reservedIpKind } from '../../api/resources/reservedIp';
import type { AccountInfo } from '../../accounts/accountStore';
import { reservedIpPresenter } from '../../tree/kinds/reservedIp';
import { runAction } from '../actionRunner';
import { accountTarget, pickRegion, resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';

export function registerReservedIpCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;
  const target = (arg: unknown, title: string, valid: (item: unknown) => boolean = () => true) => resourceTarget(deps, arg, reservedIpPresenter, title, valid);

  const pickDroplet = async (node: { account: AccountInfo }, regionSlug: string | undefined, title: string, except?: number) => {
    const droplets = (await model.cacheFor(node.account).list(dropletKind)).filter((d) => (!regionSlug || d.region.slug === regionSlug) && d.id !== except && d.status !== 'archive');
    if (droplets.length === 0) throw new Error(regionSlug ? vscode.l10n.t('There is no droplet in {0} to assign it to.', regionSlug) : vscode.l10n.t('There is no droplet.'));
    return (await input.quickPick(droplets.map((d: Droplet) => ({ label: d.name, description: `${d.region.slug} · ${d.status}`, droplet: d })), { title })).droplet;
  };

  return [
    registerCommand(deps, 'digitalocean.reservedIp.create', vscode.l10n.t('Create reserved IP'), async (arg) => {
      const owner = await accountTarget(deps, arg, vscode.l10n.t('Create a reserved IP in which account?'));
      const how = await input.quickPick(
        [
          { label: vscode.l10n.t('Assigned to a droplet'), description: vscode.l10n.t('in the droplet\'s region'), forDroplet: true },
          { label: vscode.l10n.t('Unassigned, in a region'), description: vscode.l10n.t('costs $5/mo while unassigned'), forDroplet: false },
        ],
        { title: vscode.l10n.t('Create a reserved IP') },
      );
      let body: Record<string, unknown>;
      if (how.forDroplet) {
        body = { droplet_id: (await pickDroplet({ account: owner }, undefined, vscode.l10n.t('Assign the new reserved IP to'))).id };
      } else {
        body = { region: await pickRegion(deps, owner, { title: vscode.l10n.t('Region of the new reserved IP') }) };
      }
      const created = await withProgress(vscode.l10n.t('Creating a reserved IP…'), (signal) => model.cacheFor(owner).client.create(reservedIpKind, body, { signal }));
      log.info(`[${owner.label}] Reserved IP ${created.ip} created${created.droplet ? ` for ${created.droplet.name}` : ` in ${created.region.slug}`}`);
      model.reloadKind(owner, reservedIpKind.kind);
      vscode.window.setStatusBarMessage(`$(check) Reserved IP ${created.ip} created`, 5000);
      return created.ip;
    }),

    registerCommand(deps, 'digitalocean.reservedIp.assign', vscode.l10n.t('Assign reserved IP'), async (arg) => {
      const node = await target(arg, vscode.l10n.t('Assign a reserved IP'));
      const ip = node.item as ReservedIp;
      const droplet = await pickDroplet(node, ip.region.slug, vscode.l10n.t('Assign {0} to a droplet in {1}', ip.ip, ip.region.slug), ip.droplet?.id);
      return runAction(deps, {
        node,
        title: vscode.l10n.t('Assign {0} to {1}', ip.ip, droplet.name),
        transition: vscode.l10n.t('Assigning…'),
        start: (client, signal) => client.act(reservedIpKind, ip.ip, 'assign', { droplet_id: droplet.id }, { signal }),
      });
    }),

    registerCommand(deps, 'digitalocean.reservedIp.unassign', vscode.l10n.t('Unassign reserved IP'), async (arg) => {
      const node = await target(arg, vscode.l10n.t('Unassign a reserved IP'), (r) => Boolean((r as ReservedIp).droplet));
      const ip = node.item as ReservedIp;
      await input.confirm(vscode.l10n.t('Unassign {0} from {1}?', ip.ip, String(ip.droplet?.name)), vscode.l10n.t('Traffic to this address stops reaching the droplet. An unassigned reserved IP costs $5 a month.'), vscode.l10n.t('Unassign'));
      return runAction(deps, { node, title: vscode.l10n.t('Unassign {0}', ip.ip), transition: vscode.l10n.t('Unassigning…'), start: (client, signal) => client.act(reservedIpKind, ip.ip, 'unassign', {}, { signal }) });
    }),

    registerCommand(deps, 'digitalocean.reservedIp.release', vscode.l10n.t('Release reserved IP'), async (arg) => {
      const node = await target(arg, vscode.l10n.t('Release a reserved IP'));
      const ip = node.item as ReservedIp;
      await input.confirm(vscode.l10n.t('Release {0}?', ip.ip), vscode.l10n.t('The address goes back to DigitalOcean{0}; you are unlikely to get the same one again.', ip.droplet ? vscode.l10n.t(' and stops reaching {0}', ip.droplet.name) : ''), vscode.l10n.t('Release'));
      return runAction(deps, { node, title: vscode.l10n.t('Release {0}', ip.ip), transition: vscode.l10n.t('Releasing…'), deletes: true, start: (client, signal) => client.remove(reservedIpKind, ip.ip, { signal }) });
    }),
  ];
}
