/**
 * Create Alert Policy (droplet monitoring): a wizard with Back — the metric (CPU, memory, disk,
 * load, bandwidth, disk I/O), above or below, the threshold (a percentage at most 100), the window,
 * the droplets and tags it watches (the droplet it was run on preselected), email and/or Slack, a
 * description — then the policy selected in the view.
 */
import type * as vscode from 'vscode';
import { ALERT_METRICS, type AlertPolicy, alertPolicy, alertPolicyText } from '../../api/resources/alertPolicy';
import { type Droplet, droplet as dropletKind } from '../../api/resources/droplet';
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
  droplets: number[];
  tags: string[];
  notify: Notifications;
  description: string;
}

/** A threshold: a number, at most 100 for a percentage. */
export function thresholdProblem(value: string, unit: string): string | undefined {
  if (!/^\d+(\.\d+)?$/.test(value.trim())) return 'A number, e.g. 80.';
  return unit === '%' && Number(value) > 100 ? l10n.t('A percentage is at most 100.') : undefined;
}

export function registerAlertPolicyCreateCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, model } = deps;
  return [
    registerCommand(deps, 'digitalocean.alertPolicy.create', l10n.t('Create alert policy'), async (arg) => {
      const account = await accountTarget(deps, arg, l10n.t('Create an alert policy in which account?'));
      const cache = model.cacheFor(account);
      const [droplets, tags] = await withProgress(l10n.t('Loading droplets and tags…'), () =>
        Promise.all([cache.list(dropletKind), cache.list(tagKind).catch(() => [])]),
      );
      const from = arg instanceof ResourceNode && arg.presenter.kind.kind === dropletKind.kind ? (arg.item as Droplet) : undefined;
      const email = account.email;
      const title = from ? l10n.t('Create alert policy for {0}', from.name) : l10n.t('Create alert policy');
      const targets = (p: Plan) =>
        [...p.droplets.map((id) => droplets.find((d) => d.id === id)?.name ?? String(id)), ...p.tags.map((t) => `tag ${t}`)].join(', ');

      return runCreateWizard<Plan, AlertPolicy>(deps, {
        title,
        account,
        kind: alertPolicy,
        name: (p) => `“${p.description}”`,
        plan: {
          metric: ALERT_METRICS[0],
          compare: 'GreaterThan',
          value: 80,
          window: '5m',
          droplets: from ? [from.id] : [],
          tags: [],
          notify: { email: Boolean(email) },
          description: '',
        },
        prompts: [
          async (p, s) => {
            const picked = await input.quickPick(
              ALERT_METRICS.map((m) => ({
                label: m.label,
                description: m.unit ? `in ${m.unit}` : l10n.t('load average'),
                picked: m.type === p.metric.type,
                metric: m,
              })),
              { title, ...s, placeHolder: l10n.t('Alert on') },
            );
            if (picked.metric.type !== p.metric.type)
              Object.assign(p, { metric: picked.metric, value: picked.metric.unit === '%' ? 80 : picked.metric.unit ? 100 : 2 });
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
            for (;;) {
              const picked = await input.quickPickMany(
                [
                  ...droplets.map((d) => ({
                    label: `$(vm) ${d.name}`,
                    description: `droplet · ${d.region.slug}${d.features.includes('monitoring') ? '' : l10n.t(' · no metrics agent yet')}`,
                    picked: p.droplets.includes(d.id),
                    id: d.id,
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
              p.droplets = picked.flatMap((x) => (x.id === undefined ? [] : [x.id]));
              p.tags = picked.flatMap((x) => (x.tag === undefined ? [] : [x.tag]));
              if (p.droplets.length || p.tags.length) return;
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
            description: `${alertPolicyText({ type: p.metric.type, compare: p.compare, value: p.value, window: p.window })} · ${plural(p.droplets.length, 'droplet')}${p.tags.length ? `, ${plural(p.tags.length, 'tag')}` : ''} · free`,
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
                  entities: plan.droplets.map(String),
                  tags: plan.tags,
                  alerts: { email: plan.notify.email && email ? [email] : [], slack: plan.notify.slack ? [plan.notify.slack] : [] },
                  enabled: true,
                },
                { signal },
              ),
          }),
          reveal(),
          notify(({ plan, created }) => {
            const quiet = droplets.filter((d) => plan.droplets.includes(d.id) && !d.features.includes('monitoring'));
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
