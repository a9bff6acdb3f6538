import * as assert from 'node:assert/strict';
import { runWizard, type WizardStep } from '../../src/ui/wizard';

/** A step that answers from a script; "back" throws what the real prompts throw on Back. */
function scripted(log: string[], name: string, answers: string[]): WizardStep<Record<string, string>> {
  return async (state) => {
    log.push(name);
    const answer = answers.shift();
    if (answer === 'back') throw Object.assign(new Error('Back'), { name: 'BackError' });
    state[name] = answer ?? '';
  };
}

describe('Wizard', () => {
  it('Back passes over a step that had nothing to ask, both ways', async () => {
    const log: string[] = [];
    const skipped: WizardStep<Record<string, string>> = async () => {
      log.push('skip');
      return 'skipped';
    };
    const state = await runWizard<Record<string, string>>({}, [scripted(log, 'a', ['1', '2']), skipped, scripted(log, 'c', ['back', '3'])]);
    assert.deepEqual(log, ['a', 'skip', 'c', 'skip', 'a', 'skip', 'c']);
    assert.deepEqual(state, { a: '2', c: '3' });
  });

  it('a nested wizard ends with Back at its first step; a top-level one asks that step again', async () => {
    const log: string[] = [];
    await assert.rejects(runWizard<Record<string, string>>({}, [scripted(log, 'x', ['back'])], { nested: { step: 3, totalSteps: 9 } }), { name: 'BackError' });
    const state = await runWizard<Record<string, string>>({}, [scripted(log, 'y', ['back', 'ok'])]);
    assert.deepEqual(state, { y: 'ok' });
    assert.deepEqual(log, ['x', 'y', 'y']);
  });
});
