/**
 * Read-only replicas of PostgreSQL and MySQL clusters: Add Read Replica (a wizard with Back:
 * region, size — at least the primary's storage — and name, then a summary; the replica is waited
 * for until it is online) and Promote to Cluster (confirmed: the replica stops following its
 * primary and becomes a writable cluster of its own). Deleting one is the generic Delete.
 */
import * as vscode from 'vscode';
import { databaseOptions, waitForReady } from '../../api';
import { promoteReplica } from '../../api/databaseDetails';
import { type DatabaseCluster, type DatabaseReplica, databaseCluster, databaseReplica, supportsReplicas } from '../../api/resources/database';
import { databaseClusterPresenter, databaseReplicaPresenter, dbSizeLabel, dbSizeMemory, engineName } from '../../tree/kinds/database';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { nodeArgument, resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { nameStep, regionStep, sizeStep, summaryStep } from '../wizard/prompts';
import { create, notify, runCreateWizard, waitUntilReady } from '../wizard/create';

interface Plan {
  region: string;
  size: string;
  name: string;
}

export function registerDatabaseReplicaCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;
  return [
    registerCommand(deps, 'digitalocean.database.addReplica', vscode.l10n.t('Add read replica'), async (arg) => {
      const node = await resourceTarget(deps, arg, databaseClusterPresenter, vscode.l10n.t('Add a read replica to which cluster?'), (d) =>
        supportsReplicas((d as DatabaseCluster).engine),
      );
      const db = node.item as DatabaseCluster;
      if (!supportsReplicas(db.engine)) throw new Error(vscode.l10n.t('{0} clusters have no read replicas (PostgreSQL and MySQL do).', engineName(db.engine)));
      if (db.status !== 'online') throw new Error(vscode.l10n.t('{0} is {1}: a replica can be added once it is online.', db.name, db.status));
      const cache = model.cacheFor(node.account);
      const [options, clusters, replicas] = await withProgress(vscode.l10n.t('Loading regions and sizes for a replica of {0}…', db.name), (signal) =>
        Promise.all([databaseOptions(cache.client, signal), cache.list(databaseCluster), cache.list(databaseReplica, [db.id])]),
      );
      const offered = options[db.engine];
      if (!offered) throw new Error(vscode.l10n.t('DigitalOcean offers no {0} plans to this account now.', engineName(db.engine)));
      // a replica is one node; it needs a size at least as large as the primary's
      const sizes = [...new Set(offered.layouts.flatMap((l) => l.sizes))]
        .filter((s) => dbSizeMemory(s) >= dbSizeMemory(db.size))
        .sort((a, b) => dbSizeMemory(a) - dbSizeMemory(b));
      const taken = [...clusters.map((c) => c.name), ...replicas.map((r) => r.name)];
      const title = vscode.l10n.t('Add read replica to {0}', db.name);
      const suggest = (p: Plan) => {
        let name = `${db.name}-read-${p.region}`;
        for (let n = 2; taken.includes(name); n++) name = `${db.name}-read-${p.region}-${n}`;
        return name.slice(0, 63).replace(/-+$/, '');
      };

      return runCreateWizard<Plan, DatabaseReplica>(deps, {
        title,
        account: node.account,
        kind: databaseReplica,
        plan: { region: db.region, size: db.size, name: '' },
        prompts: [
          regionStep<Plan>(
            input,
            title,
            () => offered.regions.map((slug) => ({ slug, name: slug === db.region ? vscode.l10n.t("the primary's region") : undefined })),
            () => vscode.l10n.t('Region of the replica (another region keeps reads near its users)'),
          ),
          sizeStep<Plan>(
            input,
            title,
            () =>
              sizes.map((slug) => ({
                slug,
                description: [dbSizeLabel(slug), slug === db.size ? vscode.l10n.t("the primary's size") : undefined].filter(Boolean).join(' · '),
              })),
            () => vscode.l10n.t('Size of the replica (at least the primary’s {0}; billed as one node of that size)', db.size),
          ),
          nameStep<Plan>(input, title, { kind: databaseReplica, taken, prompt: vscode.l10n.t('Replica name'), suggest }),
          summaryStep<Plan>(input, title, (p) => ({
            label: vscode.l10n.t('Add {0}', p.name),
            description: `${engineName(db.engine)} ${db.version} · ${p.region} · ${p.size}`,
            detail: [
              vscode.l10n.t('read-only, following {0}', db.name),
              dbSizeLabel(p.size),
              vscode.l10n.t('billed hourly as a node of this size; see the price in the control panel (the API gives none)'),
            ].join(' · '),
          })),
        ],
        execute: [
          create({
            detail: (p) => `${p.size}, ${p.region}, of ${db.name}`,
            send: ({ plan }, signal) =>
              cache.client.create<DatabaseReplica>(databaseReplica, { name: plan.name, region: plan.region, size: plan.size }, { parents: [db.id], signal }),
          }),
          waitUntilReady({
            progress: (c) => vscode.l10n.t('Adding read replica {0}: copying {1} (usually a few minutes)…', c.name, db.name),
            wait: (c, signal) =>
              waitForReady(
                (s) => cache.client.get<DatabaseReplica>(databaseReplica, c.plan.name, { parents: [db.id], signal: s }),
                (r) => (r.status === 'online' ? 'ready' : 'pending'),
                { signal, what: vscode.l10n.t('The read replica {0}', c.plan.name) },
              ),
          }),
          notify((c) =>
            c.ready
              ? { message: vscode.l10n.t('{0} is online: a read-only copy of {1} at {2}.', c.name, db.name, c.ready.connection?.host ?? c.ready.region ?? '') }
              : undefined,
          ),
        ],
      });
    }),

    registerCommand(deps, 'digitalocean.database.promoteReplica', vscode.l10n.t('Promote read replica'), async (arg) => {
      const node = nodeArgument(arg, databaseReplicaPresenter);
      const [clusterId] = node.parents.slice(-1);
      const replica = node.item as DatabaseReplica;
      const primary = (await model.cacheFor(node.account).list(databaseCluster)).find((c) => c.id === clusterId);
      if (replica.status && replica.status !== 'online')
        throw new Error(vscode.l10n.t('{0} is {1}: it can be promoted once it is online.', replica.name, replica.status));
      await input.confirm(
        vscode.l10n.t('Promote {0} to a cluster of its own?', replica.name),
        vscode.l10n.t(
          'It stops following {0} and becomes writable; writes to {0} no longer reach it. This cannot be undone: it cannot follow {0} again.',
          primary?.name ?? clusterId,
        ),
        vscode.l10n.t('Promote'),
      );
      await withProgress(vscode.l10n.t('Promoting {0}…', replica.name), (signal) =>
        promoteReplica(model.client(node.account), clusterId, replica.name, signal),
      );
      model.reloadKind(node.account, databaseReplica.kind);
      model.reloadKind(node.account, databaseCluster.kind, true);
      log.info(`[${node.account.label}] Promote read replica ${replica.name} of ${primary?.name ?? clusterId}: done`);
      void input.notify('info', vscode.l10n.t('{0} is a cluster of its own now.', replica.name));
    }),
  ];
}
