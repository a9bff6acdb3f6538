/**
 * The tools that read: find, describe, sum up, list what is inside a resource, an app's
 * deployments and logs, the metrics of a droplet, an app or a MySQL database. They answer from the model's lists where those are
 * loaded (no request) and load the rest through the same client as the view.
 */
import * as vscode from 'vscode';
import { ApiError } from '../api';
import { type AppLogType, appLogUrls, readArchivedLog } from '../api/appLogs/files';
import { type MetricRange, type MetricSeries, METRIC_RANGE_SECONDS, appMetrics, dropletCharts, mysqlMetrics } from '../api/monitoring';
import { appDeployments } from '../api/operations';
import { type App, app as appKind, appComponents } from '../api/resources/app';
import { type DatabaseCluster, databaseCluster } from '../api/resources/database';
import { type Droplet, droplet as dropletKind } from '../api/resources/droplet';
import { type Project, project as projectKind } from '../api/resources/project';
import type { AccountInfo } from '../accounts/accountStore';
import { asResult, inert } from './data';
import {
  type AgentServices,
  type Found,
  type Named,
  SEARCHED,
  accountsFor,
  contents,
  idOf,
  listOf,
  nameOf,
  one,
  pick,
  presentersFor,
  resources,
  summary,
} from './resourceFinder';

export type Tools = Record<string, { purpose: string; tool: vscode.LanguageModelTool<never> }>;

export const answer = (data: unknown) => new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(asResult(data))]);

/** An AbortSignal that follows the tool's cancellation. */
export function abortOn(token: vscode.CancellationToken): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  const sub = token.onCancellationRequested(() => controller.abort());
  return { signal: controller.signal, dispose: () => sub.dispose() };
}

/** What the API said, for the model to report: its message and request id. */
export const why = (error: unknown) => (error instanceof ApiError ? error.describe() : error instanceof Error ? error.message : String(error));

/**
 * What can be found by (name, id, IP, region, tags, kind), lower-cased once per copy of a
 * resource: a copy is replaced, not changed, when the resource changes, so the text stays true.
 */
