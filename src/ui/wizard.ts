/**
 * Multi-step flows with Back: each step asks one thing (a prompt with `step`, `totalSteps` and
 * a Back button from the second step on) and writes it into the state; Back returns to the
 * step before with what was entered still there.
 */
export type WizardStep<S> = (state: S, step: { step: number; totalSteps: number; canGoBack: boolean }) => Promise<void>;

export async function runWizard<S>(state: S, steps: WizardStep<S>[]): Promise<S> {
  let index = 0;
  while (index < steps.length) {
    try {
      await steps[index](state, { step: index + 1, totalSteps: steps.length, canGoBack: index > 0 });
      index++;
    } catch (error) {
      // by name: the prompt may come from another bundle (a test's script)
      if ((error as { name?: unknown } | null)?.name !== 'BackError') throw error;
      index = Math.max(0, index - 1);
    }
  }
  return state;
}
