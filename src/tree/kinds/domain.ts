import { type Domain, type DomainRecord, domain, domainRecord } from '../../api/resources/domain';
import { mdTable } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';

export const domainRecordPresenter: Presenter<DomainRecord> = {
  kind: domainRecord,
  placement: 'child',
  icon: 'symbol-key',
  label: (r) => `${r.type} ${r.name}`,
  description: (r) => [r.priority !== null && r.priority !== undefined ? `${r.priority}` : undefined, r.data, r.port ? `port ${r.port}` : undefined, `TTL ${r.ttl}`].filter(Boolean).join(' · '),
  tooltip: (r) =>
    mdTable(`${r.type} record ${r.name}`, [
      ['Data', r.data],
      ['TTL', r.ttl],
      ['Priority', r.priority],
      ['Port', r.port],
      ['Weight', r.weight],
      ['Flags', r.flags],
      ['Tag', r.tag],
      ['ID', r.id],
    ]),
};

export const domainPresenter: Presenter<Domain> = {
  kind: domain,
  placement: 'project',
  groupOrder: 80,
  icon: 'link',
  description: (d) => (d.ttl ? `TTL ${d.ttl}` : ''),
  tooltip: (d) => mdTable(`Domain ${d.name}`, [['Default TTL', d.ttl]]),
  async children(d, parents, ctx) {
    const records = await ctx.list(domainRecord, [d.name]);
    return ctx.resources(domainRecordPresenter, records, [...parents, d.name]);
  },
  consoleUrl: (d) => `${CONTROL_PANEL}/networking/domains/${encodeURIComponent(d.name)}`,
};
