/**
 * Kafka topics: Create Topic (a wizard with Back: name, partitions, replication factor up to the
 * cluster's nodes, retention, cleanup policy, then a summary) and Edit Topic (the topic read fresh:
 * more partitions — Kafka never removes any —, retention or cleanup policy). Deleting a topic, and
 * an OpenSearch index, is the generic Delete.
 */
import * as vscode from 'vscode';
import { type DatabaseCluster, type KafkaTopic, kafkaTopic } from '../../api/resources/database';
import { databaseClusterPresenter, kafkaTopicPresenter } from '../../tree/kinds/database';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { nodeArgument, resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { numberProblem } from '../validators';
import { runWizard } from '../../ui/wizard';
import { summaryStep } from '../wizard/prompts';

const DAY_MS = 86_400_000;
const RETENTIONS = [
  { label: vscode.l10n.t('1 day'), ms: DAY_MS },
  { label: vscode.l10n.t('7 days'), ms: 7 * DAY_MS },
  { label: vscode.l10n.t('30 days'), ms: 30 * DAY_MS },
  { label: vscode.l10n.t('Forever'), ms: -1 },
];
const CLEANUP = [
  { label: 'delete', description: vscode.l10n.t('drop messages older than the retention') },
  { label: 'compact', description: vscode.l10n.t('keep the latest message of each key') },
  { label: 'compact_delete', description: vscode.l10n.t('both') },
] as const;

/** "7 days", "forever", or the milliseconds the API gave. */
export function retentionText(ms: number | undefined): string {
  if (ms === undefined) return '?';
  if (ms < 0) return vscode.l10n.t('forever');
  return ms % DAY_MS === 0 ? vscode.l10n.t('{0} day(s)', ms / DAY_MS) : vscode.l10n.t('{0} ms', ms);
}

interface TopicPlan {
  name: string;
  partitions: number;
  replicas: number;
  retentionMs: number;
  cleanup: 'delete' | 'compact' | 'compact_delete';
}

export function registerKafkaCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;
  return [
    registerCommand(deps, 'digitalocean.database.createTopic', vscode.l10n.t('Create Kafka topic'), async (arg) => {
      const node = await resourceTarget(
        deps,
        arg,
        databaseClusterPresenter,
        vscode.l10n.t('Create a topic in which Kafka cluster?'),
        (d) => (d as DatabaseCluster).engine === 'kafka',
      );
      const db = node.item as DatabaseCluster;
      if (db.engine !== 'kafka') throw new Error(vscode.l10n.t('{0} is not a Kafka cluster.', db.name));
      const cache = model.cacheFor(node.account);
      const taken = (await cache.list(kafkaTopic, [db.id])).map((t) => t.name);
      const title = vscode.l10n.t('Create topic in {0}', db.name);
      const plan = await runWizard<TopicPlan>({ name: '', partitions: 3, replicas: Math.min(3, db.num_nodes), retentionMs: 7 * DAY_MS, cleanup: 'delete' }, [
        async (p, s) => {
          p.name = await input.inputBox({
            title,
            ...s,
            prompt: vscode.l10n.t('Topic name'),
            value: p.name,
            validateInput: (v) => kafkaTopic.nameProblem?.(v, taken),
          });
        },
        async (p, s) => {
          p.partitions = Number(
            await input.inputBox({
              title,
              ...s,
              prompt: vscode.l10n.t('Partitions (3 to 2048): how many consumers of a group can read at once; they can be added later, never removed'),
              value: String(p.partitions),
              validateInput: (v) => numberProblem(v, 3, 2048, vscode.l10n.t('Partitions')),
            }),
          );
        },
        async (p, s) => {
          const factors = Array.from({ length: Math.max(0, db.num_nodes - 1) }, (_, i) => i + 2);
          p.replicas = (
            await input.quickPick(
              factors.map((n) => ({
                label: String(n),
                description: n === db.num_nodes ? vscode.l10n.t('a copy on every node') : vscode.l10n.t('copies of each partition'),
                picked: n === p.replicas,
                n,
              })),
              { title, ...s, placeHolder: vscode.l10n.t('Replication factor') },
            )
          ).n;
        },
        async (p, s) => {
          p.retentionMs = (
            await input.quickPick(
              RETENTIONS.map((r) => ({ label: r.label, picked: r.ms === p.retentionMs, ms: r.ms })),
              { title, ...s, placeHolder: vscode.l10n.t('Keep messages for') },
            )
          ).ms;
        },
        async (p, s) => {
          p.cleanup = (
            await input.quickPick(
              CLEANUP.map((c) => ({ ...c, picked: c.label === p.cleanup })),
              { title, ...s, placeHolder: vscode.l10n.t('Cleanup policy') },
            )
          ).label;
        },
        summaryStep<TopicPlan>(input, title, (p) => ({
          label: vscode.l10n.t('Create {0}', p.name),
          description: vscode.l10n.t('{0} partitions × {1} replicas · kept {2} · {3}', p.partitions, p.replicas, retentionText(p.retentionMs), p.cleanup),
        })),
      ]);
      const created = await withProgress(vscode.l10n.t('Creating topic {0}…', plan.name), (signal) =>
        cache.client.create<KafkaTopic>(
          kafkaTopic,
          {
            name: plan.name,
            partition_count: plan.partitions,
            replication_factor: plan.replicas,
            config: { retention_ms: plan.retentionMs, cleanup_policy: plan.cleanup },
          },
          { parents: [db.id], signal },
        ),
      );
      model.reloadKind(node.account, kafkaTopic.kind, false);
      log.info(`[${node.account.label}] Kafka topic ${created.name} created in ${db.name} (${plan.partitions} partitions × ${plan.replicas})`);
      void input.notify('info', vscode.l10n.t('Topic {0} is created in {1}.', created.name, db.name));
      return created;
    }),

    registerCommand(deps, 'digitalocean.database.editTopic', vscode.l10n.t('Edit Kafka topic'), async (arg) => {
      const node = nodeArgument(arg, kafkaTopicPresenter);
      const [clusterId] = node.parents.slice(-1);
      const client = model.client(node.account);
      const topic = await withProgress(vscode.l10n.t('Reading topic {0}…', node.name), (signal) =>
        client.get<KafkaTopic>(kafkaTopic, node.resourceId, { parents: [clusterId], signal }),
      );
      const title = vscode.l10n.t('Edit topic {0}', topic.name);
      const current = {
        partitions: topic.partition_count ?? topic.partitions?.length ?? 0,
        retention: topic.config?.retention_ms,
        cleanup: topic.config?.cleanup_policy,
      };
      const what = (
        await input.quickPick(
          [
            { label: vscode.l10n.t('Partitions'), description: String(current.partitions), what: 'partitions' as const },
            { label: vscode.l10n.t('Retention'), description: retentionText(current.retention), what: 'retention' as const },
            { label: vscode.l10n.t('Cleanup policy'), description: current.cleanup ?? '?', what: 'cleanup' as const },
          ],
          { title, placeHolder: vscode.l10n.t('What to change') },
        )
      ).what;
      const body: { partition_count?: number; config?: Record<string, unknown> } = {};
      let change: string;
      if (what === 'partitions') {
        const next = Number(
          await input.inputBox({
            title,
            prompt: vscode.l10n.t('Partitions: more than {0} (Kafka never removes partitions; keys may map to other partitions after)', current.partitions),
            value: String(current.partitions + 1),
            validateInput: (v) =>
              numberProblem(v, current.partitions + 1, 2048, vscode.l10n.t('Partitions')) ??
              (Number(v) <= current.partitions ? vscode.l10n.t('More than {0}.', current.partitions) : undefined),
          }),
        );
        body.partition_count = next;
        change = `partitions ${current.partitions} → ${next}`;
      } else if (what === 'retention') {
        const picked = await input.quickPick(
          RETENTIONS.map((r) => ({ label: r.label, description: r.ms === current.retention ? vscode.l10n.t('current') : undefined, ms: r.ms })),
          { title, placeHolder: vscode.l10n.t('Keep messages for') },
        );
        body.config = { retention_ms: picked.ms };
        change = `retention ${retentionText(current.retention)} → ${retentionText(picked.ms)}`;
      } else {
        const picked = await input.quickPick(
          CLEANUP.map((c) => ({ ...c, description: c.label === current.cleanup ? vscode.l10n.t('current') : c.description })),
          { title, placeHolder: vscode.l10n.t('Cleanup policy') },
        );
        body.config = { cleanup_policy: picked.label };
        change = `cleanup policy ${current.cleanup ?? '?'} → ${picked.label}`;
      }
      await withProgress(vscode.l10n.t('Changing topic {0}…', topic.name), (signal) =>
        client.update<KafkaTopic>(kafkaTopic, topic.name, body, { parents: [clusterId], signal }),
      );
      model.reloadKind(node.account, kafkaTopic.kind, false);
      log.info(`[${node.account.label}] Kafka topic ${topic.name}: ${change}`);
      void input.notify('info', vscode.l10n.t('Topic {0}: {1}.', topic.name, change));
    }),
  ];
}
