/**
 * Functions namespaces, their scheduled triggers and access keys: Create Namespace (a wizard with
 * Back: a label not taken, the region, a summary), Add Trigger (a wizard: a checked name, the
 * function, the cron schedule — five fields, checked —, an optional JSON body, a summary), Edit
 * Trigger Schedule (read fresh; before → after), Pause/Resume Trigger, Create Access Key (a name
 * and an expiry; the secret, answered once, goes to the clipboard only — never shown or logged)
 * and Rename Access Key. Triggers and keys are deleted with the shared Delete.
 */
import * as vscode from 'vscode';
import {
  type FunctionsAccessKey,
  type FunctionsNamespace,
  type FunctionsTrigger,
  functionsAccessKey,
  functionsNamespace,
  functionsTrigger,
} from '../../api/resources/functionsNamespace';
import { cronProblem } from '../../api/cron';
import { functionsAccessKeyPresenter, functionsNamespacePresenter, functionsTriggerPresenter } from '../../tree/kinds/functionsNamespace';
import { withProgress } from '../../ui/progress';
import { runWizard, type WizardStep } from '../../ui/wizard';
import type { CommandDeps } from '../deps';
import { accountTarget, nodeArgument, resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { summaryStep } from '../wizard/prompts';
import { create, notify, reveal, runCreateWizard } from '../wizard/create';

/** Where DigitalOcean runs Functions. */
export const FUNCTIONS_REGIONS = ['nyc1', 'sfo3', 'ams3', 'fra1', 'lon1', 'sgp1', 'tor1', 'blr1', 'syd1'];

/** Why a trigger's body is refused: empty, or a JSON object. */
function bodyProblem(value: string): string | undefined {
  if (!value.trim()) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? undefined : vscode.l10n.t('A JSON object, e.g. {"report": "daily"}.');
  } catch {
    return vscode.l10n.t('A JSON object, e.g. {"report": "daily"}.');
  }
}

/** Function names as the platform takes them: package/name, letters, digits, "-", "_", ".". */
function functionProblem(value: string): string | undefined {
  return /^[A-Za-z0-9_][A-Za-z0-9_.-]*(\/[A-Za-z0-9_][A-Za-z0-9_.-]*)?$/.test(value.trim()) && value.length <= 256
    ? undefined
    : vscode.l10n.t('A function of the namespace: name or package/name (letters, digits, "-", "_", ".").');
}

/** Why an access key's name is refused: letters, digits, "-", "_", ".", at most 64, not taken. */
function keyNameProblem(value: string, taken: readonly string[]): string | undefined {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(value)) return vscode.l10n.t('Letters, digits, "-", "_" and ".", at most 64.');
  return taken.includes(value) ? vscode.l10n.t('The namespace has a key named {0} already.', value) : undefined;
}

const EXPIRIES = [
  { label: vscode.l10n.t('Never'), expires: undefined },
  { label: vscode.l10n.t('7 days'), expires: '7d' },
  { label: vscode.l10n.t('30 days'), expires: '30d' },
  { label: vscode.l10n.t('90 days'), expires: '90d' },
  { label: vscode.l10n.t('1 year'), expires: '365d' },
];

