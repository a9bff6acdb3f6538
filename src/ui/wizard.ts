/**
 * Multi-step flows with Back: each step asks one thing (a prompt with `step`, `totalSteps` and
 * a Back button from the second step on) and writes it into the state; Back returns to the
 * step before with what was entered still there.
 */
/** A step that had nothing to ask (no VPC in the region) answers 'skipped', so Back passes over it. */
export type WizardStep<S> = (state: S, step: { step: number; totalSteps: number; canGoBack: boolean }) => Promise<void | 'skipped'>;

export interface WizardOptions {
  /**
   * A wizard run inside a step of another (a node pool inside Create Cluster): its first step has
   * Back too, and Back there ends it with the BackError, for the outer step to catch. The step
   * numbers shown are the outer step's.
   */
  nested?: { step: number; totalSteps: number };
}

const isBack = (error: unknown) => (error as { name?: unknown } | null)?.name === 'BackError';

export async function runWizard<S>(state: S, steps: WizardStep<S>[], options: WizardOptions = {}): Promise<S> {
  let index = 0;
  let goingBack = false;
  while (index < steps.length) {
    try {
      const where = options.nested ? { ...options.nested, canGoBack: true } : { step: index + 1, totalSteps: steps.length, canGoBack: index > 0 };
      const result = await steps[index](state, where);
      if (result === 'skipped' && goingBack && index > 0) {
        index--;
        continue;
      }
      goingBack = false;
      index++;
    } catch (error) {
      // by name: the prompt may come from another bundle (a test's script)
      if (!isBack(error) || (options.nested && index === 0)) throw error;
      goingBack = true;
      index = Math.max(0, index - 1);
    }
  }
  return state;
}

export { isBack };

/** A step asked only when `when` holds for the plan so far; otherwise skipped (and passed over by Back). */
export function onlyWhen<S>(when: (state: S) => boolean, step: WizardStep<S>): WizardStep<S> {
  return (state, where) => (when(state) ? step(state, where) : Promise.resolve('skipped'));
}
