/**
 * App Platform's commands: deploy, cancel, restart, roll back, logs and the console. The logs and
 * the console are terminals of their own (appTerminals.ts).
 */
import * as vscode from 'vscode';
import { appExecUrl, appInstances, type AppLogType } from '../../api/appLogs/follow';
import {
  cancelAppDeployment,
  commitAppRollback,
  createAppDeployment,
  restartApp,
  revertAppRollback,
  rollbackApp,
  validateAppRollback,
  appDeployments,
} from '../../api';
import { type App, appComponents, appRunningComponents } from '../../api/resources/app';
import type { AccountInfo } from '../../accounts/accountStore';
import { appPresenter } from '../../tree/kinds/app';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { ConsoleView, openLogView } from './appTerminals';

const ALL = vscode.l10n.t('All components');
const TYPES: { label: string; type: AppLogType; detail: string }[] = [
  { label: vscode.l10n.t('Run'), type: 'RUN', detail: vscode.l10n.t('what the running instances print, followed live') },
  { label: vscode.l10n.t('Build'), type: 'BUILD', detail: vscode.l10n.t("the latest deployment's build") },
  { label: vscode.l10n.t('Deploy'), type: 'DEPLOY', detail: vscode.l10n.t("the latest deployment's rollout") },
  { label: vscode.l10n.t('Restarted'), type: 'RUN_RESTARTED', detail: vscode.l10n.t('instances that crashed or restarted') },
];

