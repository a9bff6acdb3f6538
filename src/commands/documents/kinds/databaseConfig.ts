/**
 * A database cluster's engine configuration as a document: the settings `GET …/config` answers,
 * checked on save against the spec's schema for the engine (`<engine>_advanced_config`); the
 * settings changed are listed as before → after for confirmation and only they are sent (PATCH).
 * A setting removed from the document is not reset: the API has no way to unset one.
 */
import * as vscode from 'vscode';
import { databaseConfig, patchDatabaseConfig } from '../../../api/databaseDetails';
import { type DatabaseCluster, databaseCluster } from '../../../api/resources/database';
import { databaseClusterPresenter, engineName } from '../../../tree/kinds/database';
import type { DocumentKind, Value } from './kind';

/** A cluster with its configuration, as the document is made from it. */
type ConfiguredCluster = DatabaseCluster & { config: Value };

const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** The settings whose values differ, by key. */
export function changedSettings(before: Value, after: Value): Value {
  return Object.fromEntries(Object.entries(after).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])));
}

export const DATABASE_CONFIG: DocumentKind<ConfiguredCluster> = {
  segment: 'database_config',
  suffix: 'config.yaml',
  resource: databaseCluster as never,
  presenter: databaseClusterPresenter,
  schema: (d) => `database-config-${d.engine}`,
  async load(client, id, signal) {
    const [cluster, config] = await Promise.all([client.get<DatabaseCluster>(databaseCluster, id, { signal }), databaseConfig(client, id, signal)]);
    return { ...cluster, config };
  },
  name: (d) => d.name,
  content: (d) => d.config,
  header: (d) =>
    `# ${engineName(d.engine)} configuration of ${d.name}. Saving checks it, lists what changed and sends only that after you confirm; removing a line does not reset it.`,
  summary(before, after) {
    const changed = changedSettings(before, after);
    const removed = Object.keys(before).filter((k) => !(k in after));
    const lines = Object.entries(changed).map(([k, v]) => `${k}: ${show(before[k])} → ${show(v)}`);
    if (removed.length) lines.push(vscode.l10n.t('Left as they are (removing a line does not reset it): {0}', removed.join(', ')));
    return lines.join('\n') || vscode.l10n.t('No changes.');
  },
  async save(client, d, value, signal) {
    const changed = changedSettings(d.config, value);
    if (Object.keys(changed).length) await patchDatabaseConfig(client, d.id, changed, signal);
  },
};
