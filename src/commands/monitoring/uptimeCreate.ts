/**
 * Create Uptime Check: a wizard with Back — name, type (HTTPS or HTTP), target (checked to fit
 * the type), regions, and its alerts (down, down everywhere, latency, certificate expiry; each with
 * a period and email and/or Slack notifications), a summary — then the check, then each alert. An
 * alert the API refuses after the check exists is said as such: the check stays, the rest go on.
 */
import type * as vscode from 'vscode';
import { ApiError } from '../../api';
import { domain as domainKind } from '../../api/resources/domain';
import { type UptimeCheck, uptimeCheck, uptimeTargetProblem } from '../../api/resources/uptimeCheck';
import { plural } from '../../tree/format';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { accountTarget } from '../pick';
import { registerCommand } from '../register';
import { listStep, nameStep, summaryStep } from '../wizard/prompts';
import { type AlertPlan, alertBody, alertKind, alertText, askAlert, newAlertPlan, UPTIME_REGIONS } from './uptimeAlerts';
import { create, notify, PRIORITY, reveal, runCreateWizard } from '../wizard/create';
import * as l10n from '@vscode/l10n';

interface Plan {
  name: string;
  type: UptimeCheck['type'];
  target: string;
  regions: string[];
  alerts: AlertPlan[];
}

export function registerUptimeCreateCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;
  return [
    registerCommand(deps, 'digitalocean.uptime.create', l10n.t('Create uptime check'), async (arg) => {
      const account = await accountTarget(deps, arg, l10n.t('Create an uptime check in which account?'));
      const cache = model.cacheFor(account);
      const [checks, domains] = await withProgress(l10n.t('Loading uptime checks…'), () =>
        Promise.all([cache.list(uptimeCheck), cache.list(domainKind).catch(() => [])]),
      );
      const email = account.email;
      const title = l10n.t('Create uptime check');
      const editAlert = (p: Plan, start: AlertPlan | undefined, where: { step: number; totalSteps: number }) =>
        askAlert(input, title, p.type, email, start ?? newAlertPlan(email), where);

      const failed: string[] = [];
      return runCreateWizard<Plan, UptimeCheck>(deps, {
        title,
        account,
        kind: uptimeCheck,
        plan: {
          name: '',
          type: 'https',
          target: domains.length ? `https://${domains[0].name}` : 'https://',
          regions: UPTIME_REGIONS.map((r) => r.id),
          alerts: [],
        },
        prompts: [
          nameStep<Plan>(input, title, { kind: uptimeCheck, taken: checks.map((c) => c.name), prompt: l10n.t('Check name') }),
          async (p, s) => {
            const picked = await input.quickPick(
              [
                {
                  label: 'HTTPS',
                  description: l10n.t('a web page or API over TLS (also watches its certificate)'),
                  type: 'https' as const,
                  picked: p.type === 'https',
                },
                { label: 'HTTP', description: l10n.t('a web page or API'), type: 'http' as const, picked: p.type === 'http' },
                // no ping: the spec wants every target to be a URL, a ping's is a host (docs/features.md, Uptime)
              ],
              { title, ...s, placeHolder: l10n.t('Check type') },
            );
            if (picked.type !== p.type) {
              p.target = p.target.replace(/^https?:/, `${picked.type}:`); // the same address, the other scheme
              p.alerts = p.alerts.filter((a) => a.type !== 'ssl_expiry' || picked.type === 'https');
            }
            p.type = picked.type;
          },
          async (p, s) => {
            p.target = (
              await input.inputBox({
                title,
                ...s,
                prompt: l10n.t('URL to request ({0})', p.type.toUpperCase()),
                value: p.target,
                validateInput: (v) => uptimeTargetProblem(p.type, v.trim()),
              })
            ).trim();
          },
          async (p, s) => {
            for (;;) {
              p.regions = (
                await input.quickPickMany(
                  UPTIME_REGIONS.map((r) => ({ label: r.label, description: r.id, picked: p.regions.includes(r.id), id: r.id })),
                  { title, ...s, placeHolder: l10n.t('Check from') },
                )
              ).map((r) => r.id);
              if (p.regions.length) return;
              void input.notify('warning', l10n.t('Choose at least one region to check from.'));
            }
          },
          listStep<Plan, AlertPlan>(input, {
            title,
            items: (p) => p.alerts,
            noun: 'alert',
            placeHolder: l10n.t('Alerts: choose one to change or remove it'),
            add: { label: l10n.t('Add an alert…'), description: l10n.t('down, slow, certificate expiring') },
            describe: (a) => ({ label: alertKind(a).label, description: alertText(a, email) }),
            initial: () => (email ? [{ type: 'down', threshold: 0, period: '2m', email: true }] : []),
            edit: (p, alert, where) => editAlert(p, alert, where),
          }),
          summaryStep<Plan>(input, title, (p) => ({
            label: l10n.t('Create {0}', p.name),
            description: `${p.type.toUpperCase()} ${p.target} · ${plural(p.regions.length, 'region')} · ${plural(p.alerts.length, 'alert')} · free`,
            detail: p.alerts.map((a) => alertText(a, email)).join(' · ') || l10n.t('no alerts: results show in the control panel only'),
          })),
        ],
        execute: [
          create({
            detail: (p) => `${p.type.toUpperCase()} ${p.target}`,
            // `method` is listed as required by the spec's request body though no property defines
            // it (the official clients leave it out); GET is what a check does, and an extra field is
            // ignored where it is not known
            send: ({ plan }, signal) =>
              cache.client.create<UptimeCheck>(
                uptimeCheck,
                { name: plan.name, type: plan.type, target: plan.target, regions: plan.regions, enabled: true, method: 'GET' },
                { signal },
              ),
          }),
          {
            // its alerts, each its own request: one that fails does not stop the others
            priority: PRIORITY.create + 1,
            async run({ plan, created }) {
              if (!plan.alerts.length) return;
              await withProgress(l10n.t('Adding the alerts of {0}…', plan.name), async (signal, report) => {
                for (const [i, a] of plan.alerts.entries()) {
                  report(l10n.t('alert {0} of {1}', i + 1, plan.alerts.length));
                  const alert = alertBody(a, `${plan.name} ${alertKind(a).label.toLowerCase()}`, email);
                  try {
                    await cache.client.request('POST', `/v2/uptime/checks/${encodeURIComponent(created!.id)}/alerts`, { body: alert, signal });
                  } catch (error) {
                    failed.push(
                      `${alertKind(a).label}: ${error instanceof ApiError ? error.describe() : error instanceof Error ? error.message : String(error)}`,
                    );
                  }
                }
              });
              log.info(`[${account.label}] Uptime check ${plan.name}: ${plural(plan.alerts.length - failed.length, 'alert')} added`);
            },
          },
          reveal(),
          notify(({ plan }) => {
            if (failed.length)
              throw new Error(
                l10n.t(
                  'The check {0} was created, but {1} of {2} failed — {3}',
                  plan.name,
                  plural(failed.length, 'alert'),
                  plan.alerts.length,
                  failed.join('; '),
                ),
              );
            return { message: l10n.t('Created uptime check {0}{1}.', plan.name, plan.alerts.length ? ` with ${plural(plan.alerts.length, 'alert')}` : '') };
          }),
        ],
      });
    }),
  ];
}