const searchTexts = new WeakMap<object, string>();
function searchText(found: Found): string {
  const { presenter, item } = found;
  const cached = typeof item === 'object' && item !== null ? searchTexts.get(item) : undefined;
  if (cached !== undefined) return cached;
  const text = [
    nameOf(found),
    idOf(found),
    presenter.ip?.(item),
    ...(presenter.otherIps?.(item) ?? []),
    presenter.region?.(item),
    ...(presenter.tags?.(item) ?? []),
    presenter.kind.kind,
    presenter.kind.label,
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  if (typeof item === 'object' && item !== null) searchTexts.set(item, text);
  return text;
}

const within = (value: unknown, fallback: number, max: number) =>
  Math.max(1, Math.min(max, Math.floor(typeof value === 'number' && value > 0 ? value : fallback)));

const LOG_TYPES: AppLogType[] = ['RUN', 'BUILD', 'DEPLOY', 'RUN_RESTARTED'];
const RANGES = Object.keys(METRIC_RANGE_SECONDS) as MetricRange[];

/** min/avg/max of a series, rounded for reading. */
function stats(values: [number, number][]): { min: number; avg: number; max: number; last: number } | undefined {
  if (!values.length) return undefined;
  const ys = values.map(([, y]) => y);
  const round = (n: number) => Math.round(n * 100) / 100;
  return { min: round(Math.min(...ys)), avg: round(ys.reduce((a, b) => a + b, 0) / ys.length), max: round(Math.max(...ys)), last: round(ys[ys.length - 1]) };
}

const cents = (n: number) => Math.round(n * 100) / 100;

/** A project's resources, resolved from its URNs (and its apps) against the kinds' lists; what the tree shows under it. */
async function projectResources(services: AgentServices, account: AccountInfo, project: Project) {
  const cache = services.model.cacheFor(account);
  const held = await cache.projectContents(project);
  // node pools are priced from the sizes: load them first (one request, kept)
  await cache.sizes().catch(() => undefined);
  const found: Found[] = [];
  await Promise.all(
    SEARCHED.map(async (presenter) => {
      const ids = held.ids.get(presenter.kind.kind);
      if (!ids?.size) return;
      const items = (await listOf(services, account, presenter.kind, [], presenter.listQuery).catch(() => [])) as unknown[];
      for (const item of items) if (ids.has(String(presenter.kind.idOf(item as never)))) found.push({ account, presenter, item });
    }),
  );
  const ctx = { ...services.model.lookups(account), now: Date.now() };
  const costs = found.map((f) => f.presenter.monthlyCost?.(f.item, ctx)).filter((c): c is number => typeof c === 'number');
  // what the project holds, as the API says (a resource being deleted may be gone from its kind's list already)
  const counts: Record<string, number> = Object.fromEntries([...held.ids].map(([kind, ids]) => [kind, ids.size]));
  return {
    found,
    line: {
      account: account.label,
      id: project.id,
      name: project.name,
      environment: project.environment,
      purpose: project.purpose,
      description: project.description,
      isDefault: project.is_default,
      resources: Object.values(counts).reduce((a, b) => a + b, held.other.length),
      estimatedMonthlyCostUsd: cents(costs.reduce((a, b) => a + b, 0)),
      counts,
      ...(held.other.length ? { otherUrns: held.other } : {}),
      ...(held.appsError ? { appsUnavailable: why(held.appsError) } : {}),
    },
  };
}

/** The projects of `account` that hold `found` (from lists the model keeps: after the first time, no request). */
async function projectsHolding(services: AgentServices, found: Found): Promise<string[]> {
  const cache = services.model.cacheFor(found.account);
  const projects = await listOf(services, found.account, projectKind);
  const id = idOf(found);
  const holding = await Promise.all(
    projects.map(async (p) => ((await cache.projectContents(p)).ids.get(found.presenter.kind.kind)?.has(id) ? p.name : undefined)),
  );
  return holding.filter((name): name is string => name !== undefined);
}

export function readTools(services: AgentServices): Tools {
  const { model } = services;
  const theApp = (input: { app: string; account?: string }, token: vscode.CancellationToken) =>
    one(services, { resource: input.app, kind: appKind.kind, account: input.account }, token);

  return {
    digitalocean_find_resources: {
      purpose: 'search every account by name, id, IP, region or tag; filter by kind or account',
      tool: {
        async invoke(options: vscode.LanguageModelToolInvocationOptions<{ query?: string; kind?: string; account?: string; limit?: number }>, token) {
          const input = options.input;
          const limit = within(input.limit, 25, 200);
          const words = (input.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
          const all = await resources(services, accountsFor(services, input.account), presentersFor(input.kind), token);
          const hits = all.filter((f) => words.every((w) => searchText(f).includes(w)));
          return answer({
            found: hits.length,
            shown: Math.min(limit, hits.length),
            ...(hits.length > limit ? { more: `${hits.length - limit} more: narrow the query, name a kind or an account, or raise limit (at most 200)` } : {}),
            resources: hits.slice(0, limit).map((f) => summary(f, services)),
          });
        },
      },
    },

    digitalocean_describe_resource: {
      purpose: 'one resource: what the view shows, its cost, its projects, and its fields (secrets left out)',
      tool: {
        async invoke(options: vscode.LanguageModelToolInvocationOptions<Named>, token) {
          const found = await one(services, options.input, token);
          // a token that may not read projects still gets the resource
          const projects = await projectsHolding(services, found).catch((error: unknown) => ({ unavailable: why(error) }));
          return answer({ ...summary(found, services), projects, fields: found.item });
        },
      },
    },

    digitalocean_resource_contents: {
      purpose:
        "what is inside a resource: a Kubernetes cluster's node pools and nodes, a database's databases, users, connection pools and trusted sources, a domain's records, a registry's repositories",
      tool: {
        async invoke(options: vscode.LanguageModelToolInvocationOptions<Named & { of?: string; limit?: number }>, token) {
          const found = await one(services, options.input, token);
          const limit = within(options.input.limit, 50, 200);
          const lists = await contents(services, found, options.input.of);
          if (!lists.length)
            throw new Error(
              options.input.of
                ? `A ${found.presenter.kind.kind} holds no "${inert(options.input.of)}".`
                : `A ${found.presenter.kind.kind} holds nothing this tool lists; digitalocean_describe_resource gives its fields.`,
            );
          return answer({
            ...summary(found, services),
            contents: lists.map(({ kind, items }) =>
              Array.isArray(items)
                ? {
                    kind: kind.kind,
                    count: items.length,
                    ...(items.length > limit ? { more: `${items.length - limit} more: raise limit (at most 200)` } : {}),
                    items: items.slice(0, limit).map((f) => ({ ...summary(f, services), fields: f.item })),
                  }
                : { kind: kind.kind, ...items },
            ),
          });
        },
      },
    },

    digitalocean_account_summary: {
      purpose: 'each account: how many resources of each kind, their estimated monthly cost, and the balance and month-to-date usage',
      tool: {
        async invoke(options: vscode.LanguageModelToolInvocationOptions<{ account?: string }>, token) {
          const accounts = accountsFor(services, options.input.account);
          const all = await resources(services, accounts, SEARCHED, token);
          const summaries = await Promise.all(
            accounts.map(async (account) => {
              const mine = all.filter((f) => f.account === account);
              const ctx = { ...model.lookups(account), now: Date.now() };
              const kinds = SEARCHED.map((p) => {
                const items = mine.filter((f) => f.presenter === p);
                const costs = items.map((f) => p.monthlyCost?.(f.item, ctx)).filter((c): c is number => typeof c === 'number');
                return {
                  kind: p.kind.kind,
                  count: items.length,
                  ...(costs.length ? { monthlyCostUsd: Math.round(costs.reduce((a, b) => a + b, 0) * 100) / 100 } : {}),
                };
              }).filter((k) => k.count > 0);
              // the balance is one request, kept a while by the cache; an account whose token may not read it still gets the rest
              const balance = await model
                .cacheFor(account)
                .balance()
                .then((b) => ({ monthToDateUsageUsd: Number(b.month_to_date_usage), accountBalanceUsd: Number(b.account_balance), asOf: b.generated_at }))
                .catch((error: unknown) => ({ unavailable: why(error) }));
              return {
                account: account.label,
                resources: kinds.reduce((n, k) => n + k.count, 0),
                estimatedMonthlyCostUsd: Math.round(kinds.reduce((n, k) => n + (k.monthlyCostUsd ?? 0), 0) * 100) / 100,
                balance,
                kinds,
              };
            }),
          );
          return answer({ accounts: summaries });
        },
      },
    },

    digitalocean_projects: {
      purpose: "each project with how many resources of each kind it holds and their monthly cost; one project's resources",
      tool: {
        async invoke(options: vscode.LanguageModelToolInvocationOptions<{ project?: string; account?: string; limit?: number }>, token) {
          const { input } = options;
          const limit = within(input.limit, 50, 200);
          const accounts = accountsFor(services, input.account);
          const all = (
            await Promise.all(accounts.map(async (account) => (await listOf(services, account, projectKind)).map((project) => ({ account, project }))))
          ).flat();
          if (token.isCancellationRequested) throw new vscode.CancellationError();
          if (input.project === undefined) {
            const lines = await Promise.all(all.map(async ({ account, project }) => (await projectResources(services, account, project)).line));
            return answer({ projects: lines });
          }
          const wanted = input.project.trim().toLowerCase();
          const matches = all.filter(({ project }) => project.id.toLowerCase() === wanted || project.name.toLowerCase() === wanted);
          if (!matches.length)
            throw new Error(
              `No project named or with the id "${inert(input.project)}". The projects are: ${all.map((p) => inert(p.project.name)).join(', ') || 'none'}.`,
            );
          if (matches.length > 1)
            throw new Error(`Several projects are named "${inert(input.project)}", in ${matches.map((m) => m.account.label).join(', ')}. Name the account.`);
          const { found, line } = await projectResources(services, matches[0].account, matches[0].project);
          return answer({
            ...line,
            ...(found.length > limit ? { more: `${found.length - limit} more: raise limit (at most 200)` } : {}),
            items: found.slice(0, limit).map((f) => summary(f, services)),
          });
        },
      },
    },

    digitalocean_app_status: {
      purpose: "an app's components, its active and in-progress deployment, and its recent deployments with their phases",
      tool: {
        async invoke(options: vscode.LanguageModelToolInvocationOptions<{ app: string; account?: string }>, token) {
          const found = await theApp(options.input, token);
          const a = found.item as App;
          const abort = abortOn(token);
          try {
            const deployments = await appDeployments(model.client(found.account), a.id, abort.signal);
            return answer({
              ...summary(found, services),
              liveUrl: a.live_url,
              components: appComponents(a),
              activeDeployment: a.active_deployment?.id,
              inProgressDeployment: a.in_progress_deployment,
              pinnedDeployment: a.pinned_deployment,
              deployments: deployments.map((d) => ({
                id: d.id,
                phase: d.phase,
                cause: d.cause,
                createdAt: d.created_at,
                updatedAt: d.phase_last_updated_at ?? d.updated_at,
                steps: d.progress,
              })),
            });
          } finally {
            abort.dispose();
          }
        },
      },
    },

    digitalocean_app_logs: {
      purpose: "the last lines of an app's run, build or deploy log (a component's or all; the active deployment's or one named)",
      tool: {
        async invoke(
          options: vscode.LanguageModelToolInvocationOptions<{
            app: string;
            type?: AppLogType;
            component?: string;
            deployment?: string;
            lines?: number;
            account?: string;
          }>,
          token,
        ) {
          const input = options.input;
          const type = input.type ?? 'RUN';
          if (!LOG_TYPES.includes(type)) throw new Error(`No log type "${inert(String(type))}": one of ${LOG_TYPES.join(', ')}.`);
          const found = await theApp(input, token);
          const a = found.item as App;
          const components = appComponents(a);
          if (input.component && !components.includes(input.component))
            throw new Error(`${inert(a.spec.name)} has no component "${inert(input.component)}". Its components: ${components.map(inert).join(', ')}.`);
          const wanted = within(input.lines, 100, 500);
          const abort = abortOn(token);
          try {
            const scope = { appId: a.id, component: input.component, deploymentId: input.deployment };
            const urls = await appLogUrls(model.client(found.account), scope, type, false, abort.signal);
            const lines: string[] = [];
            let cut = false;
            // the archived files in order; their links are secrets of a kind (they need no token): never in the answer
            for (const url of urls.historic_urls ?? []) {
              const part = await readArchivedLog(url, abort.signal);
              lines.push(...part.lines);
              cut ||= part.cut;
            }
            const last = lines.slice(-wanted).map((l) => (l.length > 2000 ? `${inert(l.slice(0, 2000))}…` : inert(l)));
            return answer({
              app: a.spec.name,
              account: found.account.label,
              type,
              component: input.component ?? 'all',
              deployment: input.deployment ?? a.active_deployment?.id,
              shown: last.length,
              ...(lines.length > last.length ? { earlier: `${lines.length - last.length} earlier lines not shown: raise lines (at most 500)` } : {}),
              ...(cut ? { cut: 'the log is longer than 8 MiB: only its first 8 MiB were read' } : {}),
              ...(!lines.length ? { note: 'no archived lines of this type (yet)' } : {}),
              lines: last,
            });
          } catch (error) {
            throw new Error(`Reading ${inert(a.spec.name)}'s ${type} log failed: ${why(error)}`);
          } finally {
            abort.dispose();
          }
        },
      },
    },

    digitalocean_metrics: {
      purpose:
        'recent metrics of a droplet (CPU, memory, disk %, load, bandwidth), an app (CPU and memory % and restarts per component) or a MySQL database (CPU, memory, disk %, connections), over the last hour, 6 hours, day or week: min, average, max and last',
      tool: {
        async invoke(options: vscode.LanguageModelToolInvocationOptions<Named & { range?: MetricRange; component?: string }>, token) {
          const input = options.input;
          const range = input.range ?? '1h';
          if (!RANGES.includes(range)) throw new Error(`No range "${inert(String(range))}": one of ${RANGES.join(', ')}.`);
          const kinds = [dropletKind.kind, appKind.kind, databaseCluster.kind];
          if (input.kind && !kinds.includes(input.kind))
            throw new Error(`DigitalOcean's API gives metrics for ${kinds.join(', ')} (MySQL only), not ${inert(input.kind)}.`);
          const all = await resources(
            services,
            accountsFor(services, input.account),
            presentersFor(undefined).filter((p) => kinds.includes(p.kind.kind)),
            token,
          );
          const found = pick(
            all.filter((f) => !input.kind || f.presenter.kind.kind === input.kind),
            input.resource,
            ' among the droplets, apps and database clusters',
          );
          const client = model.client(found.account);
          const now = Math.floor(Date.now() / 1000);
          const head = { resource: nameOf(found), kind: found.presenter.kind.kind, account: found.account.label, range };
          const abort = abortOn(token);
          try {
            if (found.presenter.kind === dropletKind) {
              const charts = await dropletCharts(client, (found.item as Droplet).id, range, now, abort.signal);
              return answer({
                ...head,
                ...(charts.hasData
                  ? {
                      cpuPercent: stats(charts.cpu),
                      memoryPercent: stats(charts.memory),
                      diskPercent: stats(charts.disk),
                      load1: stats(charts.load),
                      inboundMbps: stats(charts.inbound),
                      outboundMbps: stats(charts.outbound),
                    }
                  : { note: 'no metrics: the droplet sends none (its monitoring agent is not installed or not running)' }),
              });
            }
            if (found.presenter.kind === appKind) {
              const a = found.item as App;
              if (input.component && !appComponents(a).includes(input.component))
                throw new Error(
                  `${inert(a.spec.name)} has no component "${inert(input.component)}". Its components: ${appComponents(a).map(inert).join(', ')}.`,
                );
              const m = await appMetrics(client, a.id, input.component, range, now, abort.signal);
              const byComponent = (series: MetricSeries[]) => Object.fromEntries(series.map((x) => [inert(x.metric.app_component ?? 'all'), stats(x.values)]));
              const restarts = (series: MetricSeries[]) =>
                Object.fromEntries(
                  series.map((x) => [inert(x.metric.app_component ?? 'all'), x.values.length ? x.values[x.values.length - 1][1] - x.values[0][1] : 0]),
                );
              return answer({ ...head, cpuPercent: byComponent(m.cpu), memoryPercent: byComponent(m.memory), restartsInRange: restarts(m.restarts) });
            }
            const db = found.item as DatabaseCluster;
            if (db.engine !== 'mysql') throw new Error(`DigitalOcean's API gives database metrics for MySQL only; ${inert(db.name)} is ${db.engine}.`);
            const m = await mysqlMetrics(client, db.id, range, now, abort.signal);
            return answer({
              ...head,
              cpuPercent: stats(m.cpu),
              memoryPercent: stats(m.memory),
              diskPercent: stats(m.disk),
              threadsConnected: stats(m.threadsConnected),
            });
          } catch (error) {
            throw new Error(`Reading ${inert(nameOf(found))}'s metrics failed: ${why(error)}`);
          } finally {
            abort.dispose();
          }
        },
      },
    },
  };
}
