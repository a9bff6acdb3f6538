/**
 * DigitalOcean for the editor's agents (Copilot and other chat agents): language model tools over
 * every account the extension holds, answering from the model's lists where they are loaded (no
 * request) and through the same client (the token stays in secret storage; a tool never sees it).
 * Reads run at once; a change (power, reboot) is confirmed by the user first, naming the account,
 * the resource and the effect, and shows in the view as if clicked. What a tool returns is data
 * (data.ts): secrets left out, text from the API made inert, under a sentence saying it is data.
 */
import * as vscode from 'vscode';
import type { AccountInfo, AccountStore } from '../accounts/accountStore';
import { ApiError } from '../api';
import { type Droplet, type DropletActionType, droplet as dropletKind } from '../api/resources/droplet';
import type { Logger } from '../log';
import type { ResourceModel } from '../model/resourceModel';
import { type AnyPresenter, SEARCHED_PRESENTERS } from '../tree/kinds';
import { asResult, inert } from './data';

export interface AgentServices {
  store: AccountStore;
  model: ResourceModel;
  log: Logger;
}

/** The kinds the tools search: every top-level kind with a list of its own. */
const SEARCHED = SEARCHED_PRESENTERS;

interface Found {
  account: AccountInfo;
  presenter: AnyPresenter;
  item: unknown;
}

/** One resource as a line of data: what the tree shows of it. */
function summary(found: Found, services: AgentServices): Record<string, unknown> {
  const { account, presenter, item } = found;
  const ctx = { ...services.model.lookups(account), now: Date.now() };
  const cost = presenter.monthlyCost?.(item, ctx);
  return {
    account: account.label,
    kind: presenter.kind.kind,
    id: String(presenter.kind.idOf(item as never)),
    name: presenter.label?.(item) ?? presenter.kind.nameOf(item as never),
    state: presenter.description(item, ctx),
    region: presenter.region?.(item),
    ip: presenter.ip?.(item),
    tags: presenter.tags?.(item),
    monthlyCostUsd: cost,
  };
}

/** The accounts asked for: one by label (or id), or all with a token. */
function accountsFor(services: AgentServices, account: string | undefined): AccountInfo[] {
  const usable = services.store.list().filter((a) => !a.needsToken);
  if (!account) return usable;
  const wanted = usable.filter((a) => a.label === account || a.id === account || a.label.toLowerCase().includes(account.toLowerCase()));
  if (!wanted.length) throw new Error(`No account matches "${inert(account)}". The accounts are: ${usable.map((a) => a.label).join(', ') || 'none'}.`);
  return wanted;
}

function presentersFor(kind: string | undefined): AnyPresenter[] {
  if (!kind) return SEARCHED;
  const wanted = SEARCHED.filter(
    (p) => p.kind.kind === kind || p.kind.label.toLowerCase() === kind.toLowerCase() || p.kind.pluralLabel.toLowerCase() === kind.toLowerCase(),
  );
  if (!wanted.length) throw new Error(`No kind "${inert(kind)}". Kinds: ${SEARCHED.map((p) => p.kind.kind).join(', ')}.`);
  return wanted;
}

/** Every resource of those accounts and kinds: lists already loaded as they are, the others loaded. */
async function resources(services: AgentServices, accounts: AccountInfo[], presenters: AnyPresenter[], token: vscode.CancellationToken): Promise<Found[]> {
  const lists = await Promise.all(
    accounts.flatMap((account) =>
      presenters.map(async (presenter) => {
        const cache = services.model.cacheFor(account);
        if (token.isCancellationRequested) return [];
        // a list failing (a kind the token may not read) leaves that kind out, not the answer
        const items = cache.peek(presenter.kind, [], presenter.listQuery) ?? (await cache.list(presenter.kind, [], presenter.listQuery).catch(() => []));
        return (items as unknown[]).map((item) => ({ account, presenter, item }));
      }),
    ),
  );
  return lists.flat();
}

/**
 * What a resource can be found by (name, id, IP, region, tags, kind), lower-cased once per copy
 * of it: a copy is replaced, not changed, when the resource changes, so the text stays true.
 */
