/**
 * The fake API's routes: App Platform deployments (deploy, cancel, restart, roll back, with
 * phases that advance over the action duration), logs (where to read them), consoles and
 * instances.
 */
import type { FakeCore } from '../core';
import { type Json, stableUuid } from '../seed';

/** App component sizes: slug, name, vCPUs, MiB, USD a month. */
export const INSTANCE_SIZES: [string, string, string, number, string][] = [
  ['apps-s-1vcpu-0.5gb', 'Shared 1VCPU 0.5GB', '1', 512, '5.00'],
  ['apps-s-1vcpu-1gb-fixed', 'Shared 1VCPU 1GB Fixed', '1', 1024, '10.00'],
  ['apps-s-1vcpu-1gb', 'Shared 1VCPU 1GB', '1', 1024, '12.00'],
  ['apps-s-1vcpu-2gb', 'Shared 1VCPU 2GB', '1', 2048, '25.00'],
  ['apps-d-1vcpu-4gb', 'Dedicated 1VCPU 4GB', '1', 4096, '49.00'],
];

function instanceSizeJson([slug, name, cpus, mib, usd]: (typeof INSTANCE_SIZES)[number]): Json {
  return {
    slug,
    name,
    cpu_type: slug.startsWith('apps-d') ? 'DEDICATED' : 'SHARED',
    cpus,
    memory_bytes: String(mib * 1024 * 1024),
    usd_per_month: usd,
    usd_per_second: (Number(usd) / 2_419_200).toFixed(12),
    tier_slug: usd === '5.00' || usd === '10.00' ? 'basic' : 'professional',
    bandwidth_allowance_gib: '100',
  };
}

export const RUNNING_PHASES = new Set(['PENDING_BUILD', 'BUILDING', 'PENDING_DEPLOY', 'DEPLOYING']);
const STEP_NAMES = ['initialize', 'fetch source', 'build', 'push image', 'deploy', 'health check'];

