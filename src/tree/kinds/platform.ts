import { type App, type CdnEndpoint, type Certificate, type FunctionsNamespace, type UptimeCheck, app, cdnEndpoint, certificate, functionsNamespace, uptimeCheck } from '../../api';
import { mdTable, relativeTime } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';

const DEPLOYING = new Set(['PENDING_BUILD', 'BUILDING', 'PENDING_DEPLOY', 'DEPLOYING']);

export const certificatePresenter: Presenter<Certificate> = {
  kind: certificate,
  placement: 'account',
  icon: 'workspace-trusted',
  style(c) {
    const days = (Date.parse(c.not_after) - Date.now()) / 86_400_000;
    if (c.state !== 'verified') return { state: c.state, color: c.state === 'error' ? 'charts.red' : 'charts.yellow' };
    return { state: days < 0 ? 'expired' : days < 14 ? 'expiring' : 'valid', color: days < 14 ? 'charts.orange' : undefined };
  },
  transitional: (c) => c.state === 'pending',
  description: (c, ctx) => [c.type === 'lets_encrypt' ? "Let's Encrypt" : 'custom', `expires ${relativeTime(c.not_after, ctx.now)}`, c.state === 'verified' ? undefined : c.state].filter(Boolean).join(' · '),
  tooltip: (c, ctx) =>
    mdTable(`Certificate ${c.name}`, [
      ['Type', c.type],
      ['State', c.state],
      ['Expires', `${c.not_after} (${relativeTime(c.not_after, ctx.now)})`],
      ['Names', c.dns_names.join(', ')],
      ['SHA-1', c.sha1_fingerprint],
    ]),
  consoleUrl: () => `${CONTROL_PANEL}/account/security`,
};

export const cdnEndpointPresenter: Presenter<CdnEndpoint> = {
  kind: cdnEndpoint,
  placement: 'account',
  icon: 'zap',
  label: (c) => c.custom_domain || c.endpoint,
  description: (c) => [`origin ${c.origin}`, `TTL ${c.ttl}`].join(' · '),
  tooltip: (c) => mdTable(`CDN endpoint ${c.endpoint}`, [['Origin', c.origin], ['Custom domain', c.custom_domain], ['TTL', c.ttl]]),
  consoleUrl: () => `${CONTROL_PANEL}/spaces`,
};

function appPhase(a: App): string {
  return a.in_progress_deployment?.phase ?? a.active_deployment?.phase ?? 'UNKNOWN';
}

export const appPresenter: Presenter<App> = {
  kind: app,
  placement: 'project',
  icon: 'rocket',
  style(a) {
    const phase = appPhase(a);
    if (DEPLOYING.has(phase)) return { state: 'deploying', icon: 'loading~spin', color: 'charts.yellow' };
    return { state: phase.toLowerCase(), color: phase === 'ACTIVE' ? 'charts.green' : phase === 'ERROR' ? 'charts.red' : undefined };
  },
  transitional: (a) => DEPLOYING.has(appPhase(a)),
  description: (a, ctx) => [appPhase(a).toLowerCase().replace(/_/g, ' '), a.region?.slug, a.last_deployment_active_at ? `deployed ${relativeTime(a.last_deployment_active_at, ctx.now)}` : undefined].filter(Boolean).join(' · '),
  tooltip: (a, ctx) =>
    mdTable(`App ${a.spec.name}`, [
      ['Last deployment', appPhase(a)],
      ['Live URL', a.live_url],
      ['Region', a.region?.label ?? a.region?.slug],
      ['Components', [...(a.spec.services ?? []), ...(a.spec.static_sites ?? [])].map((c) => c.name).join(', ')],
      ['Updated', relativeTime(a.updated_at, ctx.now)],
    ]),
  label: (a) => a.spec.name,
  region: (a) => a.region?.slug,
  projectId: (a) => a.project_id,
  consoleUrl: (a) => `${CONTROL_PANEL}/apps/${a.id}`,
};

export const functionsNamespacePresenter: Presenter<FunctionsNamespace> = {
  kind: functionsNamespace,
  placement: 'account',
  icon: 'symbol-function',
  description: (n) => [n.region, n.namespace].join(' · '),
  // The namespace key is a credential: not shown.
  tooltip: (n, ctx) => mdTable(`Functions namespace ${n.label}`, [['Namespace', n.namespace], ['Region', n.region], ['API host', n.api_host], ['Created', relativeTime(n.created_at, ctx.now)]]),
  region: (n) => n.region,
  consoleUrl: (n) => `${CONTROL_PANEL}/functions/${n.namespace}`,
};

export const uptimeCheckPresenter: Presenter<UptimeCheck> = {
  kind: uptimeCheck,
  placement: 'account',
  icon: 'pulse',
  style: (u) => ({ state: u.enabled ? 'enabled' : 'disabled', color: u.enabled ? undefined : 'disabledForeground' }),
  description: (u) => [u.type, u.target, u.enabled ? undefined : 'disabled'].filter(Boolean).join(' · '),
  tooltip: (u) => mdTable(`Uptime check ${u.name}`, [['Target', u.target], ['Type', u.type], ['Regions', u.regions.join(', ')], ['Enabled', u.enabled ? 'yes' : 'no']]),
  consoleUrl: (u) => `${CONTROL_PANEL}/monitors/uptime/checks/${u.id}`,
};
