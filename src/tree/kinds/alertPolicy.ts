import { ALERT_TARGETS, type AlertPolicy, alertPolicy, alertPolicyText, alertTargetOf } from '../../api/resources/alertPolicy';
import { mdTable, plural } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';
import * as l10n from '@vscode/l10n';

/** What a policy watches, by its type. */
const targetOf = (p: AlertPolicy) => ALERT_TARGETS.find((t) => t.target === alertTargetOf(p.type))!;

export const alertPolicyPresenter: Presenter<AlertPolicy> = {
  kind: alertPolicy,
  placement: 'account',
  groupOrder: 185,
  icon: 'bell',
  style: (p) => ({ state: p.enabled ? 'enabled' : 'disabled', color: p.enabled ? undefined : 'disabledForeground' }),
  description: (p) =>
    [
      alertPolicyText(p),
      [p.entities.length ? plural(p.entities.length, targetOf(p).singular) : '', ...p.tags.map((t) => `tag ${t}`)].filter(Boolean).join(', '),
      p.enabled ? undefined : 'disabled',
    ]
      .filter(Boolean)
      .join(' · '),
  tooltip: (p, ctx) =>
    mdTable(l10n.t('Alert policy {0}', p.description), [
      [l10n.t('When'), alertPolicyText(p)],
      targetOf(p).target === 'droplet'
        ? [l10n.t('Droplets'), p.entities.map((id) => ctx.dropletName(Number(id)) ?? id).join(', ')]
        : [targetOf(p).plural, p.entities.join(', ')],
      [l10n.t('Tags'), p.tags.join(', ')],
      [l10n.t('Notifies'), [...p.alerts.email, ...p.alerts.slack.map((s) => l10n.t('Slack {0}', s.channel))].join(', ')],
      [l10n.t('Enabled'), p.enabled ? 'yes' : 'no'],
    ]),
  tags: (p) => p.tags,
  consoleUrl: () => `${CONTROL_PANEL}/monitoring/alerts`,
};
