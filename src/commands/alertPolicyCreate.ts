/**
 * Create Alert Policy (droplet monitoring): a wizard with Back — the metric (CPU, memory, disk,
 * load, bandwidth, disk I/O), above or below, the threshold (a percentage at most 100), the window,
 * the droplets and tags it watches (the droplet it was run on preselected), email and/or Slack, a
 * description — then the policy selected in the view.
 */
import type * as vscode from 'vscode';
import { ALERT_METRICS, type AlertPolicy, alertPolicy, alertPolicyText } from '../api/resources/alertPolicy';
import { type Droplet, droplet as dropletKind } from '../api/resources/droplet';
import { tag as tagKind } from '../api/resources/tag';
import { plural } from '../tree/format';
import { ResourceNode } from '../tree/nodes/resourceNode';
import { withProgress } from '../ui/progress';
import { runWizard } from '../ui/wizard';
import type { CommandDeps } from './deps';
import { accountTarget, revealResource } from './pick';
import { registerCommand } from './register';
import { askNotifications, type Notifications, summaryStep } from './wizardSteps';

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
  return unit === '%' && Number(value) > 100 ? 'A percentage is at most 100.' : undefined;
}

export function registerAlertPolicyCreateCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;
  return [
    registerCommand(deps, 'digitalocean.alertPolicy.create', 'Create alert policy', async (arg) => {
      const account = await accountTarget(deps, arg, 'Create an alert policy in which account?');
      const cache = model.cacheFor(account);
      const [droplets, tags] = await withProgress('Loading droplets and tags…', () => Promise.all([cache.list(dropletKind), cache.list(tagKind).catch(() => [])]));
      const from = arg instanceof ResourceNode && arg.presenter.kind.kind === dropletKind.kind ? (arg.item as Droplet) : undefined;
      const email = account.email;
      const title = from ? `Create alert policy for ${from.name}` : 'Create alert policy';
      const targets = (p: Plan) => [...p.droplets.map((id) => droplets.find((d) => d.id === id)?.name ?? String(id)), ...p.tags.map((t) => `tag ${t}`)].join(', ');

      const plan = await runWizard<Plan>(
        { metric: ALERT_METRICS[0], compare: 'GreaterThan', value: 80, window: '5m', droplets: from ? [from.id] : [], tags: [], notify: { email: Boolean(email) }, description: '' },
        [
          async (p, s) => {
            const picked = await input.quickPick(ALERT_METRICS.map((m) => ({ label: m.label, description: m.unit ? `in ${m.unit}` : 'load average', picked: m.type === p.metric.type, metric: m })), { title, ...s, placeHolder: 'Alert on' });
            if (picked.metric.type !== p.metric.type) Object.assign(p, { metric: picked.metric, value: picked.metric.unit === '%' ? 80 : picked.metric.unit ? 100 : 2 });
          },
          async (p, s) => {
            p.compare = (
              await input.quickPick(
                [
                  { label: `Above…`, description: `${p.metric.label} higher than a threshold`, compare: 'GreaterThan' as const, picked: p.compare === 'GreaterThan' },
                  { label: `Below…`, description: `${p.metric.label} lower than a threshold`, compare: 'LessThan' as const, picked: p.compare === 'LessThan' },
                ],
                { title, ...s, placeHolder: 'When it is' },
              )
            ).compare;
          },
          async (p, s) => {
            const unit = p.metric.unit;
            p.value = Number(await input.inputBox({ title, ...s, prompt: `${p.metric.label} ${p.compare === 'GreaterThan' ? 'above' : 'below'} (${unit || 'load average'})`, value: String(p.value), validateInput: (v) => thresholdProblem(v, unit) }));
          },
          async (p, s) => {
            p.window = (await input.quickPick(WINDOWS.map((w) => ({ label: w, description: 'for at least', picked: w === p.window })), { title, ...s, placeHolder: 'For how long before alerting' })).label as Plan['window'];
          },
          async (p, s) => {
            for (;;) {
              const picked = await input.quickPickMany(
                [
                  ...droplets.map((d) => ({ label: `$(vm) ${d.name}`, description: `droplet · ${d.region.slug}${d.features.includes('monitoring') ? '' : ' · no metrics agent yet'}`, picked: p.droplets.includes(d.id), id: d.id, tag: undefined })),
                  ...tags.map((t) => ({ label: `$(tag) ${t.name}`, description: `every droplet tagged ${t.name}`, picked: p.tags.includes(t.name), id: undefined, tag: t.name })),
                ],
                { title, ...s, placeHolder: 'Watch which droplets and tags?' },
              );
              p.droplets = picked.flatMap((x) => (x.id === undefined ? [] : [x.id]));
              p.tags = picked.flatMap((x) => (x.tag === undefined ? [] : [x.tag]));
              if (p.droplets.length || p.tags.length) return;
              void input.notify('warning', 'Choose at least one droplet or tag to watch.');
            }
          },
          async (p, s) => {
            p.notify = await askNotifications(input, title, s, p.notify, email);
          },
          async (p, s) => {
            const suggested = `${alertPolicyText({ type: p.metric.type, compare: p.compare, value: p.value, window: p.window })} on ${targets(p)}`.slice(0, 255);
            p.description = (await input.inputBox({ title, ...s, prompt: 'Description (shown in the alert)', value: p.description || suggested, validateInput: (v) => (!v.trim() ? 'A description is required.' : v.length > 255 ? 'At most 255 characters.' : undefined) })).trim();
          },
          summaryStep<Plan>(input, title, (p) => ({
            label: `Create “${p.description}”`,
            description: `${alertPolicyText({ type: p.metric.type, compare: p.compare, value: p.value, window: p.window })} · ${plural(p.droplets.length, 'droplet')}${p.tags.length ? `, ${plural(p.tags.length, 'tag')}` : ''} · free`,
            detail: `notifies ${[p.notify.email ? email : '', p.notify.slack ? `Slack ${p.notify.slack.channel}` : ''].filter(Boolean).join(' and ')}`,
          })),
        ],
      );
      const body = {
        type: plan.metric.type,
        description: plan.description,
        compare: plan.compare,
        value: plan.value,
        window: plan.window,
        entities: plan.droplets.map(String),
        tags: plan.tags,
        alerts: { email: plan.notify.email && email ? [email] : [], slack: plan.notify.slack ? [plan.notify.slack] : [] },
        enabled: true,
      };
      const created = await withProgress(`Creating alert policy “${plan.description}”…`, (signal) => cache.client.create<AlertPolicy>(alertPolicy, body, { signal }));
      log.info(`[${account.label}] Alert policy “${created.description}” created (${alertPolicyText(created)})`);
      model.reloadKind(account, alertPolicy.kind, false);
      await revealResource(deps, account, alertPolicy, created.uuid);
      const quiet = droplets.filter((d) => plan.droplets.includes(d.id) && !d.features.includes('monitoring'));
      void input.notify(
        quiet.length ? 'warning' : 'info',
        `Created alert policy “${created.description}”.${quiet.length ? ` ${quiet.map((d) => d.name).join(', ')} ${quiet.length === 1 ? 'has' : 'have'} no metrics agent: install it (curl -sSL https://repos.insights.digitalocean.com/install.sh | sudo bash) or nothing is measured.` : ''}`,
      );
      return created;
    }),
  ];
}
