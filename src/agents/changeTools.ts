/**
 * The tools that change something. Each works out its change first — which account, which
 * resource, what it does, what it costs — and refuses what does not apply before any request;
 * VS Code then asks the user, with that text, and only then does the change run, through the same
 * model as a click in the view (the resource shows "Resizing…", the view follows it, the activity
 * log records it, marked as asked by an agent). Nothing here deletes: a destructive change stays
 * with the user's own commands, which ask for the resource's name.
 */
import * as vscode from 'vscode';
import type { AccountInfo } from '../accounts/accountStore';
import type { Action, DigitalOceanClient } from '../api';
import { trustedIpProblem } from '../api/cidr';
import { type AppDeployment, appDeployments, createAppDeployment, putDatabaseFirewall, restartApp, rollbackApp, validateAppRollback } from '../api/operations';
import { type App, app as appKind, appComponents } from '../api/resources/app';
import { tagNameProblem } from '../api/resources/tag';
import { type DatabaseCluster, databaseCluster, databaseFirewallRule } from '../api/resources/database';
import { type Droplet, type DropletActionType, droplet as dropletKind, dropletSize } from '../api/resources/droplet';
import { type KubernetesCluster, type NodePool, kubernetesCluster, nodePool, poolUpdateBody } from '../api/resources/kubernetes';
import type { ResourceRef } from '../model/resourceModel';
import { inert } from './data';
import { type Tools, abortOn, answer, why } from './readTools';
import { presenterForKind } from '../tree/kinds';
import { type AgentServices, type Found, listOf, one, pick, refOf, summary } from './resourceFinder';

/** A change worked out: what the user is asked, and how it runs. */
interface Change {
  found: Found;
  /** "Resize web-1 to s-2vcpu-4gb" */
  title: string;
  /** The question, naming the account and the resource. */
  question: string;
  /** What it does, and what it costs. */
  effect: string[];
  /** The resource that shows the change while it runs (a node pool's cluster). */
  shown?: ResourceRef;
  transition: string;
  start: (client: DigitalOceanClient, signal: AbortSignal) => Promise<Action | void>;
  /** What to answer besides the resource's new state. */
  result?: () => Record<string, unknown>;
}

const usd = (n: number) => `$${(Math.round(n * 100) / 100).toFixed(2)}`;
const perMonth = (before: number, after: number) =>
  vscode.l10n.t('Estimated monthly cost: {0} → {1} ({2}{3} a month).', usd(before), usd(after), after >= before ? '+' : '−', usd(Math.abs(after - before)));

/** A tool that asks before it changes anything: `plan` works the change out (or refuses it), for the question and again to run it. */
function changeTool<I>(services: AgentServices, plan: (input: I, token: vscode.CancellationToken) => Promise<Change>): vscode.LanguageModelTool<I> {
  return {
    async prepareInvocation(options, token) {
      const change = await plan(options.input, token);
      const message = new vscode.MarkdownString();
      // shown to the user, not the model: in their language, names as text (a name cannot add markup)
      message.appendText([change.question, ...change.effect].join('\n\n'));
      return { invocationMessage: change.title, confirmationMessages: { title: `${change.title}?`, message } };
    },
    async invoke(options, token) {
      // worked out again: the user may have taken a while, and the resource may have changed meanwhile
      const change = await plan(options.input, token);
      const ref = change.shown ?? refOf(change.found);
      const who = `[${change.found.account.label}] ${change.title} (asked by an agent)`;
      const abort = abortOn(token);
      services.log.info(`${who}: started`);
      try {
        const action = await services.model.act(ref, change, abort.signal);
        services.log.info(`${who}: completed`);
        const after = services.model.newest(refOf(change.found)) ?? change.found.item;
        return answer({
          done: change.title,
          ...(action ? { action: { id: action.id, status: action.status } } : {}),
          ...change.result?.(),
          resource: summary({ ...change.found, item: after }, services),
        });
      } catch (error) {
        services.log.warn(`${who}: failed: ${why(error)}`);
        // the API's message and request id, for the agent to report
        throw new Error(`${change.title} failed: ${why(error)}`);
      } finally {
        abort.dispose();
      }
    },
  };
}

