/**
 * What happens in an app besides deploying it: a deployment's logs (from its node or panel), its
 * events (deployments and autoscalings: logs, cancel), its job runs (logs, cancel), where its
 * alerts are sent (emails and Slack webhooks; a webhook's URL is a secret, typed in a password box
 * and shown only by its channel), and the bandwidth every app of an account served on a day.
 */
import * as vscode from 'vscode';
import {
  type AppAlert,
  type AppAlertSlackWebhook,
  type AppEvent,
  type AppJobInvocation,
  appAlerts,
  appEvent,
  appEventRunning,
  appEvents,
  appJobInvocation,
  appJobInvocations,
  appsBandwidthDaily,
  assignAppAlertDestinations,
  cancelAppEvent,
  cancelAppJobInvocation,
  jobInvocationRunning,
} from '../../api/appDetails';
import type { AppLogType } from '../../api/appLogs/files';
import { type App, type AppDeployment, app as appKind, appComponents, appJobs } from '../../api/resources/app';
import type { AccountInfo } from '../../accounts/accountStore';
import { bytes, relativeTime } from '../../tree/format';
import { appDeploymentPresenter, appPresenter } from '../../tree/kinds/app';
import { withProgress } from '../../ui/progress';
import { onlyWhen, runWizard } from '../../ui/wizard';
import type { CommandDeps } from '../deps';
import { accountTarget, nodeArgument, resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { summaryStep } from '../wizard/prompts';
import { openLogView } from './appTerminals';

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

/** "CPU_UTILIZATION" → "CPU utilization", "DEPLOYMENT_FAILED" → "Deployment failed". */
export function alertRuleLabel(rule: string | undefined): string {
  const words = (rule ?? 'UNSPECIFIED_RULE').toLowerCase().replace(/_/g, ' ');
  return (words.charAt(0).toUpperCase() + words.slice(1))
    .replace(/\bcpu\b/i, 'CPU')
    .replace(/\bmem\b/, 'memory')
    .replace(/\bms\b/, 'ms');
}

/** Where an alert goes, without a webhook's URL: "ops@example.com, Slack #deploys". */
export function alertDestinations(a: Pick<AppAlert, 'emails' | 'slack_webhooks'>): string {
  const slack = (a.slack_webhooks ?? []).map((w) => (w.channel ? `Slack #${w.channel.replace(/^#/, '')}` : vscode.l10n.t('a Slack webhook')));
  const all = [...(a.emails ?? []), ...slack];
  return all.length ? all.join(', ') : vscode.l10n.t('nowhere');
}

/** Why a list of email addresses is refused (comma- or space-separated; empty is none). */
export function emailListProblem(value: string): string | undefined {
  const bad = splitEmails(value).find((e) => !EMAIL.test(e));
  return bad === undefined ? undefined : vscode.l10n.t('"{0}" is not an email address.', bad);
}

export function splitEmails(value: string): string[] {
  return [...new Set(value.split(/[\s,;]+/).filter(Boolean))];
}

/** Why a Slack webhook URL is refused: it must be https (Slack's are https://hooks.slack.com/…). */
export function webhookProblem(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' && url.hostname && !/\s/.test(value.trim())
      ? undefined
      : vscode.l10n.t('An https:// URL (Slack gives https://hooks.slack.com/services/…).');
  } catch {
    return vscode.l10n.t('An https:// URL (Slack gives https://hooks.slack.com/services/…).');
  }
}

/** "Deployment: commit 4f2a9c1 pushed to main", "Autoscaling: web 1 → 2 (cpu)". */
export function eventLabel(e: AppEvent): string {
  if (e.type === 'AUTOSCALING') {
    const changes = Object.entries(e.autoscaling?.components ?? {}).map(
      ([name, c]) => `${name} ${c.from ?? '?'} → ${c.to ?? '?'}${c.triggering_metric ? ` (${c.triggering_metric})` : ''}`,
    );
    return vscode.l10n.t('Autoscaling: {0}', changes.join(', ') || '—');
  }
  return vscode.l10n.t('Deployment: {0}', e.deployment?.cause ?? e.deployment_id?.slice(0, 8) ?? e.id.slice(0, 8));
}

