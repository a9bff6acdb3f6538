/**
 * Where an App Platform app's logs are (`GET …/logs` → `{live_url, historic_urls}`) and the
 * archived ones read, without the websocket client live logs need (appLogs.ts): what a quick look
 * at a log (the agents' tool) loads. No vscode.
 */
import type { DigitalOceanClient } from '../client';

type Requester = Pick<DigitalOceanClient, 'request'>;

const seg = encodeURIComponent;

export type AppLogType = 'BUILD' | 'DEPLOY' | 'RUN' | 'RUN_RESTARTED' | 'AUTOSCALE_EVENT' | 'JOB_INVOCATION';

export interface AppLogScope {
  appId: string;
  /** Omitted: the active deployment. */
  deploymentId?: string;
  /** Omitted: every component. */
  component?: string;
  /** An event's logs (a deployment's build and deploy, an autoscaling event's), instead of a deployment's. */
  eventId?: string;
  /** One run of a job (type `JOB_INVOCATION`). */
  jobInvocation?: { job: string; id: string };
}

export interface AppLogUrls {
  live_url?: string;
  historic_urls?: string[];
}

export function scopePath({ appId, deploymentId, component, eventId, jobInvocation }: AppLogScope): string {
  if (eventId) return `/v2/apps/${seg(appId)}/events/${seg(eventId)}`;
  if (jobInvocation) return `/v2/apps/${seg(appId)}/jobs/${seg(jobInvocation.job)}/invocations/${seg(jobInvocation.id)}`;
  return `/v2/apps/${seg(appId)}${deploymentId ? `/deployments/${seg(deploymentId)}` : ''}${component ? `/components/${seg(component)}` : ''}`;
}

/** Where an app's (deployment's, component's) logs of a type are: a live URL to follow, archived files. */
export async function appLogUrls(client: Requester, scope: AppLogScope, type: AppLogType, follow: boolean, signal?: AbortSignal): Promise<AppLogUrls> {
  return client.request<AppLogUrls>('GET', `${scopePath(scope)}/logs`, { query: { type, follow, pod_connection_timeout: follow ? '3m' : undefined }, signal });
}

/**
 * An archived log's lines (a `historic_urls` file: a pre-signed link of its own, so no token is
 * sent with it), at most `maxBytes` of it read — the rest is left unread and said so by `cut`.
 */
export async function readArchivedLog(url: string, signal?: AbortSignal, maxBytes = 8 * 1024 * 1024): Promise<{ lines: string[]; cut: boolean }> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  let text = '';
  let cut = false;
  const reader = response.body?.getReader();
  if (!reader) text = await response.text();
  else {
    const decoder = new TextDecoder();
    let read = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      read += value.byteLength;
      text += decoder.decode(value, { stream: true });
      if (read >= maxBytes) {
        cut = true;
        await reader.cancel().catch(() => undefined);
        break;
      }
    }
    text += decoder.decode();
  }
  const lines = text.split('\n');
  if (cut) lines.pop(); // cut off part-way
  return { lines: lines.filter(Boolean), cut };
}
