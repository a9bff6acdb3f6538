/**
 * Prompt steps the create wizards share (name, description, region, size with its price, VPC, tags, project, a
 * list built in one step, the summary to confirm); ./create.ts runs them and what follows. Each
 * step keeps its earlier answer when the user comes Back to it.
 */
import type { ResourceKind } from '../../api';
import type { Project } from '../../api/resources/project';
import type { Vpc } from '../../api/resources/vpc';
import { plural } from '../../tree/format';
import type { StepOptions, UserInput } from '../../ui/userInput';
import { isBack, type WizardStep } from '../../ui/wizard';
import { tagsProblem } from '../validators';
import * as l10n from '@vscode/l10n';
import { inSentence } from './create';

export function tagsStep<S extends { tags: string[] }>(input: UserInput, title: string): WizardStep<S> {
  return async (p, s) => {
    const text = await input.inputBox({
      title,
      ...s,
      prompt: l10n.t('Tags, separated by commas (optional)'),
      value: p.tags.join(', '),
      validateInput: tagsProblem,
    });
    p.tags = [
      ...new Set(
        text
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ];
  };
}

/**
 * The new resource's name: the kind's own rules (its descriptor's `nameProblem`), then a name the
 * account has already; `suggest` fills the box the first time (trimmed either way).
 */
export function nameStep<S extends { name: string }>(
  input: UserInput,
  title: string,
  o: {
    kind: Pick<ResourceKind<never>, 'label' | 'nameProblem'>;
    taken: readonly string[] | ((plan: S) => readonly string[]);
    prompt?: string;
    suggest?: (plan: S) => string;
  },
): WizardStep<S> {
  return async (p, s) => {
    const taken = typeof o.taken === 'function' ? o.taken(p) : o.taken;
    const problem = (v: string) =>
      o.kind.nameProblem?.(v, taken) ?? (taken.includes(v) ? l10n.t('The account has a {0} named {1} already.', inSentence(o.kind.label), v) : undefined);
    p.name = (
      await input.inputBox({
        title,
        ...s,
        prompt: o.prompt ?? l10n.t('Name'),
        value: p.name || (o.suggest?.(p) ?? ''),
        validateInput: (v) => problem(v.trim()),
      })
    ).trim();
  };
}

/** An optional free-text description (the API keeps at most 255 characters); empty sends none. */
export function descriptionStep<S extends { description: string }>(input: UserInput, title: string): WizardStep<S> {
  return async (p, s) => {
    p.description = (
      await input.inputBox({
        title,
        ...s,
        prompt: l10n.t('Description (optional)'),
        value: p.description,
        validateInput: (v) => (v.trim().length > 255 ? l10n.t('At most 255 characters.') : undefined),
      })
    ).trim();
  };
}

/** A region from those offered (for what is planned so far); the one chosen before stays chosen. */
export function regionStep<S extends { region: string }>(
  input: UserInput,
  title: string,
  regions: (plan: S) => readonly { slug: string; name?: string }[],
  placeHolder?: (plan: S) => string,
): WizardStep<S> {
  return async (p, s) => {
    const offered = regions(p);
    if (!offered.length) throw new Error(l10n.t('No region is offered for this now.'));
    p.region = (
      await input.quickPick(
        offered.map((r) => ({ label: r.slug, description: r.name, picked: r.slug === p.region })),
        { title, ...s, placeHolder: placeHolder?.(p) ?? l10n.t('Region') },
      )
    ).label;
  };
}

/** A size to choose, its description saying what it is and what it costs. */
export interface SizeChoice {
  slug: string;
  description: string;
}

/** A size from those offered where the plan is (the region chosen); none offered is said, not asked. */
export function sizeStep<S extends { size: string }>(
  input: UserInput,
  title: string,
  sizes: (plan: S) => readonly SizeChoice[],
  placeHolder: (plan: S) => string,
): WizardStep<S> {
  return async (p, s) => {
    const offered = sizes(p);
    if (!offered.length) throw new Error(l10n.t('No size is offered for this: {0}.', placeHolder(p)));
    p.size = (
      await input.quickPick(
        offered.map((x) => ({ label: x.slug, description: x.description, picked: x.slug === p.size })),
        { title, ...s, placeHolder: placeHolder(p) },
      )
    ).label;
  };
}

/** The project to put it in; the default project first and preselected. No step when the account has none. */
export function projectStep<S extends { project?: string }>(input: UserInput, title: string, projects: readonly Project[]): WizardStep<S> {
  return async (p, s) => {
    if (!projects.length) return 'skipped';
    const sorted = [...projects].sort((a, b) => Number(b.is_default) - Number(a.is_default));
    const current = p.project ?? sorted[0].id;
    p.project = (
      await input.quickPick(
        sorted.map((x) => ({
          label: x.name,
          description: [x.is_default ? 'default' : '', x.environment].filter(Boolean).join(' · '),
          picked: x.id === current,
          project: x,
        })),
        { title, ...s, placeHolder: l10n.t('Project') },
      )
    ).project.id;
  };
}

/** The VPC in the region chosen, the default one first; no step when the region has none (the API then makes one). */
export function vpcStep<S extends { region: string; vpc?: string }>(input: UserInput, title: string, vpcs: readonly Vpc[]): WizardStep<S> {
  return async (p, s) => {
    const here = vpcs.filter((v) => v.region === p.region).sort((a, b) => Number(b.default) - Number(a.default));
    if (!here.length) {
      p.vpc = undefined;
      return 'skipped';
    }
    const current = here.some((v) => v.id === p.vpc) ? p.vpc : here[0].id;
    p.vpc = (
      await input.quickPick(
        here.map((v) => ({ label: v.name, description: `${v.ip_range}${v.default ? ' · default' : ''}`, picked: v.id === current, vpc: v })),
        { title, ...s, placeHolder: l10n.t('VPC in {0}', p.region) },
      )
    ).vpc.id;
  };
}

export interface ListStepOptions<S, T> {
  title: string;
  /** The list in the state: changed in place. */
  items: (plan: S) => T[];
  describe: (item: T, plan: S) => { label: string; description?: string };
  /** "node pool", "inbound rule". */
  noun: string;
  add: { label: string; description?: string };
  placeHolder: string;
  /** Shown beside Continue (the price of the pools). */
  total?: (plan: S) => string;
  /** Fewer items than this cannot be left (a cluster needs a pool). */
  minimum?: number;
  /** The items when the step is first reached. */
  initial?: (plan: S) => T[];
  /** A sub-wizard for one item, new (undefined) or to change; Back at its first prompt returns to the list. */
  edit: (plan: S, item: T | undefined, where: { step: number; totalSteps: number }) => Promise<T>;
  /** Why Continue cannot be taken now (said in a warning; the list shows again). */
  problem?: (plan: S) => string | undefined;
}

/**
 * A list the user builds in one step (node pools, firewall rules): Continue, each item (choose it
 * to change or remove it), and Add…. Back from the list goes to the step before; Back inside an
 * item's prompts returns to the list.
 */
export function listStep<S, T>(input: UserInput, o: ListStepOptions<S, T>): WizardStep<S> {
  let started = false;
  return async (p, s) => {
    const items = o.items(p);
    if (!started && o.initial) items.push(...o.initial(p));
    started = true;
    const min = o.minimum ?? 0;
    for (;;) {
      const described = items.map((x) => o.describe(x, p));
      const picked = await input.quickPick(
        [
          {
            label: items.length ? l10n.t('Continue with {0}', plural(items.length, o.noun)) : l10n.t('Continue without {0}s', o.noun),
            description: o.total?.(p),
            index: -1,
          },
          ...described.map((d, index) => ({ ...d, index })),
          { ...o.add, index: -2 },
        ],
        { title: o.title, ...s, placeHolder: o.placeHolder },
      );
      try {
        if (picked.index === -1) {
          const problem = items.length < min ? l10n.t('At least {0} is needed.', plural(min, o.noun)) : o.problem?.(p);
          if (!problem) return;
          void input.notify('warning', problem);
        } else if (picked.index === -2) {
          items.push(await o.edit(p, undefined, s));
        } else {
          const name = described[picked.index].label;
          const remove =
            items.length > min &&
            (
              await input.quickPick(
                [
                  { label: l10n.t('Change {0}…', name), remove: false },
                  { label: l10n.t('Remove {0}', name), remove: true },
                ],
                { title: o.title, ...s, canGoBack: true, placeHolder: described[picked.index].description ?? name },
              )
            ).remove;
          if (remove) items.splice(picked.index, 1);
          else items[picked.index] = await o.edit(p, items[picked.index], s);
        }
      } catch (error) {
        if (!isBack(error)) throw error; // Back inside an item: the list again
      }
    }
  };
}

/** A Slack incoming webhook: https://hooks.slack.com/… */
export function slackWebhookProblem(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' && url.hostname === 'hooks.slack.com' && url.pathname.length > 1
      ? undefined
      : 'A Slack incoming webhook URL: https://hooks.slack.com/services/…';
  } catch {
    return 'A Slack incoming webhook URL: https://hooks.slack.com/services/…';
  }
}

