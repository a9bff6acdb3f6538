/**
 * How errors reach the user: once, with the API's message and request id, and a way to the log;
 * cancellations (a prompt dismissed, Back out of a first step, a request cancelled) are silent.
 */
import * as vscode from 'vscode';
import { ApiError, isApiError } from '../api';
import type { Logger } from '../log';
import type { UserInput } from './userInput';

const reported = new WeakSet<object>();

/**
 * Logs and shows an error once; silent for cancellations. Shown through the commands' UserInput
 * where there is one (tests read what was shown there), else VS Code's error message.
 */
export function reportError(services: { log: Logger; input?: Pick<UserInput, 'notify'> }, title: string, error: unknown): void {
  if (isCancellation(error)) {
    services.log.debug(`${title}: cancelled`);
    return;
  }
  if (error && typeof error === 'object') {
    if (reported.has(error)) return;
    reported.add(error);
  }
  const text = error instanceof ApiError ? error.describe() : error instanceof Error ? error.message : String(error);
  services.log.error(`${title} failed: ${text}`);
  const shown = services.input
    ? services.input.notify('error', `${title} failed: ${text}`, vscode.l10n.t('Show Log'))
    : vscode.window.showErrorMessage(`${title} failed: ${text}`, vscode.l10n.t('Show Log'));
  void Promise.resolve(shown).then(
    (choice) => {
      if (choice === vscode.l10n.t('Show Log')) services.log.show(true);
    },
    () => undefined,
  );
}

/**
 * A cancelled prompt, a Back out of the first step, or a cancelled request. By name, not
 * instanceof: a prompt implementation from another bundle (a test's script) has its own classes.
 */
export function isCancellation(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'UserCancelledError' || name === 'BackError' || isApiError(error, 'cancelled');
}
