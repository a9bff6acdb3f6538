import { type App, app } from '../../api/resources/app';
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
  /** "deploying" (one can be canceled) and "pinned" (a rollback to commit or revert), for menus. */
  flags: (a) => [
    ...(a.in_progress_deployment && DEPLOYING.has(a.in_progress_deployment.phase) ? ['inprogress'] : []),
    ...(a.pinned_deployment ? ['pinned'] : []),
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
  region: (a) => a.region?.slug,
  projectId: (a) => a.project_id,
  consoleUrl: (a) => `${CONTROL_PANEL}/apps/${a.id}`,
};
