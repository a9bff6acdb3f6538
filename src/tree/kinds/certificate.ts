import { type Certificate, certificate } from '../../api/resources/certificate';
import { mdTable, relativeTime } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';
import * as l10n from '@vscode/l10n';

export const certificatePresenter: Presenter<Certificate> = {
  kind: certificate,
  placement: 'account',
  groupOrder: 160,
  icon: 'workspace-trusted',
  style(c) {
    const days = (Date.parse(c.not_after) - Date.now()) / 86_400_000;
    if (c.state !== 'verified') return { state: c.state, color: c.state === 'error' ? 'charts.red' : 'charts.yellow' };
    return { state: days < 0 ? 'expired' : days < 14 ? 'expiring' : 'valid', color: days < 14 ? 'charts.orange' : undefined };
  },
  transitional: (c) => c.state === 'pending',
  description: (c, ctx) =>
    [
      c.type === 'lets_encrypt' ? l10n.t("Let's Encrypt") : 'custom',
      `expires ${relativeTime(c.not_after, ctx.now)}`,
      c.state === 'verified' ? undefined : c.state,
    ]
      .filter(Boolean)
      .join(' · '),
  tooltip: (c, ctx) =>
    mdTable(l10n.t('Certificate {0}', c.name), [
      [l10n.t('Type'), c.type],
      [l10n.t('State'), c.state],
      [l10n.t('Expires'), `${c.not_after} (${relativeTime(c.not_after, ctx.now)})`],
      [l10n.t('Names'), c.dns_names.join(', ')],
      ['SHA-1', c.sha1_fingerprint],
    ]),
  consoleUrl: () => `${CONTROL_PANEL}/account/security`,
};
