/** Asynchronous actions: `POST …/actions` answers an action that is polled until it settles. */
import { ApiError } from './errors';
import { sleep, type Transport } from './transport';
import * as l10n from '@vscode/l10n';

export interface Action {
  id: number;
  status: 'in-progress' | 'completed' | 'errored';
  type: string;
  started_at: string;
  completed_at: string | null;
  resource_id: number | null;
  resource_type: string;
  region_slug?: string | null;
}

export interface WaitForActionOptions {
  /**
   * Time between polls in ms, or a function of the poll number. By default 1 s, growing by half
   * each time up to 5 s (doctl polls every 5 s): quick feedback for short actions, few requests
   * for long ones.
   */
  interval?: number | ((poll: number) => number);
  /** Give up after this many ms (the action itself goes on at DigitalOcean). */
  timeout?: number;
  signal?: AbortSignal;
  onPoll?: (action: Action) => void;
}

/**
 * Polls `GET /v2/actions/{id}` until the action completes. An `errored` action is a failure and
 * rejects with an `action_errored` ApiError; running out of time rejects with `timeout` — after a
 * last poll at the deadline, not an interval before it. An answer without an action (an empty
 * body, `{}`, a 204, an unknown status) is an `invalid_response`, never an untyped TypeError.
 */
export async function waitForAction(transport: Transport, id: number, options: WaitForActionOptions = {}): Promise<Action> {
  const interval = options.interval ?? ((poll: number) => Math.min(5_000, 1_000 * 1.5 ** poll));
  const wait = typeof interval === 'number' ? () => interval : interval;
  const deadline = Date.now() + (options.timeout ?? 15 * 60_000);
  const path = `/v2/actions/${id}`;
  for (let poll = 0; ; poll++) {
    const body = await transport.request<{ action?: unknown } | undefined>('GET', path, { signal: options.signal });
    const action = asAction(body?.action);
    if (!action) {
      throw new ApiError({ kind: 'invalid_response', message: l10n.t('The answer to {0} has no action with a known status.', path), path, method: 'GET' });
    }
    options.onPoll?.(action);
    if (action.status === 'completed') return action;
    if (action.status === 'errored') {
      throw new ApiError({
        kind: 'action_errored',
        message: l10n.t('The {0} action on {1} {2} failed.', action.type, action.resource_type, action.resource_id ?? '').replace(' .', '.'),
        path,
        method: 'GET',
      });
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new ApiError({
        kind: 'timeout',
        message: l10n.t('The {0} action was still in progress when we stopped waiting; it may still finish.', action.type),
        path,
        method: 'GET',
      });
    }
    await sleep(Math.min(wait(poll), left), options.signal, 'GET', path);
  }
}

function asAction(value: unknown): Action | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const status = (value as { status?: unknown }).status;
  return status === 'in-progress' || status === 'completed' || status === 'errored' ? (value as Action) : undefined;
}

export type ReadyState = 'ready' | 'pending' | { failed: string };

export interface WaitForReadyOptions extends Omit<WaitForActionOptions, 'onPoll'> {
  /** What is waited for, for the timeout's message: "the cluster prod-k8s". */
  what: string;
  onPoll?: (poll: number) => void;
}

/**
 * Polls a resource that has no action of its own (a new cluster, database or app) until `state`
 * calls it ready — resolving the last copy read — or failed; with the same back-off, deadline and
 * last poll at the deadline as waitForAction.
 */
export async function waitForReady<T>(get: (signal?: AbortSignal) => Promise<T>, state: (item: T) => ReadyState, options: WaitForReadyOptions): Promise<T> {
  const interval = options.interval ?? ((poll: number) => Math.min(5_000, 1_000 * 1.5 ** poll));
  const wait = typeof interval === 'number' ? () => interval : interval;
  const deadline = Date.now() + (options.timeout ?? 30 * 60_000);
  for (let poll = 0; ; poll++) {
    const item = await get(options.signal);
    options.onPoll?.(poll);
    const judged = state(item);
    if (judged === 'ready') return item;
    if (judged !== 'pending') throw new ApiError({ kind: 'action_errored', message: `${options.what} failed: ${judged.failed}` });
    const left = deadline - Date.now();
    if (left <= 0)
      throw new ApiError({ kind: 'timeout', message: l10n.t('{0} was not ready when we stopped waiting; it may still become ready.', options.what) });
    await sleep(Math.min(wait(poll), left), options.signal, 'GET', options.what);
  }
}
