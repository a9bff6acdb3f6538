/**
 * The one wrapper every command goes through:
 *  - a cancelled prompt (UserCancelledError) or a cancelled request is silent;
 *  - any other error is logged and shown once, with the API's message and request id
 *    (`reportError`, src/ui/errors.ts);
 *  - slow work runs under a cancellable progress notification (`withProgress`, src/ui/progress.ts).
 */
import * as vscode from 'vscode';
import type { Logger } from '../log';
import { reportError } from '../ui/errors';
import type { UserInput } from '../ui/userInput';

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