/** A deployment as one read of it answers: with its steps, made from its phase and progress. */
export function deploymentWithSteps(d: Json): Json {
  const done = Number(d.progress?.success_steps ?? 0);
  const failed = Number(d.progress?.error_steps ?? 0) > 0;
  const running = RUNNING_PHASES.has(d.phase);
  const component = d.spec?.services?.[0]?.name ?? 'web';
  const at = (i: number) => new Date(Date.parse(d.created_at) + i * 40_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const steps = STEP_NAMES.map((name, i) => {
    const status = i < done ? 'SUCCESS' : i === done && failed ? 'ERROR' : i === done && running ? 'RUNNING' : 'PENDING';
    return {
      name,
      status,
      ...(name === 'build' || name === 'deploy' || name === 'health check' ? { component_name: component } : {}),
      ...(status === 'PENDING' ? {} : { started_at: at(i) }),
      ...(status === 'SUCCESS' || status === 'ERROR' ? { ended_at: at(i + 1) } : {}),
      ...(status === 'ERROR' ? { reason: { code: 'BuildJobExitNonZero', message: `${component}: the build command exited with status 1` } } : {}),
    };
  });
  const commit = /commit ([0-9a-f]{7})/.exec(String(d.cause ?? ''))?.[1];
  return {
    ...d,
    progress: { ...d.progress, pending_steps: steps.filter((s) => s.status === 'PENDING').length, running_steps: running ? 1 : 0, steps },
    ...(commit ? { services: [{ name: component, source_commit_hash: `${commit}${'0'.repeat(33)}` }] } : {}),
  };
}

/** An app's deployments, newest first: made on first use from the active one. */
export function appDeploymentsOf(api: FakeCore, app: Json): Json[] {
  const store = api.data as unknown as { appDeployments?: Record<string, Json[]> };
  store.appDeployments ??= {};
  if (!store.appDeployments[app.id]) {
    const active = app.active_deployment;
    // a new app has no deployment yet; a seeded one gets three earlier ones (one failed)
    if (!active) return (store.appDeployments[app.id] = []);
    const older = [1, 2, 3].map((n) => {
      const at = new Date(Date.parse(active.created_at) - n * 86_400_000 * 2).toISOString().replace(/\.\d{3}Z$/, 'Z');
      return {
        ...active,
        id: stableUuid(`deploy-${app.spec.name}-old-${n}`),
        phase: n === 2 ? 'ERROR' : 'SUPERSEDED',
        created_at: at,
        updated_at: at,
        cause: n === 2 ? 'commit 9e1b7d0 pushed to main' : `commit ${stableUuid(`c${n}`).slice(0, 7)} pushed to main`,
        progress: n === 2 ? { success_steps: 3, error_steps: 1, total_steps: 6 } : active.progress,
      };
    });
    store.appDeployments[app.id] = [active, ...older];
  }
  return store.appDeployments[app.id];
}

export function appRoutes(api: FakeCore): void {
  const components = (app: Json): string[] =>
    ['services', 'workers', 'jobs', 'static_sites'].flatMap((key) => ((app.spec?.[key] ?? []) as Json[]).map((c) => String(c.name)));
  const findApp = (id: string) => api.data.apps.find((a) => a.id === id);

  const logs = (id: string, component: string | undefined, deployment: string | undefined, query: URLSearchParams) => {
    const app = findApp(id);
    if (!app) return api.notFound();
    if (component !== undefined && !components(app).includes(component)) return api.notFound();
    if (deployment !== undefined && !deploymentsOf(app).some((d) => d.id === deployment)) return api.notFound();
    const type = query.get('type') ?? '';
    if (!['BUILD', 'DEPLOY', 'RUN', 'RUN_RESTARTED', 'AUTOSCALE_EVENT'].includes(type))
      return api.error(400, 'bad_request', 'type must be one of BUILD, DEPLOY, RUN, RUN_RESTARTED, AUTOSCALE_EVENT.');
    // a live log only for what runs now; a past deployment has its archived files
    const current = deployment === undefined || deployment === app.active_deployment?.id || deployment === app.in_progress_deployment?.id;
    const follow = query.get('follow') === 'true' && current;
    if (!api.streams) return api.json(200, { historic_urls: [] });
    return api.json(200, {
      ...(follow ? { live_url: api.streams.liveLogUrl(id, component, type) } : {}),
      historic_urls: [api.streams.historicLogUrl(id, component, type)],
    });
  };
  api.on('GET', '/v2/apps/{id}/logs', ([id], ctx) => logs(id, undefined, undefined, ctx.query));
  api.on('GET', '/v2/apps/{id}/components/{component}/logs', ([id, component], ctx) => logs(id, component, undefined, ctx.query));
  api.on('GET', '/v2/apps/{id}/deployments/{deployment}/logs', ([id, deployment], ctx) => logs(id, undefined, deployment, ctx.query));
  api.on('GET', '/v2/apps/{id}/deployments/{deployment}/components/{component}/logs', ([id, deployment, component], ctx) =>
    logs(id, component, deployment, ctx.query),
  );

  // only services and workers run all the time; jobs and static sites have no instances
  const instancesOf = (app: Json) =>
    ['services', 'workers']
      .flatMap((key) => ((app.spec?.[key] ?? []) as Json[]).map((c) => String(c.name)))
      .flatMap((name) =>
        [0, 1]
          .slice(0, name.startsWith('web') ? 2 : 1)
          .map((n) => ({ component_name: name, component_type: 'SERVICE', instance_name: `${name}-7d9f8c-${n}x${n}q`, instance_alias: `${name}-${n}` })),
      );
  api.on('GET', '/v2/apps/{id}/instances', ([id]) => {
    const app = findApp(id);
    return app ? api.json(200, { instances: instancesOf(app) }) : api.notFound();
  });
  api.on('GET', '/v2/apps/{id}/components/{component}/exec', ([id, component], ctx) => {
    const app = findApp(id);
    if (!app || !components(app).includes(component)) return api.notFound();
    const wanted = ctx.query.get('instance_name');
    const instance = instancesOf(app).find((i) => i.component_name === component && (!wanted || i.instance_name === wanted));
    if (!instance) return api.notFound();
    if (!api.streams) return api.error(404, 'not_found', 'The demo account has no consoles.');
    return api.json(200, { url: api.streams.execUrl(id, component, instance.instance_name) });
  });

  const deploymentsOf = (app: Json): Json[] => appDeploymentsOf(api, app);
  const STEPS: [string, number][] = [
    ['PENDING_BUILD', 0],
    ['BUILDING', 2],
    ['DEPLOYING', 4],
    ['ACTIVE', 6],
  ];
  /** A new deployment that goes through its phases over the action duration, then becomes the active one. */
  const startDeployment = (app: Json, cause: string, from?: Json): Json => {
    if (app.in_progress_deployment) return api.error(409, 'conflict', 'A deployment is already in progress.');
    const now = api.now();
    const deployment: Json = {
      ...(from ?? app.active_deployment),
      id: stableUuid(`deploy-${app.spec.name}-${api.nextId++}`),
      cause,
      phase: 'PENDING_BUILD',
      created_at: now,
      updated_at: now,
      phase_last_updated_at: now,
      progress: { success_steps: 0, total_steps: 6 },
      ...(from ? { cloned_from: from.id } : { spec: app.spec }),
    };
    deploymentsOf(app).unshift(deployment);
    app.in_progress_deployment = deployment;
    STEPS.slice(1).forEach(([phase, steps], i) =>
      api.later(((i + 1) * api.actionDurationMs) / 3, () => {
        if (deployment.phase === 'CANCELED') return;
        Object.assign(deployment, { phase, updated_at: api.now(), phase_last_updated_at: api.now(), progress: { success_steps: steps, total_steps: 6 } });
        if (phase !== 'ACTIVE') return;
        const previous = app.active_deployment;
        if (previous && previous !== deployment) previous.phase = 'SUPERSEDED';
        app.active_deployment = deployment;
        delete app.in_progress_deployment;
        app.last_deployment_active_at = api.now();
        app.updated_at = api.now();
      }),
    );
    return api.json(200, { deployment });
  };

  // ---- metrics: per component, a daily rhythm; a worker restarts now and then
  const wave = (t: number, seed: number) => 0.5 + 0.35 * Math.sin(t / 3000 + seed) + 0.1 * Math.sin(t / 277 + seed * 3);
  const appMetric = (name: string, value: (t: number, seed: number) => number) =>
    api.on('GET', `/v2/monitoring/metrics/apps/${name}`, (_, ctx) => {
      const app = api.data.apps.find((a) => a.id === ctx.query.get('app_id'));
      if (!app) return api.notFound();
      const wanted = ctx.query.get('app_component');
      const spec = app.spec as unknown as Record<string, { name: string }[] | undefined>;
      const components = ['services', 'workers', 'jobs']
        .flatMap((k) => spec[k] ?? [])
        .map((c) => c.name)
        .filter((c) => !wanted || c === wanted);
      return api.metricMatrix(ctx, (t) =>
        components.map((c, i) => ({ metric: { app_component: c, app_owner_id: 'fake' }, value: value(t, i + String(app.id).length) })),
      );
    });
  appMetric('cpu_percentage', (t, seed) => 100 * 0.4 * wave(t, seed));
  appMetric('memory_percentage', (t, seed) => 100 * (0.3 + 0.3 * wave(t, seed + 1)));
  appMetric('restart_count', (t, seed) => Math.floor((t - 1_700_000_000) / 86_400 / (3 + seed)));

  api.on('GET', '/v2/apps/{id}/deployments', ([id], ctx) => {
    const app = findApp(id);
    return app ? api.page('deployments', deploymentsOf(app), ctx) : api.notFound();
  });
  api.on('GET', '/v2/apps/{id}/deployments/{deployment}', ([id, deploymentId]) => {
    const app = findApp(id);
    const deployment = app && deploymentsOf(app).find((d) => d.id === deploymentId);
    return deployment ? api.json(200, { deployment: deploymentWithSteps(deployment) }) : api.notFound();
  });
  api.on('POST', '/v2/apps/{id}/deployments', ([id], ctx) => {
    const app = findApp(id);
    return app ? startDeployment(app, ctx.body?.force_build ? 'manual, rebuilding from source' : 'manual') : api.notFound();
  });
  api.on('POST', '/v2/apps/{id}/deployments/{deployment}/cancel', ([id, deploymentId]) => {
    const app = findApp(id);
    const deployment = app && deploymentsOf(app).find((d) => d.id === deploymentId);
    if (!deployment) return api.notFound();
    if (app.in_progress_deployment?.id !== deploymentId) return api.error(400, 'bad_request', 'Only a deployment in progress can be canceled.');
    Object.assign(deployment, { phase: 'CANCELED', updated_at: api.now(), phase_last_updated_at: api.now() });
    delete app.in_progress_deployment;
    return api.json(200, { deployment });
  });
  api.on('POST', '/v2/apps/{id}/restart', ([id], ctx) => {
    const app = findApp(id);
    if (!app) return api.notFound();
    const wanted = (ctx.body?.components ?? []) as string[];
    const unknown = wanted.filter((c) => !components(app).includes(c));
    if (unknown.length) return api.error(400, 'bad_request', `No component named ${unknown.join(', ')}.`);
    return startDeployment(app, wanted.length ? `restart of ${wanted.join(', ')}` : 'restart');
  });
  // Roll back: validate (is that deployment one to go back to?), roll back (a deployment cloned
  // from it, the app pinned), then commit (unpin, keep) or revert (go back to what was active).
  const rollbackTarget = (app: Json, deploymentId: unknown) => deploymentsOf(app).find((d) => d.id === deploymentId);
  /** Per app in a rollback not yet committed: the deployment that was active before it. */
  const rolledBackFrom = new Map<string, string | undefined>();
  api.on('POST', '/v2/apps/{id}/rollback/validate', ([id], ctx) => {
    const app = findApp(id);
    if (!app) return api.notFound();
    const target = rollbackTarget(app, ctx.body?.deployment_id);
    if (!target) return api.notFound();
    if (target.phase === 'ERROR' || target.phase === 'CANCELED')
      return api.json(200, {
        valid: false,
        error: { code: 'incompatible_result', message: `Deployment ${target.id.slice(0, 8)} did not succeed; it cannot be rolled back to.` },
      });
    if (target === app.active_deployment)
      return api.json(200, { valid: false, error: { code: 'incompatible_phase', message: 'That deployment is the active one.' } });
    return api.json(200, { valid: true, warnings: [] });
  });
  api.on('POST', '/v2/apps/{id}/rollback', ([id], ctx) => {
    const app = findApp(id);
    if (!app) return api.notFound();
    const target = rollbackTarget(app, ctx.body?.deployment_id);
    if (!target) return api.notFound();
    app.pinned_deployment = target;
    rolledBackFrom.set(app.id, app.active_deployment?.id);
    return startDeployment(app, `rollback to ${target.id.slice(0, 8)}`, target);
  });
  api.on('POST', '/v2/apps/{id}/rollback/commit', ([id]) => {
    const app = findApp(id);
    if (!app) return api.notFound();
    delete app.pinned_deployment;
    rolledBackFrom.delete(app.id);
    return api.json(200, {});
  });
  api.on('POST', '/v2/apps/{id}/rollback/revert', ([id]) => {
    const app = findApp(id);
    if (!app) return api.notFound();
    const back = deploymentsOf(app).find((d) => d.id === rolledBackFrom.get(app.id));
    if (!back) return api.error(400, 'bad_request', 'The app is not in a rollback.');
    delete app.pinned_deployment;
    rolledBackFrom.delete(app.id);
    return startDeployment(app, 'rollback reverted', back);
  });

  // ---- specs: propose (checks and prices, changes nothing) and update (a deployment starts)
  const REGIONS = ['ams', 'blr', 'fra', 'lon', 'nyc', 'sfo', 'sgp', 'syd', 'tor', 'atl'];
  const REGION_LABELS: Record<string, [string, string]> = {
    ams: ['Amsterdam', 'europe'],
    blr: ['Bangalore', 'asia'],
    fra: ['Frankfurt', 'europe'],
    lon: ['London', 'europe'],
    nyc: ['New York', 'north_america'],
    sfo: ['San Francisco', 'north_america'],
    sgp: ['Singapore', 'asia'],
    syd: ['Sydney', 'australia'],
    tor: ['Toronto', 'north_america'],
    atl: ['Atlanta', 'north_america'],
  };
  api.on('GET', '/v2/apps/regions', () =>
    api.json(200, {
      regions: REGIONS.map((slug) => ({
        slug,
        label: REGION_LABELS[slug][0],
        flag: slug,
        continent: REGION_LABELS[slug][1],
        data_centers: [`${slug}1`],
        disabled: false,
        default: slug === 'nyc',
      })),
    }),
  );
  api.on('GET', '/v2/apps/tiers/instance_sizes', () => api.json(200, { instance_sizes: INSTANCE_SIZES.map(instanceSizeJson) }));
  api.on('GET', '/v2/apps/tiers/instance_sizes/{slug}', ([slug]) => {
    const size = INSTANCE_SIZES.find((x) => x[0] === slug);
    return size ? api.json(200, { instance_size: instanceSizeJson(size) }) : api.notFound();
  });
  const sizePrice = (slug: unknown) => Number(INSTANCE_SIZES.find((x) => x[0] === slug)?.[4] ?? 5);
  const specProblem = (spec: Json): string | undefined => {
    if (typeof spec?.name !== 'string' || !/^[a-z][a-z0-9-]{0,30}[a-z0-9]$/.test(spec.name))
      return 'error validating app spec field "name": must be 2 to 32 lowercase letters, digits and dashes.';
    if (spec.region !== undefined && !REGIONS.includes(spec.region))
      return `error validating app spec field "region": region "${String(spec.region)}" is not available for apps.`;
    const names = ['services', 'workers', 'jobs', 'static_sites'].flatMap((k) => ((spec[k] ?? []) as Json[]).map((c) => c.name));
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice) return `error validating app spec: two components are named "${twice}".`;
    const components = ['services', 'workers', 'jobs', 'static_sites'].flatMap((k) => (spec[k] ?? []) as Json[]);
    for (const c of components) {
      const source = c.github ?? c.gitlab;
      if (source !== undefined && (typeof source.repo !== 'string' || !/^[\w.-]+\/[\w./-]+$/.test(source.repo)))
        return `error validating app spec field "${c.name}.repo": "${String(source.repo)}" is not owner/name.`;
      if (c.instance_size_slug !== undefined && !INSTANCE_SIZES.some((x) => x[0] === c.instance_size_slug))
        return `error validating app spec field "${c.name}.instance_size_slug": unknown size "${String(c.instance_size_slug)}".`;
    }
    return undefined;
  };
  const monthlyCost = (spec: Json) =>
    ['services', 'workers']
      .flatMap((k) => (spec[k] ?? []) as Json[])
      .reduce((sum, c) => sum + sizePrice(c.instance_size_slug) * (Number(c.instance_count) || 1), 0);
  api.on('POST', '/v2/apps/propose', (_, ctx) => {
    const spec = ctx.body?.spec;
    const taken = api.data.apps.find((a) => a.spec.name === spec?.name && a.id !== ctx.body?.app_id);
    const problem = specProblem(spec) ?? (taken ? `error validating app spec field "name": an app named "${String(spec.name)}" exists already.` : undefined);
    if (problem) return api.error(400, 'invalid_argument', problem);
    return api.json(200, {
      app_is_static: false,
      app_name_available: true,
      existing_static_apps: '0',
      max_free_static_apps: '3',
      spec,
      app_cost: monthlyCost(spec),
      app_tier_upgrade_cost: 0,
      app_tier_downgrade_cost: 0,
    });
  });
  api.on('PUT', '/v2/apps/{id}', ([id], ctx) => {
    const app = findApp(id);
    if (!app) return api.notFound();
    const spec = ctx.body?.spec;
    const problem = specProblem(spec);
    if (problem) return api.error(400, 'invalid_argument', problem);
    app.spec = spec;
    const started = startDeployment(app, 'app spec updated');
    if (started.status !== 200) return started;
    return api.json(200, { app });
  });

  api.on('POST', '/v2/apps', (_, ctx) => {
    const spec = ctx.body?.spec;
    const taken = api.data.apps.find((a) => a.spec.name === spec?.name);
    const problem = specProblem(spec) ?? (taken ? `error validating app spec field "name": an app named "${String(spec.name)}" exists already.` : undefined);
    if (problem) return api.error(400, 'invalid_argument', problem);
    const now = api.now();
    const host = `${String(spec.name)}-${api.nextId.toString(36)}.ondigitalocean.app`;
    const project = api.data.projects.find((p) => p.is_default);
    const app: Json = {
      id: stableUuid(`app-${String(spec.name)}-${api.nextId++}`),
      owner_uuid: stableUuid('account-demo'),
      spec,
      default_ingress: `https://${host}`,
      live_url: `https://${host}`,
      live_url_base: `https://${host}`,
      created_at: now,
      updated_at: now,
      region: { slug: spec.region ?? 'nyc', label: spec.region ?? 'nyc' },
      tier_slug: 'basic',
      project_id: project?.id,
    };
    api.data.apps.push(app);
    const started = startDeployment(app, 'app created');
    if (started.status !== 200) return started;
    return api.json(200, { app });
  });
}