const POWER: Record<string, { verb: string; transition: string; effect: string; valid: (d: Droplet) => boolean }> = {
  power_on: {
    verb: vscode.l10n.t('Power on'),
    transition: vscode.l10n.t('Powering on…'),
    effect: vscode.l10n.t('The droplet starts; billing continues as before.'),
    valid: (d) => d.status === 'off',
  },
  shutdown: {
    verb: vscode.l10n.t('Shut down'),
    transition: vscode.l10n.t('Shutting down…'),
    effect: vscode.l10n.t('The system is asked to stop cleanly. A droplet that is off is still billed.'),
    valid: (d) => d.status === 'active',
  },
  power_off: {
    verb: vscode.l10n.t('Power off'),
    transition: vscode.l10n.t('Powering off…'),
    effect: vscode.l10n.t('The power is cut like pulling the plug: unsaved data can be lost. A droplet that is off is still billed.'),
    valid: (d) => d.status === 'active',
  },
  reboot: {
    verb: vscode.l10n.t('Reboot'),
    transition: vscode.l10n.t('Rebooting…'),
    effect: vscode.l10n.t('The system restarts cleanly; it is unreachable for a minute or so.'),
    valid: (d) => d.status === 'active',
  },
  power_cycle: {
    verb: vscode.l10n.t('Power cycle'),
    transition: vscode.l10n.t('Power cycling…'),
    effect: vscode.l10n.t('The power is cut and restored: unsaved data can be lost.'),
    valid: (d) => d.status === 'active',
  },
};

/** Snapshots cost $0.06 per GiB-month of what they hold: at most the droplet's disk. */
const SNAPSHOT_GB_MONTH = 0.06;

const TRUSTED_TYPES = ['ip_addr', 'droplet', 'k8s', 'app', 'tag'] as const;

