/**
 * The one model every create wizard follows: a typed plan, prompt steps that fill it in (with
 * Back, step counts and cancellation from runWizard, shared steps from ./prompts), then execute
 * steps run in order of priority — Create, AssignToProject, Reveal, WaitUntilReady, Reveal,
 * Notify — so that each wizard ends the same way: the create under a cancellable progress, the
 * new resource selected in the view, a wait that Cancel stops without undoing anything, and one
 * notification with the natural next step.
 */
import * as vscode from 'vscode';
import type { AccountInfo } from '../../accounts/accountStore';
import { ApiError, assignToProject, type DigitalOceanClient, type ResourceKind } from '../../api';
import type { ReadyState } from '../../api/actions';
import type { Project } from '../../api/resources/project';
import type { Logger } from '../../log';
import type { AccountCache } from '../../model/accountCache';
import { isCancellation } from '../../ui/errors';
import { withProgress } from '../../ui/progress';
import type { NoticeSeverity, UserInput } from '../../ui/userInput';
import { runWizard, type WizardStep } from '../../ui/wizard';
import type { CommandDeps } from '../deps';
import { revealResource } from '../pick';

/** What the execute steps share: the answers, and what the steps before found out. */
export interface CreateContext<P, R> {
  readonly deps: CommandDeps;
  readonly account: AccountInfo;
  readonly cache: AccountCache;
  readonly kind: ResourceKind<R>;
  readonly plan: P;
  /** The new resource's name, for messages and the log. */
  readonly name: string;
  /** What the create answered (set by Create). */
  created?: R;
  /** The resource once it is usable (set by WaitUntilReady; undefined when not waited for). */
  ready?: R;
}

/** One thing done after the prompts. Lower priorities run first; 'stop' ends the run there. */
export interface ExecuteStep<P, R> {
  readonly priority: number;
  run(context: CreateContext<P, R>): Promise<void | 'stop'>;
}

/** Where the shared execute steps sit; a wizard's own step takes a number between them. */
export const PRIORITY = { create: 100, assignToProject: 200, revealCreated: 300, waitUntilReady: 400, revealReady: 500, notify: 600 } as const;

export interface CreateWizard<P, R> {
  /** Shown on every prompt: "Create droplet". */
  readonly title: string;
  readonly account: AccountInfo;
  /** What it creates: the view is reloaded and revealed for it. */
  readonly kind: ResourceKind<R>;
  /** The plan before the first answer (defaults the prompts start from). */
  readonly plan: P;
  readonly prompts: WizardStep<P>[];
  readonly execute: ExecuteStep<P, R>[];
  /** The new resource's name, from the answers (by default the plan's `name`). */
  name?(plan: P): string;
  /** What the command answers; by default the resource (ready, or as created). */
  result?(context: CreateContext<P, R>): unknown;
}

/** Asks the prompts (Back, Esc: nothing is sent), then runs the execute steps by priority. */
export async function runCreateWizard<P, R>(deps: CommandDeps, wizard: CreateWizard<P, R>): Promise<unknown> {
  const plan = await runWizard<P>(wizard.plan, wizard.prompts);
  const context: CreateContext<P, R> = {
    deps,
    account: wizard.account,
    cache: deps.model.cacheFor(wizard.account),
    kind: wizard.kind,
    plan,
    name: wizard.name ? wizard.name(plan) : String((plan as { name?: unknown }).name ?? ''),
  };
  for (const step of [...wizard.execute].sort((a, b) => a.priority - b.priority)) {
    if ((await step.run(context)) === 'stop') break;
  }
  return wizard.result ? wizard.result(context) : (context.ready ?? context.created);
}

/** "droplet", "CDN endpoint", "VPC": a kind's label inside a sentence. */
export const inSentence = (label: string) => (/^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label);

const reload = <P, R>(c: CreateContext<P, R>) => c.deps.model.reloadKind(c.account, c.kind.kind, Boolean(c.kind.urnPrefix));

/**
 * The create itself, under a cancellable progress (a create is never retried by the client: a
 * duplicate costs money). `detail` is logged with the name ("s-1vcpu-1gb, nyc3").
 */
export function create<P, R>(o: {
  progress?: (plan: P) => string;
  detail?: (plan: P) => string;
  send: (context: CreateContext<P, R>, signal: AbortSignal) => Promise<R>;
}): ExecuteStep<P, R> {
  return {
    priority: PRIORITY.create,
    async run(c) {
      const detail = o.detail ? ` (${o.detail(c.plan)})` : '';
      c.deps.log.info(`[${c.account.label}] Create ${inSentence(c.kind.label)} ${c.name}${detail}: started`);
      c.created = await withProgress(o.progress?.(c.plan) ?? vscode.l10n.t('Creating {0} {1}…', inSentence(c.kind.label), c.name), (signal) =>
        o.send(c, signal),
      );
      c.deps.log.info(`[${c.account.label}] Create ${inSentence(c.kind.label)} ${c.name}: created (id ${c.kind.idOf(c.created)})`);
      reload(c);
    },
  };
}

