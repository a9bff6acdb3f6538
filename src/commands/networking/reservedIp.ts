/** Reserved IPs: create (for a droplet or a region), assign, unassign, release. */
import * as vscode from 'vscode';
import { type Droplet, droplet as dropletKind } from '../../api/resources/droplet';
import { type ReservedIp, reservedIp as reservedIpKind } from '../../api/resources/reservedIp';
import type { AccountInfo } from '../../accounts/accountStore';
import { reservedIpPresenter } from '../../tree/kinds/reservedIp';
import { runAction } from '../actionRunner';
import { assignAddress, unassignAddress } from './addresses';
import { accountTarget, resourceTarget } from '../pick';
import { onlyWhen } from '../../ui/wizard';
import { priceRange, regionStep, summaryStep } from '../wizard/prompts';
import { create, notify, reveal, runCreateWizard } from '../wizard/create';
import { region as regionKind } from '../../api/resources/region';
import { registerCommand } from '../register';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';

interface ReservedIpPlan {
  forDroplet: boolean;
  droplet?: number;
  region: string;
}

export function registerReservedIpCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, model } = deps;
  const target = (arg: unknown, title: string, valid: (item: unknown) => boolean = () => true) => resourceTarget(deps, arg, reservedIpPresenter, title, valid);

  const pickDroplet = async (node: { account: AccountInfo }, regionSlug: string | undefined, title: string, except?: number) => {
    const droplets = (await model.cacheFor(node.account).list(dropletKind)).filter(
      (d) => (!regionSlug || d.region.slug === regionSlug) && d.id !== except && d.status !== 'archive',
    );
    if (droplets.length === 0)
      throw new Error(regionSlug ? vscode.l10n.t('There is no droplet in {0} to assign it to.', regionSlug) : vscode.l10n.t('There is no droplet.'));
    return (
      await input.quickPick(
        droplets.map((d: Droplet) => ({ label: d.name, description: `${d.region.slug} · ${d.status}`, droplet: d })),
        { title },
      )
    ).droplet;
  };

  return [
    registerCommand(deps, 'digitalocean.reservedIp.create', vscode.l10n.t('Create reserved IP'), async (arg) => {
      const account = await accountTarget(deps, arg, vscode.l10n.t('Create a reserved IP in which account?'));
      const cache = model.cacheFor(account);
      const [droplets, regions] = await withProgress(vscode.l10n.t('Loading droplets and regions…'), () =>
        Promise.all([cache.list(dropletKind), cache.list(regionKind)]),
      );
      const usable = droplets.filter((d) => d.status !== 'archive');
      const title = vscode.l10n.t('Create reserved IP');
      const dropletOf = (p: ReservedIpPlan) => usable.find((d) => d.id === p.droplet);
      return runCreateWizard<ReservedIpPlan, ReservedIp>(deps, {
        title,
        account,
        kind: reservedIpKind,
        name: (p) => (p.forDroplet ? vscode.l10n.t('for {0}', dropletOf(p)?.name ?? '') : vscode.l10n.t('in {0}', p.region)),
        plan: { forDroplet: usable.length > 0, region: 'nyc3' },
        prompts: [
          async (p, s) => {
            p.forDroplet = (
              await input.quickPick(
                [
                  {
                    label: vscode.l10n.t('Assigned to a droplet'),
                    description: vscode.l10n.t("in the droplet's region"),
                    forDroplet: true,
                    picked: p.forDroplet,
                  },
                  {
                    label: vscode.l10n.t('Unassigned, in a region'),
                    description: vscode.l10n.t('costs $5/mo while unassigned'),
                    forDroplet: false,
                    picked: !p.forDroplet,
                  },
                ],
                { title, ...s, placeHolder: vscode.l10n.t('The new reserved IP is') },
              )
            ).forDroplet;
          },
          onlyWhen(
            (p) => p.forDroplet,
            async (p, s) => {
              if (!usable.length) throw new Error(vscode.l10n.t('There is no droplet.'));
              p.droplet = (
                await input.quickPick(
                  usable.map((d) => ({ label: d.name, description: `${d.region.slug} · ${d.status}`, picked: d.id === p.droplet, droplet: d })),
                  { title, ...s, placeHolder: vscode.l10n.t('Assign the new reserved IP to') },
                )
              ).droplet.id;
            },
          ),
          onlyWhen(
            (p) => !p.forDroplet,
            regionStep<ReservedIpPlan>(
              input,
              title,
              () => regions.filter((r) => r.available !== false),
              () => vscode.l10n.t('Region of the new reserved IP'),
            ),
          ),
          summaryStep<ReservedIpPlan>(input, title, (p) => ({
            label: vscode.l10n.t('Reserve an IP {0}', p.forDroplet ? vscode.l10n.t('for {0}', dropletOf(p)?.name ?? '') : vscode.l10n.t('in {0}', p.region)),
            description: p.forDroplet ? vscode.l10n.t('free while assigned') : priceRange(5),
          })),
        ],
        execute: [
          create({
            progress: () => vscode.l10n.t('Creating a reserved IP…'),
            send: ({ plan }, signal) =>
              cache.client.create(reservedIpKind, plan.forDroplet ? { droplet_id: plan.droplet } : { region: plan.region }, { signal }),
          }),
          reveal(),
          notify(({ created }) => ({
            message: vscode.l10n.t(
              'Reserved {0}{1}.',
              created!.ip,
              created!.droplet ? vscode.l10n.t(' for {0}', created!.droplet.name) : vscode.l10n.t(' in {0}', created!.region.slug),
            ),
          })),
        ],
        result: (c) => c.created?.ip,
      });
    }),

    registerCommand(deps, 'digitalocean.reservedIp.assign', vscode.l10n.t('Assign reserved IP'), async (arg) => {
      const node = await target(arg, vscode.l10n.t('Assign a reserved IP'));
      const ip = node.item as ReservedIp;
      const droplet = await pickDroplet(node, ip.region.slug, vscode.l10n.t('Assign {0} to a droplet in {1}', ip.ip, ip.region.slug), ip.droplet?.id);
      return assignAddress(deps, node, reservedIpKind, ip.ip, droplet);
    }),

    registerCommand(deps, 'digitalocean.reservedIp.unassign', vscode.l10n.t('Unassign reserved IP'), async (arg) => {
      const node = await target(arg, vscode.l10n.t('Unassign a reserved IP'), (r) => Boolean((r as ReservedIp).droplet));
      const ip = node.item as ReservedIp;
      return unassignAddress(
        deps,
        node,
        reservedIpKind,
        ip.ip,
        String(ip.droplet?.name),
        vscode.l10n.t('Traffic to this address stops reaching the droplet. An unassigned reserved IP costs $5 a month.'),
      );
    }),

    registerCommand(deps, 'digitalocean.reservedIp.release', vscode.l10n.t('Release reserved IP'), async (arg) => {
      const node = await target(arg, vscode.l10n.t('Release a reserved IP'));
      const ip = node.item as ReservedIp;
      await input.confirm(
        vscode.l10n.t('Release {0}?', ip.ip),
        vscode.l10n.t(
          'The address goes back to DigitalOcean{0}; you are unlikely to get the same one again.',
          ip.droplet ? vscode.l10n.t(' and stops reaching {0}', ip.droplet.name) : '',
        ),
        vscode.l10n.t('Release'),
      );
      return runAction(deps, {
        node,
        title: vscode.l10n.t('Release {0}', ip.ip),
        transition: vscode.l10n.t('Releasing…'),
        deletes: true,
        start: (client, signal) => client.remove(reservedIpKind, ip.ip, { signal }),
      });
    }),
  ];
}
