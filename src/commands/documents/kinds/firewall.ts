/** A firewall's rules as a document. */
import * as vscode from 'vscode';
import { updateFirewall } from '../../../api';
import { firewall as firewallKind, type Firewall } from '../../../api/resources/firewall';
import { firewallPresenter } from '../../../tree/kinds/firewall';
import { type DocumentKind, listChange, type Value } from './kind';

const ruleText = (r: Value, direction: 'sources' | 'destinations') => {
  const target = (r[direction] ?? {}) as Record<string, unknown[]>;
  const who = Object.entries(target)
    .flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => `${k.replace(/_ids$|_uids$|es$|s$/, '')} ${String(x)}`) : []))
    .join(', ');
  return `${String(r.protocol)} ${String(r.ports ?? 'all')} ${direction === 'sources' ? 'from' : 'to'} ${who || 'nowhere'}`;
};

export const FIREWALL: DocumentKind<Firewall> = {
  segment: 'firewalls',
  suffix: 'firewall.yaml',
  resource: firewallKind,
  presenter: firewallPresenter,
  schema: 'firewall-rules',
  name: (f) => f.name,
  content: (f) => ({ inbound_rules: f.inbound_rules ?? [], outbound_rules: f.outbound_rules ?? [] }),
  header: (f) => `# Rules of firewall ${f.name}. Saving checks them and applies them after you confirm.`,
  summary(before, after) {
    const rules = (v: Value, key: string, dir: 'sources' | 'destinations') => ((v[key] ?? []) as Value[]).map((r) => ruleText(r, dir));
    return (
      [
        listChange(vscode.l10n.t('Inbound'), rules(before, 'inbound_rules', 'sources'), rules(after, 'inbound_rules', 'sources')),
        listChange(vscode.l10n.t('Outbound'), rules(before, 'outbound_rules', 'destinations'), rules(after, 'outbound_rules', 'destinations')),
      ]
        .filter(Boolean)
        .join('\n') || vscode.l10n.t('No rule changes.')
    );
  },
  save: (client, f, value, signal) => updateFirewall(client, f.id, { name: f.name, droplet_ids: f.droplet_ids ?? [], tags: f.tags ?? [], ...value }, signal),
};