/** Puts the new resource in the project chosen (the plan's `project`); nothing for the default one. */
export function assignToProjectStep<P extends { project?: string }, R>(projects: readonly Project[], urn?: (created: R) => string): ExecuteStep<P, R> {
  return {
    priority: PRIORITY.assignToProject,
    async run(c) {
      const project = projects.find((x) => x.id === c.plan.project);
      if (!c.created || !project || project.is_default) return;
      const of = urn ?? ((r: R) => `${c.kind.urnPrefix}${c.kind.idOf(r)}`);
      await withProgress(vscode.l10n.t('Moving {0} to project {1}…', c.name, project.name), (signal) =>
        placeInProject(c.deps, c.cache.client, c.account, projects, project.id, of(c.created!), c.name, signal),
      );
      reload(c);
    },
  };
}

/**
 * Selects the new resource in the view. Before a wait it is not waited for (the view shows it in
 * transition while the wait goes on); after, the ready resource is selected.
 */
export function reveal<P, R>(when: 'created' | 'ready' = 'ready'): ExecuteStep<P, R> {
  return {
    priority: when === 'created' ? PRIORITY.revealCreated : PRIORITY.revealReady,
    async run(c) {
      const item = c.ready ?? c.created;
      if (item === undefined) return;
      const revealed = revealResource(c.deps, c.account, c.kind, c.kind.idOf(item));
      if (when === 'ready') await revealed;
    },
  };
}

/**
 * Waits until the new resource is usable: `state` read from the resource as it is polled, or a
 * `wait` of the wizard's own (a droplet's create action). Cancel stops only the waiting — the
 * user is told it goes on at DigitalOcean — and the steps after it.
 */
export function waitUntilReady<P, R>(o: {
  progress: (context: CreateContext<P, R>) => string;
  state?: (item: R) => ReadyState;
  wait?: (context: CreateContext<P, R>, signal: AbortSignal) => Promise<R>;
}): ExecuteStep<P, R> {
  return {
    priority: PRIORITY.waitUntilReady,
    async run(c) {
      const created = c.created;
      if (created === undefined) return 'stop';
      const wait =
        o.wait ??
        ((ctx: CreateContext<P, R>, signal: AbortSignal) =>
          ctx.cache.client.waitForReady(ctx.kind, ctx.kind.idOf(created), o.state ?? (() => 'ready'), { signal, what: `${ctx.kind.label} ${ctx.name}` }));
      const ready = await untilUsable(c.deps, c.account, {
        title: o.progress(c),
        name: vscode.l10n.t('Create {0} {1}', inSentence(c.kind.label), c.name),
        wait: (signal) => wait(c, signal),
      });
      if (ready === undefined) return 'stop';
      c.ready = ready;
      c.deps.log.info(`[${c.account.label}] Create ${inSentence(c.kind.label)} ${c.name}: ready`);
      reload(c);
    },
  };
}

export interface Notice {
  message: string;
  severity?: NoticeSeverity;
  /** Buttons on the notification and what each does. */
  actions?: { label: string; run: () => Thenable<unknown> | Promise<unknown> }[];
}

/**
 * The one notification at the end, with the natural next steps as buttons. Without buttons it is
 * not waited for; with them, the chosen one runs before the command ends.
 */
export function notify<P, R>(notice: (context: CreateContext<P, R>) => Notice | undefined): ExecuteStep<P, R> {
  return {
    priority: PRIORITY.notify,
    async run(c) {
      const n = notice(c);
      if (!n) return;
      const actions = n.actions ?? [];
      const shown = c.deps.input.notify(n.severity ?? 'info', n.message, ...actions.map((a) => a.label));
      if (!actions.length) return void shown;
      const picked = await shown;
      await actions.find((a) => a.label === picked)?.run();
    },
  };
}

/**
 * Waits under progress until a new resource is usable. Cancel stops only the waiting: the user is
 * told it goes on at DigitalOcean (the view shows it in transition), and undefined is answered.
 */
export async function untilUsable<T>(
  deps: { input: UserInput; log: Logger },
  account: AccountInfo,
  o: { title: string; name: string; wait: (signal: AbortSignal) => Promise<T> },
): Promise<T | undefined> {
  try {
    return await withProgress(o.title, (signal) => o.wait(signal));
  } catch (error) {
    if (!isCancellation(error)) throw error;
    deps.log.info(`[${account.label}] ${o.name}: stopped waiting; it goes on at DigitalOcean`);
    void deps.input.notify('info', vscode.l10n.t('{0} goes on at DigitalOcean; the view shows when it is ready.', o.name));
    return undefined;
  }
}

/**
 * Puts a new resource in the chosen project (nothing to do for the default one, where the API puts
 * it). A failure is not fatal — the resource exists — but the user is told where it is instead.
 */
export async function placeInProject(
  deps: { input: UserInput; log: Logger },
  client: DigitalOceanClient,
  account: AccountInfo,
  projects: readonly Project[],
  projectId: string | undefined,
  urn: string,
  name: string,
  signal?: AbortSignal,
): Promise<void> {
  const project = projects.find((x) => x.id === projectId);
  if (!project || project.is_default) return;
  try {
    await assignToProject(client, project.id, [urn], signal);
  } catch (error) {
    const why = error instanceof ApiError ? error.describe() : error instanceof Error ? error.message : String(error);
    deps.log.warn(`[${account.label}] ${name} was created but not moved to project ${project.name}: ${why}`);
    void deps.input.notify(
      'warning',
      vscode.l10n.t(
        '{0} was created, but moving it to project {1} failed ({2}). It is in the default project; use Move to Project… to try again.',
        name,
        project.name,
        why,
      ),
    );
  }
}
