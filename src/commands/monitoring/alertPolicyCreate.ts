/**
 * Create Alert Policy: a wizard with Back — the metric (every type the API lists: a droplet's CPU,
 * memory, disk, load, bandwidth and disk I/O; a load balancer's CPU, connections, droplet health,
 * error rates and response times; a database cluster's CPU, memory, disk and load; an autoscale
 * pool's size, CPU and memory), above or below, the threshold (a percentage at most 100), the
 * window, what it watches (droplets and tags, or the load balancers, clusters or pools; the one it
 * was run on preselected, and only its metrics offered), email and/or Slack, a description — then
 * the policy selected in the view.
 */
import type * as vscode from 'vscode';
import { ALERT_METRICS, ALERT_TARGETS, type AlertPolicy, type AlertTarget, alertPolicy, alertPolicyText } from '../../api/resources/alertPolicy';
import { droplet as dropletKind } from '../../api/resources/droplet';
import { autoscalePoolPresenter } from '../../tree/kinds/autoscalePool';
import { databaseClusterPresenter } from '../../tree/kinds/database';
import { loadBalancerPresenter } from '../../tree/kinds/loadBalancer';
import type { Presenter } from '../../tree/kinds/presenter';
import { tag as tagKind } from '../../api/resources/tag';
import { plural } from '../../tree/format';
import { ResourceNode } from '../../tree/nodes/resourceNode';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { accountTarget } from '../pick';
import { registerCommand } from '../register';
import { askNotifications, type Notifications, summaryStep } from '../wizard/prompts';
import { create, notify, reveal, runCreateWizard } from '../wizard/create';
import * as l10n from '@vscode/l10n';

const WINDOWS = ['5m', '10m', '30m', '1h'] as const;

interface Plan {
  metric: (typeof ALERT_METRICS)[number];
  compare: AlertPolicy['compare'];
  value: number;
  window: AlertPolicy['window'];
  /** Ids of what it watches (droplet ids as strings). */
  entities: string[];
  tags: string[];
  notify: Notifications;
  description: string;
}

/** A threshold: a number, at most 100 for a percentage. */
export function thresholdProblem(value: string, unit: string): string | undefined {
  if (!/^\d+(\.\d+)?$/.test(value.trim())) return 'A number, e.g. 80.';
  return unit === '%' && Number(value) > 100 ? l10n.t('A percentage is at most 100.') : undefined;
}

/** The kinds a policy's entities are, by target; each names its items for the pickers. */
const TARGET_KINDS: Record<Exclude<AlertTarget, 'droplet'>, { presenter: Presenter<object>; icon: string }> = {
  load_balancer: { presenter: loadBalancerPresenter as unknown as Presenter<object>, icon: 'server-process' },
  database: { presenter: databaseClusterPresenter as unknown as Presenter<object>, icon: 'database' },
  autoscale_pool: { presenter: autoscalePoolPresenter as unknown as Presenter<object>, icon: 'layers' },
};

/** The target a node of this kind fixes (run from its context menu), if any. */
function targetOfKind(kind: string): AlertTarget | undefined {
  if (kind === dropletKind.kind) return 'droplet';
  return (Object.keys(TARGET_KINDS) as (keyof typeof TARGET_KINDS)[]).find((t) => TARGET_KINDS[t].presenter.kind.kind === kind);
}

const targetInfo = (target: AlertTarget) => ALERT_TARGETS.find((t) => t.target === target)!;

export function registerAlertPolicyCreateCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, model } = deps;
  return [
    registerCommand(deps, 'digitalocean.alertPolicy.create', l10n.t('Create alert policy'), async (arg) => {
      const account = await accountTarget(deps, arg, l10n.t('Create an alert policy in which account?'));
      const cache = model.cacheFor(account);
      const [droplets, tags] = await withProgress(l10n.t('Loading droplets and tags…'), () =>
        Promise.all([cache.list(dropletKind), cache.list(tagKind).catch(() => [])]),
      );
      // run on a resource: its kind's metrics only, and it preselected
      const fromNode = arg instanceof ResourceNode ? arg : undefined;
      const fixed = fromNode ? targetOfKind(fromNode.presenter.kind.kind) : undefined;
      const from = fixed ? fromNode : undefined;
      const metrics = ALERT_METRICS.filter((m) => !fixed || m.target === fixed);
      const email = account.email;
      const title = from ? l10n.t('Create alert policy for {0}', from.name) : l10n.t('Create alert policy');
      /** Names of what the other targets list, read when the wizard first asks for them. */
      const others = new Map<AlertTarget, { id: string; name: string; description: string }[]>();
      const listOf = async (target: Exclude<AlertTarget, 'droplet'>) => {
        if (!others.has(target)) {
          const { presenter } = TARGET_KINDS[target];
          const { kind } = presenter;
          const items = await withProgress(l10n.t('Loading {0}…', targetInfo(target).plural), () => cache.list(kind));
          others.set(
            target,
            items.map((i) => ({
              id: kind.idOf(i),
              name: kind.nameOf(i),
              description: presenter.region?.(i) ?? '',
            })),
          );
        }
        return others.get(target)!;
      };
      const nameOfEntity = (target: AlertTarget, id: string) =>
        target === 'droplet' ? (droplets.find((d) => String(d.id) === id)?.name ?? id) : (others.get(target)?.find((o) => o.id === id)?.name ?? id);
      const targets = (p: Plan) => [...p.entities.map((id) => nameOfEntity(p.metric.target, id)), ...p.tags.map((t) => `tag ${t}`)].join(', ');
      const watched = (p: Plan) =>
        `${plural(p.entities.length, targetInfo(p.metric.target).singular)}${p.tags.length ? `, ${plural(p.tags.length, 'tag')}` : ''}`;

      return runCreateWizard<Plan, AlertPolicy>(deps, {
        title,
        account,
        kind: alertPolicy,
        name: (p) => `“${p.description}”`,
        plan: {
          metric: metrics[0],
          compare: 'GreaterThan',
          value: 80,
          window: '5m',
          entities: from ? [from.resourceId] : [],
          tags: [],
          notify: { email: Boolean(email) },
          description: '',
        },
        prompts: [
          async (p, s) => {
            const picked = await input.quickPick(
              metrics.map((m) => ({
                label: m.label,
                description: [fixed ? '' : targetInfo(m.target).plural, m.unit ? `in ${m.unit}` : l10n.t('load average')].filter(Boolean).join(' · '),
                picked: m.type === p.metric.type,
                metric: m,
              })),
              { title, ...s, placeHolder: l10n.t('Alert on') },
            );
            if (picked.metric.type !== p.metric.type) {
              // another kind's metric watches other things: what was chosen for the last one goes
              if (picked.metric.target !== p.metric.target) Object.assign(p, { entities: [], tags: [] });
              Object.assign(p, { metric: picked.metric, value: picked.metric.unit === '%' ? 80 : picked.metric.unit ? 100 : 2 });
            }
          },
          async (p, s) => {
            p.compare = (
              await input.quickPick(
                [
                  {
                    label: l10n.t('Above…'),
                    description: l10n.t('{0} higher than a threshold', p.metric.label),
                    compare: 'GreaterThan' as const,
                    picked: p.compare === 'GreaterThan',
                  },
                  {
                    label: l10n.t('Below…'),
                    description: l10n.t('{0} lower than a threshold', p.metric.label),
                    compare: 'LessThan' as const,
                    picked: p.compare === 'LessThan',
                  },
                ],
                { title, ...s, placeHolder: l10n.t('When it is') },
              )
            ).compare;
          },
          async (p, s) => {
            const unit = p.metric.unit;
            p.value = Number(
              await input.inputBox({
                title,
                ...s,
                prompt: `${p.metric.label} ${p.compare === 'GreaterThan' ? 'above' : 'below'} (${unit || l10n.t('load average')})`,
                value: String(p.value),
                validateInput: (v) => thresholdProblem(v, unit),
              }),
            );
          },
          async (p, s) => {
            p.window = (
              await input.quickPick(
                WINDOWS.map((w) => ({ label: w, description: l10n.t('for at least'), picked: w === p.window })),
                { title, ...s, placeHolder: l10n.t('For how long before alerting') },
              )
            ).label as Plan['window'];
          },
          async (p, s) => {
            const target = p.metric.target;
            if (target !== 'droplet') {
              const items = await listOf(target);
              const { icon } = TARGET_KINDS[target];
              if (!items.length) throw new Error(l10n.t('{0} has no {1} to watch.', account.label, targetInfo(target).plural));
              for (;;) {
                const picked = await input.quickPickMany(
                  items.map((i) => ({ label: `$(${icon}) ${i.name}`, description: i.description, picked: p.entities.includes(i.id), id: i.id })),
                  { title, ...s, placeHolder: l10n.t('Watch which {0}?', targetInfo(target).plural) },
                );
                p.entities = picked.map((x) => x.id);
                p.tags = [];
                if (p.entities.length) return;
                void input.notify('warning', l10n.t('Choose at least one of the {0} to watch.', targetInfo(target).plural));
              }
            }
            for (;;) {
              const picked = await input.quickPickMany(
                [
                  ...droplets.map((d) => ({
                    label: `$(vm) ${d.name}`,
                    description: `droplet · ${d.region.slug}${d.features.includes('monitoring') ? '' : l10n.t(' · no metrics agent yet')}`,
                    picked: p.entities.includes(String(d.id)),
                    id: String(d.id),
                    tag: undefined,
                  })),
                  ...tags.map((t) => ({
                    label: `$(tag) ${t.name}`,
                    description: l10n.t('every droplet tagged {0}', t.name),
                    picked: p.tags.includes(t.name),
                    id: undefined,
                    tag: t.name,
                  })),
                ],
                { title, ...s, placeHolder: l10n.t('Watch which droplets and tags?') },
              );
              p.entities = picked.flatMap((x) => (x.id === undefined ? [] : [x.id]));
              p.tags = picked.flatMap((x) => (x.tag === undefined ? [] : [x.tag]));
              if (p.entities.length || p.tags.length) return;
              void input.notify('warning', l10n.t('Choose at least one droplet or tag to watch.'));
            }
          },
          async (p, s) => {
            p.notify = await askNotifications(input, title, s, p.notify, email);
          },
          async (p, s) => {
            const suggested = `${alertPolicyText({ type: p.metric.type, compare: p.compare, value: p.value, window: p.window })} on ${targets(p)}`.slice(
              0,
              255,
            );
            p.description = (
              await input.inputBox({
                title,
                ...s,
                prompt: l10n.t('Description (shown in the alert)'),
                value: p.description || suggested,
                validateInput: (v) => (!v.trim() ? l10n.t('A description is required.') : v.length > 255 ? l10n.t('At most 255 characters.') : undefined),
              })
            ).trim();
          },
          summaryStep<Plan>(input, title, (p) => ({
            label: l10n.t('Create “{0}”', p.description),
            description: `${alertPolicyText({ type: p.metric.type, compare: p.compare, value: p.value, window: p.window })} · ${watched(p)} · free`,
            detail: `notifies ${[p.notify.email ? email : '', p.notify.slack ? l10n.t('Slack {0}', p.notify.slack.channel) : ''].filter(Boolean).join(' and ')}`,
          })),
        ],
        execute: [
          create({
            detail: (p) => alertPolicyText({ type: p.metric.type, compare: p.compare, value: p.value, window: p.window }),
            send: ({ plan }, signal) =>
              cache.client.create<AlertPolicy>(
                alertPolicy,
                {
                  type: plan.metric.type,
                  description: plan.description,
                  compare: plan.compare,
                  value: plan.value,
                  window: plan.window,
                  entities: plan.entities,
                  tags: plan.tags,
                  alerts: { email: plan.notify.email && email ? [email] : [], slack: plan.notify.slack ? [plan.notify.slack] : [] },
                  enabled: true,
                },
                { signal },
              ),
          }),
          reveal(),
          notify(({ plan, created }) => {
            const quiet =
              plan.metric.target === 'droplet' ? droplets.filter((d) => plan.entities.includes(String(d.id)) && !d.features.includes('monitoring')) : [];
            return {
              severity: quiet.length ? 'warning' : 'info',
              message: l10n.t(
                'Created alert policy “{0}”.{1}',
                created!.description,
                quiet.length
                  ? ` ${quiet.map((d) => d.name).join(', ')} ${quiet.length === 1 ? 'has' : 'have'} no metrics agent: install it (curl -sSL https://repos.insights.digitalocean.com/install.sh | sudo bash) or nothing is measured.`
                  : '',
              ),
            };
          }),
        ],
      });
    }),
  ];
}
