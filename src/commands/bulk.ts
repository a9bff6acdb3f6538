/**
 * Actions on a multi-selection: one confirmation listing everything, the actions run a few at a
 * time (the client's rate limiter paces them), each node shows its own transition, progress counts
 * them, and a summary says what succeeded and what failed with the API's message for each.
 */
import { ApiError, type Action, type DigitalOceanClient } from '../api';
import { plural } from '../tree/format';
import { ResourceNode } from '../tree/nodes/resourceNode';
import { withProgress } from '../ui/progress';
import { isCancellation } from '../ui/errors';
import type { CommandDeps } from './deps';
import * as l10n from '@vscode/l10n';

/** How many actions of one bulk run are in flight at once. */
const CONCURRENCY = 4;

/**
 * The nodes a command acts on: every selected one when VS Code passed the clicked node with a
 * selection that holds it (a context menu on a multi-selection), else just the clicked one.
 */
export function selectionOf(arg: unknown, selected: unknown): unknown[] {
  return Array.isArray(selected) && selected.length > 1 && selected.includes(arg) ? selected : [arg];
}

export interface BulkSpec {
  /** "Power off" */
  title: string;
  /** Shown on each node while it runs: "Powering off…" */
  transition: string;
  start: (client: DigitalOceanClient, node: ResourceNode, signal: AbortSignal) => Promise<Action | void>;
  /** It deletes: the lists are reloaded after, not each resource. */
  deletes?: boolean;
  /** The user has confirmed already (typed the count for heavy deletes). */
  confirmed?: boolean;
}

export interface BulkOutcome {
  succeeded: string[];
  failed: { name: string; message: string }[];
}

export async function runBulk(
  deps: Pick<CommandDeps, 'model' | 'log' | 'input'>,
  nodes: ResourceNode[],
  spec: BulkSpec,
  confirm?: string,
): Promise<BulkOutcome> {
  const { model, log, input } = deps;
  const names = nodes.map((n) => n.name);
  const kinds = new Set(nodes.map((n) => n.presenter.kind.kind));
  const what = plural(nodes.length, kinds.size === 1 ? nodes[0].presenter.kind.label.toLowerCase() : 'resource');
  if (!spec.confirmed) await input.confirm(`${spec.title} ${what}?`, `${names.join(', ')}${confirm ? `\n\n${confirm}` : ''}`, `${spec.title} ${nodes.length}`);
  const outcome: BulkOutcome = { succeeded: [], failed: [] };
  log.info(`${spec.title} ${what} (${names.join(', ')}): started`);
  await withProgress(`${spec.title} ${what}…`, async (signal, report) => {
    let next = 0;
    const worker = async () => {
      while (next < nodes.length && !signal.aborted) {
        const node = nodes[next++];
        model.setTransition(node.ref, spec.transition);
        try {
          const client = model.client(node.account);
          const action = await spec.start(client, node, signal);
          if (action && action.status !== 'completed') await client.waitForAction(action.id, { signal });
          outcome.succeeded.push(node.name);
        } catch (error) {
          if (isCancellation(error)) return;
          outcome.failed.push({
            name: node.name,
            message: error instanceof ApiError ? error.describe() : error instanceof Error ? error.message : String(error),
          });
        } finally {
          model.setTransition(node.ref, undefined);
          if (!spec.deletes) void model.reloadResource(node.ref).catch(() => undefined);
          report(l10n.t('{0} of {1} done', outcome.succeeded.length + outcome.failed.length, nodes.length));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, nodes.length) }, worker));
  });
  if (spec.deletes)
    for (const n of new Map(nodes.map((x) => [`${x.account.id}/${x.presenter.kind.kind}`, x])).values()) model.reloadKind(n.account, n.presenter.kind.kind);
  const done = outcome.succeeded.length ? `${spec.title}: ${outcome.succeeded.join(', ')} done.` : '';
  const failed = outcome.failed.map((f) => `${f.name}: ${f.message}`).join('; ');
  log.info(`${spec.title} ${what}: ${outcome.succeeded.length} succeeded, ${outcome.failed.length} failed${failed ? ` (${failed})` : ''}`);
  if (outcome.failed.length)
    void input.notify(
      'error',
      [l10n.t('{0} of {1} succeeded.', outcome.succeeded.length, nodes.length), done, l10n.t('Failed — {0}', failed)].filter(Boolean).join(' '),
    );
  else void input.notify('info', l10n.t('{0}: all {1} done ({2}).', spec.title, nodes.length, names.join(', ')));
  return outcome;
}

/** The selected nodes of one kind that `valid` accepts, all in one account; the others are said. */
export function bulkNodes(nodes: unknown[], kind: string, valid: (item: unknown) => boolean): { nodes: ResourceNode[]; skipped: string[] } {
  const ofKind = nodes.filter((n): n is ResourceNode => n instanceof ResourceNode && n.presenter.kind.kind === kind);
  return { nodes: ofKind.filter((n) => valid(n.item)), skipped: ofKind.filter((n) => !valid(n.item)).map((n) => n.name) };
}
