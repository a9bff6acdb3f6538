/**
 * Log sinks: where a cluster forwards its logs. Add Log Sink (a wizard with Back: name, type —
 * a syslog server, Elasticsearch, OpenSearch or Datadog —, the type's settings, each checked,
 * then a summary) and Edit Log Sink (read fresh; its config sent whole, as the API replaces it).
 * A URL's password and Datadog's API key are typed in a password box and never shown or logged.
 * Deleting one is the generic Delete.
 */
import * as vscode from 'vscode';
import { databaseLogSink as readLogSink, updateLogSink } from '../../api/databaseDetails';
import { type DatabaseCluster, type DatabaseLogSink, databaseLogSink, logSinkDestination, supportsLogSinks } from '../../api/resources/database';
import { databaseClusterPresenter, databaseLogSinkPresenter, engineName } from '../../tree/kinds/database';
import { withProgress } from '../../ui/progress';
import type { UserInput } from '../../ui/userInput';
import { runWizard, type WizardStep } from '../../ui/wizard';
import type { CommandDeps } from '../deps';
import { nodeArgument, resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { numberProblem } from '../validators';
import { summaryStep } from '../wizard/prompts';

type SinkType = DatabaseLogSink['sink_type'];
type Config = DatabaseLogSink['config'];

const TYPES: { type: SinkType; label: string; description: string }[] = [
  { type: 'rsyslog', label: 'rsyslog', description: vscode.l10n.t('a syslog server (host and port, TLS)') },
  { type: 'opensearch', label: 'OpenSearch', description: vscode.l10n.t('an OpenSearch cluster by URL') },
  { type: 'elasticsearch', label: 'Elasticsearch', description: vscode.l10n.t('an Elasticsearch cluster by URL') },
  { type: 'datadog', label: 'Datadog', description: vscode.l10n.t('Datadog by site and API key') },
];

/** Why a host name or address is refused: no scheme, port, path or spaces. */
function hostProblem(value: string): string | undefined {
  return /^[A-Za-z0-9.-]+$/.test(value.trim()) || /^\[?[0-9A-Fa-f:]+\]?$/.test(value.trim())
    ? undefined
    : vscode.l10n.t('A host name or IP address, without a scheme, port or path.');
}

/** Why a search URL is refused: https, a host, no spaces (credentials may be in it). */
function urlProblem(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' && url.hostname && !/\s/.test(value.trim()) ? undefined : vscode.l10n.t('An https:// URL.');
  } catch {
    return vscode.l10n.t('An https:// URL.');
  }
}

/**
 * The prompts for one type's settings, starting from the config they are given (an edit's current
 * values); the URL and the API key only when `askSecret` says so (an edit keeps them unless asked).
 */
