/** The panel of an App Platform app: live URL, components, deployments and their phases. */
import { type App, type AppDeployment, type AppDeploymentStep, appDeployment, appJobs } from '../../api/resources/app';
import { type MetricRange, appDeployments, appMetrics } from '../../api';
import { appAlerts, appBandwidthDaily, appHealth, appInstanceSize, appJobInvocations } from '../../api/appDetails';
import { bytes } from '../../tree/format';
import { deploymentDuration, deploymentSteps } from '../../tree/kinds/app';
import { RANGES, type CellView, type SectionView, type Tone } from '../protocol';
import { type PanelBuilder, type PanelContext, chart, fields, plain, tolerant, when } from './builder';
import * as l10n from '@vscode/l10n';

const STEP_TONES: Record<string, Tone> = { SUCCESS: 'ok', RUNNING: 'busy', ERROR: 'error', PENDING: 'muted' };
const RUN_TONES: Record<string, Tone> = { SUCCEEDED: 'ok', RUNNING: 'busy', PENDING: 'busy', FAILED: 'error', CANCELED: 'muted', SKIPPED: 'muted' };

/** "1m 40s" between two times; empty when either is missing. */
function took(from: string | undefined, to: string | undefined): string {
  const ms = Date.parse(to ?? '') - Date.parse(from ?? '');
  if (!Number.isFinite(ms) || ms < 0) return '';
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${s % 60}s`;
}

/** A deployment's steps and their steps, one row each (the inner ones indented). */
function stepRows(steps: AppDeploymentStep[], depth = 0): CellView[][] {
  return steps.flatMap((step) => [
    [
      { text: `${'  '.repeat(depth)}${step.name ?? '—'}` },
      { text: step.component_name ?? '' },
      { text: (step.status ?? 'UNKNOWN').toLowerCase(), tone: STEP_TONES[step.status ?? ''] ?? 'muted' },
      { text: step.started_at ? step.started_at.slice(11, 19) : '' },
      { text: took(step.started_at, step.ended_at) },
      { text: step.reason?.message ?? step.reason?.code ?? '' },
    ],
    ...stepRows(step.steps ?? [], depth + 1),
  ]);
}

/** CPU and memory use and restarts of each running component, from the Monitoring API. */
async function monitoring(a: App, ctx: PanelContext): Promise<SectionView> {
  const base = { type: 'charts' as const, id: 'monitoring', title: l10n.t('Monitoring'), ranges: [...RANGES], range: ctx.range };
  const data = await ctx.memo(`app-metrics:${ctx.range}`, 60_000, () =>
    appMetrics(ctx.cache.client, a.id, undefined, ctx.range as MetricRange, Math.floor(ctx.now / 1000), ctx.signal),
  );
  const lines = (series: typeof data.cpu) => series.map((s) => ({ label: s.metric.app_component ?? l10n.t('app'), points: s.values }));
  if (![data.cpu, data.memory, data.restarts].some((x) => x.some((s) => s.values.length)))
    return { ...base, charts: [], note: l10n.t('No metrics for this range yet.') };
  return {
    ...base,
    charts: [
      chart('cpu', 'CPU', '%', lines(data.cpu)),
      chart('memory', l10n.t('Memory'), '%', lines(data.memory)),
      chart('restarts', l10n.t('Restarts'), '', lines(data.restarts)),
    ],
  };
}

/** The panel of one deployment: its cause, phase, commits and each step's progress. */
export const appDeploymentPanel: PanelBuilder<AppDeployment> = {
  kind: 'app_deployment',
  buttons: () => [{ id: 'logs', label: l10n.t('Show Logs…'), command: 'digitalocean.app.deploymentLogs', primary: true }],
  async sections(listed, ctx) {
    // the steps as the deployment's own GET gives them (a list need not carry them), read again as it moves on
    const appId = ctx.parents[ctx.parents.length - 1];
    const d = appId
      ? await ctx.memo(`deployment:${listed.phase}:${listed.progress?.success_steps ?? ''}`, 10_000, () =>
          ctx.cache.client.get(appDeployment, listed.id, { parents: [appId], signal: ctx.signal }),
        )
      : listed;
    const commits = [...(d.services ?? []), ...(d.workers ?? []), ...(d.jobs ?? []), ...(d.static_sites ?? [])].filter((c) => c.source_commit_hash);
    const overview = fields('overview', l10n.t('Deployment'), [
      plain(l10n.t('Phase'), d.phase),
      plain(l10n.t('Cause'), d.cause),
      plain(l10n.t('Steps'), deploymentSteps(d)),
      plain(l10n.t('Started'), when(d.created_at, ctx.now)),
      plain(l10n.t('Took'), deploymentDuration(d, ctx.now)),
      ...(d.cloned_from ? [plain(l10n.t('Rolled back to'), d.cloned_from.slice(0, 8))] : []),
      ...commits.map((c) => ctx.parts.copyable(l10n.t('Commit of {0}', c.name), c.source_commit_hash)),
      ctx.parts.copyable('ID', d.id),
    ]);
    const steps: SectionView = {
      type: 'table',
      id: 'steps',
      title: l10n.t('Steps'),
      columns: [l10n.t('Step'), l10n.t('Component'), l10n.t('Status'), l10n.t('Started (UTC)'), l10n.t('Took'), l10n.t('Reason')],
      rows: stepRows(d.progress?.steps ?? []),
      empty: l10n.t('The API gave no steps for this deployment'),
    };
    return [overview, steps];
  },
};

const PHASE_TONES: Record<string, Tone> = { ACTIVE: 'ok', SUPERSEDED: 'muted', ERROR: 'error', CANCELED: 'muted' };

export const appPanel: PanelBuilder<App> = {
  kind: 'app',
  buttons: (a) => [
    { id: 'logs', label: l10n.t('Show Logs…'), command: 'digitalocean.app.showLogs', primary: true },
    { id: 'console', label: l10n.t('Console…'), command: 'digitalocean.app.console' },
    ...(a.in_progress_deployment
      ? [{ id: 'cancel', label: l10n.t('Cancel Deployment…'), command: 'digitalocean.app.cancelDeployment' }]
      : [{ id: 'deploy', label: l10n.t('Deploy…'), command: 'digitalocean.app.deploy' }]),
    { id: 'restart', label: l10n.t('Restart…'), command: 'digitalocean.app.restart' },
    { id: 'rollback', label: l10n.t('Roll Back…'), command: 'digitalocean.app.rollback' },
    ...(a.pinned_deployment
      ? [
          { id: 'commit', label: l10n.t('Commit Rollback'), command: 'digitalocean.app.commitRollback' },
          { id: 'revert', label: l10n.t('Revert Rollback…'), command: 'digitalocean.app.revertRollback' },
        ]
      : []),
    { id: 'events', label: l10n.t('Events…'), command: 'digitalocean.app.showEvents' },
    ...(appJobs(a).length ? [{ id: 'jobs', label: l10n.t('Job Runs…'), command: 'digitalocean.app.jobRuns' }] : []),
    { id: 'alerts', label: l10n.t('Alert Destinations…'), command: 'digitalocean.app.alertDestinations' },
  ],
  async sections(a, ctx) {
    const { parts } = ctx;
    type Component = { name: string; instance_size_slug?: string; instance_count?: number; http_port?: number };
    const spec = a.spec as unknown as Record<string, Component[] | undefined>;
    const overview = fields('overview', l10n.t('Overview'), [
      parts.url(l10n.t('Live URL'), a.live_url ?? a.default_ingress),
      plain(l10n.t('Region'), [a.region?.slug, a.region?.label].filter(Boolean).join(' · ')),
      plain(l10n.t('Tier'), a.tier_slug),
      plain(l10n.t('Active deployment'), a.active_deployment ? `${a.active_deployment.phase} · ${a.active_deployment.id.slice(0, 8)}` : 'none'),
      plain(
        l10n.t('In progress'),
        a.in_progress_deployment
          ? `${a.in_progress_deployment.phase}${a.in_progress_deployment.progress?.total_steps ? ` (${a.in_progress_deployment.progress.success_steps ?? 0}/${a.in_progress_deployment.progress.total_steps} steps)` : ''} · ${a.in_progress_deployment.id.slice(0, 8)}`
          : 'nothing',
      ),
      ...(a.pinned_deployment ? [plain(l10n.t('Rolled back to'), l10n.t('{0}: pinned until committed or reverted', a.pinned_deployment.id.slice(0, 8)))] : []),
      plain(l10n.t('Last deployed'), when(a.last_deployment_active_at, ctx.now)),
      plain(l10n.t('Created'), when(a.created_at, ctx.now)),
      plain(
        l10n.t('Bandwidth yesterday'),
        await ctx
          .memo('bandwidth', 3_600_000, () => appBandwidthDaily(ctx.cache.client, a.id, undefined, ctx.signal))
          .then(
            (b) => (b.bytes === undefined ? undefined : bytes(b.bytes)),
            () => l10n.t('could not be read'),
          ),
      ),
      parts.copyable('ID', a.id),
    ]);
    const componentTypes = [
      ['services', l10n.t('Service')],
      ['static_sites', l10n.t('Static site')],
      ['workers', l10n.t('Worker')],
      ['jobs', l10n.t('Job')],
      ['functions', l10n.t('Functions')],
    ] as const;
    // each size's monthly price, read once per size (a size's price does not change while the panel is open)
    const slugs = [...new Set(componentTypes.flatMap(([key]) => (spec[key] ?? []).map((c) => c.instance_size_slug)).filter((x): x is string => Boolean(x)))];
    const prices = new Map(
      await Promise.all(
        slugs.map(async (slug) => {
          const size = await ctx.memo(`size:${slug}`, 3_600_000, () => appInstanceSize(ctx.cache.client, slug, ctx.signal)).catch(() => undefined);
          return [slug, size?.usd_per_month === undefined ? undefined : Number(size.usd_per_month)] as const;
        }),
      ),
    );
    const monthly = (c: Component) => {
      const price = c.instance_size_slug ? prices.get(c.instance_size_slug) : undefined;
      return price === undefined || !Number.isFinite(price) ? '' : `$${(price * (c.instance_count ?? 1)).toFixed(2).replace(/\.00$/, '')}/mo`;
    };
    const components: SectionView = {
      type: 'table',
      id: 'components',
      title: l10n.t('Components'),
      columns: [l10n.t('Component'), l10n.t('Type'), l10n.t('Size'), l10n.t('Instances'), l10n.t('Port'), l10n.t('Monthly')],
      rows: componentTypes.flatMap(([key, label]) =>
        (spec[key] ?? []).map((c) => [
          c.name,
          label,
          c.instance_size_slug ?? '',
          c.instance_count === undefined ? '' : String(c.instance_count),
          c.http_port === undefined ? '' : String(c.http_port),
          monthly(c),
        ]),
      ),
      empty: l10n.t('No components'),
    };
    const health = await tolerant('health', l10n.t('Health'), async () => ({
      type: 'table',
      id: 'health',
      title: l10n.t('Health'),
      columns: [l10n.t('Component'), l10n.t('State'), l10n.t('Ready'), l10n.t('CPU'), l10n.t('Memory')],
      rows: (await ctx.memo(`health:${a.in_progress_deployment?.phase ?? ''}`, 30_000, () => appHealth(ctx.cache.client, a.id, ctx.signal))).map((h) => [
        h.name,
        { text: (h.state ?? 'UNKNOWN').toLowerCase(), tone: h.state === 'HEALTHY' ? 'ok' : h.state === 'UNHEALTHY' ? 'error' : 'muted' } as CellView,
        h.replicas_desired === undefined ? '' : `${h.replicas_ready ?? 0}/${h.replicas_desired}`,
        h.cpu_usage_percent === undefined ? '' : `${h.cpu_usage_percent.toFixed(1)}%`,
        h.memory_usage_percent === undefined ? '' : `${h.memory_usage_percent.toFixed(1)}%`,
      ]),
      empty: l10n.t('No running components'),
    }));
    // where each alert goes: emails and Slack channels, never a webhook's URL (it is a secret)
    const alerts = await tolerant('alerts', l10n.t('Alerts'), async () => ({
      type: 'table',
      id: 'alerts',
      title: l10n.t('Alerts'),
      columns: [l10n.t('Alert'), l10n.t('Component'), l10n.t('Sent to'), l10n.t('State')],
      rows: (await ctx.memo('alerts', 60_000, () => appAlerts(ctx.cache.client, a.id, ctx.signal))).map((al) => {
        const rule = (al.spec?.rule ?? 'UNSPECIFIED_RULE').toLowerCase().replace(/_/g, ' ');
        const threshold = al.spec?.value !== undefined ? ` ${al.spec.operator === 'LESS_THAN' ? '<' : '>'} ${al.spec.value}` : '';
        const slack = (al.slack_webhooks ?? []).map((w) => (w.channel ? `Slack #${w.channel.replace(/^#/, '')}` : 'Slack'));
        return [
          `${rule}${threshold}`,
          al.component_name ?? '',
          [...(al.emails ?? []), ...slack].join(', ') || '—',
          {
            text: al.spec?.disabled ? l10n.t('disabled') : (al.phase ?? 'UNKNOWN').toLowerCase(),
            tone: al.spec?.disabled ? 'muted' : al.phase === 'ERROR' ? 'error' : 'ok',
          } as CellView,
        ];
      }),
      empty: l10n.t('No alerts'),
    }));
    const jobs = appJobs(a).length
      ? await tolerant('jobs', l10n.t('Job runs'), async () => ({
          type: 'table',
          id: 'jobs',
          title: l10n.t('Job runs'),
          columns: [l10n.t('Job'), l10n.t('Phase'), l10n.t('Trigger'), l10n.t('Started'), l10n.t('Took')],
          rows: (await ctx.memo('jobs', 30_000, () => appJobInvocations(ctx.cache.client, a.id, undefined, ctx.signal)))
            .slice(0, 10)
            .map((r) => [
              r.job_name,
              { text: (r.phase ?? 'UNKNOWN').toLowerCase(), tone: RUN_TONES[r.phase ?? ''] ?? 'muted' } as CellView,
              (r.trigger?.type ?? 'UNKNOWN').toLowerCase(),
              when(r.started_at ?? r.created_at, ctx.now),
              took(r.started_at, r.completed_at),
            ]),
          empty: l10n.t('No runs yet'),
        }))
      : [];
    const deployments = await tolerant(
      'deployments',
      l10n.t('Recent deployments'),
      async () =>
        ({
          type: 'table',
          id: 'deployments',
          title: l10n.t('Recent deployments'),
          columns: [l10n.t('Deployment'), l10n.t('Phase'), l10n.t('Cause'), l10n.t('Progress'), l10n.t('Created')],
          // fetched again whenever the running deployment moves on (the app's copy is polled meanwhile)
          rows: (
            await ctx.memo(`deployments:${JSON.stringify([a.in_progress_deployment, a.active_deployment?.id, a.pinned_deployment?.id])}`, 30_000, () =>
              appDeployments(ctx.cache.client, a.id, ctx.signal),
            )
          ).map((d) => [
            // opens the deployment's own panel (its steps)
            { ...parts.resourceLink(d.id, ctx.target(appDeployment as never, d, [a.id])), mono: true } as CellView,
            { text: d.phase, tone: PHASE_TONES[d.phase] ?? 'busy' } as CellView,
            d.cause ?? '',
            d.progress?.total_steps
              ? `${d.progress.success_steps ?? 0}/${d.progress.total_steps} steps${d.progress.error_steps ? `, ${d.progress.error_steps} failed` : ''}`
              : '',
            when(d.created_at, ctx.now),
          ]),
          empty: l10n.t('No deployments'),
        }) as SectionView,
    );
    const charts = await tolerant('monitoring', l10n.t('Monitoring'), () => monitoring(a, ctx));
    const domains: SectionView = {
      type: 'table',
      id: 'domains',
      title: l10n.t('Domains'),
      columns: [l10n.t('Domain'), l10n.t('Type'), l10n.t('Status'), l10n.t('Certificate until')],
      rows: (a.domains ?? []).map((d) => [
        d.spec?.domain ?? d.id,
        (d.spec?.type ?? '').toLowerCase(),
        { text: (d.phase ?? 'UNKNOWN').toLowerCase(), tone: d.phase === 'ACTIVE' ? 'ok' : d.phase === 'ERROR' ? 'error' : 'busy' } as CellView,
        d.certificate_expires_at ? d.certificate_expires_at.slice(0, 10) : '',
      ]),
      empty: l10n.t('Only the default ondigitalocean.app address'),
    };
    return [overview, components, domains, ...health, ...charts, ...deployments, ...jobs, ...alerts];
  },
};
