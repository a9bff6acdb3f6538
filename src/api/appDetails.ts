/**
 * What the App Platform commands and panel read or do besides the app and its deployments: its
 * events, job invocations, component health, alerts and their destinations, bandwidth, and one
 * instance size. Kept out of the API's index: the app commands and panel load it.
 */
import type { DigitalOceanClient } from './client';
import type { AppDeployment } from './resources/app';

type Requester = Pick<DigitalOceanClient, 'request'>;
const seg = encodeURIComponent;

/** Something that happened to an app: a deployment, or an autoscaling of its components. */
export interface AppEvent {
  id: string;
  type?: 'UNKNOWN' | 'DEPLOYMENT' | 'AUTOSCALING';
  created_at?: string;
  deployment_id?: string;
  deployment?: AppDeployment;
  autoscaling?: {
    phase?: 'UNKNOWN' | 'PENDING' | 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED' | 'CANCELED';
    components?: Record<string, { from?: number; to?: number; triggering_metric?: string }>;
  };
}

/** Whether an event is still going on (one that can be canceled). */
export function appEventRunning(e: AppEvent): boolean {
  if (e.type === 'AUTOSCALING') return e.autoscaling?.phase === 'PENDING' || e.autoscaling?.phase === 'IN_PROGRESS';
  const phase = e.deployment?.phase;
  return phase === 'PENDING_BUILD' || phase === 'BUILDING' || phase === 'PENDING_DEPLOY' || phase === 'DEPLOYING';
}

/** An app's latest events, newest first (the first page: `perPage` of them). */
export async function appEvents(client: Requester, appId: string, perPage = 20, signal?: AbortSignal): Promise<AppEvent[]> {
  const body = await client.request<{ events?: AppEvent[] }>('GET', `/v2/apps/${seg(appId)}/events`, { query: { per_page: perPage }, signal });
  return body.events ?? [];
}

export async function appEvent(client: Requester, appId: string, eventId: string, signal?: AbortSignal): Promise<AppEvent> {
  return (await client.request<{ event: AppEvent }>('GET', `/v2/apps/${seg(appId)}/events/${seg(eventId)}`, { signal })).event;
}

/** Cancels an event in progress (a deployment's or an autoscaling's). */
export async function cancelAppEvent(client: Requester, appId: string, eventId: string, signal?: AbortSignal): Promise<AppEvent> {
  return (await client.request<{ event: AppEvent }>('POST', `/v2/apps/${seg(appId)}/events/${seg(eventId)}/cancel`, { signal })).event;
}

/** One run of a job component: by schedule or by hand. */
export interface AppJobInvocation {
  id: string;
  job_name: string;
  deployment_id?: string;
  phase?: 'UNKNOWN' | 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELED' | 'SKIPPED';
  trigger?: {
    type?: 'MANUAL' | 'SCHEDULE' | 'UNKNOWN';
    scheduled?: { schedule?: { cron?: string; time_zone?: string } };
    manual?: { user?: { email?: string; full_name?: string } };
  };
  created_at?: string;
  started_at?: string;
  completed_at?: string;
}

export function jobInvocationRunning(i: AppJobInvocation): boolean {
  return i.phase === 'PENDING' || i.phase === 'RUNNING';
}

/** The latest runs of an app's jobs (one job's, or all), newest first. */
export async function appJobInvocations(client: Requester, appId: string, jobName?: string, signal?: AbortSignal): Promise<AppJobInvocation[]> {
  const body = await client.request<{ job_invocations?: AppJobInvocation[] }>('GET', `/v2/apps/${seg(appId)}/job-invocations`, {
    query: { job_names: jobName, per_page: 20 },
    signal,
  });
  return body.job_invocations ?? [];
}

export function appJobInvocation(
  client: Requester,
  appId: string,
  invocation: { id: string; job_name: string },
  signal?: AbortSignal,
): Promise<AppJobInvocation> {
  return client.request<AppJobInvocation>('GET', `/v2/apps/${seg(appId)}/job-invocations/${seg(invocation.id)}`, {
    query: { job_name: invocation.job_name },
    signal,
  });
}

export function cancelAppJobInvocation(
  client: Requester,
  appId: string,
  invocation: { id: string; job_name: string },
  signal?: AbortSignal,
): Promise<AppJobInvocation> {
  return client.request<AppJobInvocation>('POST', `/v2/apps/${seg(appId)}/job-invocations/${seg(invocation.id)}/cancel`, {
    query: { job_name: invocation.job_name },
    signal,
  });
}

