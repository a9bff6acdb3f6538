/** Slow work under a cancellable notification. */
import * as vscode from 'vscode';

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
