/**
 * Steps the create wizards share (tags, project, the summary to confirm) and what they do after
 * the create (put the new resource in its project, saying so when that fails). Each step keeps
 * its earlier answer when the user comes Back to it.
 */
import type { AccountInfo } from '../accounts/accountStore';
import { ApiError, assignToProject, type DigitalOceanClient } from '../api';
import type { Project } from '../api/resources/project';
import type { Logger } from '../log';
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
