import { type App, type AppDeployment, app, appDeployment, appJobs } from '../../api/resources/app';
import { mdTable, relativeTime } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';
import * as l10n from '@vscode/l10n';

const DEPLOYING = new Set(['PENDING_BUILD', 'BUILDING', 'PENDING_DEPLOY', 'DEPLOYING']);

/** The running deployment's phase, else the active one's; none for an app never deployed. */
function appPhase(a: App): string | undefined {
  return a.in_progress_deployment?.phase ?? a.active_deployment?.phase;
}

/** "building 2/6" while a deployment runs, else the phase; "no deployment yet" when there is none. */
function phaseWithProgress(a: App): string {
  const raw = appPhase(a);
  if (!raw) return l10n.t('no deployment yet');
  const phase = raw.toLowerCase().replace(/_/g, ' ');
  const progress = a.in_progress_deployment?.progress;
  return a.in_progress_deployment && progress?.total_steps ? `${phase} ${progress.success_steps ?? 0}/${progress.total_steps}` : phase;
}

const PHASE_STYLE: Record<string, { icon?: string; color?: string }> = {
  ACTIVE: { icon: 'pass-filled', color: 'charts.green' },
  SUPERSEDED: { icon: 'history' },
  ERROR: { icon: 'error', color: 'charts.red' },
  CANCELED: { icon: 'circle-slash' },
};

/** How long a deployment took (or has taken so far): "1m 40s". */
export function deploymentDuration(d: AppDeployment, now: number): string | undefined {
  const start = Date.parse(d.created_at);
  const end = DEPLOYING.has(d.phase) ? now : Date.parse(d.phase_last_updated_at ?? d.updated_at ?? '');
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) return undefined;
  const s = Math.round((end - start) / 1000);
  return s < 60 ? `${s}s` : s < 3600 ? `${Math.floor(s / 60)}m ${s % 60}s` : `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
}

/** "3 of 6 done, 1 failed"; undefined when the API gave no step counts. */
export function deploymentSteps(d: AppDeployment): string | undefined {
  const p = d.progress;
  if (!p?.total_steps) return undefined;
  return l10n.t('{0} of {1} done{2}', p.success_steps ?? 0, p.total_steps, p.error_steps ? l10n.t(', {0} failed', p.error_steps) : '');
}

/** The few deployments shown under an app. */
export const DEPLOYMENTS_SHOWN = 5;

export const appDeploymentPresenter: Presenter<AppDeployment> = {
  kind: appDeployment,
  placement: 'child',
  icon: 'git-commit',
  label: (d) => d.cause ?? d.id.slice(0, 8),
  style: (d) =>
    DEPLOYING.has(d.phase)
      ? { state: 'deploying', icon: 'loading~spin', color: 'charts.yellow' }
      : { state: d.phase.toLowerCase(), ...(PHASE_STYLE[d.phase] ?? {}) },
  transitional: (d) => DEPLOYING.has(d.phase),
  flags: (d) => (DEPLOYING.has(d.phase) ? ['inprogress'] : d.phase === 'SUPERSEDED' ? ['past'] : []),
  description: (d, ctx) =>
    [
      d.phase.toLowerCase().replace(/_/g, ' ') +
        (DEPLOYING.has(d.phase) && d.progress?.total_steps ? ` ${d.progress.success_steps ?? 0}/${d.progress.total_steps}` : ''),
      relativeTime(d.created_at, ctx.now),
      d.id.slice(0, 8),
    ].join(' · '),
  tooltip: (d, ctx) =>
    mdTable(l10n.t('Deployment {0}', d.id.slice(0, 8)), [
      [l10n.t('Phase'), d.phase],
      [l10n.t('Cause'), d.cause],
      [l10n.t('Steps'), deploymentSteps(d)],
      [l10n.t('Started'), relativeTime(d.created_at, ctx.now)],
      [l10n.t('Took'), deploymentDuration(d, ctx.now)],
      ['ID', d.id],
    ]),
  consoleUrl: (d, parents) => `${CONTROL_PANEL}/apps/${parents[parents.length - 1]}/deployments/${d.id}`,
};

export const appPresenter: Presenter<App> = {
  kind: app,
  quickAction: { command: 'digitalocean.app.showLogs', title: l10n.t('Show Logs'), icon: 'output' },
  placement: 'project',
  groupOrder: 30,
  icon: 'rocket',
  style(a) {
    const phase = appPhase(a);
    if (!phase) return { state: 'undeployed' };
    if (DEPLOYING.has(phase)) return { state: 'deploying', icon: 'loading~spin', color: 'charts.yellow' };
    return { state: phase.toLowerCase(), color: phase === 'ACTIVE' ? 'charts.green' : phase === 'ERROR' ? 'charts.red' : undefined };
  },
  transitional: (a) => DEPLOYING.has(appPhase(a) ?? ''),
  /** "deploying" (one can be canceled), "pinned" (a rollback to commit or revert) and "jobs" (runs to show), for menus. */
  flags: (a) => [
    ...(a.in_progress_deployment && DEPLOYING.has(a.in_progress_deployment.phase) ? ['inprogress'] : []),
    ...(a.pinned_deployment ? ['pinned'] : []),
    ...(appJobs(a).length ? ['jobs'] : []),
  ],
  description: (a, ctx) =>
    [
      phaseWithProgress(a),
      a.pinned_deployment ? l10n.t('rolled back, pinned') : undefined,
      a.region?.slug,
      a.last_deployment_active_at ? l10n.t('deployed {0}', relativeTime(a.last_deployment_active_at, ctx.now)) : undefined,
    ]
      .filter(Boolean)
      .join(' · '),
  tooltip: (a, ctx) =>
    mdTable(l10n.t('App {0}', a.spec.name), [
      [l10n.t('Last deployment'), phaseWithProgress(a)],
      [l10n.t('Last deployed'), a.last_deployment_active_at ? relativeTime(a.last_deployment_active_at, ctx.now) : undefined],
      [l10n.t('Live URL'), a.live_url],
      [l10n.t('Region'), a.region?.label ?? a.region?.slug],
      [l10n.t('Components'), [...(a.spec.services ?? []), ...(a.spec.static_sites ?? [])].map((c) => c.name).join(', ')],
      [l10n.t('Updated'), relativeTime(a.updated_at, ctx.now)],
    ]),
  label: (a) => a.spec.name,
  // the latest deployments, read whenever the app's node is drawn again (a deploy moves them on)
  async children(a, parents, ctx) {
    const under = [...parents, a.id];
    const page = await ctx.read((client) => client.listPage(appDeployment, 1, { parents: [a.id], query: { per_page: DEPLOYMENTS_SHOWN } }));
    return page.items.length
      ? ctx.resources(appDeploymentPresenter, page.items.slice(0, DEPLOYMENTS_SHOWN), under)
      : [ctx.message(`${a.id}:no-deployments`, l10n.t('No deployments yet'))];
  },
  region: (a) => a.region?.slug,
  projectId: (a) => a.project_id,
  consoleUrl: (a) => `${CONTROL_PANEL}/apps/${a.id}`,
};