const searchTexts = new WeakMap<object, string>();
function searchText(found: Found): string {
  const { presenter, item } = found;
  const cached = typeof item === 'object' && item !== null ? searchTexts.get(item) : undefined;
  if (cached !== undefined) return cached;
  const text = [
    presenter.label?.(item) ?? presenter.kind.nameOf(item as never),
    String(presenter.kind.idOf(item as never)),
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

function matches(found: Found, words: string[]): boolean {
  if (!words.length) return true;
  const text = searchText(found);
  return words.every((w) => text.includes(w));
}

interface FindInput {
  query?: string;
  kind?: string;
  account?: string;
  limit?: number;
}

interface DescribeInput {
  resource: string;
  kind?: string;
  account?: string;
}

interface PowerInput {
  droplet: string;
  action: 'power_on' | 'power_off' | 'shutdown' | 'reboot' | 'power_cycle';
  account?: string;
}

const text = (value: string) => new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(value)]);

/** The one resource a name or id names; more than one is an error that lists them. */
async function one(services: AgentServices, input: DescribeInput, token: vscode.CancellationToken): Promise<Found> {
  const all = await resources(services, accountsFor(services, input.account), presentersFor(input.kind), token);
  const key = input.resource.trim().toLowerCase();
  const exact = all.filter(
    (f) =>
      String(f.presenter.kind.idOf(f.item as never)).toLowerCase() === key ||
      (f.presenter.label?.(f.item) ?? f.presenter.kind.nameOf(f.item as never)).toLowerCase() === key,
  );
  if (exact.length === 1) return exact[0];
  if (!exact.length)
    throw new Error(
      `No resource named or with the id "${inert(input.resource)}"${input.kind ? ` of kind ${inert(input.kind)}` : ''}. Use digitalocean_find_resources to search.`,
    );
  throw new Error(
    `Several resources are named "${inert(input.resource)}": ${exact.map((f) => `${f.presenter.kind.kind} ${String(f.presenter.kind.idOf(f.item as never))} in ${f.account.label}`).join('; ')}. Name the kind or the account.`,
  );
}