export interface Notifications {
  email: boolean;
  slack?: { channel: string; url: string };
}

/**
 * Where an alert goes: the account's verified email and/or a Slack channel (its webhook asked in a
 * password box, kept when the user comes back, never logged); asked again until one is chosen.
 */
export async function askNotifications(
  input: UserInput,
  title: string,
  s: StepOptions,
  current: Notifications,
  email: string | undefined,
): Promise<Notifications> {
  for (;;) {
    const picked = await input.quickPickMany(
      [
        ...(email ? [{ label: l10n.t('Email {0}', email), description: l10n.t("the account's verified email"), picked: current.email, slack: false }] : []),
        {
          label: l10n.t('Slack…'),
          description: current.slack ? l10n.t('{0} (webhook kept)', current.slack.channel) : l10n.t('a channel and its incoming webhook'),
          picked: Boolean(current.slack),
          slack: true,
        },
      ],
      { title, ...s, placeHolder: l10n.t('Notify') },
    );
    const next: Notifications = { email: picked.some((x) => !x.slack) };
    if (picked.some((x) => x.slack)) {
      const channel = (
        await input.inputBox({
          title,
          ...s,
          prompt: l10n.t('Slack channel, e.g. #ops'),
          value: current.slack?.channel ?? '#',
          validateInput: (v) => (/^#?[a-z0-9][a-z0-9_-]{0,79}$/.test(v.trim()) ? undefined : l10n.t('A channel name: lowercase letters, digits, "-" and "_".')),
        })
      ).trim();
      const url =
        current.slack?.url ??
        (
          await input.inputBox({ title, ...s, prompt: l10n.t('Incoming webhook URL for {0}', channel), password: true, validateInput: slackWebhookProblem })
        ).trim();
      next.slack = { channel: channel.startsWith('#') ? channel : `#${channel}`, url };
    }
    if (next.email || next.slack) return next;
    void input.notify('warning', l10n.t('Choose where to send the alert: the email, Slack, or both.'));
  }
}

/** The last step: one item to accept ("Create prod-k8s"), its description the price; Back changes something, Esc cancels. */
export function summaryStep<S>(
  input: UserInput,
  title: string,
  summary: (plan: S) => { label: string; description: string; detail?: string },
  placeHolder = l10n.t('Create it? (Back to change something, Esc to cancel)'),
): WizardStep<S> {
  return async (p, s) => {
    await input.quickPick([summary(p)], { title, ...s, placeHolder });
  };
}

/** "$24/mo", or "$24–$120/mo" for a range. */
export function priceRange(low: number, high = low): string {
  const f = (n: number) => `$${Number.isInteger(n) ? n : n.toFixed(2)}`;
  return low === high ? `${f(low)}/mo` : `${f(low)}–${f(high)}/mo`;
}
