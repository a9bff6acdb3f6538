/**
 * What dropping resources on a node of the view does (the view's drag and drop controller hands
 * the drop here): resources dropped on a project move there; droplets dropped on a firewall or a
 * load balancer (of their region, targeting droplets) are added to it — each after a confirmation
 * naming what moves. Anything else is refused with a word, and nothing is sent.
 */
import type * as vscode from 'vscode';
import { droplet as dropletKind } from '../api/resources/droplet';
import { firewall as firewallKind, type Firewall } from '../api/resources/firewall';
import { type LoadBalancer, loadBalancer } from '../api/resources/loadBalancer';
import { plural } from '../tree/format';
import type { ExplorerNode } from '../tree/nodes/base';
import { KindGroupNode } from '../tree/nodes/kindGroupNode';
import { ProjectNode } from '../tree/nodes/projectNode';
import { ResourceNode } from '../tree/nodes/resourceNode';
import { withProgress } from '../ui/progress';
import type { CommandDeps } from './deps';
import { moveToProject } from './project';
import { registerCommand } from './register';

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
    registerCommand(deps, 'digitalocean.resource.dropOn', 'Drop on', async (target, dropped) => {
      const nodes = (Array.isArray(dropped) ? dropped : []).filter((n): n is ResourceNode => n instanceof ResourceNode);
      if (!nodes.length) return refuse('Only resources of the DigitalOcean view can be dropped here.');
      const { account } = nodes[0];
      if (nodes.some((n) => n.account.id !== account.id)) return refuse('Resources of one account at a time: projects, firewalls and load balancers belong to one account.');
      const names = nodes.map((n) => n.name).join(', ');
      const what = nodes.length === 1 ? nodes[0].name : plural(nodes.length, 'resource');
      const client = model.client(account);

      const targetNode = target as ExplorerNode | undefined;
      const intoFirewall = targetNode instanceof ResourceNode && targetNode.presenter.kind.kind === firewallKind.kind;
      const intoLb = targetNode instanceof ResourceNode && targetNode.presenter.kind.kind === loadBalancer.kind;
      if ((intoFirewall || intoLb) && targetNode instanceof ResourceNode) {
        if (targetNode.account.id !== account.id) return refuse(`${targetNode.name} is in another account.`);
        const notDroplets = nodes.filter((n) => n.presenter.kind.kind !== dropletKind.kind);
        if (notDroplets.length) return refuse(`Only droplets can be added to a ${intoFirewall ? 'firewall' : 'load balancer'}: ${notDroplets.map((n) => n.name).join(', ')} cannot.`);
        const ids = nodes.map((n) => Number(n.resourceId));
        if (intoLb) {
          const lb = targetNode.item as LoadBalancer;
          if (lb.tag) return refuse(`${lb.name} sends traffic to the droplets tagged ${lb.tag}: tag the droplets instead.`);
          const elsewhere = nodes.filter((n) => (n.item as { region?: { slug?: string } }).region?.slug !== lb.region?.slug);
          if (elsewhere.length) return refuse(`${elsewhere.map((n) => n.name).join(', ')} ${elsewhere.length === 1 ? 'is' : 'are'} not in ${lb.region?.slug}, where ${lb.name} is.`);
          const fresh = ids.filter((id) => !(lb.droplet_ids ?? []).includes(id));
          if (!fresh.length) return refuse(`${lb.name} sends traffic to ${what} already.`);
        } else {
          const fw = targetNode.item as Firewall;
          if (ids.every((id) => (fw.droplet_ids ?? []).includes(id))) return refuse(`${fw.name} applies to ${what} already.`);
        }
        const kind = intoFirewall ? 'firewall' : 'load balancer';
        await input.confirm(`Add ${what} to ${kind} ${targetNode.name}?`, names, 'Add');
        const path = intoFirewall ? `/v2/firewalls/${encodeURIComponent(targetNode.resourceId)}/droplets` : `/v2/load_balancers/${encodeURIComponent(targetNode.resourceId)}/droplets`;
        await withProgress(`Adding ${what} to ${targetNode.name}…`, (signal) => client.request<void>('POST', path, { body: { droplet_ids: ids }, signal }));
        log.info(`[${account.label}] ${names} added to ${kind} ${targetNode.name}`);
        model.reloadKind(account, targetNode.presenter.kind.kind, false);
        return 'added';
      }

      const project = projectAt(targetNode);
      if (!project) return refuse('Drop resources on a project to move them there, or droplets on a firewall or load balancer to add them to it.');
      if (project.parent.account.id !== account.id) return refuse(`${project.project.name} is a project of another account.`);
      const movable = nodes.filter((n) => n.presenter.kind.urnPrefix && n.presenter.placement === 'project');
      const unmovable = nodes.filter((n) => !movable.includes(n));
      if (!movable.length) return refuse(`${names}: ${nodes.length === 1 ? 'it belongs' : 'they belong'} to the account, not to a project.`);
      const moving = movable.length === 1 ? movable[0].name : plural(movable.length, 'resource');
      await input.confirm(`Move ${moving} to ${project.project.name}?`, [movable.map((n) => n.name).join(', '), unmovable.length ? `Left out (they cannot belong to a project): ${unmovable.map((n) => n.name).join(', ')}.` : ''].filter(Boolean).join('\n\n'), 'Move');
      await moveToProject(deps, project.project, movable);
      return 'moved';
    }),
  ];
}