export function registerAppCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, model, log } = deps;

  /** The app and one of its components (`running`: only services and workers, the ones with instances). */
  async function appAndComponent(
    arg: unknown,
    title: string,
    allowAll: boolean,
    running = false,
  ): Promise<{ account: AccountInfo; app: App; component?: string }> {
    const node = await resourceTarget(deps, arg, appPresenter, title);
    const app = node.item as App;
    const components = running ? appRunningComponents(app) : appComponents(app);
    if (components.length === 0) throw new Error(vscode.l10n.t('{0} has no components.', app.spec.name));
    const choices = [...(allowAll && components.length > 1 ? [ALL] : []), ...components];
    const component =
      choices.length === 1
        ? choices[0]
        : (
            await input.quickPick(
              choices.map((label) => ({ label })),
              { title: `${title}: ${app.spec.name}`, placeHolder: vscode.l10n.t('Component') },
            )
          ).label;
    return { account: node.account, app, component: component === ALL ? undefined : component };
  }

  /** The app node the command was run on, or one picked; `valid` filters the palette's list. */
  const appTarget = (arg: unknown, title: string, valid?: (a: App) => boolean) =>
    resourceTarget(deps, arg, appPresenter, title, valid ? (a) => valid(a as App) : undefined);

  /** After a call that starts a deployment: the app's fresh copy, followed by the poller until it settles. */
  async function followDeployment(node: Awaited<ReturnType<typeof appTarget>>, what: string): Promise<void> {
    log.info(`[${node.account.label}] ${what}`);
    await model.reloadResource(node.ref);
    vscode.window.setStatusBarMessage(`$(rocket) ${what}`, 5000);
  }

  return [
    registerCommand(deps, 'digitalocean.app.deploy', vscode.l10n.t('Deploy app'), async (arg) => {
      const node = await appTarget(arg, vscode.l10n.t('Deploy an app'));
      const a = node.item as App;
      if (a.in_progress_deployment)
        throw new Error(vscode.l10n.t('{0} is deploying already ({1}).', a.spec.name, a.in_progress_deployment.phase.toLowerCase()));
      const force = (
        await input.quickPick(
          [
            { label: vscode.l10n.t('Deploy'), detail: vscode.l10n.t('the current spec, re-using a cached build where it fits'), force: false },
            { label: vscode.l10n.t('Deploy and Rebuild'), detail: vscode.l10n.t('build every component from source again'), force: true },
          ],
          { title: vscode.l10n.t('Deploy {0}', a.spec.name) },
        )
      ).force;
      const deployment = await withProgress(vscode.l10n.t('Starting a deployment of {0}…', a.spec.name), (signal) =>
        createAppDeployment(model.client(node.account), a.id, force, signal),
      );
      await followDeployment(node, vscode.l10n.t('Deployment {0} of {1} started{2}', deployment.id.slice(0, 8), a.spec.name, force ? ' (rebuilding)' : ''));
      return deployment.id;
    }),

    registerCommand(deps, 'digitalocean.app.cancelDeployment', vscode.l10n.t('Cancel deployment'), async (arg) => {
      const node = await appTarget(arg, vscode.l10n.t('Cancel a deployment'), (a) => a.in_progress_deployment !== undefined);
      const a = node.item as App;
      const running = a.in_progress_deployment;
      if (!running) throw new Error(vscode.l10n.t('{0} has no deployment in progress.', a.spec.name));
      await input.confirm(
        vscode.l10n.t('Cancel the deployment of {0}?', a.spec.name),
        vscode.l10n.t('It is {0}; the active deployment keeps serving.', running.phase.toLowerCase().replace(/_/g, ' ')),
        vscode.l10n.t('Cancel Deployment'),
      );
      await withProgress(vscode.l10n.t('Canceling the deployment…'), (signal) => cancelAppDeployment(model.client(node.account), a.id, running.id, signal));
      await followDeployment(node, vscode.l10n.t('Deployment {0} of {1} canceled', running.id.slice(0, 8), a.spec.name));
      return running.id;
    }),

    registerCommand(deps, 'digitalocean.app.restart', vscode.l10n.t('Restart app'), async (arg) => {
      const node = await appTarget(arg, vscode.l10n.t('Restart an app'));
      const a = node.item as App;
      const components = appComponents(a);
      const chosen =
        components.length === 1
          ? components
          : (
              await input.quickPickMany(
                components.map((label) => ({ label, picked: true })),
                { title: vscode.l10n.t('Restart {0}: which components?', a.spec.name) },
              )
            ).map((c) => c.label);
      if (chosen.length === 0) throw new Error(vscode.l10n.t('Choose at least one component to restart.'));
      const all = chosen.length === components.length;
      const deployment = await withProgress(vscode.l10n.t('Restarting {0}…', a.spec.name), (signal) =>
        restartApp(model.client(node.account), a.id, all ? [] : chosen, signal),
      );
      await followDeployment(node, `${a.spec.name}: restarting ${all ? vscode.l10n.t('every component') : chosen.join(', ')}`);
      return deployment.id;
    }),

    registerCommand(deps, 'digitalocean.app.rollback', vscode.l10n.t('Roll back app'), async (arg) => {
      const node = await appTarget(arg, vscode.l10n.t('Roll back an app'));
      const a = node.item as App;
      const client = model.client(node.account);
      const past = (await withProgress(vscode.l10n.t("Listing {0}'s deployments…", a.spec.name), (signal) => appDeployments(client, a.id, signal))).filter(
        (d) => d.id !== a.active_deployment?.id,
      );
      if (past.length === 0) throw new Error(vscode.l10n.t('{0} has no earlier deployment to roll back to.', a.spec.name));
      const target = (
        await input.quickPick(
          past.map((d) => ({
            label: d.cause ?? d.id.slice(0, 8),
            description: `${d.phase.toLowerCase()} · ${d.created_at.slice(0, 16).replace('T', ' ')}`,
            detail: d.id,
            deployment: d,
          })),
          { title: vscode.l10n.t('Roll back {0} to…', a.spec.name) },
        )
      ).deployment;
      const check = await withProgress(vscode.l10n.t('Checking the rollback…'), (signal) => validateAppRollback(client, a.id, target.id, signal));
      if (!check.valid)
        throw new Error(
          vscode.l10n.t(
            '{0} cannot roll back to that deployment: {1}.',
            a.spec.name,
            check.error?.message ?? check.error?.code ?? vscode.l10n.t('the API refused it'),
          ),
        );
      const warnings = (check.warnings ?? []).map((w) => w.message ?? w.code).filter(Boolean);
      await input.confirm(
        vscode.l10n.t('Roll back {0} to "{1}"?', a.spec.name, target.cause ?? target.id.slice(0, 8)),
        [vscode.l10n.t('The app is pinned to it (no new deployments, auto-deploy paused) until you commit the rollback or revert it.'), ...warnings].join('\n'),
        vscode.l10n.t('Roll Back'),
      );
      const deployment = await withProgress(vscode.l10n.t('Rolling back {0}…', a.spec.name), (signal) => rollbackApp(client, a.id, target.id, signal));
      await followDeployment(node, vscode.l10n.t('{0} rolling back to {1}', a.spec.name, target.id.slice(0, 8)));
      void input.notify('info', vscode.l10n.t("{0} is rolling back. Commit the rollback to keep it, or revert it, from the app's menu.", a.spec.name));
      return deployment.id;
    }),

    registerCommand(deps, 'digitalocean.app.commitRollback', vscode.l10n.t('Commit rollback'), async (arg) => {
      const node = await appTarget(arg, vscode.l10n.t('Commit a rollback'), (a) => a.pinned_deployment !== undefined);
      const a = node.item as App;
      await withProgress(vscode.l10n.t('Committing the rollback…'), (signal) => commitAppRollback(model.client(node.account), a.id, signal));
      await followDeployment(node, vscode.l10n.t('{0}: rollback committed', a.spec.name));
      return a.id;
    }),

    registerCommand(deps, 'digitalocean.app.revertRollback', vscode.l10n.t('Revert rollback'), async (arg) => {
      const node = await appTarget(arg, vscode.l10n.t('Revert a rollback'), (a) => a.pinned_deployment !== undefined);
      const a = node.item as App;
      await input.confirm(
        vscode.l10n.t('Revert the rollback of {0}?', a.spec.name),
        vscode.l10n.t('The deployment that was active before it is deployed again.'),
        vscode.l10n.t('Revert'),
      );
      const deployment = await withProgress(vscode.l10n.t('Reverting the rollback…'), (signal) => revertAppRollback(model.client(node.account), a.id, signal));
      await followDeployment(node, vscode.l10n.t('{0}: rollback reverted', a.spec.name));
      return deployment.id;
    }),

    registerCommand(deps, 'digitalocean.app.showLogs', vscode.l10n.t('Show app logs'), async (arg) => {
      const { account, app, component } = await appAndComponent(arg, vscode.l10n.t('Show logs'), true);
      const type = (
        await input.quickPick(
          TYPES.map((t) => ({ label: t.label, detail: t.detail, type: t.type })),
          { title: vscode.l10n.t('Logs of {0}{1}', app.spec.name, component ? ` · ${component}` : ''), placeHolder: vscode.l10n.t('Which logs?') },
        )
      ).type;
      const client = model.client(account);
      // build and deploy logs belong to a deployment: the current one (live), or an earlier one (archived)
      let deploymentId: string | undefined;
      if (type === 'BUILD' || type === 'DEPLOY') {
        const past = (
          await withProgress(vscode.l10n.t("Listing {0}'s deployments…", app.spec.name), (signal) => appDeployments(client, app.id, signal))
        ).filter((d) => d.id !== (app.in_progress_deployment ?? app.active_deployment)?.id);
        if (past.length > 0) {
          deploymentId = (
            await input.quickPick(
              [
                { label: vscode.l10n.t('Current deployment'), description: vscode.l10n.t('followed live'), id: undefined as string | undefined },
                ...past.map((d) => ({
                  label: d.cause ?? d.id.slice(0, 8),
                  description: `${d.phase.toLowerCase()} · ${d.created_at.slice(0, 16).replace('T', ' ')}`,
                  id: d.id as string | undefined,
                })),
              ],
              {
                title: vscode.l10n.t('{0} logs of {1}: which deployment?', type === 'BUILD' ? vscode.l10n.t('Build') : vscode.l10n.t('Deploy'), app.spec.name),
              },
            )
          ).id;
        }
      }
      return openLogView(deps, account, app, type, component, deploymentId);
    }),

    registerCommand(deps, 'digitalocean.app.console', vscode.l10n.t('Open app console'), async (arg) => {
      const { account, app, component } = await appAndComponent(arg, vscode.l10n.t('Open a console'), false, true);
      const client = model.client(account);
      const instances = (await withProgress(vscode.l10n.t("Listing {0}'s instances…", app.spec.name), (signal) => appInstances(client, app.id, signal))).filter(
        (i) => i.component_name === component,
      );
      if (instances.length === 0) throw new Error(vscode.l10n.t('{0} of {1} has no running instance to open a console on.', String(component), app.spec.name));
      const instance =
        instances.length === 1
          ? instances[0]
          : (
              await input.quickPick(
                instances.map((i) => ({ label: i.instance_alias ?? i.instance_name, description: i.instance_name, instance: i })),
                { title: vscode.l10n.t('Console on {0} · {1}', app.spec.name, String(component)), placeHolder: vscode.l10n.t('Instance') },
              )
            ).instance;
      const title = `${app.spec.name} · ${instance.instance_alias ?? instance.instance_name}`;
      const view = new ConsoleView(() => appExecUrl(client, { appId: app.id, component: component! }, instance.instance_name), title, log);
      const terminal = vscode.window.createTerminal({
        name: vscode.l10n.t('Console: {0}', title),
        pty: view,
        iconPath: new vscode.ThemeIcon('terminal'),
        isTransient: true,
      });
      terminal.show();
      log.info(`[${account.label}] Console on ${title}`);
      return view;
    }),
  ];
}
