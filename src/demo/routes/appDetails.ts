/**
 * The fake API's routes around an app besides its deployments: events (one per deployment, and
 * an autoscaling now and then), job invocations (with one still running to cancel), component
 * health, alerts and their destinations, and daily bandwidth. Each is made from the app's own
 * fields on first use and kept, so a cancel or an edit shows on the next read.
 */
import type { FakeCore } from '../core';
import { type Json, stableUuid } from '../seed';
import { RUNNING_PHASES, appDeploymentsOf, deploymentWithSteps } from './app';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function appDetailRoutes(api: FakeCore): void {
  const findApp = (id: string) => api.data.apps.find((a) => a.id === id);
  // read from api.data each time: a reset replaces it
  const store = () =>
    api.data as unknown as {
      appAutoscaling?: Record<string, Json[]>;
      appJobInvocations?: Record<string, Json[]>;
      appAlerts?: Record<string, Json[]>;
    };

  // ---- events: each deployment is one; a seeded app also scaled up once, between its deployments
  const autoscalingOf = (app: Json): Json[] => {
    const kept = (store().appAutoscaling ??= {});
    if (!kept[app.id]) {
      const active = app.active_deployment;
      kept[app.id] = active
        ? [
            {
              id: stableUuid(`event-autoscale-${app.id}`),
              type: 'AUTOSCALING',
              created_at: new Date(Date.parse(active.created_at) - 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
              autoscaling: { phase: 'SUCCEEDED', components: { [app.spec.services?.[0]?.name ?? 'web']: { from: 1, to: 2, triggering_metric: 'cpu' } } },
            },
          ]
        : [];
    }
    return kept[app.id];
  };
  const eventsOf = (app: Json): Json[] =>
    [
      ...appDeploymentsOf(api, app).map((d) => ({
        id: stableUuid(`event-${d.id}`),
        type: 'DEPLOYMENT',
        created_at: d.created_at,
        deployment_id: d.id,
        deployment: deploymentWithSteps(d),
      })),
      ...autoscalingOf(app),
    ].sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)));
  const eventOf = (appId: string, eventId: string) => {
    const app = findApp(appId);
    return app ? { app, event: eventsOf(app).find((e) => e.id === eventId) } : undefined;
  };

  api.on('GET', '/v2/apps/{id}/events', ([id], ctx) => {
    const app = findApp(id);
    if (!app) return api.notFound();
    const types = ctx.query.getAll('event_types');
    return api.page(
      'events',
      eventsOf(app).filter((e) => types.length === 0 || types.includes(e.type)),
      ctx,
    );
  });
  api.on('GET', '/v2/apps/{id}/events/{event}', ([id, eventId]) => {
    const found = eventOf(id, eventId);
    return found?.event ? api.json(200, { event: found.event }) : api.notFound();
  });
  api.on('POST', '/v2/apps/{id}/events/{event}/cancel', ([id, eventId]) => {
    const found = eventOf(id, eventId);
    if (!found?.event) return api.notFound();
    const { app, event } = found;
    if (event.type === 'DEPLOYMENT') {
      const deployment = appDeploymentsOf(api, app).find((d) => d.id === event.deployment_id);
      if (!deployment || !RUNNING_PHASES.has(deployment.phase) || app.in_progress_deployment?.id !== deployment.id)
        return api.error(400, 'bad_request', 'Only an event in progress can be canceled.');
      Object.assign(deployment, { phase: 'CANCELED', updated_at: api.now(), phase_last_updated_at: api.now() });
      delete app.in_progress_deployment;
      return api.json(200, { event: eventOf(id, eventId)!.event });
    }
    const phase = event.autoscaling?.phase;
    if (phase !== 'PENDING' && phase !== 'IN_PROGRESS') return api.error(400, 'bad_request', 'Only an event in progress can be canceled.');
    event.autoscaling.phase = 'CANCELED';
    return api.json(200, { event });
  });
  api.on('GET', '/v2/apps/{id}/events/{event}/logs', ([id, eventId], ctx) => {
    const found = eventOf(id, eventId);
    if (!found?.event) return api.notFound();
    const type = ctx.query.get('type') ?? '';
    const wanted = found.event.type === 'AUTOSCALING' ? ['AUTOSCALE_EVENT'] : ['BUILD', 'DEPLOY'];
    if (!wanted.includes(type)) return api.error(400, 'bad_request', `This event has ${wanted.join(' and ')} logs, not ${type || 'unspecified'}.`);
    if (!api.streams) return api.json(200, { historic_urls: [] });
    return api.json(200, { historic_urls: [api.streams.historicLogUrl(id, undefined, type)] });
  });

  // ---- job invocations: per job, three finished runs and one still running
  const jobsOf = (app: Json): string[] => ((app.spec?.jobs ?? []) as Json[]).map((j) => String(j.name));
  const invocationsOf = (app: Json): Json[] => {
    const kept = (store().appJobInvocations ??= {});
    if (!kept[app.id]) {
      const base = Date.parse(app.active_deployment?.created_at ?? app.created_at);
      const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
      kept[app.id] = jobsOf(app).flatMap((job) =>
        (['RUNNING', 'SUCCEEDED', 'FAILED', 'SUCCEEDED'] as const).map((phase, n) => {
          const created = base - n * 3_600_000 * 6 + 60_000;
          return {
            id: stableUuid(`job-${app.id}-${job}-${n}`),
            job_name: job,
            deployment_id: app.active_deployment?.id,
            phase,
            trigger:
              n % 2 === 0
                ? { type: 'MANUAL', manual: { user: { uuid: stableUuid('user-demo'), email: api.data.account.email, full_name: 'Demo User' } } }
                : { type: 'SCHEDULE', scheduled: { schedule: { cron: '0 */6 * * *', time_zone: 'UTC' } } },
            created_at: iso(created),
            started_at: iso(created + 5_000),
            ...(phase === 'RUNNING' ? {} : { completed_at: iso(created + 95_000) }),
          };
        }),
      );
    }
    return kept[app.id];
  };
  const invocationOf = (appId: string, invocationId: string, jobName: string | null) => {
    const app = findApp(appId);
    if (!app) return undefined;
    return { app, invocation: invocationsOf(app).find((i) => i.id === invocationId && (!jobName || i.job_name === jobName)) };
  };
  api.on('GET', '/v2/apps/{id}/job-invocations', ([id], ctx) => {
    const app = findApp(id);
    if (!app) return api.notFound();
    const names = ctx.query.getAll('job_names');
    const unknown = names.filter((n) => !jobsOf(app).includes(n));
    if (unknown.length) return api.error(400, 'bad_request', `The app has no job named ${unknown.join(', ')}.`);
    const deployment = ctx.query.get('deployment_id');
    return api.page(
      'job_invocations',
      invocationsOf(app)
        .filter((i) => (names.length === 0 || names.includes(i.job_name)) && (!deployment || i.deployment_id === deployment))
        .sort((a, b) => String(b.created_at).localeCompare(String(a.created_at))),
      ctx,
    );
  });
  api.on('GET', '/v2/apps/{id}/job-invocations/{invocation}', ([id, invocationId], ctx) => {
    const found = invocationOf(id, invocationId, ctx.query.get('job_name'));
    return found?.invocation ? api.json(200, found.invocation) : api.notFound();
  });
  api.on('POST', '/v2/apps/{id}/job-invocations/{invocation}/cancel', ([id, invocationId], ctx) => {
    const found = invocationOf(id, invocationId, ctx.query.get('job_name'));
    if (!found?.invocation) return api.notFound();
    const invocation = found.invocation;
    if (invocation.phase !== 'RUNNING' && invocation.phase !== 'PENDING')
      return api.error(400, 'bad_request', `The job invocation is ${String(invocation.phase).toLowerCase()}; only a pending or running one can be canceled.`);
    Object.assign(invocation, { phase: 'CANCELED', completed_at: api.now() });
    return api.json(200, invocation);
  });
  api.on('GET', '/v2/apps/{id}/jobs/{job}/invocations/{invocation}/logs', ([id, job, invocationId], ctx) => {
    const found = invocationOf(id, invocationId, job);
    if (!found?.invocation) return api.notFound();
    if (ctx.query.get('type') !== 'JOB_INVOCATION') return api.error(400, 'bad_request', 'type must be JOB_INVOCATION.');
    if (!api.streams) return api.json(200, { historic_urls: [] });
    const live = ctx.query.get('follow') === 'true' && found.invocation.phase === 'RUNNING';
    return api.json(200, {
      ...(live ? { live_url: api.streams.liveLogUrl(id, job, 'RUN') } : {}),
      historic_urls: [api.streams.historicLogUrl(id, job, 'RUN')],
    });
  });

  // ---- health: each service and worker, from its instance count; a deploying app has one not ready yet
  api.on('GET', '/v2/apps/{id}/health', ([id]) => {
    const app = findApp(id);
    if (!app) return api.notFound();
    const spec = app.spec as unknown as Record<string, Json[] | undefined>;
    const running = ['services', 'workers'].flatMap((k) => spec[k] ?? []);
    const deploying = Boolean(app.in_progress_deployment);
    return api.json(200, {
      app_health: {
        components: running.map((c, i) => {
          const desired = Number(c.instance_count ?? 1);
          const ready = deploying && i === 0 ? Math.max(0, desired - 1) : desired;
          return {
            name: c.name,
            cpu_usage_percent: 12.5 + 7 * i,
            memory_usage_percent: 41.25 + 3 * i,
            replicas_desired: desired,
            replicas_ready: ready,
            state: ready === desired ? 'HEALTHY' : 'UNHEALTHY',
          };
        }),
      },
    });
  });

  // ---- alerts: the ones App Platform makes for every app, and a CPU alert on its first service
  const alertsOf = (app: Json): Json[] => {
    const kept = (store().appAlerts ??= {});
    const component = app.spec?.services?.[0]?.name;
    kept[app.id] ??= [
      { rule: 'DEPLOYMENT_FAILED' },
      { rule: 'DOMAIN_FAILED' },
      ...(component ? [{ rule: 'CPU_UTILIZATION', operator: 'GREATER_THAN', value: 80, window: 'FIVE_MINUTES', component }] : []),
    ].map(({ component: name, ...spec }, i) => ({
      id: stableUuid(`alert-${app.id}-${spec.rule}`),
      ...(name ? { component_name: name } : {}),
      spec: { ...spec, disabled: false },
      emails: [api.data.account.email],
      // a demo URL, not one of hooks.slack.com: the package's secret scan refuses those in the bundle
      slack_webhooks: i === 0 ? [{ url: 'https://hooks.example.com/demo/notARealWebhookSecret', channel: 'deploys' }] : [],
      phase: 'ACTIVE',
    }));
    return kept[app.id];
  };
  api.on('GET', '/v2/apps/{id}/alerts', ([id]) => {
    const app = findApp(id);
    return app ? api.json(200, { alerts: alertsOf(app) }) : api.notFound();
  });
  api.on('POST', '/v2/apps/{id}/alerts/{alert}/destinations', ([id, alertId], ctx) => {
    const app = findApp(id);
    const alert = app && alertsOf(app).find((a) => a.id === alertId);
    if (!alert) return api.notFound();
    const emails = (ctx.body?.emails ?? []) as unknown[];
    const hooks = (ctx.body?.slack_webhooks ?? []) as Json[];
    const badEmail = emails.find((e) => typeof e !== 'string' || !EMAIL.test(e));
    if (badEmail !== undefined) return api.error(400, 'invalid_argument', `"${String(badEmail)}" is not an email address.`);
    const badHook = hooks.find((h) => typeof h?.url !== 'string' || !/^https:\/\/\S+$/.test(h.url));
    if (badHook) return api.error(400, 'invalid_argument', 'A Slack webhook needs an https URL.');
    Object.assign(alert, { emails, slack_webhooks: hooks.map((h) => ({ url: h.url, ...(h.channel ? { channel: h.channel } : {}) })) });
    return api.json(200, { alert });
  });

  // ---- bandwidth: a steady figure per app and day (yesterday unless a date is given)
  const yesterday = () => {
    const d = new Date(api.clock() - 86_400_000);
    return `${d.toISOString().slice(0, 10)}T00:00:00Z`;
  };
  const dayOf = (value: string | null | undefined): string | undefined => {
    if (!value) return yesterday();
    return Number.isNaN(Date.parse(value)) ? undefined : `${value.slice(0, 10)}T00:00:00Z`;
  };
  const bytesOn = (appId: string, day: string) => {
    let h = 0;
    for (const ch of appId + day) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    return String(200_000_000 + (h % 4_000_000_000));
  };
  api.on('GET', '/v2/apps/{id}/metrics/bandwidth_daily', ([id], ctx) => {
    const app = findApp(id);
    if (!app) return api.notFound();
    const day = dayOf(ctx.query.get('date'));
    if (!day) return api.error(400, 'bad_request', 'date must be an RFC 3339 timestamp.');
    return api.json(200, { app_bandwidth_usage: [{ app_id: app.id, bandwidth_bytes: bytesOn(app.id, day) }], date: day });
  });
  api.on('POST', '/v2/apps/metrics/bandwidth_daily', (_, ctx) => {
    const ids = ctx.body?.app_ids;
    if (!Array.isArray(ids) || ids.length === 0) return api.error(400, 'bad_request', 'app_ids is required.');
    if (ids.length > 100) return api.error(400, 'bad_request', 'At most 100 app_ids at a time.');
    const day = dayOf(ctx.body?.date);
    if (!day) return api.error(400, 'bad_request', 'date must be an RFC 3339 timestamp.');
    const known = ids.filter((appId: unknown) => api.data.apps.some((a) => a.id === appId)) as string[];
    return api.json(200, { app_bandwidth_usage: known.map((appId) => ({ app_id: appId, bandwidth_bytes: bytesOn(appId, day) })), date: day });
  });
}
