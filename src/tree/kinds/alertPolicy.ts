import { type AlertPolicy, alertPolicy, alertPolicyText } from '../../api/resources/alertPolicy';
import { mdTable, plural } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';

export const alertPolicyPresenter: Presenter<AlertPolicy> = {
  kind: alertPolicy,
  placement: 'account',
  groupOrder: 185,
  icon: 'bell',
  style: (p) => ({ state: p.enabled ? 'enabled' : 'disabled', color: p.enabled ? undefined : 'disabledForeground' }),
  description: (p) => [alertPolicyText(p), [p.entities.length ? plural(p.entities.length, 'droplet') : '', ...p.tags.map((t) => `tag ${t}`)].filter(Boolean).join(', '), p.enabled ? undefined : 'disabled'].filter(Boolean).join(' · '),
  tooltip: (p, ctx) =>
    mdTable(`Alert policy ${p.description}`, [
      ['When', alertPolicyText(p)],
      ['Droplets', p.entities.map((id) => ctx.dropletName(Number(id)) ?? id).join(', ')],
      ['Tags', p.tags.join(', ')],
      ['Notifies', [...p.alerts.email, ...p.alerts.slack.map((s) => `Slack ${s.channel}`)].join(', ')],
      ['Enabled', p.enabled ? 'yes' : 'no'],
    ]),
  tags: (p) => p.tags,
  consoleUrl: () => `${CONTROL_PANEL}/monitoring/alerts`,
};
