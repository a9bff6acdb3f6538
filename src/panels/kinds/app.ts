/** The panel of an App Platform app: live URL, components, deployments and their phases. */
import { type App } from '../../api/resources/app';
import { appDeployments } from '../../api';
import type { CellView, SectionView, Tone } from '../protocol';
import { type PanelBuilder, fields, plain, tolerant, when } from './builder';
import * as l10n from '@vscode/l10n';

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
      parts.copyable('ID', a.id),
    ]);
    const componentTypes = [
      ['services', l10n.t('Service')],
      ['static_sites', l10n.t('Static site')],
      ['workers', l10n.t('Worker')],
      ['jobs', l10n.t('Job')],
      ['functions', l10n.t('Functions')],
    ] as const;
    const components: SectionView = {
      type: 'table',
      id: 'components',
      title: l10n.t('Components'),
      columns: [l10n.t('Component'), l10n.t('Type'), l10n.t('Size'), l10n.t('Instances'), l10n.t('Port')],
      rows: componentTypes.flatMap(([key, label]) =>
        (spec[key] ?? []).map((c) => [
          c.name,
          label,
          c.instance_size_slug ?? '',
          c.instance_count === undefined ? '' : String(c.instance_count),
          c.http_port === undefined ? '' : String(c.http_port),
        ]),
      ),
      empty: l10n.t('No components'),
    };
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
            { text: d.id, mono: true, copy: parts.copy(d.id) } as CellView,
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
    return [overview, components, ...deployments];
  },
};
