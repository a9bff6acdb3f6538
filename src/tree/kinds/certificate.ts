import { type Certificate, certificate } from '../../api/resources/certificate';
import { mdTable, relativeTime } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';

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