export interface AppComponentHealth {
  name: string;
  state?: 'UNKNOWN' | 'HEALTHY' | 'UNHEALTHY';
  cpu_usage_percent?: number;
  memory_usage_percent?: number;
  replicas_desired?: number;
  replicas_ready?: number;
}

/** How each running component is: healthy or not, its instances ready of those wanted, CPU and memory. */
export async function appHealth(client: Requester, appId: string, signal?: AbortSignal): Promise<AppComponentHealth[]> {
  const body = await client.request<{ app_health?: { components?: AppComponentHealth[] } }>('GET', `/v2/apps/${seg(appId)}/health`, { signal });
  return body.app_health?.components ?? [];
}

/** A Slack destination: its URL lets anyone post to the channel, so it is a secret (never shown or logged). */
export interface AppAlertSlackWebhook {
  url?: string;
  channel?: string;
}

export interface AppAlert {
  id: string;
  component_name?: string;
  spec?: { rule?: string; disabled?: boolean; operator?: string; value?: number; window?: string };
  emails?: string[];
  slack_webhooks?: AppAlertSlackWebhook[];
  phase?: 'UNKNOWN' | 'PENDING' | 'CONFIGURING' | 'ACTIVE' | 'ERROR';
}

export async function appAlerts(client: Requester, appId: string, signal?: AbortSignal): Promise<AppAlert[]> {
  return (await client.request<{ alerts?: AppAlert[] }>('GET', `/v2/apps/${seg(appId)}/alerts`, { signal })).alerts ?? [];
}

/** Replaces where an alert is sent: the emails and Slack webhooks given, and no others. */
export async function assignAppAlertDestinations(
  client: Requester,
  appId: string,
  alertId: string,
  destinations: { emails: string[]; slack_webhooks: AppAlertSlackWebhook[] },
  signal?: AbortSignal,
): Promise<AppAlert> {
  return (
    await client.request<{ alert: AppAlert }>('POST', `/v2/apps/${seg(appId)}/alerts/${seg(alertId)}/destinations`, {
      // the body carries webhook URLs; the transport logs only a request's method and path
      body: destinations,
      signal,
    })
  ).alert;
}

export interface AppBandwidth {
  app_id: string;
  /** bytes, as a decimal string (uint64) */
  bandwidth_bytes?: string;
}

/** The bytes an app served on a day (yesterday when no date is given). */
export async function appBandwidthDaily(client: Requester, appId: string, date?: string, signal?: AbortSignal): Promise<{ date?: string; bytes?: number }> {
  const body = await client.request<{ app_bandwidth_usage?: AppBandwidth[]; date?: string }>('GET', `/v2/apps/${seg(appId)}/metrics/bandwidth_daily`, {
    query: { date },
    signal,
  });
  const usage = body.app_bandwidth_usage?.find((u) => u.app_id === appId) ?? body.app_bandwidth_usage?.[0];
  const bytes = usage?.bandwidth_bytes === undefined ? undefined : Number(usage.bandwidth_bytes);
  return { date: body.date, bytes: bytes !== undefined && Number.isFinite(bytes) ? bytes : undefined };
}

/** The API's most app ids in one bandwidth question. */
export const BANDWIDTH_BATCH = 100;

/** The bytes each of many apps served on a day, asked a hundred apps at a time. */
export async function appsBandwidthDaily(client: Requester, appIds: readonly string[], date?: string, signal?: AbortSignal): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  for (let i = 0; i < appIds.length; i += BANDWIDTH_BATCH) {
    const body = await client.request<{ app_bandwidth_usage?: AppBandwidth[] }>('POST', '/v2/apps/metrics/bandwidth_daily', {
      body: { app_ids: appIds.slice(i, i + BANDWIDTH_BATCH), ...(date ? { date } : {}) },
      signal,
    });
    for (const u of body.app_bandwidth_usage ?? []) {
      const bytes = Number(u.bandwidth_bytes);
      if (typeof u.app_id === 'string' && Number.isFinite(bytes)) result.set(u.app_id, bytes);
    }
  }
  return result;
}

export interface AppInstanceSizeDetail {
  slug: string;
  name?: string;
  cpu_type?: 'SHARED' | 'DEDICATED' | 'UNSPECIFIED';
  cpus?: string;
  memory_bytes?: string;
  usd_per_month?: string;
  bandwidth_allowance_gib?: string;
}

export async function appInstanceSize(client: Requester, slug: string, signal?: AbortSignal): Promise<AppInstanceSizeDetail> {
  return (await client.request<{ instance_size: AppInstanceSizeDetail }>('GET', `/v2/apps/tiers/instance_sizes/${seg(slug)}`, { signal })).instance_size;
}