export function eventPhase(e: AppEvent): string {
  return (e.type === 'AUTOSCALING' ? e.autoscaling?.phase : e.deployment?.phase)?.toLowerCase().replace(/_/g, ' ') ?? 'unknown';
}

/** "manual, by sammy@example.com" or "scheduled (<cron> UTC)". */
export function jobTrigger(i: AppJobInvocation): string {
  if (i.trigger?.type === 'MANUAL') {
    const who = i.trigger.manual?.user?.email ?? i.trigger.manual?.user?.full_name;
    return who ? vscode.l10n.t('manual, by {0}', who) : vscode.l10n.t('manual');
  }
  if (i.trigger?.type === 'SCHEDULE') {
    const s = i.trigger.scheduled?.schedule;
    return s?.cron ? vscode.l10n.t('scheduled ({0}{1})', s.cron, s.time_zone ? ` ${s.time_zone}` : '') : vscode.l10n.t('scheduled');
  }
  return vscode.l10n.t('unknown trigger');
}

interface AlertPlan {
  emails: string;
  keep: AppAlertSlackWebhook[];
  add: boolean;
  url: string;
  channel: string;
}

const SAVE_IT = vscode.l10n.t('Save it? (Back to change something, Esc to cancel)');

export function registerAppActivityCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, model, log } = deps;
  const appTarget = (arg: unknown, title: string, valid?: (a: App) => boolean) =>
    resourceTarget(deps, arg, appPresenter, title, valid ? (a) => valid(a as App) : undefined);

  /** The app a deployment belongs to: from the account's list of apps, else read. */
  async function appOf(account: AccountInfo, appId: string): Promise<App> {
    const listed = (await model.cacheFor(account).list(appKind)).find((a) => a.id === appId);
    return listed ?? model.client(account).get(appKind, appId);
  }

  return [
    registerCommand(deps, 'digitalocean.app.deploymentLogs', vscode.l10n.t('Show deployment logs'), async (arg) => {
      const node = nodeArgument(arg, appDeploymentPresenter);
      const deployment = node.item as AppDeployment;
      const app = await appOf(node.account, node.ref.parents[node.ref.parents.length - 1]);
      const type = (
        await input.quickPick(
          [
            { label: vscode.l10n.t('Build'), detail: vscode.l10n.t('how each component was built'), type: 'BUILD' as AppLogType },
            { label: vscode.l10n.t('Deploy'), detail: vscode.l10n.t('how the built components were rolled out'), type: 'DEPLOY' as AppLogType },
          ],
          { title: vscode.l10n.t('Logs of deployment {0} of {1}', deployment.id.slice(0, 8), app.spec.name) },
        )
      ).type;
      const components = appComponents(app);
      const component =
        components.length > 1
          ? (
              await input.quickPick(
                [{ label: vscode.l10n.t('All components'), name: undefined as string | undefined }, ...components.map((name) => ({ label: name, name }))],
                { title: vscode.l10n.t('Logs of deployment {0} of {1}', deployment.id.slice(0, 8), app.spec.name), placeHolder: vscode.l10n.t('Component') },
              )
            ).name
          : components[0];
      return openLogView(deps, node.account, app, type, component, deployment.id);
    }),

    registerCommand(deps, 'digitalocean.app.showEvents', vscode.l10n.t('Show app events'), async (arg) => {
      const node = await appTarget(arg, vscode.l10n.t('Show the events of an app'));
      const a = node.item as App;
      const client = model.client(node.account);
      const events = await withProgress(vscode.l10n.t("Listing {0}'s events…", a.spec.name), (signal) => appEvents(client, a.id, 20, signal));
      if (events.length === 0) throw new Error(vscode.l10n.t('{0} has no events yet.', a.spec.name));
      const now = Date.now();
      const picked = (
        await input.quickPick(
          events.map((e) => ({
            label: eventLabel(e),
            description: `${eventPhase(e)} · ${relativeTime(e.created_at, now)}`,
            detail: e.id,
            event: e,
          })),
          { title: vscode.l10n.t('Events of {0}', a.spec.name), placeHolder: vscode.l10n.t('Newest first') },
        )
      ).event;
      // read again: a running deployment may have moved on while the list was open
      const event = await withProgress(vscode.l10n.t('Reading the event…'), (signal) => appEvent(client, a.id, picked.id, signal));
      const logTypes: { label: string; type: AppLogType }[] =
        event.type === 'AUTOSCALING'
          ? [{ label: vscode.l10n.t('Show Autoscaling Logs'), type: 'AUTOSCALE_EVENT' }]
          : [
              { label: vscode.l10n.t('Show Build Logs'), type: 'BUILD' },
              { label: vscode.l10n.t('Show Deploy Logs'), type: 'DEPLOY' },
            ];
      const running = appEventRunning(event);
      const action = await input.quickPick(
        [
          ...logTypes.map((t) => ({ label: t.label, type: t.type as AppLogType | undefined })),
          ...(running ? [{ label: vscode.l10n.t('Cancel Event…'), description: eventPhase(event), type: undefined }] : []),
        ],
        { title: `${eventLabel(event)} · ${eventPhase(event)}` },
      );
      if (action.type) {
        await openLogView(deps, node.account, a, action.type, undefined, undefined, {
          eventId: event.id,
          title: vscode.l10n.t('event {0} · {1}', event.id.slice(0, 8), action.type.toLowerCase().replace('_', ' ')),
        });
        return { event: event.id, action: action.type };
      }
      await input.confirm(
        vscode.l10n.t('Cancel this event of {0}?', a.spec.name),
        event.type === 'AUTOSCALING'
          ? vscode.l10n.t('The components stay at the size they have now.')
          : vscode.l10n.t('The deployment stops; the active deployment keeps serving.'),
        vscode.l10n.t('Cancel Event'),
      );
      const canceled = await withProgress(vscode.l10n.t('Canceling the event…'), (signal) => cancelAppEvent(client, a.id, event.id, signal));
      log.info(`[${node.account.label}] Canceled event ${event.id} of ${a.spec.name}`);
      await model.reloadResource(node.ref);
      return { event: canceled.id, action: 'cancel', phase: eventPhase(canceled) };
    }),

    registerCommand(deps, 'digitalocean.app.jobRuns', vscode.l10n.t('Show job runs'), async (arg) => {
      const node = await appTarget(arg, vscode.l10n.t("Show the runs of an app's jobs"), (a) => appJobs(a).length > 0);
      const a = node.item as App;
      const jobs = appJobs(a);
      if (jobs.length === 0) throw new Error(vscode.l10n.t('{0} has no jobs.', a.spec.name));
      const job =
        jobs.length === 1
          ? jobs[0]
          : (
              await input.quickPick(
                jobs.map((label) => ({ label })),
                { title: vscode.l10n.t('Runs of which job of {0}?', a.spec.name) },
              )
            ).label;
      const client = model.client(node.account);
      const runs = await withProgress(vscode.l10n.t('Listing the runs of {0}…', job), (signal) => appJobInvocations(client, a.id, job, signal));
      if (runs.length === 0) throw new Error(vscode.l10n.t('{0} of {1} has not run yet.', job, a.spec.name));
      const now = Date.now();
      const picked = (
        await input.quickPick(
          runs.map((r) => ({
            label: `${(r.phase ?? 'UNKNOWN').toLowerCase()} · ${relativeTime(r.started_at ?? r.created_at, now)}`,
            description: jobTrigger(r),
            detail: r.id,
            run: r,
          })),
          { title: vscode.l10n.t('Runs of {0} · {1}', a.spec.name, job), placeHolder: vscode.l10n.t('Newest first') },
        )
      ).run;
      const run = await withProgress(vscode.l10n.t('Reading the run…'), (signal) => appJobInvocation(client, a.id, picked, signal));
      const running = jobInvocationRunning(run);
      const action = await input.quickPick(
        [
          { label: running ? vscode.l10n.t('Follow Logs') : vscode.l10n.t('Show Logs'), cancel: false },
          ...(running ? [{ label: vscode.l10n.t('Cancel Run…'), cancel: true }] : []),
        ],
        { title: vscode.l10n.t('{0} run {1} · {2}', job, run.id.slice(0, 8), (run.phase ?? 'UNKNOWN').toLowerCase()) },
      );
      if (!action.cancel) {
        await openLogView(deps, node.account, a, 'JOB_INVOCATION', job, undefined, {
          jobInvocation: { job, id: run.id },
          title: vscode.l10n.t('{0} run {1}', job, run.id.slice(0, 8)),
        });
        return { run: run.id, action: 'logs' };
      }
      await input.confirm(
        vscode.l10n.t('Cancel this run of {0}?', job),
        vscode.l10n.t('It was started {0} ({1}); what it has done so far stays done.', relativeTime(run.started_at ?? run.created_at, now), jobTrigger(run)),
        vscode.l10n.t('Cancel Run'),
      );
      const canceled = await withProgress(vscode.l10n.t('Canceling the run…'), (signal) => cancelAppJobInvocation(client, a.id, run, signal));
      log.info(`[${node.account.label}] Canceled run ${run.id} of ${a.spec.name}/${job}`);
      return { run: canceled.id, action: 'cancel', phase: canceled.phase };
    }),

    registerCommand(deps, 'digitalocean.app.alertDestinations', vscode.l10n.t('Edit alert destinations'), async (arg) => {
      const node = await appTarget(arg, vscode.l10n.t("Edit where an app's alerts go"));
      const a = node.item as App;
      const client = model.client(node.account);
      const alerts = await withProgress(vscode.l10n.t("Listing {0}'s alerts…", a.spec.name), (signal) => appAlerts(client, a.id, signal));
      if (alerts.length === 0) throw new Error(vscode.l10n.t('{0} has no alerts.', a.spec.name));
      const alert = (
        await input.quickPick(
          alerts.map((al) => ({
            label: alertRuleLabel(al.spec?.rule),
            description: [al.component_name, al.spec?.disabled ? vscode.l10n.t('disabled') : undefined].filter(Boolean).join(' · '),
            detail: vscode.l10n.t('Sent to {0}', alertDestinations(al)),
            alert: al,
          })),
          { title: vscode.l10n.t('Alerts of {0}', a.spec.name), placeHolder: vscode.l10n.t('Which alert?') },
        )
      ).alert;
      const title = vscode.l10n.t('{0} of {1}: where it goes', alertRuleLabel(alert.spec?.rule), a.spec.name);
      const current = alert.slack_webhooks ?? [];
      const plan: AlertPlan = { emails: (alert.emails ?? []).join(', '), keep: current, add: false, url: '', channel: '' };
      await runWizard(plan, [
        async (p, s) => {
          p.emails = await input.inputBox({
            title,
            ...s,
            prompt: vscode.l10n.t('Email addresses, separated by commas (empty: none)'),
            value: p.emails,
            validateInput: emailListProblem,
          });
        },
        async (p, s) => {
          const ADD = vscode.l10n.t('Add a Slack webhook…');
          const picked = await input.quickPickMany(
            [
              ...current.map((w, i) => ({
                label: w.channel ? `Slack #${w.channel.replace(/^#/, '')}` : vscode.l10n.t('Slack webhook {0}', i + 1),
                picked: p.keep.includes(w),
                hook: w,
              })),
              { label: ADD, picked: p.add, hook: undefined as AppAlertSlackWebhook | undefined },
            ],
            { title, ...s, placeHolder: vscode.l10n.t('The Slack webhooks it goes to (unchecked ones are removed)') },
          );
          p.keep = picked.flatMap((x) => (x.hook ? [x.hook] : []));
          p.add = picked.some((x) => x.hook === undefined);
        },
        onlyWhen(
          (p) => p.add,
          async (p, s) => {
            p.url = (
              await input.inputBox({
                title,
                ...s,
                prompt: vscode.l10n.t("The webhook's URL (it is a secret: not shown again, not logged)"),
                password: true,
                value: p.url,
                validateInput: webhookProblem,
              })
            ).trim();
          },
        ),
        onlyWhen(
          (p) => p.add,
          async (p, s) => {
            p.channel = (
              await input.inputBox({
                title,
                ...s,
                prompt: vscode.l10n.t('Its channel, to know it by (optional)'),
                placeHolder: '#deploys',
                value: p.channel,
                validateInput: (v) => (/^#?[\w.-]{0,80}$/.test(v.trim()) ? undefined : vscode.l10n.t('A channel name: letters, digits, ".", "_" and "-".')),
              })
            )
              .trim()
              .replace(/^#/, '');
          },
        ),
        summaryStep(
          input,
          title,
          (p) => {
            const after = {
              emails: splitEmails(p.emails),
              slack_webhooks: [...p.keep, ...(p.add ? [{ channel: p.channel || undefined }] : [])],
            };
            return {
              label: vscode.l10n.t('Send it to {0}', alertDestinations(after)),
              description: vscode.l10n.t('now: {0}', alertDestinations(alert)),
            };
          },
          SAVE_IT,
        ),
      ]);
      const destinations = {
        emails: splitEmails(plan.emails),
        slack_webhooks: [...plan.keep, ...(plan.add ? [{ url: plan.url, ...(plan.channel ? { channel: plan.channel } : {}) }] : [])],
      };
      const updated = await withProgress(vscode.l10n.t('Saving where the alert goes…'), (signal) =>
        assignAppAlertDestinations(client, a.id, alert.id, destinations, signal),
      );
      log.info(`[${node.account.label}] ${a.spec.name}: alert ${alert.spec?.rule ?? alert.id} now goes to ${alertDestinations(updated)}`);
      void input.notify('info', vscode.l10n.t('{0} of {1} now goes to {2}.', alertRuleLabel(alert.spec?.rule), a.spec.name, alertDestinations(updated)));
      return { alert: updated.id, destinations: alertDestinations(updated) };
    }),

    registerCommand(deps, 'digitalocean.app.bandwidth', vscode.l10n.t('Show app bandwidth'), async (arg) => {
      const account = await accountTarget(deps, arg, vscode.l10n.t('Show the bandwidth of which account’s apps?'));
      const apps = await withProgress(vscode.l10n.t('Listing apps…'), () => model.cacheFor(account).list(appKind));
      if (apps.length === 0) throw new Error(vscode.l10n.t('{0} has no apps.', account.label));
      const usage = await withProgress(vscode.l10n.t('Reading the bandwidth of {0} apps…', apps.length), (signal) =>
        appsBandwidthDaily(
          model.client(account),
          apps.map((x) => x.id),
          undefined,
          signal,
        ),
      );
      const rows = apps.map((x) => ({ app: x, bytes: usage.get(x.id) })).sort((p, q) => (q.bytes ?? -1) - (p.bytes ?? -1));
      const total = rows.reduce((sum, r) => sum + (r.bytes ?? 0), 0);
      const picked = await input.quickPick(
        rows.map((r) => ({
          label: r.app.spec.name,
          description: r.bytes === undefined ? vscode.l10n.t('no figure') : bytes(r.bytes),
          app: r.app,
        })),
        { title: vscode.l10n.t('Bandwidth yesterday: {0} in all', bytes(total)), placeHolder: vscode.l10n.t('Choose an app to open its details') },
      );
      await vscode.commands.executeCommand('digitalocean.showDetails', deps.explorer.nodeFor(account, appPresenter, picked.app, []));
      return Object.fromEntries(rows.map((r) => [r.app.spec.name, r.bytes]));
    }),
  ];
}
