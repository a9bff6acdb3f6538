/**
 * Reserved IPv6: Reserve (a wizard with Back — the region, then a summary — then the address
 * selected in the view), Assign to a droplet of its region with IPv6 on (a droplet without it is
 * named, with the way to turn it on, rather than sent to the API to be refused), Unassign
 * (confirmed). Release is the shared Delete; the API refuses an assigned address, and so says it.
 */
import * as vscode from 'vscode';
import type { AccountInfo } from '../../accounts/accountStore';
import { droplet as dropletKind } from '../../api/resources/droplet';
import { region as regionKind } from '../../api/resources/region';
import { type ReservedIpv6, reservedIpv6 as ipv6Kind } from '../../api/resources/reservedIpv6';
import { shortList } from '../../tree/format';
import { reservedIpv6Presenter } from '../../tree/kinds/reservedIpv6';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { accountTarget, resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { assignAddress, unassignAddress } from './addresses';
import { create, notify, reveal, runCreateWizard } from '../wizard/create';
import { regionStep, summaryStep } from '../wizard/prompts';

interface Plan {
  region: string;
}

export function registerReservedIpv6Commands(deps: CommandDeps): vscode.Disposable[] {
  const { input, model } = deps;
  const target = (arg: unknown, title: string, valid: (item: unknown) => boolean = () => true) =>
    resourceTarget(deps, arg, reservedIpv6Presenter, title, valid);

  return [
    registerCommand(deps, 'digitalocean.reservedIpv6.create', vscode.l10n.t('Reserve IPv6 address'), async (arg) => {
      const account: AccountInfo = await accountTarget(deps, arg, vscode.l10n.t('Reserve an IPv6 address in which account?'));
      const cache = model.cacheFor(account);
      const regions = await withProgress(vscode.l10n.t('Loading the regions…'), () => cache.list(regionKind));
      const title = vscode.l10n.t('Reserve IPv6 address');
      return runCreateWizard<Plan, ReservedIpv6>(deps, {
        title,
        account,
        kind: ipv6Kind,
        plan: { region: 'nyc3' },
        prompts: [
          regionStep<Plan>(
            input,
            title,
            () => regions.filter((r) => r.available !== false),
            () => vscode.l10n.t('The region it is reserved to: only droplets there can use it'),
          ),
          summaryStep<Plan>(input, title, (p) => ({
            label: vscode.l10n.t('Reserve an IPv6 address in {0}', p.region),
            description: vscode.l10n.t('kept until you release it'),
            detail: vscode.l10n.t('Assign it to a droplet of {0} that has IPv6 on; it stays yours when the droplet goes.', p.region),
          })),
        ],
        execute: [
          create({
            progress: (p) => vscode.l10n.t('Reserving an IPv6 address in {0}…', p.region),
            send: ({ plan }, signal) => cache.client.create<ReservedIpv6>(ipv6Kind, { region_slug: plan.region }, { signal }),
          }),
          reveal(),
          notify(({ created }) => ({ message: vscode.l10n.t('Reserved {0} in {1}.', created!.ip, created!.region_slug) })),
        ],
        result: (c) => c.created?.ip,
      });
    }),

    registerCommand(deps, 'digitalocean.reservedIpv6.assign', vscode.l10n.t('Assign reserved IPv6'), async (arg) => {
      const node = await target(arg, vscode.l10n.t('Assign a reserved IPv6 address'));
      const ip = node.item as ReservedIpv6;
      const here = (await model.cacheFor(node.account).list(dropletKind)).filter(
        (d) => d.region.slug === ip.region_slug && d.id !== ip.droplet?.id && d.status !== 'archive',
      );
      const usable = here.filter((d) => d.features.includes('ipv6'));
      if (!usable.length)
        throw new Error(
          here.length
            ? vscode.l10n.t(
                'No droplet in {0} has IPv6 on, which a reserved IPv6 address needs. Turn it on with Enable IPv6 in the menu of one of them: {1}.',
                ip.region_slug,
                shortList(here.map((d) => d.name)),
              )
            : vscode.l10n.t('There is no other droplet in {0} to assign it to.', ip.region_slug),
        );
      const droplet = (
        await input.quickPick(
          usable.map((d) => ({ label: d.name, description: `${d.region.slug} · ${d.status}`, droplet: d })),
          { title: vscode.l10n.t('Assign {0} to a droplet in {1}', ip.ip, ip.region_slug) },
        )
      ).droplet;
      return assignAddress(deps, node, ipv6Kind, ip.ip, droplet);
    }),

    registerCommand(deps, 'digitalocean.reservedIpv6.unassign', vscode.l10n.t('Unassign reserved IPv6'), async (arg) => {
      const node = await target(arg, vscode.l10n.t('Unassign a reserved IPv6 address'), (r) => Boolean((r as ReservedIpv6).droplet));
      const ip = node.item as ReservedIpv6;
      return unassignAddress(
        deps,
        node,
        ipv6Kind,
        ip.ip,
        String(ip.droplet?.name),
        vscode.l10n.t('Traffic to this address stops reaching the droplet. The address stays reserved to you.'),
      );
    }),
  ];
}
