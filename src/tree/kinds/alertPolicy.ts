import { type AlertPolicy, alertPolicy, alertPolicyText } from '../../api/resources/alertPolicy';
import { mdTable, plural } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';
import * as l10n from '@vscode/l10n';

export const alertPolicyPresenter: Presenter<AlertPolicy> = {
  kind: alertPolicy,
  placement: 'account',
  groupOrder: 185,
  icon: 'bell',
  style: (p) => ({ state: p.enabled ? 'enabled' : 'disabled', color: p.enabled ? undefined : 'disabledForeground' }),
  description: (p) =>
    [
      alertPolicyText(p),
      [p.entities.length ? plural(p.entities.length, 'droplet') : '', ...p.tags.map((t) => `tag ${t}`)].filter(Boolean).join(', '),
      p.enabled ? undefined : 'disabled',
    ]
      .filter(Boolean)
      .join(' · '),
  tooltip: (p, ctx) =>
    mdTable(l10n.t('Alert policy {0}', p.description), [
      [l10n.t('When'), alertPolicyText(p)],
      [l10n.t('Droplets'), p.entities.map((id) => ctx.dropletName(Number(id)) ?? id).join(', ')],
      [l10n.t('Tags'), p.tags.join(', ')],
      [l10n.t('Notifies'), [...p.alerts.email, ...p.alerts.slack.map((s) => l10n.t('Slack {0}', s.channel))].join(', ')],
      [l10n.t('Enabled'), p.enabled ? 'yes' : 'no'],
    ]),
  tags: (p) => p.tags,
  consoleUrl: () => `${CONTROL_PANEL}/monitoring/alerts`,
};