export function registerFunctionsCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;

  /** A trigger's schedule and body, as Add and Edit ask them. */
  const scheduleSteps = <P extends { cron: string; body: string }>(title: string, prompt: string): WizardStep<P>[] => [
    async (p, s) => {
      p.cron = (await input.inputBox({ title, ...s, prompt, value: p.cron, validateInput: cronProblem })).trim();
    },
    async (p, s) => {
      p.body = (
        await input.inputBox({
          title,
          ...s,
          prompt: vscode.l10n.t('Body sent to the function (a JSON object; empty: none)'),
          value: p.body,
          validateInput: bodyProblem,
        })
      ).trim();
    },
  ];

  /** The trigger run on, read fresh (it may have changed, or run, since it was listed). */
  const freshTrigger = async (arg: unknown) => {
    const node = nodeArgument(arg, functionsTriggerPresenter);
    const [namespace] = node.parents.slice(-1);
    const client = model.client(node.account);
    const trigger = await withProgress(vscode.l10n.t('Reading trigger {0}…', node.name), (signal) =>
      client.get<FunctionsTrigger>(functionsTrigger, node.resourceId, { parents: [namespace], signal }),
    );
    return { node, namespace, client, trigger };
  };
  const setEnabled = (enabled: boolean) => async (arg: unknown) => {
    const { node, namespace, client, trigger } = await freshTrigger(arg);
    if (trigger.is_enabled === enabled) {
      void input.notify('info', enabled ? vscode.l10n.t('{0} runs already.', trigger.name) : vscode.l10n.t('{0} is paused already.', trigger.name));
      return enabled;
    }
    await withProgress(enabled ? vscode.l10n.t('Resuming {0}…', trigger.name) : vscode.l10n.t('Pausing {0}…', trigger.name), (signal) =>
      client.update<FunctionsTrigger>(functionsTrigger, trigger.name, { is_enabled: enabled }, { parents: [namespace], signal }),
    );
    log.info(`[${node.account.label}] Trigger ${trigger.name}: ${enabled ? 'resumed' : 'paused'}`);
    model.reloadKind(node.account, functionsTrigger.kind, false);
    return enabled;
  };

  return [
    registerCommand(deps, 'digitalocean.functions.create', vscode.l10n.t('Create Functions namespace'), async (arg) => {
      const account = await accountTarget(deps, arg, vscode.l10n.t('Create a namespace in which account?'));
      const cache = model.cacheFor(account);
      const namespaces = await withProgress(vscode.l10n.t('Loading namespaces…'), () => cache.list(functionsNamespace));
      const taken = namespaces.map((n) => n.label);
      const title = vscode.l10n.t('Create Functions namespace');
      return runCreateWizard<{ name: string; region: string }, FunctionsNamespace>(deps, {
        title,
        account,
        kind: functionsNamespace,
        plan: { name: '', region: 'nyc1' },
        prompts: [
          async (p, s) => {
            p.name = (
              await input.inputBox({
                title,
                ...s,
                prompt: vscode.l10n.t('Label'),
                value: p.name,
                validateInput: (v) =>
                  !v.trim()
                    ? vscode.l10n.t('A label is required.')
                    : v.length > 64 || !/^[A-Za-z0-9][A-Za-z0-9 _.-]*$/.test(v)
                      ? vscode.l10n.t('Letters, digits, spaces, "-", "_" and ".", at most 64.')
                      : taken.includes(v.trim())
                        ? vscode.l10n.t('The account has a namespace labelled {0} already.', v.trim())
                        : undefined,
              })
            ).trim();
          },
          async (p, s) => {
            p.region = (
              await input.quickPick(
                FUNCTIONS_REGIONS.map((r) => ({ label: r, picked: r === p.region })),
                { title, ...s, placeHolder: vscode.l10n.t('Region (near what the functions call)') },
              )
            ).label;
          },
          summaryStep<{ name: string; region: string }>(input, title, (p) => ({
            label: vscode.l10n.t('Create {0}', p.name),
            description: `${p.region} · ${vscode.l10n.t('billed per use (GiB-seconds); 90,000 GiB-s a month are free')}`,
          })),
        ],
        execute: [
          create({
            detail: (p) => p.region,
            send: ({ plan }, signal) => cache.client.create<FunctionsNamespace>(functionsNamespace, { label: plan.name, region: plan.region }, { signal }),
          }),
          reveal('created'),
          notify((c) => (c.created ? { message: vscode.l10n.t('Namespace {0} is ready in {1}.', c.name, c.plan.region) } : undefined)),
        ],
      });
    }),

    registerCommand(deps, 'digitalocean.functions.addTrigger', vscode.l10n.t('Add trigger'), async (arg) => {
      const node = await resourceTarget(deps, arg, functionsNamespacePresenter, vscode.l10n.t('Add a trigger to which namespace?'));
      const ns = node.item as FunctionsNamespace;
      const client = model.client(node.account);
      const taken = (await model.cacheFor(node.account).list(functionsTrigger, [ns.namespace])).map((t) => t.name);
      const title = vscode.l10n.t('Add trigger to {0}', ns.label);
      const plan = { name: '', fn: '', cron: '0 * * * *', body: '' };
      await runWizard(plan, [
        async (p, s) => {
          p.name = (
            await input.inputBox({
              title,
              ...s,
              prompt: vscode.l10n.t('Trigger name'),
              value: p.name,
              validateInput: (v) => functionsTrigger.nameProblem?.(v, taken),
            })
          ).trim();
        },
        async (p, s) => {
          p.fn = (
            await input.inputBox({
              title,
              ...s,
              prompt: vscode.l10n.t('Function to run (name or package/name, as deployed)'),
              value: p.fn,
              validateInput: functionProblem,
            })
          ).trim();
        },
        ...scheduleSteps<typeof plan>(title, vscode.l10n.t('Schedule (cron, UTC): minute hour day-of-month month day-of-week')),
        summaryStep<typeof plan>(input, title, (p) => ({
          label: vscode.l10n.t('Add {0}', p.name),
          description: `${p.cron} → ${p.fn}${p.body ? ` · ${p.body}` : ''}`,
        })),
      ]);
      const made = await withProgress(vscode.l10n.t('Adding trigger {0}…', plan.name), (signal) =>
        client.create<FunctionsTrigger>(
          functionsTrigger,
          {
            name: plan.name,
            function: plan.fn,
            type: 'SCHEDULED',
            is_enabled: true,
            scheduled_details: { cron: plan.cron, body: plan.body ? (JSON.parse(plan.body) as Record<string, unknown>) : null },
          },
          { parents: [ns.namespace], signal },
        ),
      );
      log.info(`[${node.account.label}] Trigger ${made.name} added to ${ns.label}: ${plan.cron} → ${plan.fn}`);
      model.reloadKind(node.account, functionsTrigger.kind, false);
      void input.notify('info', vscode.l10n.t('{0} runs {1} on {2}.', ns.label, made.function, plan.cron));
      return made.name;
    }),

    registerCommand(deps, 'digitalocean.functions.editTrigger', vscode.l10n.t('Edit trigger schedule'), async (arg) => {
      const { node, namespace, client, trigger } = await freshTrigger(arg);
      const title = vscode.l10n.t('Edit trigger {0}', trigger.name);
      const before = {
        cron: trigger.scheduled_details?.cron ?? '',
        body: trigger.scheduled_details?.body ? JSON.stringify(trigger.scheduled_details.body) : '',
      };
      const plan = { ...before };
      await runWizard(plan, [
        ...scheduleSteps<typeof plan>(title, vscode.l10n.t('Schedule (cron, UTC); now {0}', before.cron)),
        summaryStep<typeof plan>(input, title, (p) => ({
          label: vscode.l10n.t('Save {0}', trigger.name),
          description: `${before.cron} → ${p.cron}${p.body !== before.body ? vscode.l10n.t(' · new body') : ''}`,
        })),
      ]);
      await withProgress(vscode.l10n.t('Saving trigger {0}…', trigger.name), (signal) =>
        client.update<FunctionsTrigger>(
          functionsTrigger,
          trigger.name,
          {
            is_enabled: trigger.is_enabled,
            scheduled_details: { cron: plan.cron, body: plan.body ? (JSON.parse(plan.body) as Record<string, unknown>) : null },
          },
          { parents: [namespace], signal },
        ),
      );
      log.info(`[${node.account.label}] Trigger ${trigger.name}: ${before.cron} → ${plan.cron}`);
      model.reloadKind(node.account, functionsTrigger.kind, false);
      return plan.cron;
    }),

    registerCommand(deps, 'digitalocean.functions.pauseTrigger', vscode.l10n.t('Pause trigger'), setEnabled(false)),
    registerCommand(deps, 'digitalocean.functions.resumeTrigger', vscode.l10n.t('Resume trigger'), setEnabled(true)),

    registerCommand(deps, 'digitalocean.functions.createKey', vscode.l10n.t('Create access key'), async (arg) => {
      const node = await resourceTarget(deps, arg, functionsNamespacePresenter, vscode.l10n.t('Create an access key for which namespace?'));
      const ns = node.item as FunctionsNamespace;
      const client = model.client(node.account);
      const taken = (await model.cacheFor(node.account).list(functionsAccessKey, [ns.namespace])).map((k) => k.name);
      const title = vscode.l10n.t('Create access key for {0}', ns.label);
      const plan = { name: '', expires: undefined as string | undefined };
      await runWizard(plan, [
        async (p, s) => {
          p.name = (
            await input.inputBox({
              title,
              ...s,
              prompt: vscode.l10n.t('Key name (what uses it)'),
              value: p.name,
              validateInput: (v) => keyNameProblem(v, taken),
            })
          ).trim();
        },
        async (p, s) => {
          p.expires = (
            await input.quickPick(
              EXPIRIES.map((e) => ({ ...e, picked: e.expires === p.expires })),
              { title, ...s, placeHolder: vscode.l10n.t('Expires after') },
            )
          ).expires;
        },
        summaryStep<typeof plan>(input, title, (p) => ({
          label: vscode.l10n.t('Create {0}', p.name),
          description: p.expires ? vscode.l10n.t('expires in {0}', p.expires) : vscode.l10n.t('never expires'),
          detail: vscode.l10n.t('its secret is shown once by DigitalOcean: it goes to your clipboard'),
        })),
      ]);
      const key = await withProgress(vscode.l10n.t('Creating access key {0}…', plan.name), (signal) =>
        client.create<FunctionsAccessKey>(
          functionsAccessKey,
          { name: plan.name, ...(plan.expires ? { expires_in: plan.expires } : {}) },
          { parents: [ns.namespace], signal },
        ),
      );
      model.reloadKind(node.account, functionsAccessKey.kind, false);
      if (!key.secret) throw new Error(vscode.l10n.t('DigitalOcean made {0} but sent no secret: delete it and create another.', key.name));
      await vscode.env.clipboard.writeText(`${key.id}:${key.secret}`);
      // that it was made, never its secret
      log.info(`[${node.account.label}] Access key ${key.name} (${key.id}) created for ${ns.label}; its secret was copied to the clipboard`);
      void input.notify(
        'info',
        vscode.l10n.t('Access key {0} is made; id:secret is in the clipboard. DigitalOcean shows the secret only this once: keep it somewhere safe.', key.name),
      );
      return key.id;
    }),

    registerCommand(deps, 'digitalocean.functions.renameKey', vscode.l10n.t('Rename access key'), async (arg) => {
      const node = nodeArgument(arg, functionsAccessKeyPresenter);
      const [namespace] = node.parents.slice(-1);
      const taken = (await model.cacheFor(node.account).list(functionsAccessKey, [namespace])).filter((k) => k.id !== node.resourceId).map((k) => k.name);
      const name = (
        await input.inputBox({
          title: vscode.l10n.t('Rename access key {0}', node.name),
          prompt: vscode.l10n.t('New name'),
          value: node.name,
          validateInput: (v) => keyNameProblem(v, taken),
        })
      ).trim();
      if (name === node.name) return name;
      const saved = await withProgress(vscode.l10n.t('Renaming {0}…', node.name), (signal) =>
        model.client(node.account).update<FunctionsAccessKey>(functionsAccessKey, node.resourceId, { name }, { parents: [namespace], signal }),
      );
      log.info(`[${node.account.label}] Access key ${node.resourceId}: ${node.name} → ${saved.name}`);
      model.reloadKind(node.account, functionsAccessKey.kind, false);
      return saved.name;
    }),
  ];
}
