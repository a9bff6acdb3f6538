/**
 * Steps the create wizards share (tags, project, the summary to confirm) and what they do after
 * the create (put the new resource in its project, saying so when that fails). Each step keeps
 * its earlier answer when the user comes Back to it.
 */
import type { AccountInfo } from '../accounts/accountStore';
import { ApiError, assignToProject, type DigitalOceanClient } from '../api';
import type { Project } from '../api/resources/project';
import type { Vpc } from '../api/resources/vpc';
import { isCancellation } from '../ui/errors';
import type { Logger } from '../log';
import { withProgress } from '../ui/progress';
import type { UserInput } from '../ui/userInput';
import type { WizardStep } from '../ui/wizard';
import { tagsProblem } from './validators';

export function tagsStep<S extends { tags: string[] }>(input: UserInput, title: string): WizardStep<S> {
  return async (p, s) => {
    const text = await input.inputBox({ title, ...s, prompt: 'Tags, separated by commas (optional)', value: p.tags.join(', '), validateInput: tagsProblem });
    p.tags = [...new Set(text.split(',').map((t) => t.trim()).filter(Boolean))];
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
        sorted.map((x) => ({ label: x.name, description: [x.is_default ? 'default' : '', x.environment].filter(Boolean).join(' · '), picked: x.id === current, project: x })),
        { title, ...s, placeHolder: 'Project' },
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
    p.vpc = (await input.quickPick(here.map((v) => ({ label: v.name, description: `${v.ip_range}${v.default ? ' · default' : ''}`, picked: v.id === current, vpc: v })), { title, ...s, placeHolder: `VPC in ${p.region}` })).vpc.id;
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
    void deps.input.notify('info', `${o.name} goes on at DigitalOcean; the view shows when it is ready.`);
    return undefined;
  }
}

/** The last step: one item to accept ("Create prod-k8s"), its description the price; Back changes something, Esc cancels. */
export function summaryStep<S>(input: UserInput, title: string, summary: (plan: S) => { label: string; description: string; detail?: string }): WizardStep<S> {
  return async (p, s) => {
    await input.quickPick([summary(p)], { title, ...s, placeHolder: 'Create it? (Back to change something, Esc to cancel)' });
  };
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
    void deps.input.notify('warning', `${name} was created, but moving it to project ${project.name} failed (${why}). It is in the default project; use Move to Project… to try again.`);
  }
}

/** "$24/mo", or "$24–$120/mo" for a range. */
export function priceRange(low: number, high = low): string {
  const f = (n: number) => `$${Number.isInteger(n) ? n : n.toFixed(2)}`;
  return low === high ? `${f(low)}/mo` : `${f(low)}–${f(high)}/mo`;
}
