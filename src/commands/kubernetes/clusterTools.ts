/**
 * Cluster tools: Run Clusterlint starts DigitalOcean's checks of the cluster's workloads, waits
 * for the run (cancellable) and shows its diagnostics in a read-only document and the Problems
 * view (severity, object, message, a link to the check's documentation); Connect and Disconnect
 * Container Registry let a cluster pull from the account's registry, or stop it; Install 1-Click
 * Apps installs DigitalOcean's Kubernetes 1-Click applications (monitoring, ingress, …) into it.
 */
import * as vscode from 'vscode';
import {
  type LintDiagnostic,
  type LintRun,
  clusterlintResults,
  installOneClicks,
  kubernetesOneClicks,
  runClusterlint,
  setRegistryIntegration,
} from '../../api/kubernetesDetails';
import { ApiError } from '../../api';
import { type KubernetesCluster } from '../../api/resources/kubernetes';
import { registry as registryKind } from '../../api/resources/registry';
import { kubernetesClusterPresenter } from '../../tree/kinds/kubernetes';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { resourceTarget } from '../pick';
import { registerCommand } from '../register';

const SCHEME = 'digitalocean-clusterlint';
const DOCS = 'https://docs.digitalocean.com/products/kubernetes/resources/clusterlint-errors/';
const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  suggestion: vscode.DiagnosticSeverity.Information,
};

/** One line of text from the API: control characters (escape sequences, line breaks) dropped. */
const line = (text: string | undefined) => (text ?? '').replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();

/** Where a diagnostic is: "Deployment default/web". */
export function lintObject(d: LintDiagnostic): string {
  const o = d.object ?? {};
  return [o.kind, [o.namespace, o.name].filter(Boolean).join('/')].filter(Boolean).join(' ') || '—';
}