function configSteps(input: UserInput, title: string, type: () => SinkType, askSecret: () => boolean = () => true): WizardStep<Config>[] {
  const when =
    (types: SinkType[], step: WizardStep<Config>, secret = false): WizardStep<Config> =>
    (c, s) =>
      types.includes(type()) && (!secret || askSecret()) ? step(c, s) : Promise.resolve('skipped' as const);
  return [
    when(['rsyslog'], async (c, s) => {
      c.server = (
        await input.inputBox({
          title,
          ...s,
          prompt: vscode.l10n.t('Syslog server (host name or IP address)'),
          value: c.server ?? '',
          validateInput: hostProblem,
        })
      ).trim();
    }),
    when(['rsyslog'], async (c, s) => {
      c.port = Number(
        await input.inputBox({
          title,
          ...s,
          prompt: vscode.l10n.t('Port'),
          value: String(c.port ?? 514),
          validateInput: (v) => numberProblem(v, 1, 65535, vscode.l10n.t('Port')),
        }),
      );
    }),
    when(['rsyslog'], async (c, s) => {
      c.tls = (
        await input.quickPick(
          [
            { label: vscode.l10n.t('TLS'), description: vscode.l10n.t('encrypted (the server must offer TLS)'), picked: c.tls !== false, tls: true },
            { label: vscode.l10n.t('Plain'), description: vscode.l10n.t('unencrypted: logs cross the network readable'), picked: c.tls === false, tls: false },
          ],
          { title, ...s, placeHolder: vscode.l10n.t('Transport') },
        )
      ).tls;
    }),
    when(['rsyslog'], async (c, s) => {
      c.format = (
        await input.quickPick(
          (['rfc5424', 'rfc3164'] as const).map((f) => ({
            label: f,
            description: f === 'rfc5424' ? vscode.l10n.t('structured (recommended)') : vscode.l10n.t('BSD syslog'),
            picked: f === (c.format ?? 'rfc5424'),
          })),
          { title, ...s, placeHolder: vscode.l10n.t('Message format') },
        )
      ).label;
    }),
    when(
      ['opensearch', 'elasticsearch'],
      async (c, s) => {
        c.url = (
          await input.inputBox({
            title,
            ...s,
            prompt: vscode.l10n.t('URL (https://user:password@host:port; kept by DigitalOcean, never shown here)'),
            value: '',
            password: true,
            validateInput: urlProblem,
          })
        ).trim();
      },
      true,
    ),
    when(['opensearch', 'elasticsearch'], async (c, s) => {
      c.index_prefix = (
        await input.inputBox({
          title,
          ...s,
          prompt: vscode.l10n.t('Index prefix (indexes are named prefix-date)'),
          value: c.index_prefix ?? 'db-logs',
          validateInput: (v) => (/^[a-z0-9][a-z0-9_.-]{0,63}$/.test(v) ? undefined : vscode.l10n.t('Lowercase letters, digits, "_", "." and "-".')),
        })
      ).trim();
    }),
    when(['opensearch', 'elasticsearch'], async (c, s) => {
      c.index_days_max = Number(
        await input.inputBox({
          title,
          ...s,
          prompt: vscode.l10n.t('Days of indexes to keep'),
          value: String(c.index_days_max ?? 7),
          validateInput: (v) => numberProblem(v, 1, 10000, vscode.l10n.t('Days')),
        }),
      );
    }),
    when(['datadog'], async (c, s) => {
      c.site = (
        await input.inputBox({
          title,
          ...s,
          prompt: vscode.l10n.t('Datadog intake site'),
          value: c.site ?? 'http-intake.logs.datadoghq.com',
          validateInput: hostProblem,
        })
      ).trim();
    }),
    when(
      ['datadog'],
      async (c, s) => {
        c.datadog_api_key = (
          await input.inputBox({
            title,
            ...s,
            prompt: vscode.l10n.t('Datadog API key (kept by DigitalOcean, never shown here)'),
            value: '',
            password: true,
            validateInput: (v) => (/^[A-Za-z0-9]{16,64}$/.test(v.trim()) ? undefined : vscode.l10n.t('An API key: 16 to 64 letters and digits.')),
          })
        ).trim();
      },
      true,
    ),
  ];
}

