import { type Domain, type DomainRecord, domain, domainRecord } from '../../api/resources/domain';
import { mdTable } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';
import * as l10n from '@vscode/l10n';

export const domainRecordPresenter: Presenter<DomainRecord> = {
  kind: domainRecord,
  placement: 'child',
  icon: 'symbol-key',
  label: (r) => `${r.type} ${r.name}`,
  description: (r) =>
    [r.priority !== null && r.priority !== undefined ? `${r.priority}` : undefined, r.data, r.port ? `port ${r.port}` : undefined, `TTL ${r.ttl}`]
      .filter(Boolean)
      .join(' · '),
  tooltip: (r) =>
    mdTable(`${r.type} record ${r.name}`, [
      [l10n.t('Data'), r.data],
      ['TTL', r.ttl],
      [l10n.t('Priority'), r.priority],
      [l10n.t('Port'), r.port],
      [l10n.t('Weight'), r.weight],
      [l10n.t('Flags'), r.flags],
      [l10n.t('Tag'), r.tag],
      ['ID', r.id],
    ]),
};

export const domainPresenter: Presenter<Domain> = {
  kind: domain,
  placement: 'project',
  groupOrder: 80,
  icon: 'link',
  description: (d) => (d.ttl ? `TTL ${d.ttl}` : ''),
  tooltip: (d) => mdTable(l10n.t('Domain {0}', d.name), [[l10n.t('Default TTL'), d.ttl]]),
  async children(d, parents, ctx) {
    const records = await ctx.list(domainRecord, [d.name]);
    return ctx.resources(domainRecordPresenter, records, [...parents, d.name]);
  },
  consoleUrl: (d) => `${CONTROL_PANEL}/networking/domains/${encodeURIComponent(d.name)}`,
};
