import { uptimeCheckState } from '../../api/operations';
import { type UptimeAlert, type UptimeCheck, type UptimeState, uptimeAlert, uptimeCheck, uptimeStateSummary } from '../../api/resources/uptimeCheck';
import { mdTable, relativeTime } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';
import * as l10n from '@vscode/l10n';

const ALERT_WORDS: Record<UptimeAlert['type'], string> = {
  down: l10n.t('down'),
  down_global: l10n.t('down everywhere'),
  latency: l10n.t('slow'),
  ssl_expiry: l10n.t('certificate expiring'),
};

/** "latency > 800 ms for 5m": the threshold only where the type has one. */
export function alertCondition(a: Pick<UptimeAlert, 'type' | 'threshold' | 'comparison' | 'period'>): string {
  const word = ALERT_WORDS[a.type] ?? String(a.type);
  const sign = a.comparison === 'less_than' ? '<' : '>';
  const threshold =
    a.type === 'latency' && a.threshold ? ` ${sign} ${a.threshold} ms` : a.type === 'ssl_expiry' && a.threshold ? ` ${sign} ${a.threshold} days` : '';
  return l10n.t('{0}{1} for {2}', word, threshold, a.period);
}

/** Where it notifies: the emails and Slack channels, never a webhook's URL (it is a secret). */
export function alertTargets(a: Pick<UptimeAlert, 'notifications'>): string {
  const emails = a.notifications?.email ?? [];
  const channels = (a.notifications?.slack ?? []).map((s) => l10n.t('Slack {0}', s.channel));
  return [...emails, ...channels].join(', ') || l10n.t('nobody');
}

export const uptimeAlertPresenter: Presenter<UptimeAlert> = {
  kind: uptimeAlert,
  placement: 'child',
  icon: 'megaphone',
  description: (a) => [alertCondition(a), alertTargets(a)].join(' · '),
  tooltip: (a) =>
    mdTable(l10n.t('Alert {0}', a.name), [
      [l10n.t('When'), alertCondition(a)],
      [l10n.t('Notifies'), alertTargets(a)],
      ['ID', a.id],
    ]),
};

const REGION_LABELS: Record<string, string> = { us_east: 'US East', us_west: 'US West', eu_west: 'EU West', se_asia: 'SE Asia' };
const regionLabel = (r: string) => REGION_LABELS[r] ?? r;

/** The state leaf of an expanded check: up/down, where it is down, the 30-day uptime and the last outage. */
export function stateLine(state: UptimeState, now: number): { label: string; detail: string; icon: string } {
  const s = uptimeStateSummary(state);
  const uptime = s.worstUptime === undefined ? undefined : l10n.t('{0}% over 30 days', s.worstUptime.toFixed(2));
  const outage = state.previous_outage?.started_at
    ? l10n.t(
        'last outage {0}{1}',
        relativeTime(state.previous_outage.started_at, now),
        state.previous_outage.region ? ` (${regionLabel(state.previous_outage.region)})` : '',
      )
    : undefined;
  const label =
    s.status === 'down'
      ? l10n.t('Down from {0}', s.down.map(regionLabel).join(', '))
      : s.status === 'up'
        ? l10n.t('Up')
        : s.status === 'checking'
          ? l10n.t('Checking')
          : l10n.t('No results yet');
  const icon = s.status === 'down' ? 'error' : s.status === 'up' ? 'pass' : 'watch';
  return { label, detail: [uptime, outage].filter(Boolean).join(' · '), icon };
}

export const uptimeCheckPresenter: Presenter<UptimeCheck> = {
  kind: uptimeCheck,
  placement: 'account',
  groupOrder: 180,
  icon: 'pulse',
  style: (u) => ({ state: u.enabled ? 'enabled' : 'disabled', color: u.enabled ? undefined : 'disabledForeground' }),
  description: (u) => [u.type, u.target, u.enabled ? undefined : 'disabled'].filter(Boolean).join(' · '),
  tooltip: (u) =>
    mdTable(l10n.t('Uptime check {0}', u.name), [
      [l10n.t('Target'), u.target],
      [l10n.t('Type'), u.type],
      [l10n.t('Regions'), u.regions.map(regionLabel).join(', ')],
      [l10n.t('Enabled'), u.enabled ? 'yes' : 'no'],
    ]),
  // expanded: its state (read then, not polled) and its alerts
  async children(u, parents, ctx) {
    const [state, alerts] = await Promise.all([
      u.enabled ? ctx.read((client) => uptimeCheckState(client, u.id)) : Promise.resolve(undefined),
      ctx.list(uptimeAlert, [u.id]),
    ]);
    const line = state ? stateLine(state, ctx.now) : { label: l10n.t('Disabled'), detail: l10n.t('not checked while disabled'), icon: 'circle-slash' };
    return [
      ctx.message('state', line.label, line.detail, line.icon),
      ...(alerts.length
        ? ctx.resources(uptimeAlertPresenter, alerts, [...parents, u.id])
        : [ctx.message('alerts', l10n.t('No alerts'), l10n.t('Add Uptime Alert on the check adds one'))]),
    ];
  },
  consoleUrl: (u) => `${CONTROL_PANEL}/monitors/uptime/checks/${u.id}`,
};