export function registerLogSinkCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;
  return [
    registerCommand(deps, 'digitalocean.database.addLogSink', vscode.l10n.t('Add log sink'), async (arg) => {
      const node = await resourceTarget(deps, arg, databaseClusterPresenter, vscode.l10n.t('Forward the logs of which cluster?'), (d) =>
        supportsLogSinks((d as DatabaseCluster).engine),
      );
      const db = node.item as DatabaseCluster;
      if (!supportsLogSinks(db.engine)) throw new Error(vscode.l10n.t('{0} clusters do not forward their logs to sinks.', engineName(db.engine)));
      const cache = model.cacheFor(node.account);
      const taken = (await cache.list(databaseLogSink, [db.id])).map((s) => s.sink_name);
      const title = vscode.l10n.t('Add log sink to {0}', db.name);
      const plan = { name: '', type: 'rsyslog' as SinkType, config: {} as Config };
      const steps = configSteps(input, title, () => plan.type);
      await runWizard<typeof plan>(plan, [
        async (p, s) => {
          p.name = await input.inputBox({
            title,
            ...s,
            prompt: vscode.l10n.t('Sink name'),
            value: p.name,
            validateInput: (v) => databaseLogSink.nameProblem?.(v, taken),
          });
        },
        async (p, s) => {
          const picked = await input.quickPick(
            TYPES.map((t) => ({ ...t, picked: t.type === p.type })),
            { title, ...s, placeHolder: vscode.l10n.t('Send the logs to') },
          );
          if (picked.type !== p.type) {
            p.type = picked.type;
            for (const key of Object.keys(p.config)) delete p.config[key];
          }
        },
        ...steps.map(
          (step): WizardStep<typeof plan> =>
            (p, s) =>
              step(p.config, s),
        ),
        summaryStep<typeof plan>(input, title, (p) => ({
          label: vscode.l10n.t('Add {0}', p.name),
          description: `${TYPES.find((t) => t.type === p.type)?.label ?? p.type} · ${logSinkDestination({ sink_id: '', sink_name: p.name, sink_type: p.type, config: p.config })}`,
        })),
      ]);
      const body = { sink_name: plan.name, sink_type: plan.type, config: plan.config };
      const created = await withProgress(vscode.l10n.t('Adding log sink {0}…', plan.name), (signal) =>
        cache.client.create<DatabaseLogSink>(databaseLogSink, body, { parents: [db.id], signal }),
      );
      model.reloadKind(node.account, databaseLogSink.kind, false);
      // where it sends, never the URL's credentials or the key
      log.info(`[${node.account.label}] Log sink ${plan.name} added to ${db.name}: ${plan.type} to ${logSinkDestination(created)}`);
      void input.notify('info', vscode.l10n.t('{0} forwards its logs to {1}.', db.name, logSinkDestination(created)));
    }),

    registerCommand(deps, 'digitalocean.database.editLogSink', vscode.l10n.t('Edit log sink'), async (arg) => {
      const node = nodeArgument(arg, databaseLogSinkPresenter);
      const [clusterId] = node.parents.slice(-1);
      const client = model.client(node.account);
      const sink = await withProgress(vscode.l10n.t('Reading log sink {0}…', node.name), (signal) => readLogSink(client, clusterId, node.resourceId, signal));
      const title = vscode.l10n.t('Edit log sink {0}', sink.sink_name);
      const config: Config = { ...sink.config };
      // the URL or API key is asked again only to replace it: a password box cannot show what is kept
      const secret = sink.sink_type === 'datadog' ? vscode.l10n.t('API key') : sink.sink_type === 'rsyslog' ? undefined : 'URL';
      const replaceSecret = secret
        ? (
            await input.quickPick(
              [
                { label: vscode.l10n.t('Keep the current {0}', secret), replace: false },
                { label: vscode.l10n.t('Replace the {0}…', secret), replace: true },
              ],
              { title, placeHolder: logSinkDestination(sink) },
            )
          ).replace
        : false;
      await runWizard<Config>(
        config,
        configSteps(
          input,
          title,
          () => sink.sink_type,
          () => replaceSecret,
        ),
      );
      await input.confirm(
        vscode.l10n.t('Change log sink {0}?', sink.sink_name),
        vscode.l10n.t('It sends to {0} from now on (was {1}).', logSinkDestination({ ...sink, config }), logSinkDestination(sink)),
        vscode.l10n.t('Change'),
      );
      await withProgress(vscode.l10n.t('Changing log sink {0}…', sink.sink_name), (signal) => updateLogSink(client, clusterId, sink.sink_id, config, signal));
      model.reloadKind(node.account, databaseLogSink.kind, false);
      log.info(`[${node.account.label}] Log sink ${sink.sink_name} changed: ${logSinkDestination({ ...sink, config })}`);
    }),
  ];
}
