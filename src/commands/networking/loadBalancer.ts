/**
 * A load balancer's everyday changes, each read fresh first: Add Forwarding Rule (the create
 * wizard's rule questions, then a summary), Remove Forwarding Rule (confirmed; the last rule
 * stays), Remove Droplets (the ones it sends to, confirmed; adding is a drag or the create
 * wizard), and Purge CDN Cache for a global load balancer (confirmed).
 */
import type * as vscode from 'vscode';
import { type Certificate, certificate as certificateKind } from '../../api/resources/certificate';
import { droplet as dropletKind } from '../../api/resources/droplet';
import { type ForwardingRule, type LoadBalancer, loadBalancer, ruleText } from '../../api/resources/loadBalancer';
import { loadBalancerPresenter } from '../../tree/kinds/loadBalancer';
import { withProgress } from '../../ui/progress';
import { runWizard } from '../../ui/wizard';
import type { CommandDeps } from '../deps';
import { resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { summaryStep } from '../wizard/prompts';
import { editForwardingRule, forwardingRuleOf, type RulePlan } from './loadBalancerCreate';
import * as l10n from '@vscode/l10n';

const seg = encodeURIComponent;

export function registerLoadBalancerCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;

  /** The load balancer run on (or picked), read fresh: rules and droplets change elsewhere too. */
  const fresh = async (arg: unknown, placeHolder: string) => {
    const node = await resourceTarget(deps, arg, loadBalancerPresenter, placeHolder);
    const client = model.client(node.account);
    const lb = await withProgress(l10n.t('Reading load balancer {0}…', node.name), (signal) =>
      client.get<LoadBalancer>(loadBalancer, node.resourceId, { signal }),
    );
    return { node, client, lb };
  };
  const rulesCall = (client: ReturnType<typeof model.client>, lb: LoadBalancer, method: 'POST' | 'DELETE', rules: ForwardingRule[], signal?: AbortSignal) =>
    client.request<void>(method, `/v2/load_balancers/${seg(lb.id)}/forwarding_rules`, { body: { forwarding_rules: rules }, signal });

  return [
    registerCommand(deps, 'digitalocean.loadBalancer.addRule', l10n.t('Add forwarding rule'), async (arg) => {
      const { node, client, lb } = await fresh(arg, l10n.t('Add a forwarding rule to which load balancer?'));
      const certificates = await withProgress(l10n.t('Loading certificates…'), () =>
        model
          .cacheFor(node.account)
          .list(certificateKind)
          .catch(() => [] as Certificate[]),
      );
      const usable = certificates.filter((c) => c.state === 'verified');
      const title = l10n.t('Add forwarding rule to {0}', lb.name);
      const plan = { rule: { preset: '', entryPort: 0, targetPort: 0 } as RulePlan };
      const listening = (r: RulePlan) => {
        const made = forwardingRuleOf(r);
        const udp = (x: ForwardingRule) => (x.entry_protocol === 'udp' ? 'udp' : 'tcp');
        return lb.forwarding_rules.find((x) => udp(x) === udp(made) && x.entry_port === made.entry_port);
      };
      await runWizard(plan, [
        async (p, s) => {
          for (;;) {
            p.rule = await editForwardingRule(input, title, node.account, usable, p.rule.preset ? p.rule : undefined, s);
            const clash = listening(p.rule);
            if (!clash) return;
            void input.notify('warning', l10n.t('{0} listens on port {1} already ({2}): choose another port.', lb.name, clash.entry_port, ruleText(clash)));
          }
        },
        summaryStep<typeof plan>(input, title, (p) => ({
          label: l10n.t('Add {0}', ruleText(forwardingRuleOf(p.rule))),
          description: l10n.t('beside {0}', lb.forwarding_rules.map(ruleText).join(', ')),
        })),
      ]);
      const rule = forwardingRuleOf(plan.rule);
      await withProgress(l10n.t('Adding {0} to {1}…', ruleText(rule), lb.name), (signal) => rulesCall(client, lb, 'POST', [rule], signal));
      log.info(`[${node.account.label}] Load balancer ${lb.name}: rule ${ruleText(rule)} added`);
      await model.reloadResource(node.ref);
      void input.notify('info', l10n.t('{0} forwards {1} now.', lb.name, ruleText(rule)));
      return ruleText(rule);
    }),

    registerCommand(deps, 'digitalocean.loadBalancer.removeRule', l10n.t('Remove forwarding rule'), async (arg) => {
      const { node, client, lb } = await fresh(arg, l10n.t('Remove a forwarding rule from which load balancer?'));
      if (lb.forwarding_rules.length <= 1)
        throw new Error(
          l10n.t(
            '{0} has one forwarding rule: a load balancer needs at least one. Add another first, or change it with Edit Forwarding Rules and Health Check.',
            lb.name,
          ),
        );
      const rule = (
        await input.quickPick(
          lb.forwarding_rules.map((r) => ({ label: ruleText(r), description: r.certificate_id ? l10n.t('with a certificate') : undefined, rule: r })),
          { title: l10n.t('Remove a forwarding rule from {0}', lb.name), placeHolder: l10n.t('Which rule?') },
        )
      ).rule;
      await input.confirm(
        l10n.t('Remove {0} from {1}?', ruleText(rule), lb.name),
        l10n.t('{0} stops listening on port {1}; clients connecting there are refused.', lb.name, rule.entry_port),
        l10n.t('Remove'),
      );
      await withProgress(l10n.t('Removing {0} from {1}…', ruleText(rule), lb.name), (signal) => rulesCall(client, lb, 'DELETE', [rule], signal));
      log.info(`[${node.account.label}] Load balancer ${lb.name}: rule ${ruleText(rule)} removed`);
      await model.reloadResource(node.ref);
      return ruleText(rule);
    }),

    registerCommand(deps, 'digitalocean.loadBalancer.removeDroplets', l10n.t('Remove droplets from load balancer'), async (arg) => {
      const { node, client, lb } = await fresh(arg, l10n.t('Remove droplets from which load balancer?'));
      if (lb.tag) throw new Error(l10n.t('{0} sends traffic to the droplets tagged {1}: remove the tag from a droplet instead.', lb.name, lb.tag));
      const ids = lb.droplet_ids ?? [];
      if (!ids.length) throw new Error(l10n.t('{0} sends traffic to no droplets.', lb.name));
      const droplets = await model.cacheFor(node.account).list(dropletKind);
      const nameOf = (id: number) => droplets.find((d) => d.id === id)?.name ?? String(id);
      const picked = await input.quickPickMany(
        ids.map((id) => ({ label: `$(vm) ${nameOf(id)}`, description: String(id), id })),
        { title: l10n.t('Remove droplets from {0}', lb.name), placeHolder: l10n.t('Which droplets stop receiving its traffic?') },
      );
      if (!picked.length) return undefined;
      const names = picked.map((p) => nameOf(p.id)).join(', ');
      await input.confirm(
        l10n.t('Remove {0} from {1}?', names, lb.name),
        picked.length === ids.length
          ? l10n.t('{0} will send traffic to no droplet: its clients get errors until droplets are added again.', lb.name)
          : l10n.t('{0} keeps sending traffic to the {1} other droplets; the droplets removed keep running.', lb.name, ids.length - picked.length),
        l10n.t('Remove'),
      );
      await withProgress(l10n.t('Removing {0} from {1}…', names, lb.name), (signal) =>
        client.request<void>('DELETE', `/v2/load_balancers/${seg(lb.id)}/droplets`, { body: { droplet_ids: picked.map((p) => p.id) }, signal }),
      );
      log.info(`[${node.account.label}] Load balancer ${lb.name}: ${names} removed`);
      await model.reloadResource(node.ref);
      return picked.map((p) => p.id);
    }),

    registerCommand(deps, 'digitalocean.loadBalancer.purgeCache', l10n.t('Purge load balancer cache'), async (arg) => {
      const { node, client, lb } = await fresh(arg, l10n.t('Purge the cache of which global load balancer?'));
      if (lb.type !== 'GLOBAL') throw new Error(l10n.t('{0} is a regional load balancer: only global ones keep a CDN cache.', lb.name));
      await input.confirm(
        l10n.t('Purge the CDN cache of {0}?', lb.name),
        l10n.t('Everything it cached is fetched again from its targets: expect more load on them for a while.'),
        l10n.t('Purge'),
      );
      await withProgress(l10n.t('Purging the cache of {0}…', lb.name), (signal) =>
        client.request<void>('DELETE', `/v2/load_balancers/${seg(lb.id)}/cache`, { signal }),
      );
      log.info(`[${node.account.label}] Load balancer ${lb.name}: cache purged`);
      void input.notify('info', l10n.t('The cache of {0} is purged.', lb.name));
      return lb.id;
    }),
  ];
}
