/**
 * The one wrapper every command goes through:
 *  - a cancelled prompt (UserCancelledError) or a cancelled request is silent;
 *  - any other error is logged and shown once, with the API's message and request id;
 *  - slow work runs under a cancellable progress notification (see `withProgress`).
 */
import * as vscode from 'vscode';
import { ApiError, isApiError } from '../api';
import type { Logger } from '../log';
import type { UserInput } from './userInput';

export interface CommandServices {
  log: Logger;
  /** Replaced by a scripted input in tests. */
  input: UserInput;
}

export type CommandHandler = (...args: unknown[]) => unknown;

export function registerCommand(services: CommandServices, id: string, title: string, handler: CommandHandler): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (error) {
      reportError(services, title, error);
      return undefined;
    }
  });
}

const reported = new WeakSet<object>();

/** Logs and shows an error once; silent for cancellations. */
export function reportError(services: Pick<CommandServices, 'log'>, title: string, error: unknown): void {
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
  void vscode.window.showErrorMessage(`${title} failed: ${text}`, 'Show Log').then((choice) => {
    if (choice === 'Show Log') services.log.show(true);
  });
}

/**
 * A cancelled prompt, a Back out of the first step, or a cancelled request. By name, not
 * instanceof: a prompt implementation from another bundle (a test's script) has its own classes.
 */
export function isCancellation(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'UserCancelledError' || name === 'BackError' || isApiError(error, 'cancelled');
}

/**
 * Runs slow work under a cancellable notification; the AbortSignal it passes ends the requests
 * when the user presses Cancel.
 */
export function withProgress<T>(title: string, task: (signal: AbortSignal, report: (message: string) => void) => Promise<T>): Promise<T> {
  return Promise.resolve(
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return task(controller.signal, (message) => progress.report({ message }));
    }),
  );
}