export function changeTools(services: AgentServices): Tools {
  const { model } = services;
  const theDroplet = async (input: { droplet: string; account?: string }, token: vscode.CancellationToken) => {
    const found = await one(services, { resource: input.droplet, kind: dropletKind.kind, account: input.account }, token);
    return { found, d: found.item as Droplet };
  };
  const question = (verb: string, what: string, account: AccountInfo) => vscode.l10n.t('{0} {1} in the account {2}?', verb, what, account.label);
  const dropletAction =
    (type: DropletActionType, body: Record<string, unknown> = {}) =>
    (client: DigitalOceanClient, signal: AbortSignal, d: Droplet) =>
      client.act(dropletKind, String(d.id), type, body, { signal });

  return {
    digitalocean_droplet_power: {
      purpose: 'power on, shut down, power off, reboot or power cycle a droplet (the user confirms)',
      tool: changeTool(services, async (input: { droplet: string; action: string; account?: string }, token) => {
        const action = POWER[input.action];
        if (!action) throw new Error(`No action "${inert(String(input.action))}": one of ${Object.keys(POWER).join(', ')}.`);
        const { found, d } = await theDroplet(input, token);
        if (!action.valid(d)) throw new Error(`${inert(d.name)} is ${d.status}: "${action.verb}" does not apply now.`);
        return {
          found,
          title: `${action.verb} ${inert(d.name)}`,
          question: question(action.verb, vscode.l10n.t('the droplet {0} ({1}, now {2})', inert(d.name), d.region.slug, d.status), found.account),
          effect: [action.effect],
          transition: action.transition,
          start: (client, signal) => dropletAction(input.action as DropletActionType)(client, signal, d),
        };
      }),
    },

    digitalocean_droplet_snapshot: {
      purpose: "take a snapshot of a droplet's disk, with its storage cost (the user confirms)",
      tool: changeTool(services, async (input: { droplet: string; name?: string; account?: string }, token) => {
        const { found, d } = await theDroplet(input, token);
        const name = (input.name ?? `${d.name}-${new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '')}`).trim();
        if (!name || name.length > 255 || /[\u0000-\u001f\u007f]/.test(name))
          throw new Error('A snapshot name is 1 to 255 characters, without control characters.');
        return {
          found,
          title: vscode.l10n.t('Snapshot {0} as {1}', inert(d.name), inert(name)),
          question: question(
            vscode.l10n.t('Take a snapshot of'),
            vscode.l10n.t('the droplet {0} ({1} GB disk, now {2})', inert(d.name), d.disk, d.status),
            found.account,
          ),
          effect: [
            d.status === 'active'
              ? vscode.l10n.t('A snapshot of a running droplet may miss what is not yet written to disk; shutting it down first gives a consistent one.')
              : vscode.l10n.t('The droplet is off: the snapshot is consistent.'),
            vscode.l10n.t('Storage: $0.06 per GB a month of what the snapshot holds, at most {0} a month for this disk.', usd(d.disk * SNAPSHOT_GB_MONTH)),
          ],
          transition: vscode.l10n.t('Taking a snapshot…'),
          start: (client, signal) => dropletAction('snapshot', { name })(client, signal, d),
          result: () => ({ snapshot: name }),
        };
      }),
    },

    digitalocean_droplet_resize: {
      purpose: 'resize a droplet to another size (CPU and RAM, or with the disk too), with the price change (the user confirms)',
      tool: changeTool(services, async (input: { droplet: string; size: string; disk?: boolean; account?: string }, token) => {
        const { found, d } = await theDroplet(input, token);
        const sizes = await listOf(services, found.account, dropletSize);
        const size = sizes.find((s) => s.slug === input.size);
        const fitting = sizes.filter((s) => s.available && s.regions.includes(d.region.slug) && s.slug !== d.size_slug);
        if (!size || !size.available || !size.regions.includes(d.region.slug))
          throw new Error(
            `No size "${inert(String(input.size))}" for ${inert(d.name)} in ${d.region.slug}. Sizes there: ${fitting
              .slice(0, 40)
              .map((s) => `${s.slug} ($${s.price_monthly}/mo)`)
              .join(', ')}.`,
          );
        if (size.slug === d.size_slug) throw new Error(`${inert(d.name)} is ${d.size_slug} already.`);
        const disk = input.disk === true;
        if (size.disk < d.disk) throw new Error(`${size.slug} has a ${size.disk} GB disk, smaller than ${inert(d.name)}'s ${d.disk} GB: a disk never shrinks.`);
        if (disk && d.status !== 'off')
          throw new Error(`${inert(d.name)} is ${d.status}: a resize with the disk needs it off. Shut it down first (digitalocean_droplet_power shutdown).`);
        const before = d.size?.price_monthly ?? sizes.find((s) => s.slug === d.size_slug)?.price_monthly ?? 0;
        return {
          found,
          title: vscode.l10n.t('Resize {0} to {1}', inert(d.name), size.slug),
          question: question(
            vscode.l10n.t('Resize'),
            vscode.l10n.t('the droplet {0} from {1} to {2} ({3} vCPU, {4} GB RAM)', inert(d.name), d.size_slug, size.slug, size.vcpus, size.memory / 1024),
            found.account,
          ),
          effect: [
            perMonth(before, size.price_monthly),
            disk
              ? vscode.l10n.t('The disk grows to {0} GB: permanent, it can never shrink back.', size.disk)
              : vscode.l10n.t('CPU and RAM only: the disk stays {0} GB, so it can be resized back later.', d.disk),
            d.status === 'active' ? vscode.l10n.t('The droplet is powered off for the resize and on again afterwards.') : '',
          ].filter(Boolean),
          transition: vscode.l10n.t('Resizing…'),
          start: (client, signal) => dropletAction('resize', { size: size.slug, disk })(client, signal, d),
        };
      }),
    },

    digitalocean_app_deploy: {
      purpose: 'redeploy an app (optionally with a fresh build), restart its components, or roll it back to an earlier deployment (the user confirms)',
      tool: changeTool(
        services,
        async (
          input: {
            app: string;
            action: 'redeploy' | 'restart' | 'rollback';
            components?: string[];
            deployment?: string;
            forceBuild?: boolean;
            account?: string;
          },
          token,
        ) => {
          const found = await one(services, { resource: input.app, kind: appKind.kind, account: input.account }, token);
          const a = found.item as App;
          const name = inert(a.spec.name);
          let started: AppDeployment | undefined;
          const result = () => (started ? { deployment: { id: started.id, phase: started.phase, cause: started.cause } } : {});
          const base = { found, transition: vscode.l10n.t('Deploying…'), result };
          if (a.in_progress_deployment) throw new Error(`${name} is deploying already (${a.in_progress_deployment.phase}); wait until it is done.`);
          if (input.action === 'redeploy')
            return {
              ...base,
              title: vscode.l10n.t('Redeploy {0}', name),
              question: question(vscode.l10n.t('Redeploy'), vscode.l10n.t('the app {0}', name), found.account),
              effect: [
                input.forceBuild
                  ? vscode.l10n.t('Every component is built again from its source and deployed; the app stays up meanwhile.')
                  : vscode.l10n.t('The app is deployed again from its current spec; the app stays up meanwhile.'),
              ],
              start: async (client, signal) => {
                started = await createAppDeployment(client, a.id, input.forceBuild === true, signal);
              },
            };
          if (input.action === 'restart') {
            const all = appComponents(a);
            const wanted = input.components?.length ? input.components : all;
            const unknown = wanted.filter((c) => !all.includes(c));
            if (unknown.length)
              throw new Error(`${name} has no component ${unknown.map((c) => `"${inert(c)}"`).join(', ')}. Its components: ${all.map(inert).join(', ')}.`);
            return {
              ...base,
              title: vscode.l10n.t('Restart {0}', `${name}${input.components?.length ? ` (${wanted.map(inert).join(', ')})` : ''}`),
              question: question(vscode.l10n.t('Restart'), vscode.l10n.t('{0} of the app {1}', wanted.map(inert).join(', '), name), found.account),
              effect: [vscode.l10n.t('Their instances are replaced one by one; nothing is built again.')],
              start: async (client, signal) => {
                started = await restartApp(client, a.id, input.components?.length ? wanted : [], signal);
              },
            };
          }
          if (input.action === 'rollback') {
            if (!input.deployment) throw new Error('Name the deployment to roll back to (its id: digitalocean_app_status lists them).');
            const abort = abortOn(token);
            try {
              const client = model.client(found.account);
              const deployments = await appDeployments(client, a.id, abort.signal);
              const target = deployments.find((d) => d.id === input.deployment);
              if (!target) throw new Error(`${name} has no recent deployment "${inert(input.deployment)}". digitalocean_app_status lists them.`);
              if (target.id === a.active_deployment?.id) throw new Error(`${inert(target.id)} is ${name}'s active deployment already.`);
              const check = await validateAppRollback(client, a.id, target.id, abort.signal);
              if (!check.valid) throw new Error(`${name} cannot roll back to ${inert(target.id)}: ${inert(check.error?.message ?? 'the API refused')}`);
              return {
                ...base,
                title: vscode.l10n.t('Roll back {0} to {1}', name, inert(target.id)),
                question: question(
                  vscode.l10n.t('Roll back'),
                  vscode.l10n.t('the app {0} to the deployment of {1} ({2})', name, target.created_at, inert(target.cause ?? target.phase)),
                  found.account,
                ),
                effect: [
                  vscode.l10n.t('The app runs that deployment and stays pinned to it (no automatic deploys) until the rollback is committed or reverted.'),
                  ...(check.warnings ?? []).map((w) => inert(w.message ?? '')).filter(Boolean),
                ],
                start: async (c, signal) => {
                  started = await rollbackApp(c, a.id, target.id, signal);
                },
              };
            } finally {
              abort.dispose();
            }
          }
          throw new Error(`No action "${inert(String(input.action))}": one of redeploy, restart, rollback.`);
        },
      ),
    },

    digitalocean_scale_node_pool: {
      purpose: "set how many nodes a Kubernetes cluster's node pool has (or its autoscaling range), with the price change (the user confirms)",
      tool: changeTool(
        services,
        async (input: { cluster: string; pool: string; count?: number; minNodes?: number; maxNodes?: number; account?: string }, token) => {
          const cluster = await one(services, { resource: input.cluster, kind: kubernetesCluster.kind, account: input.account }, token);
          const c = cluster.item as KubernetesCluster;
          const pools = await listOf(services, cluster.account, nodePool, [c.id]);
          const presenter = presenterForKind(nodePool.kind)!;
          const found = pick(
            pools.map((item) => ({ account: cluster.account, presenter, item, parents: [c.id] })),
            input.pool,
            ` among ${inert(c.name)}'s node pools (${pools.map((p) => inert(p.name)).join(', ')})`,
          );
          const pool = found.item as NodePool;
          const whole = (n: unknown, what: string, min: number) => {
            if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > 512) throw new Error(`${what} is a whole number from ${min} to 512.`);
            return n;
          };
          const price = (await listOf(services, cluster.account, dropletSize).catch(() => [])).find((s) => s.slug === pool.size)?.price_monthly;
          const body = poolUpdateBody(pool);
          const effect: string[] = [];
          let title: string;
          if (input.minNodes !== undefined || input.maxNodes !== undefined) {
            const min = whole(input.minNodes ?? pool.min_nodes ?? 1, 'minNodes', 0);
            const max = whole(input.maxNodes ?? pool.max_nodes ?? min, 'maxNodes', Math.max(1, min));
            Object.assign(body, { auto_scale: true, min_nodes: min, max_nodes: max, count: Math.min(Math.max(pool.count, min), max) });
            title = vscode.l10n.t('Autoscale {0} from {1} to {2} nodes', inert(pool.name), min, max);
            if (price !== undefined)
              effect.push(vscode.l10n.t('Each node costs {0} a month: from {1} to {2} a month.', usd(price), usd(price * min), usd(price * max)));
          } else {
            const count = whole(input.count, 'count', 1);
            if (pool.auto_scale)
              throw new Error(`${inert(pool.name)} autoscales (${pool.min_nodes}–${pool.max_nodes} nodes): give minNodes and maxNodes instead of count.`);
            if (count === pool.count) throw new Error(`${inert(pool.name)} has ${count} nodes already.`);
            body.count = count;
            title = vscode.l10n.t('Scale {0} to {1} nodes', inert(pool.name), count);
            if (price !== undefined) effect.push(perMonth(price * pool.count, price * count));
            if (count < pool.count) effect.push(vscode.l10n.t('Nodes removed are drained first: their pods move to the other nodes.'));
          }
          return {
            found,
            title,
            question: question(
              vscode.l10n.t('Change'),
              vscode.l10n.t('the node pool {0} ({1} × {2}) of the cluster {3}', inert(pool.name), pool.count, pool.size, inert(c.name)),
              cluster.account,
            ),
            effect,
            shown: { account: cluster.account, kind: kubernetesCluster as ResourceRef['kind'], id: c.id, parents: [] },
            transition: vscode.l10n.t('Scaling {0}…', inert(pool.name)),
            start: async (client, signal) => {
              await client.update(nodePool, pool.id, body, { parents: [c.id], signal });
              model.reloadKind(cluster.account, nodePool.kind, false);
            },
            result: () => ({ pool: { name: pool.name, ...body } }),
          };
        },
      ),
    },

    digitalocean_database_add_trusted_source: {
      purpose: 'let an IP address or range, a droplet, a Kubernetes cluster, an app or a tag reach a database cluster (its trusted sources; the user confirms)',
      tool: changeTool(services, async (input: { database: string; type: string; value: string; account?: string }, token) => {
        const found = await one(services, { resource: input.database, kind: databaseCluster.kind, account: input.account }, token);
        const db = found.item as DatabaseCluster;
        const type = input.type as (typeof TRUSTED_TYPES)[number];
        if (!TRUSTED_TYPES.includes(type)) throw new Error(`No trusted source type "${inert(String(input.type))}": one of ${TRUSTED_TYPES.join(', ')}.`);
        if (typeof input.value !== 'string' || !input.value.trim()) throw new Error('Give the value: an IP address or range, or a name or id.');
        let value = input.value.trim();
        let shown = value;
        if (type === 'ip_addr') {
          const problem = trustedIpProblem(value);
          if (problem) throw new Error(problem);
        } else if (type === 'tag') {
          const problem = tagNameProblem(value);
          if (problem) throw new Error(problem);
        } else {
          // a name is looked up: the API wants the droplet's id, the cluster's or app's uuid
          const kind = { droplet: dropletKind.kind, k8s: kubernetesCluster.kind, app: appKind.kind }[type];
          const target = await one(services, { resource: value, kind, account: found.account.id }, token);
          value = String(target.presenter.kind.idOf(target.item as never));
          shown = `${target.presenter.label?.(target.item) ?? target.presenter.kind.nameOf(target.item as never)} (${value})`;
        }
        const existing = await listOf(services, found.account, databaseFirewallRule, [db.id]);
        if (existing.some((r) => r.type === type && r.value === value)) throw new Error(`${inert(shown)} is a trusted source of ${inert(db.name)} already.`);
        return {
          found,
          title: vscode.l10n.t('Trust {0} on {1}', inert(shown), inert(db.name)),
          question: question(vscode.l10n.t('Add a trusted source to'), vscode.l10n.t('the database cluster {0}', inert(db.name)), found.account),
          effect: [
            vscode.l10n.t('{0} {1} can then connect to it ({2} trusted source(s) now). It costs nothing.', type, inert(shown), existing.length),
            existing.length === 0
              ? vscode.l10n.t('It has no trusted sources now, so anyone can try to connect; from then on only the trusted sources can.')
              : '',
          ].filter(Boolean),
          transition: vscode.l10n.t('Adding a trusted source…'),
          start: async (client, signal) => {
            await putDatabaseFirewall(
              client,
              db.id,
              [...existing.map(({ uuid, type: t, value: v }) => ({ uuid, type: t, value: v })), { type, value }],
              signal,
            );
            model.reloadKind(found.account, databaseFirewallRule.kind, false);
          },
          result: () => ({ trusted: { type, value: shown } }),
        };
      }),
    },
  };
}