export function registerKubernetesToolCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;
  const documents = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const problems = vscode.languages.createDiagnosticCollection('digitalocean-clusterlint');
  const provider = vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
    onDidChange: changed.event,
    provideTextDocumentContent: (uri) => documents.get(uri.path) ?? '',
  });

  /** Waits until the run has completed: every 2 s, up to 5 minutes, until cancelled. */
  async function waitForRun(cluster: KubernetesCluster, account: Parameters<typeof model.client>[0], runId: string, signal: AbortSignal): Promise<LintRun> {
    const client = model.client(account);
    const deadline = Date.now() + 5 * 60_000;
    for (;;) {
      try {
        const run = await clusterlintResults(client, cluster.id, runId, signal);
        if (run.completed_at) return run;
      } catch (error) {
        // a run just started may not be found yet: asked again, as for a run in progress
        if (!(error instanceof ApiError && error.status === 404)) throw error;
      }
      if (Date.now() > deadline) throw new Error(vscode.l10n.t('Clusterlint has not finished on {0} after 5 minutes; run it again later.', cluster.name));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, 2_000);
        signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
      });
    }
  }

  return [
    provider,
    changed,
    problems,
    registerCommand(deps, 'digitalocean.kubernetes.runClusterlint', vscode.l10n.t('Run clusterlint'), async (arg) => {
      const node = await resourceTarget(deps, arg, kubernetesClusterPresenter, vscode.l10n.t('Check which cluster with clusterlint?'));
      const cluster = node.item as KubernetesCluster;
      const run = await withProgress(vscode.l10n.t('Running clusterlint on {0}…', cluster.name), async (signal, report) => {
        const runId = await runClusterlint(model.client(node.account), cluster.id, signal);
        report(vscode.l10n.t('waiting for the checks to finish'));
        return waitForRun(cluster, node.account, runId, signal);
      });
      const diagnostics = [...(run.diagnostics ?? [])].sort(
        (a, b) => (SEVERITY[a.severity] ?? 3) - (SEVERITY[b.severity] ?? 3) || lintObject(a).localeCompare(lintObject(b)),
      );
      const header = [
        vscode.l10n.t('Clusterlint of {0} ({1}), run {2}, finished {3}', cluster.name, node.account.label, line(run.run_id), line(run.completed_at)),
        vscode.l10n.t(
          'Errors: {0} · warnings: {1} · suggestions: {2}',
          ...['error', 'warning', 'suggestion'].map((s) => diagnostics.filter((d) => d.severity === s).length),
        ),
        '',
      ];
      const body = diagnostics.map((d) => `${line(d.severity).padEnd(10)} ${lintObject(d).padEnd(40)} ${line(d.message)} [${line(d.check_name)}]`);
      const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${node.account.id}/${cluster.name.replace(/[^A-Za-z0-9._-]+/g, '-')}.clusterlint` });
      documents.set(uri.path, [...header, ...(body.length ? body : [vscode.l10n.t('No problems found.')])].join('\n'));
      changed.fire(uri);
      problems.set(
        uri,
        diagnostics.map((d, i) => {
          const at = new vscode.Range(header.length + i, 0, header.length + i, body[i].length);
          const problem = new vscode.Diagnostic(at, `${lintObject(d)}: ${line(d.message)}`, SEVERITY[d.severity] ?? vscode.DiagnosticSeverity.Hint);
          problem.source = 'clusterlint';
          // the check's name becomes part of a link only when it is a plain word
          problem.code = /^[a-z0-9-]+$/.test(d.check_name) ? { value: d.check_name, target: vscode.Uri.parse(`${DOCS}#${d.check_name}`) } : line(d.check_name);
          return problem;
        }),
      );
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
      log.info(`[${node.account.label}] clusterlint of ${cluster.name}: ${diagnostics.length} diagnostics`);
      return uri;
    }),

    registerCommand(deps, 'digitalocean.kubernetes.connectRegistry', vscode.l10n.t('Connect container registry'), async (arg) => {
      const node = await resourceTarget(deps, arg, kubernetesClusterPresenter, vscode.l10n.t('Let which cluster pull from the registry?'));
      const cluster = node.item as KubernetesCluster;
      if (cluster.registry_enabled) throw new Error(vscode.l10n.t('{0} can pull from the registry already.', cluster.name));
      const [registry] = await model.cacheFor(node.account).list(registryKind);
      if (!registry) throw new Error(vscode.l10n.t('{0} has no container registry: create one first.', node.account.label));
      await withProgress(vscode.l10n.t('Connecting {0} to the registry {1}…', cluster.name, registry.name), (signal) =>
        setRegistryIntegration(model.client(node.account), [cluster.id], true, signal),
      );
      await model.reloadResource(node.ref).catch(() => undefined);
      log.info(`[${node.account.label}] ${cluster.name} connected to the registry ${registry.name}`);
      void input.notify(
        'info',
        vscode.l10n.t('{0} can pull from registry.digitalocean.com/{1}: its default service accounts carry the pull secret.', cluster.name, registry.name),
      );
    }),

    registerCommand(deps, 'digitalocean.kubernetes.disconnectRegistry', vscode.l10n.t('Disconnect container registry'), async (arg) => {
      const node = await resourceTarget(deps, arg, kubernetesClusterPresenter, vscode.l10n.t('Stop which cluster pulling from the registry?'));
      const cluster = node.item as KubernetesCluster;
      if (!cluster.registry_enabled) throw new Error(vscode.l10n.t('{0} is not connected to the registry.', cluster.name));
      await input.confirm(
        vscode.l10n.t('Disconnect {0} from the container registry?', cluster.name),
        vscode.l10n.t('Its pull secret is removed: pods that pull private images from the registry fail to start until it is connected again.'),
        vscode.l10n.t('Disconnect'),
      );
      await withProgress(vscode.l10n.t('Disconnecting {0} from the registry…', cluster.name), (signal) =>
        setRegistryIntegration(model.client(node.account), [cluster.id], false, signal),
      );
      await model.reloadResource(node.ref).catch(() => undefined);
      log.info(`[${node.account.label}] ${cluster.name} disconnected from the registry`);
    }),

    registerCommand(deps, 'digitalocean.kubernetes.installOneClicks', vscode.l10n.t('Install 1-Click apps'), async (arg) => {
      const node = await resourceTarget(
        deps,
        arg,
        kubernetesClusterPresenter,
        vscode.l10n.t('Install 1-Click apps into which cluster?'),
        (c) => (c as KubernetesCluster).status?.state === 'running',
      );
      const cluster = node.item as KubernetesCluster;
      const client = model.client(node.account);
      const slugs = await withProgress(vscode.l10n.t('Listing 1-Click apps…'), (signal) => kubernetesOneClicks(client, signal));
      if (!slugs.length) throw new Error(vscode.l10n.t('The API lists no 1-Click apps for Kubernetes.'));
      const picked = (
        await input.quickPickMany(
          // slugs are the API's data: shown as text, and only ones of the plain form are offered
          slugs.filter((slug) => /^[a-z0-9][a-z0-9-]{0,62}$/.test(slug)).map((slug) => ({ label: slug })),
          { title: vscode.l10n.t('Install into {0}', cluster.name), placeHolder: vscode.l10n.t('Which 1-Click apps (Helm charts DigitalOcean maintains)?') },
        )
      ).map((x) => x.label);
      if (!picked.length) throw new Error(vscode.l10n.t('Choose at least one 1-Click app.'));
      await input.confirm(
        vscode.l10n.t('Install {0} into {1}?', picked.join(', '), cluster.name),
        vscode.l10n.t('They are installed as Helm releases in the cluster and use its nodes; remove them with helm or kubectl.'),
        vscode.l10n.t('Install'),
      );
      const message = await withProgress(vscode.l10n.t('Installing into {0}…', cluster.name), (signal) => installOneClicks(client, cluster.id, picked, signal));
      log.info(`[${node.account.label}] ${cluster.name}: installing 1-Click apps ${picked.join(', ')}`);
      void input.notify(
        'info',
        vscode.l10n.t(
          '{0}: installing {1}. {2}',
          cluster.name,
          picked.join(', '),
          (message ?? '').replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').slice(0, 200),
        ),
      );
      return picked;
    }),
  ];
}
