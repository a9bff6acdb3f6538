/** DNS records: add (type-aware prompts), edit, delete. */
import * as vscode from 'vscode';
import { type Domain, type DomainRecord, domainRecord as recordKind } from '../../api/resources/domain';
import { domainPresenter, domainRecordPresenter } from '../../tree/kinds/domain';
import { ResourceNode } from '../../tree/nodes/resourceNode';
import { type EditableRecordType, RECORD_TYPES, numberProblem, recordDataProblem, recordNameProblem } from '../validators';
import { nodeArgument, resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';

const HINTS: Record<EditableRecordType, string> = {
  A: vscode.l10n.t('IPv4 address, e.g. 203.0.113.10'),
  AAAA: vscode.l10n.t('IPv6 address, e.g. 2001:db8::10'),
  CNAME: vscode.l10n.t('host name this name is an alias of, e.g. www.example.com. ("@" for the domain)'),
  MX: vscode.l10n.t('mail server host name, e.g. mx1.example.com.'),
  TXT: 'text, e.g. v=spf1 include:_spf.example.com ~all',
  NS: vscode.l10n.t('name server host name, e.g. ns1.digitalocean.com.'),
  SRV: vscode.l10n.t('target host name, e.g. sip.example.com.'),
  CAA: vscode.l10n.t('issuer domain, e.g. letsencrypt.org'),
};

export function registerDomainCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;

  const ask = (title: string, prompt: string, validate: (v: string) => string | undefined, value?: string) =>
    input.inputBox({ title, prompt, value, validateInput: validate });
  const number = async (title: string, what: string, min: number, max: number, value: string) =>
    Number(await ask(title, `${what} (${min}–${max})`, (v) => numberProblem(v, min, max, what), value));

  /** Reloads the domain's records wherever the domain is shown. */
  const reloadRecords = (node: ResourceNode) => {
    model.reloadKind(node.account, recordKind.kind, false);
  };

  return [
    registerCommand(deps, 'digitalocean.domain.addRecord', vscode.l10n.t('Add DNS record'), async (arg) => {
      const node = await resourceTarget(deps, arg, domainPresenter, vscode.l10n.t('Add a DNS record'));
      const domain = node.item as Domain;
      const title = vscode.l10n.t('New record in {0}', domain.name);
      const type = (
        await input.quickPick(
          RECORD_TYPES.map((t) => ({ label: t, description: HINTS[t] })),
          { title },
        )
      ).label as EditableRecordType;
      const name = (
        await ask(
          `${title}: ${type} name`,
          vscode.l10n.t('Name within {0} ("@" for {1} itself, "_sip._tcp" for SRV)', domain.name, domain.name),
          recordNameProblem,
          type === 'SRV' ? '_service._tcp' : '@',
        )
      ).trim();
      const data = (await ask(`${title}: ${type} value`, HINTS[type], (v) => recordDataProblem(type, v))).trim();
      const body: Record<string, unknown> = { type, name, data };
      if (type === 'MX' || type === 'SRV') body.priority = await number(`${title}: priority`, vscode.l10n.t('Priority'), 0, 65535, '10');
      if (type === 'SRV') {
        body.port = await number(`${title}: port`, vscode.l10n.t('Port'), 1, 65535, '443');
        body.weight = await number(`${title}: weight`, vscode.l10n.t('Weight'), 0, 65535, '5');
      }
      if (type === 'CAA') {
        body.tag = (
          await input.quickPick([{ label: 'issue' }, { label: 'issuewild' }, { label: 'iodef' }], { title: vscode.l10n.t('{0}: CAA tag', title) })
        ).label;
        body.flags = await number(`${title}: flags`, vscode.l10n.t('Flags'), 0, 255, '0');
      }
      body.ttl = await number(`${title}: TTL`, vscode.l10n.t('TTL in seconds'), 30, 86400, String(domain.ttl ?? 1800));
      const created = await withProgress(vscode.l10n.t('Adding {0} {1}…', type, name), (signal) =>
        model.cacheFor(node.account).client.create(recordKind, body, { parents: [domain.name], signal }),
      );
      log.info(`[${node.account.label}] ${type} record ${name} → ${data} added to ${domain.name}`);
      reloadRecords(node);
      return created.id;
    }),

    registerCommand(deps, 'digitalocean.domain.editRecord', vscode.l10n.t('Edit DNS record'), async (arg) => {
      const node = nodeArgument(arg, domainRecordPresenter);
      const record = node.item as DomainRecord;
      const domainName = node.parents[0];
      if (!(RECORD_TYPES as readonly string[]).includes(record.type)) throw new Error(vscode.l10n.t('{0} records are managed by DigitalOcean.', record.type));
      const type = record.type as EditableRecordType;
      const title = vscode.l10n.t('Edit {0} {1} in {2}', type, record.name, domainName);
      const data = (await ask(title, HINTS[type], (v) => recordDataProblem(type, v), record.data)).trim();
      const ttl = await number(title, vscode.l10n.t('TTL in seconds'), 30, 86400, String(record.ttl));
      await withProgress(vscode.l10n.t('Updating {0} {1}…', type, record.name), (signal) =>
        model.cacheFor(node.account).client.update(recordKind, String(record.id), { type, data, ttl }, { parents: [domainName], signal }),
      );
      log.info(`[${node.account.label}] ${type} record ${record.name} in ${domainName} now → ${data}`);
      reloadRecords(node);
    }),

    registerCommand(deps, 'digitalocean.domain.deleteRecord', vscode.l10n.t('Delete DNS record'), async (arg) => {
      const node = nodeArgument(arg, domainRecordPresenter);
      const record = node.item as DomainRecord;
      const domainName = node.parents[0];
      await input.confirm(
        vscode.l10n.t('Delete the {0} record {1} → {2}?', record.type, record.name, record.data),
        vscode.l10n.t(
          'Lookups of {0} stop returning it once caches expire (TTL {1} s).',
          record.name === '@' ? domainName : `${record.name}.${domainName}`,
          record.ttl,
        ),
        vscode.l10n.t('Delete'),
      );
      await withProgress(vscode.l10n.t('Deleting {0} {1}…', record.type, record.name), (signal) =>
        model.cacheFor(node.account).client.remove(recordKind, String(record.id), { parents: [domainName], signal }),
      );
      log.info(`[${node.account.label}] ${record.type} record ${record.name} deleted from ${domainName}`);
      reloadRecords(node);
    }),
  ];
}