const POWER: Record<PowerInput['action'], { verb: string; transition: string; effect: string; valid: (d: Droplet) => boolean }> = {
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

/** The tools, by name (package.json's `languageModelTools` declares the same names). */
export function agentTools(services: AgentServices): Record<string, vscode.LanguageModelTool<never>> {
  const droplet = async (input: PowerInput, token: vscode.CancellationToken) => {
    const found = await one(services, { resource: input.droplet, kind: dropletKind.kind, account: input.account }, token);
    const action = POWER[input.action];
    if (!action) throw new Error(`No action "${inert(String(input.action))}": one of ${Object.keys(POWER).join(', ')}.`);
    return { found, action, d: found.item as Droplet };
  };

  const tools: Record<string, vscode.LanguageModelTool<never>> = {
    digitalocean_find_resources: {
      async invoke(options: vscode.LanguageModelToolInvocationOptions<FindInput>, token) {
        const input = options.input;
        const limit = Math.max(1, Math.min(200, Math.floor(input.limit ?? 25)));
        const words = (input.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
        const all = await resources(services, accountsFor(services, input.account), presentersFor(input.kind), token);
        const hits = all.filter((f) => matches(f, words));
        return text(
          asResult({
            found: hits.length,
            shown: Math.min(limit, hits.length),
            ...(hits.length > limit ? { more: `${hits.length - limit} more: narrow the query, name a kind or an account, or raise limit (at most 200)` } : {}),
            resources: hits.slice(0, limit).map((f) => summary(f, services)),
          }),
        );
      },
    },

    digitalocean_describe_resource: {
      async invoke(options: vscode.LanguageModelToolInvocationOptions<DescribeInput>, token) {
        const found = await one(services, options.input, token);
        return text(asResult({ ...summary(found, services), fields: found.item }));
      },
    },

    digitalocean_account_summary: {
      async invoke(options: vscode.LanguageModelToolInvocationOptions<{ account?: string }>, token) {
        const accounts = accountsFor(services, options.input.account);
        const all = await resources(services, accounts, SEARCHED, token);
        const summaries = await Promise.all(
          accounts.map(async (account) => {
            const mine = all.filter((f) => f.account === account);
            const ctx = { ...services.model.lookups(account), now: Date.now() };
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
            const balance = await services.model
              .cacheFor(account)
              .balance()
              .then((b) => ({ monthToDateUsageUsd: Number(b.month_to_date_usage), accountBalanceUsd: Number(b.account_balance), asOf: b.generated_at }))
              .catch((error: unknown) => ({ unavailable: error instanceof ApiError ? error.describe() : String(error) }));
            return {
              account: account.label,
              resources: kinds.reduce((n, k) => n + k.count, 0),
              estimatedMonthlyCostUsd: Math.round(kinds.reduce((n, k) => n + (k.monthlyCostUsd ?? 0), 0) * 100) / 100,
              balance,
              kinds,
            };
          }),
        );
        return text(asResult({ accounts: summaries }));
      },
    },

    digitalocean_list_kinds: {
      async invoke() {
        const accounts = accountsFor(services, undefined);
        return text(
          asResult({
            accounts: accounts.map((a) => a.label),
            kinds: SEARCHED.map((p) => ({
              kind: p.kind.kind,
              label: p.kind.label,
              // what is loaded already: no request is made to say so
              loaded: Object.fromEntries(accounts.map((a) => [a.label, services.model.cacheFor(a).peek(p.kind)?.length ?? 'not loaded yet'])),
            })),
            tools: {
              digitalocean_find_resources: 'search every account by name, id, IP, region or tag; filter by kind or account',
              digitalocean_describe_resource: 'one resource: what the view shows, its cost, and its fields (secrets left out)',
              digitalocean_account_summary:
                'each account: how many resources of each kind, their estimated monthly cost, and the balance and month-to-date usage',
              digitalocean_droplet_power: 'power on, shut down, power off, reboot or power cycle a droplet (the user confirms)',
            },
          }),
        );
      },
    },

    digitalocean_droplet_power: {
      async prepareInvocation(options: vscode.LanguageModelToolInvocationPrepareOptions<PowerInput>, token) {
        const { found, action, d } = await droplet(options.input, token);
        const message = new vscode.MarkdownString();
        // shown to the user, not the model: in their language
        message.appendText(
          vscode.l10n.t('{0} the droplet {1} ({2}, now {3}) in the account {4}?', action.verb, inert(d.name), d.region.slug, d.status, found.account.label) +
            `\n\n${action.effect}`,
        );
        return {
          invocationMessage: vscode.l10n.t('{0} {1}', action.verb, inert(d.name)),
          confirmationMessages: { title: vscode.l10n.t('{0} {1}?', action.verb, inert(d.name)), message },
        };
      },
      async invoke(options: vscode.LanguageModelToolInvocationOptions<PowerInput>, token) {
        const { found, action, d } = await droplet(options.input, token);
        if (!action.valid(d)) throw new Error(`${inert(d.name)} is ${d.status}: "${action.verb}" does not apply now.`);
        const ref = { account: found.account, kind: dropletKind as never, id: String(d.id), parents: [] };
        const who = `[${found.account.label}] ${action.verb} ${d.name} (asked by an agent)`;
        const controller = new AbortController();
        const sub = token.onCancellationRequested(() => controller.abort());
        services.log.info(`${who}: started`);
        services.model.setTransition(ref, action.transition);
        try {
          const client = services.model.client(found.account);
          const started = await client.act(dropletKind, String(d.id), options.input.action as DropletActionType, {}, { signal: controller.signal });
          const done = started.status === 'completed' ? started : await client.waitForAction(started.id, { signal: controller.signal });
          services.log.info(`${who}: completed`);
          const after = (await services.model.reloadResource(ref).catch(() => undefined)) as Droplet | undefined;
          return text(
            asResult({
              done: `${action.verb} ${d.name}`,
              action: { id: done.id, status: done.status },
              droplet: after ? summary({ ...found, item: after }, services) : undefined,
            }),
          );
        } catch (error) {
          const why = error instanceof ApiError ? error.describe() : error instanceof Error ? error.message : String(error);
          services.log.warn(`${who}: failed: ${why}`);
          // the API's message and request id, for the agent to report
          throw new Error(`${action.verb} ${inert(d.name)} failed: ${why}`);
        } finally {
          sub.dispose();
          services.model.setTransition(ref, undefined);
        }
      },
    },
  };
  return tools;
}

/** Registers the tools where the editor has them (VS Code 1.95 and later, desktop and web). */
export function registerAgentTools(services: AgentServices): { disposables: vscode.Disposable[]; tools: Record<string, vscode.LanguageModelTool<never>> } {
  const tools = agentTools(services);
  if (typeof vscode.lm?.registerTool !== 'function') return { disposables: [], tools };
  return { disposables: Object.entries(tools).map(([name, tool]) => vscode.lm.registerTool(name, tool)), tools };
}
