/**
 * A database cluster's backups and storage: Restore from Backup (a wizard with Back: which backup,
 * newest first, or the newest the API has; the new cluster's name and size; a summary — the new
 * cluster is created from the backup and waited for until online; the original is not touched)
 * and Storage Autoscale (on with a threshold and an increment, or off).
 */
import * as vscode from 'vscode';
import { databaseOptions } from '../../api';
import { autoscaleProblem, databaseBackups, setStorageAutoscale, storageAutoscale } from '../../api/databaseDetails';
import { type DatabaseCluster, databaseCluster } from '../../api/resources/database';
import { relativeTime } from '../../tree/format';
import { databaseClusterPresenter, dbSizeLabel, dbSizeMemory, engineName } from '../../tree/kinds/database';
import { NO_EXTRA_STORAGE } from '../../model/createPlans';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { numberProblem } from '../validators';
import { nameStep, sizeStep, summaryStep } from '../wizard/prompts';
import { create, reveal, runCreateWizard, waitUntilReady } from '../wizard/create';

interface RestorePlan {
  /** The backup's time; undefined: the newest the API has when it restores. */
  backup?: string;
  name: string;
  size: string;
}

export function registerDatabaseBackupCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;
  return [
    registerCommand(deps, 'digitalocean.database.restoreBackup', vscode.l10n.t('Restore database from backup'), async (arg) => {
      const node = await resourceTarget(deps, arg, databaseClusterPresenter, vscode.l10n.t('Restore a backup of which cluster?'));
      const db = node.item as DatabaseCluster;
      const cache = model.cacheFor(node.account);
      const [backups, options, clusters] = await withProgress(vscode.l10n.t('Listing the backups of {0}…', db.name), (signal) =>
        Promise.all([databaseBackups(cache.client, db.id, signal), databaseOptions(cache.client, signal), cache.list(databaseCluster)]),
      );
      if (!backups.backups.length) throw new Error(vscode.l10n.t('{0} has no backups yet: the first is taken within a day of its creation.', db.name));
      const layout = options[db.engine]?.layouts.find((l) => l.num_nodes === db.num_nodes);
      // the restored cluster holds the same data: sizes with less storage than the original are left out
      const sizes = (layout?.sizes ?? [db.size]).filter((s) => dbSizeMemory(s) >= dbSizeMemory(db.size)).sort((a, b) => dbSizeMemory(a) - dbSizeMemory(b));
      const taken = clusters.map((c) => c.name);
      const title = vscode.l10n.t('Restore {0} from a backup', db.name);
      const suggest = () => {
        let name = `${db.name}-restored`;
        for (let n = 2; taken.includes(name); n++) name = `${db.name}-restored-${n}`;
        return name.slice(0, 63);
      };

      return runCreateWizard<RestorePlan, DatabaseCluster>(deps, {
        title,
        account: node.account,
        kind: databaseCluster,
        plan: { name: '', size: db.size },
        prompts: [
          async (p, s) => {
            const picked = await input.quickPick(
              [
                {
                  label: vscode.l10n.t('Newest backup'),
                  description: vscode.l10n.t('the newest when the restore starts'),
                  picked: p.backup === undefined,
                  at: undefined,
                },
                ...backups.backups.map((b) => ({
                  label: relativeTime(b.created_at),
                  description: [b.created_at, `${b.size_gigabytes} GB`, b.incremental ? vscode.l10n.t('incremental') : undefined].filter(Boolean).join(' · '),
                  picked: p.backup === b.created_at,
                  at: b.created_at as string | undefined,
                })),
              ],
              { title, ...s, placeHolder: vscode.l10n.t('Which backup (the original cluster is not changed)') },
            );
            p.backup = picked.at;
          },
          nameStep<RestorePlan>(input, title, { kind: databaseCluster, taken, prompt: vscode.l10n.t('Name of the new cluster'), suggest }),
          sizeStep<RestorePlan>(
            input,
            title,
            () =>
              sizes.map((slug) => ({
                slug,
                description: [dbSizeLabel(slug), slug === db.size ? vscode.l10n.t("the original's size") : undefined].filter(Boolean).join(' · '),
              })),
            () => vscode.l10n.t('Size of each of its {0} node(s)', db.num_nodes),
          ),
          summaryStep<RestorePlan>(input, title, (p) => ({
            label: vscode.l10n.t('Restore into {0}', p.name),
            description: `${engineName(db.engine)} ${db.version} · ${db.region} · ${p.size} × ${db.num_nodes}`,
            detail: [
              p.backup ? vscode.l10n.t('from the backup of {0}', p.backup) : vscode.l10n.t('from the newest backup'),
              vscode.l10n.t('a new cluster, billed hourly; {0} stays as it is', db.name),
            ].join(' · '),
          })),
        ],
        execute: [
          create({
            detail: (p) => `from ${db.name} ${p.backup ?? 'newest'} backup, ${p.size}`,
            send: ({ plan }, signal) =>
              cache.client.create<DatabaseCluster>(
                databaseCluster,
                {
                  name: plan.name,
                  engine: db.engine,
                  version: db.version,
                  region: db.region,
                  num_nodes: db.num_nodes,
                  size: plan.size,
                  // the original's storage on its own size; a larger size brings its own (the API refuses less)
                  ...(db.storage_size_mib && plan.size === db.size ? { storage_size_mib: db.storage_size_mib } : {}),
                  ...(db.private_network_uuid ? { private_network_uuid: db.private_network_uuid } : {}),
                  tags: db.tags ?? [],
                  backup_restore: { database_name: db.name, ...(plan.backup ? { backup_created_at: plan.backup } : {}) },
                },
                { signal },
              ),
          }),
          reveal('created'),
          waitUntilReady({
            progress: (c) => vscode.l10n.t('Restoring {0} into {1}: copying the backup…', db.name, c.name),
            state: (d) => (d.status === 'online' ? 'ready' : 'pending'),
          }),
          reveal('ready'),
        ],
      });
    }),

    registerCommand(deps, 'digitalocean.database.storageAutoscale', vscode.l10n.t('Storage autoscale'), async (arg) => {
      const node = await resourceTarget(deps, arg, databaseClusterPresenter, vscode.l10n.t('Set storage autoscale of which cluster?'));
      const db = node.item as DatabaseCluster;
      if (NO_EXTRA_STORAGE.has(db.engine))
        throw new Error(vscode.l10n.t('{0} clusters keep their data in memory: their storage does not grow.', engineName(db.engine)));
      const client = model.client(node.account);
      const current = await withProgress(vscode.l10n.t('Reading the storage autoscale of {0}…', db.name), (signal) => storageAutoscale(client, db.id, signal));
      const title = vscode.l10n.t('Storage autoscale of {0}', db.name);
      const on = (
        await input.quickPick(
          [
            {
              label: vscode.l10n.t('On'),
              description: current.enabled
                ? vscode.l10n.t('now: at {0}% full, add {1} GiB', current.threshold_percent ?? '?', current.increment_gib ?? '?')
                : undefined,
              picked: current.enabled,
              on: true,
            },
            { label: vscode.l10n.t('Off'), description: current.enabled ? undefined : vscode.l10n.t('now'), picked: !current.enabled, on: false },
          ],
          { title, placeHolder: vscode.l10n.t('Grow the disk by itself when it fills up (storage is billed per GiB; it never shrinks)') },
        )
      ).on;
      let next = { enabled: false } as { enabled: boolean; threshold_percent?: number; increment_gib?: number };
      if (on) {
        const threshold = Number(
          await input.inputBox({
            title,
            prompt: vscode.l10n.t('Grow when the disk is this full (percent, 15 to 95)'),
            value: String(current.threshold_percent ?? 80),
            validateInput: (v) => numberProblem(v, 15, 95, vscode.l10n.t('Threshold')),
          }),
        );
        const increment = Number(
          await input.inputBox({
            title,
            prompt: vscode.l10n.t('Add this much each time (GiB, 10 to 500)'),
            value: String(current.increment_gib ?? 10),
            validateInput: (v) => numberProblem(v, 10, 500, vscode.l10n.t('Increment')),
          }),
        );
        next = { enabled: true, threshold_percent: threshold, increment_gib: increment };
      } else if (!current.enabled) {
        void input.notify('info', vscode.l10n.t('Storage autoscale of {0} is off already.', db.name));
        return;
      }
      const problem = autoscaleProblem(next);
      if (problem) throw new Error(problem);
      await withProgress(vscode.l10n.t('Setting the storage autoscale of {0}…', db.name), (signal) => setStorageAutoscale(client, db.id, next, signal));
      log.info(
        `[${node.account.label}] Storage autoscale of ${db.name}: ${next.enabled ? `on at ${next.threshold_percent}%, +${next.increment_gib} GiB` : 'off'}`,
      );
      void input.notify(
        'info',
        next.enabled
          ? vscode.l10n.t('{0} grows by {1} GiB when its disk is {2}% full.', db.name, next.increment_gib!, next.threshold_percent!)
          : vscode.l10n.t('Storage autoscale of {0} is off.', db.name),
      );
    }),
  ];
}
