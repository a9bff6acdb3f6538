/**
 * How every action on a resource runs: the node shows what is happening ("Powering off…"), a
 * cancellable notification shows progress, the API's asynchronous action is polled until it
 * completes (an "errored" action is a failure), and the node then shows the real state again.
 * The activity log (the DigitalOcean output channel) records what was started, for which
 * account, and how it ended.
 */
import { ApiError, type Action, type DigitalOceanClient } from '../api';
import type { Logger } from '../log';
import type { ResourceModel } from '../model/resourceModel';
import type { ResourceNode } from '../tree/nodes/resourceNode';
import { withProgress } from '../ui/progress';
import { isCancellation } from '../ui/errors';
import * as l10n from '@vscode/l10n';

export interface ActionSpec {
  node: ResourceNode;
  /** "Power off web-1" */
  title: string;
  /** Shown on the node while it runs: "Powering off…" */
  transition: string;
  /** Sends the request; resolves the API's action to wait for, if any. */
  start: (client: DigitalOceanClient, signal: AbortSignal) => Promise<Action | void>;
  /** The action deletes the resource: reload its list instead of the resource. */
  deletes?: boolean;
}

export async function runAction(deps: { model: ResourceModel; log: Logger }, spec: ActionSpec): Promise<Action | void> {
  const { model, log } = deps;
  const who = `[${spec.node.account.label}] ${spec.title}`;
  const started = Date.now();
  log.info(`${who}: started`);
  try {
    const result = await withProgress(`${spec.title}…`, (signal, report) =>
      model.act(spec.node.ref, spec, signal, () => report(l10n.t('waiting for DigitalOcean to finish'))),
    );
    log.info(`${who}: completed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result;
  } catch (error) {
    if (isCancellation(error)) log.info(`${who}: stopped waiting (an action already sent goes on at DigitalOcean)`);
    else log.warn(`${who}: failed: ${error instanceof ApiError ? error.describe() : error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
}
