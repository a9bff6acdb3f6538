/**
 * When the API's rate limit makes requests wait (the hourly budget nearly spent, or a 429), say so
 * in a notification that counts down ("rate limited, retrying in N s") with a Cancel button that
 * ends every wait of that account at once: the views then show their usual error with Retry.
 * Waits shorter than two seconds pass without a notice. One notice per account at a time.
 */
import * as vscode from 'vscode';
import type { ClientRegistry, RateLimitWait } from '../accounts/clients';

const NOTICE_FROM_MS = 2_000;

export function showRateLimitWaits(clients: ClientRegistry): vscode.Disposable {
  const open = new Map<string, { until: number; cancel: () => void }>();
  return clients.onRateLimitWait((event: RateLimitWait) => {
    if (event.wait.ms < NOTICE_FROM_MS) return;
    const until = Date.now() + event.wait.ms;
    const existing = open.get(event.account.id);
    if (existing) {
      existing.until = Math.max(existing.until, until);
      existing.cancel = event.cancel;
      return;
    }
    const entry = { until, cancel: event.cancel };
    open.set(event.account.id, entry);
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('DigitalOcean ({0}): rate limited', event.account.label), cancellable: true },
      (progress, token) =>
        new Promise<void>((resolve) => {
          const tick = () => {
            const left = Math.ceil((entry.until - Date.now()) / 1000);
            if (left <= 0 || token.isCancellationRequested) {
              clearInterval(timer);
              open.delete(event.account.id);
              resolve();
              return;
            }
            progress.report({ message: vscode.l10n.t('retrying in {0} s', left) });
          };
          const timer = setInterval(tick, 1_000);
          token.onCancellationRequested(() => {
            entry.cancel();
            tick();
          });
          tick();
        }),
    );
  });
}
