/**
 * What dropping resources on a node of the view does (the view's drag and drop controller hands
 * the drop here): resources dropped on a project move there; droplets dropped on a firewall or a
 * load balancer (of their region, targeting droplets) are added to it — each after a confirmation
 * naming what moves. Anything else is refused with a word, and nothing is sent.
 */
import type * as vscode from 'vscode';
import { droplet as dropletKind } from '../../api/resources/droplet';
import { firewall as firewallKind, type Firewall } from '../../api/resources/firewall';
import { type LoadBalancer, loadBalancer } from '../../api/resources/loadBalancer';
import { plural } from '../../tree/format';
import type { ExplorerNode } from '../../tree/nodes/base';
import { KindGroupNode } from '../../tree/nodes/kindGroupNode';
import { ProjectNode } from '../../tree/nodes/projectNode';
import { ResourceNode } from '../../tree/nodes/resourceNode';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { moveToProject } from './project';
import { registerCommand } from '../register';
import * as l10n from '@vscode/l10n';

/** Dropped on a project or one of its kind groups: that project (a resource in it is not a place to drop). */
function projectAt(target: ExplorerNode | undefined): ProjectNode | undefined {
  if (target instanceof ProjectNode) return target;
  if (target instanceof KindGroupNode && target.parent instanceof ProjectNode) return target.parent;
  return undefined;
}

export function registerDropCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;

  const refuse = (message: string) => {
    void input.notify('warning', message);
    return undefined;
  };

  return [
    registerCommand(deps, 'digitalocean.resource.dropOn', l10n.t('Drop on'), async (target, dropped) => {
      const nodes = (Array.isArray(dropped) ? dropped : []).filter((n): n is ResourceNode => n instanceof ResourceNode);
      if (!nodes.length) return refuse(l10n.t('Only resources of the DigitalOcean view can be dropped here.'));
      const { account } = nodes[0];
      if (nodes.some((n) => n.account.id !== account.id))
        return refuse(l10n.t('Resources of one account at a time: projects, firewalls and load balancers belong to one account.'));
      const names = nodes.map((n) => n.name).join(', ');
      const what = nodes.length === 1 ? nodes[0].name : plural(nodes.length, 'resource');
      const client = model.client(account);

      const targetNode = target as ExplorerNode | undefined;
      const intoFirewall = targetNode instanceof ResourceNode && targetNode.presenter.kind.kind === firewallKind.kind;
      const intoLb = targetNode instanceof ResourceNode && targetNode.presenter.kind.kind === loadBalancer.kind;
      if ((intoFirewall || intoLb) && targetNode instanceof ResourceNode) {
        if (targetNode.account.id !== account.id) return refuse(l10n.t('{0} is in another account.', targetNode.name));
        const notDroplets = nodes.filter((n) => n.presenter.kind.kind !== dropletKind.kind);
        if (notDroplets.length)
          return refuse(
            l10n.t(
              'Only droplets can be added to a {0}: {1} cannot.',
              intoFirewall ? 'firewall' : l10n.t('load balancer'),
              notDroplets.map((n) => n.name).join(', '),
            ),
          );
        const ids = nodes.map((n) => Number(n.resourceId));
        if (intoLb) {
          const lb = targetNode.item as LoadBalancer;
          if (lb.tag) return refuse(l10n.t('{0} sends traffic to the droplets tagged {1}: tag the droplets instead.', lb.name, lb.tag));
          const elsewhere = nodes.filter((n) => (n.item as { region?: { slug?: string } }).region?.slug !== lb.region?.slug);
          if (elsewhere.length)
            return refuse(
              l10n.t(
                '{0} {1} not in {2}, where {3} is.',
                String(elsewhere.map((n) => n.name).join(', ')),
                String(elsewhere.length === 1 ? 'is' : 'are'),
                String(lb.region?.slug),
                String(lb.name),
              ),
            );
          const fresh = ids.filter((id) => !(lb.droplet_ids ?? []).includes(id));
          if (!fresh.length) return refuse(l10n.t('{0} sends traffic to {1} already.', lb.name, what));
        } else {
          const fw = targetNode.item as Firewall;
          if (ids.every((id) => (fw.droplet_ids ?? []).includes(id))) return refuse(l10n.t('{0} applies to {1} already.', fw.name, what));
        }
        const kind = intoFirewall ? 'firewall' : l10n.t('load balancer');
        await input.confirm(l10n.t('Add {0} to {1} {2}?', what, kind, targetNode.name), names, l10n.t('Add'));
        const path = intoFirewall
          ? `/v2/firewalls/${encodeURIComponent(targetNode.resourceId)}/droplets`
          : `/v2/load_balancers/${encodeURIComponent(targetNode.resourceId)}/droplets`;
        await withProgress(l10n.t('Adding {0} to {1}…', what, targetNode.name), (signal) =>
          client.request<void>('POST', path, { body: { droplet_ids: ids }, signal }),
        );
        log.info(`[${account.label}] ${names} added to ${kind} ${targetNode.name}`);
        model.reloadKind(account, targetNode.presenter.kind.kind, false);
        return 'added';
      }

      const project = projectAt(targetNode);
      if (!project) return refuse(l10n.t('Drop resources on a project to move them there, or droplets on a firewall or load balancer to add them to it.'));
      if (project.parent.account.id !== account.id) return refuse(l10n.t('{0} is a project of another account.', project.project.name));
      const movable = nodes.filter((n) => n.presenter.kind.urnPrefix && n.presenter.placement === 'project');
      const unmovable = nodes.filter((n) => !movable.includes(n));
      if (!movable.length)
        return refuse(l10n.t('{0}: {1} to the account, not to a project.', names, nodes.length === 1 ? l10n.t('it belongs') : l10n.t('they belong')));
      const moving = movable.length === 1 ? movable[0].name : plural(movable.length, 'resource');
      await input.confirm(
        l10n.t('Move {0} to {1}?', moving, project.project.name),
        [
          movable.map((n) => n.name).join(', '),
          unmovable.length ? l10n.t('Left out (they cannot belong to a project): {0}.', unmovable.map((n) => n.name).join(', ')) : '',
        ]
          .filter(Boolean)
          .join('\n\n'),
        l10n.t('Move'),
      );
      await moveToProject(deps, project.project, movable);
      return 'moved';
    }),
  ];
}
