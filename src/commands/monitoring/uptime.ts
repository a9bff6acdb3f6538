/**
 * Uptime checks after they exist: Edit (name, target or regions), Enable and Disable, and their
 * alerts — Add Alert, Edit Alert (the same questions as the create wizard's) and the shared
 * Delete. The API replaces a check or an alert with what a PUT sends, so each edit reads the
 * current one first and sends it whole with the change: an edit made elsewhere since the tree
 * was drawn is not undone.
 */
import type * as vscode from 'vscode';
import { type UptimeAlert, type UptimeCheck, uptimeAlert, uptimeCheck, uptimeCheckUpdate, uptimeTargetProblem } from '../../api/resources/uptimeCheck';
import { uptimeAlertPresenter, uptimeCheckPresenter } from '../../tree/kinds/uptimeCheck';
import type { ResourceNode } from '../../tree/nodes/resourceNode';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { nodeArgument, resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { alertBody, alertKind, alertPlanOf, alertText, askAlert, newAlertPlan, UPTIME_REGIONS } from './uptimeAlerts';
import * as l10n from '@vscode/l10n';

type CheckChange = Parameters<typeof uptimeCheckUpdate>[1];

export function registerUptimeCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;

  /** The check as the API has it now. */
  const current = (node: ResourceNode, signal?: AbortSignal) =>
    model.client(node.account).get<UptimeCheck>(uptimeCheck, (node.item as UptimeCheck).id, { signal });

  const updateCheck = async (node: ResourceNode, check: UptimeCheck, change: CheckChange, what: string) => {
    const updated = await withProgress(l10n.t('Updating uptime check {0}…', check.name), (signal) =>
      model.client(node.account).update<UptimeCheck>(uptimeCheck, check.id, uptimeCheckUpdate(check, change), { signal }),
    );
    log.info(`[${node.account.label}] Uptime check ${check.name}: ${what}`);
    model.reloadKind(node.account, uptimeCheck.kind, false);
    return updated;
  };

  const setEnabled = (enabled: boolean) => async (arg: unknown) => {
    const node = await resourceTarget(
      deps,
      arg,
      uptimeCheckPresenter,
      enabled ? l10n.t('Enable') : l10n.t('Disable'),
      (c) => (c as UptimeCheck).enabled !== enabled,
    );
    const check = await withProgress(l10n.t('Reading uptime check {0}…', node.name), (signal) => current(node, signal));
    if (check.enabled === enabled) {
      model.reloadKind(node.account, uptimeCheck.kind, false);
      void input.notify('info', enabled ? l10n.t('{0} is enabled already.', check.name) : l10n.t('{0} is disabled already.', check.name));
      return check;
    }
    if (!enabled)
      await input.confirm(
        l10n.t('Disable uptime check {0}?', check.name),
        l10n.t('{0} is not checked, and its alerts do not fire, until it is enabled again.', check.target),
        l10n.t('Disable'),
      );
    const updated = await updateCheck(node, check, { enabled }, enabled ? 'enabled' : 'disabled');
    void input.notify('info', enabled ? l10n.t('Uptime check {0} is enabled.', check.name) : l10n.t('Uptime check {0} is disabled.', check.name));
    return updated;
  };

  return [
    registerCommand(deps, 'digitalocean.uptime.edit', l10n.t('Edit uptime check'), async (arg) => {
      const node = await resourceTarget(deps, arg, uptimeCheckPresenter, l10n.t('Edit an uptime check'));
      const [check, all] = await withProgress(l10n.t('Reading uptime check {0}…', node.name), (signal) =>
        Promise.all([current(node, signal), model.cacheFor(node.account).list(uptimeCheck)]),
      );
      const title = l10n.t('Edit {0}', check.name);
      const regionLabel = (id: string) => UPTIME_REGIONS.find((r) => r.id === id)?.label ?? id;
      const what = (
        await input.quickPick(
          [
            { label: l10n.t('Name'), description: check.name, what: 'name' as const },
            { label: l10n.t('Target'), description: check.target, what: 'target' as const },
            { label: l10n.t('Regions'), description: check.regions.map(regionLabel).join(', '), what: 'regions' as const },
          ],
          { title, placeHolder: l10n.t('What to change') },
        )
      ).what;
      let change: CheckChange;
      if (what === 'name') {
        const others = all.filter((c) => c.id !== check.id).map((c) => c.name);
        const name = await input.inputBox({
          title,
          prompt: l10n.t('Check name'),
          value: check.name,
          validateInput: (v) => uptimeCheck.nameProblem?.(v, others) ?? (v === check.name ? l10n.t('That is its name already.') : undefined),
        });
        change = { name };
      } else if (what === 'target') {
        const target = (
          await input.inputBox({
            title,
            prompt: l10n.t('URL to request ({0})', check.type.toUpperCase()),
            value: check.target,
            validateInput: (v) => uptimeTargetProblem(check.type, v.trim()) ?? (v.trim() === check.target ? l10n.t('That is its target already.') : undefined),
          })
        ).trim();
        change = { target };
      } else {
        let regions: string[];
        for (;;) {
          regions = (
            await input.quickPickMany(
              UPTIME_REGIONS.map((r) => ({ label: r.label, description: r.id, picked: check.regions.includes(r.id), id: r.id })),
              { title, placeHolder: l10n.t('Check from') },
            )
          ).map((r) => r.id);
          if (regions.length) break;
          void input.notify('warning', l10n.t('Choose at least one region to check from.'));
        }
        if (regions.length === check.regions.length && regions.every((r) => check.regions.includes(r))) return undefined;
        change = { regions };
      }
      const updated = await updateCheck(node, check, change, `${Object.keys(change).join(', ')} changed`);
      void input.notify('info', l10n.t('Uptime check {0} is updated.', updated.name));
      return updated;
    }),

    registerCommand(deps, 'digitalocean.uptime.enable', l10n.t('Enable uptime check'), setEnabled(true)),
    registerCommand(deps, 'digitalocean.uptime.disable', l10n.t('Disable uptime check'), setEnabled(false)),

    registerCommand(deps, 'digitalocean.uptime.addAlert', l10n.t('Add uptime alert'), async (arg) => {
      const node = await resourceTarget(deps, arg, uptimeCheckPresenter, l10n.t('Add an alert to an uptime check'));
      const check = node.item as UptimeCheck;
      const email = node.account.email;
      const title = l10n.t('Add an alert to {0}', check.name);
      const plan = await askAlert(input, title, check.type, email, newAlertPlan(email));
      const name = `${check.name} ${alertKind(plan).label.toLowerCase()}`;
      await input.confirm(l10n.t('Add the alert "{0}"?', name), alertText(plan, email), l10n.t('Add'));
      const created = await withProgress(l10n.t('Adding an alert to {0}…', check.name), (signal) =>
        model.client(node.account).create<UptimeAlert>(uptimeAlert, alertBody(plan, name, email), { parents: [check.id], signal }),
      );
      log.info(`[${node.account.label}] Uptime check ${check.name}: alert ${created.name} added (${created.type})`);
      model.reloadKind(node.account, uptimeAlert.kind, false);
      void input.notify('info', l10n.t('Alert {0} added to {1}.', created.name, check.name));
      return created;
    }),

    registerCommand(deps, 'digitalocean.uptime.editAlert', l10n.t('Edit uptime alert'), async (arg) => {
      const node = nodeArgument(arg, uptimeAlertPresenter);
      const [checkId] = node.parents.slice(-1);
      const email = node.account.email;
      const [check, alert] = await withProgress(l10n.t('Reading alert {0}…', node.name), (signal) =>
        Promise.all([
          model.client(node.account).get<UptimeCheck>(uptimeCheck, checkId, { signal }),
          model.client(node.account).get<UptimeAlert>(uptimeAlert, node.resourceId, { parents: [checkId], signal }),
        ]),
      );
      const title = l10n.t('Edit alert {0}', alert.name);
      const before = alertPlanOf(alert, email);
      const plan = await askAlert(input, title, check.type, email, before);
      const body = alertBody(plan, alert.name, email);
      if (JSON.stringify(body) === JSON.stringify(alertBody(before, alert.name, email))) {
        void input.notify('info', l10n.t('Nothing changed in {0}.', alert.name));
        return alert;
      }
      const updated = await withProgress(l10n.t('Updating alert {0}…', alert.name), (signal) =>
        model.client(node.account).update<UptimeAlert>(uptimeAlert, alert.id, body, { parents: [checkId], signal }),
      );
      log.info(`[${node.account.label}] Uptime check ${check.name}: alert ${alert.name} updated (${updated.type}, ${updated.period})`);
      model.reloadKind(node.account, uptimeAlert.kind, false);
      void input.notify('info', l10n.t('Alert {0} is updated: {1}.', alert.name, alertText(plan, email)));
      return updated;
    }),
  ];
}
