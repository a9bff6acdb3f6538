import * as l10n from '@vscode/l10n';
/**
 * Errors raised by the DigitalOcean client. Every failure the client reports is an {@link ApiError}
 * with a `kind` that callers can switch on; HTTP failures also carry the API's own `id`, `message`
 * and `request_id` so they can be shown to the user and quoted to DigitalOcean support.
 */

export type ApiErrorKind =
  | 'unauthorized' // 401: the token is missing, wrong, expired or revoked
  | 'forbidden' // 403: the token lacks the scope
  | 'not_found' // 404
  | 'validation' // 422 (and 400): the API rejected the input; its message says why
  | 'rate_limited' // 429 after the retries allowed
  | 'server' // 5xx
  | 'client' // any other 4xx
  | 'network' // the request never got an HTTP answer (refused, reset, DNS, …)
  | 'timeout' // no answer within the time limit
  | 'cancelled' // the caller's AbortSignal fired
  | 'invalid_response' // an answer that is not what the API promises (malformed JSON, wrong shape, lying paging)
  | 'redirected' // a 3xx: never followed, the token and body would go to another address
  | 'action_errored'; // an asynchronous action ended with status "errored"

export interface ApiErrorDetails {
  kind: ApiErrorKind;
  message: string;
  /** HTTP status, when there was an HTTP answer. */
  status?: number;
  /** The API's machine-readable error id, e.g. "not_found", "unprocessable_entity". */
  id?: string;
  /** The API's request id (body `request_id`, else the `x-request-id` header). */
  requestId?: string;
  method?: string;
  /** The path of the request, without host or query string. */
  path?: string;
  /** Seconds to wait before retrying, when the API said so. */
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly id?: string;
  readonly requestId?: string;
  readonly method?: string;
  readonly path?: string;
  readonly retryAfterSeconds?: number;

  constructor(details: ApiErrorDetails) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ApiError';
    this.kind = details.kind;
    this.status = details.status;
    this.id = details.id;
    this.requestId = details.requestId;
    this.method = details.method;
    this.path = details.path;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }

  /** One line for a notification: the API's message, then its error id and request id. */
  describe(): string {
    const extra: string[] = [];
    if (this.status !== undefined) {
      extra.push(`HTTP ${this.status}${this.id ? ` ${this.id}` : ''}`);
    }
    if (this.requestId) {
      extra.push(l10n.t('request id {0}', this.requestId));
    }
    return extra.length ? `${this.message} (${extra.join(', ')})` : this.message;
  }
}

/** The id of an ApiError for a request a browser gave no answer to (CORS rules, or no network). */
export const BROWSER_BLOCKED = 'browser_blocked';

export function isBrowserBlocked(value: unknown): value is ApiError {
  return value instanceof ApiError && value.id === BROWSER_BLOCKED;
}

export function isApiError(value: unknown, kind?: ApiErrorKind): value is ApiError {
  return value instanceof ApiError && (kind === undefined || value.kind === kind);
}

/** The kind of error an HTTP status maps to. */
export function kindForStatus(status: number): ApiErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 400 || status === 422) return 'validation';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'client';
}

/**
 * Removes every occurrence of the given secrets from a text. The client runs all text it puts in
 * an error through this, so a token echoed by a proxy or a library never reaches the user or a log.
 */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) {
      out = out.split(secret).join('[redacted]');
    }
  }
  return out;
}
