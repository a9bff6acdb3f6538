/**
 * Edit Alert Policy (read fresh: above or below, the threshold, the window and the description,
 * each with what it is now, then a before → after summary; the policy is sent whole, as the API's
 * PUT replaces it) and Enable / Disable Alert Policy (the same PUT with only `enabled` changed).
 */
import type * as vscode from 'vscode';
import { ALERT_METRICS, type AlertPolicy, alertPolicy, alertPolicyText } from '../../api/resources/alertPolicy';
import { alertPolicyPresenter } from '../../tree/kinds/alertPolicy';
import { withProgress } from '../../ui/progress';
import { runWizard } from '../../ui/wizard';
import type { CommandDeps } from '../deps';
import { resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { summaryStep } from '../wizard/prompts';
import { thresholdProblem } from './alertPolicyCreate';
import * as l10n from '@vscode/l10n';

const WINDOWS = ['5m', '10m', '30m', '1h'] as const;

/** What the API's PUT takes: the whole policy, without its id. */
function putBody(p: AlertPolicy): Omit<AlertPolicy, 'uuid'> {
  return {
    type: p.type,
    description: p.description,
    compare: p.compare,
    value: p.value,
    window: p.window,
    entities: p.entities,
    tags: p.tags,
    alerts: p.alerts,
    enabled: p.enabled,
  };
}

const SAVE_IT = l10n.t('Save it? (Back to change something, Esc to cancel)');

export function registerAlertPolicyEditCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, model, log } = deps;

  /** The policy the command was run on (or one picked), read again. */
  async function freshPolicy(arg: unknown, title: string, valid?: (p: AlertPolicy) => boolean) {
    const node = await resourceTarget(deps, arg, alertPolicyPresenter, title, valid ? (p) => valid(p as AlertPolicy) : undefined);
    const policy = (await withProgress(l10n.t('Reading the alert policy…'), (signal) => model.reloadResource(node.ref, signal))) as AlertPolicy | undefined;
    if (!policy) throw new Error(l10n.t('The alert policy “{0}” is gone.', (node.item as AlertPolicy).description));
    return { node, policy };
  }

  async function save(node: Awaited<ReturnType<typeof freshPolicy>>['node'], changed: AlertPolicy, what: string): Promise<AlertPolicy> {
    const saved = await withProgress(l10n.t('Saving the alert policy…'), (signal) =>
      model.client(node.account).update<AlertPolicy>(alertPolicy, changed.uuid, putBody(changed), { signal }),
    );
    log.info(`[${node.account.label}] Alert policy ${changed.uuid}: ${what}`);
    await model.reloadResource(node.ref);
    return saved;
  }

  const toggle = (enable: boolean) => async (arg: unknown) => {
    const { node, policy } = await freshPolicy(arg, enable ? l10n.t('Enable an alert policy') : l10n.t('Disable an alert policy'), (p) => p.enabled !== enable);
    if (policy.enabled === enable) {
      void input.notify('info', enable ? l10n.t('“{0}” is enabled already.', policy.description) : l10n.t('“{0}” is disabled already.', policy.description));
      return policy.uuid;
    }
    const saved = await save(node, { ...policy, enabled: enable }, enable ? 'enabled' : 'disabled');
    void input.notify('info', enable ? l10n.t('“{0}” alerts again.', saved.description) : l10n.t('“{0}” no longer alerts.', saved.description));
    return saved.uuid;
  };

  return [
    registerCommand(deps, 'digitalocean.alertPolicy.edit', l10n.t('Edit alert policy'), async (arg) => {
      const { node, policy } = await freshPolicy(arg, l10n.t('Edit an alert policy'));
      const metric = ALERT_METRICS.find((m) => m.type === policy.type);
      const unit = metric?.unit ?? '';
      const title = l10n.t('Edit “{0}”', policy.description);
      const plan: AlertPolicy = { ...policy };
      await runWizard(plan, [
        async (p, s) => {
          p.compare = (
            await input.quickPick(
              [
                { label: l10n.t('Above…'), compare: 'GreaterThan' as const, picked: p.compare === 'GreaterThan' },
                { label: l10n.t('Below…'), compare: 'LessThan' as const, picked: p.compare === 'LessThan' },
              ],
              { title, ...s, placeHolder: l10n.t('Alert when {0} is', metric?.label ?? policy.type) },
            )
          ).compare;
        },
        async (p, s) => {
          p.value = Number(
            await input.inputBox({
              title,
              ...s,
              prompt: l10n.t('The threshold ({0}); now {1}', unit || l10n.t('load average'), String(policy.value)),
              value: String(p.value),
              validateInput: (v) => thresholdProblem(v, unit),
            }),
          );
        },
        async (p, s) => {
          p.window = (
            await input.quickPick(
              WINDOWS.map((w) => ({ label: w, description: w === policy.window ? l10n.t('now') : undefined, picked: w === p.window })),
              { title, ...s, placeHolder: l10n.t('For how long before alerting') },
            )
          ).label as AlertPolicy['window'];
        },
        async (p, s) => {
          p.description = (
            await input.inputBox({
              title,
              ...s,
              prompt: l10n.t('Description (shown in the alert)'),
              value: p.description,
              validateInput: (v) => (!v.trim() ? l10n.t('A description is required.') : v.length > 255 ? l10n.t('At most 255 characters.') : undefined),
            })
          ).trim();
        },
        summaryStep<AlertPolicy>(
          input,
          title,
          (p) => ({
            label: l10n.t('Save “{0}”', p.description),
            description: `${alertPolicyText(policy)} → ${alertPolicyText(p)}`,
            detail: p.description !== policy.description ? l10n.t('renamed from “{0}”', policy.description) : undefined,
          }),
          SAVE_IT,
        ),
      ]);
      const saved = await save(node, plan, `${alertPolicyText(policy)} → ${alertPolicyText(plan)}`);
      void input.notify('info', l10n.t('Saved “{0}”: {1}.', saved.description, alertPolicyText(saved)));
      return saved.uuid;
    }),
    registerCommand(deps, 'digitalocean.alertPolicy.enable', l10n.t('Enable alert policy'), toggle(true)),
    registerCommand(deps, 'digitalocean.alertPolicy.disable', l10n.t('Disable alert policy'), toggle(false)),
  ];
}
