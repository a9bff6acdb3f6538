import { defineKind } from './descriptor';
import * as l10n from '@vscode/l10n';

export type AppDeploymentPhase = 'UNKNOWN' | 'PENDING_BUILD' | 'BUILDING' | 'PENDING_DEPLOY' | 'DEPLOYING' | 'ACTIVE' | 'SUPERSEDED' | 'ERROR' | 'CANCELED';

export interface AppDeploymentProgress {
  success_steps?: number;
  total_steps?: number;
  error_steps?: number;
}

export interface App {
  id: string;
  spec: { name: string; region?: string; services?: { name: string }[]; static_sites?: { name: string }[] };
  default_ingress?: string;
  live_url?: string;
  region?: { slug: string; label?: string };
  tier_slug?: string;
  created_at: string;
  updated_at?: string;
  last_deployment_active_at?: string;
  active_deployment?: { id: string; phase: AppDeploymentPhase; progress?: AppDeploymentProgress };
  in_progress_deployment?: { id: string; phase: AppDeploymentPhase; progress?: AppDeploymentProgress; cause?: string };
  /** Set while a rollback is neither committed nor reverted. */
  pinned_deployment?: { id: string; cause?: string };
  /** The app's own domains and where each stands (DNS, certificate). */
  domains?: {
    id: string;
    phase?: 'UNKNOWN' | 'PENDING' | 'CONFIGURING' | 'ACTIVE' | 'ERROR';
    spec?: { domain?: string; type?: string; wildcard?: boolean; zone?: string };
    certificate_expires_at?: string;
  }[];
  project_id?: string;
}

/** An app's components by name: its services, workers, jobs and static sites, as its spec lists them. */
export function appComponents(app: App): string[] {
  const spec = app.spec as App['spec'] & { workers?: { name: string }[]; jobs?: { name: string }[] };
  return [...(spec.services ?? []), ...(spec.workers ?? []), ...(spec.jobs ?? []), ...(spec.static_sites ?? [])].map((c) => c.name);
}

/** The components that run all the time (services and workers): the ones with instances, consoles and health. */
export function appRunningComponents(app: App): string[] {
  const spec = app.spec as App['spec'] & { workers?: { name: string }[] };
  return [...(spec.services ?? []), ...(spec.workers ?? [])].map((c) => c.name);
}

/** An app's jobs: components that run to completion (before or after a deployment, or on a schedule). */
export function appJobs(app: App): string[] {
  return ((app.spec as App['spec'] & { jobs?: { name: string }[] }).jobs ?? []).map((j) => j.name);
}

export const app = defineKind<App>({
  nameProblem: (value, taken = []) => appNameProblem(value, taken),
  deletable: true,
  kind: 'app',
  heavyDelete: true,
  label: l10n.t('App'),
  pluralLabel: l10n.t('Apps'),
  path: '/v2/apps',
  collectionKey: 'apps',
  singleKey: 'app',
  idOf: (a) => a.id,
  nameOf: (a) => a.spec.name,
  urnPrefix: 'do:app:',
  paginated: true,
});

/** One step of a deployment (build, deploy, a component's part of either), with its own steps. */
export interface AppDeploymentStep {
  name?: string;
  status?: 'UNKNOWN' | 'PENDING' | 'RUNNING' | 'ERROR' | 'SUCCESS';
  component_name?: string;
  message_base?: string;
  started_at?: string;
  ended_at?: string;
  reason?: { code?: string; message?: string };
  steps?: AppDeploymentStep[];
}

/** A deployment of an app: what caused it, its phase, its steps and the commits it built. */
export interface AppDeployment {
  id: string;
  cause?: string;
  phase: AppDeploymentPhase;
  created_at: string;
  updated_at?: string;
  phase_last_updated_at?: string;
  cloned_from?: string;
  progress?: AppDeploymentProgress & { pending_steps?: number; running_steps?: number; steps?: AppDeploymentStep[] };
  services?: { name: string; source_commit_hash?: string }[];
  workers?: { name: string; source_commit_hash?: string }[];
  jobs?: { name: string; source_commit_hash?: string }[];
  static_sites?: { name: string; source_commit_hash?: string }[];
}

/** An app's deployments, newest first: the list's first page (the API's default of 20), never the whole history. */
export const appDeployment = defineKind<AppDeployment>({
  kind: 'app_deployment',
  label: l10n.t('Deployment'),
  pluralLabel: l10n.t('Deployments'),
  path: (appId) => `/v2/apps/${appId}/deployments`,
  collectionKey: 'deployments',
  singleKey: 'deployment',
  idOf: (d) => d.id,
  nameOf: (d) => d.id.slice(0, 8),
  paginated: false,
  parent: 'app',
  gettable: true,
});

/** App names: 2 to 32 lowercase letters, digits and "-", starting with a letter. */
export function appNameProblem(value: string, taken: readonly string[] = []): string | undefined {
  if (!/^[a-z][a-z0-9-]{0,30}[a-z0-9]$/.test(value)) return l10n.t('2 to 32 lowercase letters, digits and "-", starting with a letter.');
  return taken.includes(value) ? l10n.t('The account has an app named {0} already.', value) : undefined;
}
