/**
 * Go to Resource: one quick pick over every resource of every account, searchable by name, IP,
 * tag, region and id. It opens at once on what the lists already hold and never waits for the
 * network: kinds not loaded yet are asked for in the background (the pick shows it is busy) and
 * join the pick as they arrive. Picking one selects it in the view and opens its panel; its
 * buttons copy its IP address or run what people most often do with that kind.
 */
import * as vscode from 'vscode';
import type { AccountInfo } from '../../accounts/accountStore';
import { type AnyPresenter, SEARCHED_PRESENTERS } from '../../tree/kinds';
import type { LivePickOptions } from '../../ui/userInput';
import type { CommandDeps } from '../deps';
import { revealResource } from '../pick';
import { registerCommand } from '../register';

export interface ResourceEntry extends vscode.QuickPickItem {
  account: AccountInfo;
  presenter: AnyPresenter;
  item: unknown;
  ip?: string;
}

const COPY_IP = vscode.l10n.t('Copy IP Address');

/** The kinds Go to Resource lists: every top-level kind with a list of its own. */
export const SEARCHED = SEARCHED_PRESENTERS;

/** One entry per resource; what it can be found by goes into the label, description and detail. */
export function entryFor(account: AccountInfo, presenter: AnyPresenter, item: unknown, accounts: number, hasCommand: (id: string) => boolean): ResourceEntry {
  const kind = presenter.kind;
  const name = presenter.label?.(item) ?? kind.nameOf(item as never);
  const ip = presenter.ip?.(item);
  const region = presenter.region?.(item);
  const tags = presenter.tags?.(item) ?? [];
  const id = kind.idOf(item as never);
  const buttons: vscode.QuickInputButton[] = [];
  if (ip) buttons.push({ iconPath: new vscode.ThemeIcon('copy'), tooltip: COPY_IP });
  if (presenter.quickAction && hasCommand(presenter.quickAction.command))
    buttons.push({ iconPath: new vscode.ThemeIcon(presenter.quickAction.icon), tooltip: presenter.quickAction.title });
  return {
    label: `$(${presenter.icon}) ${name}`,
    description: [kind.label, accounts > 1 ? account.label : '', ip].filter(Boolean).join(' · '),
    detail: [region, ...(presenter.otherIps?.(item) ?? []), ...tags.map((t) => `#${t}`), String(id) === name ? '' : String(id)].filter(Boolean).join('  '),
    buttons,
    account,
    presenter,
    item,
    ip,
  };
}

/**
 * The entries of every account and kind: those already loaded at once, the others loaded in the
 * background (a few at a time through each account's rate limiter), each kind added when it comes.
 */
export class ResourceSearch implements LivePickOptions<ResourceEntry> {
  readonly title = vscode.l10n.t('Go to Resource');
  readonly placeHolder = vscode.l10n.t('Name, IP address, tag, region or id');
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly parts = new Map<string, ResourceEntry[]>();
  private pending = 0;
  private entries: ResourceEntry[] | undefined;
  /** Kinds that could not be listed, with why (said once the search ends). */
  readonly failures: string[] = [];

  constructor(private readonly deps: Pick<CommandDeps, 'store' | 'model' | 'explorer' | 'hasCommand'>) {
    const accounts = deps.store.list().filter((a) => !a.needsToken);
    for (const account of accounts) {
      const cache = deps.model.cacheFor(account);
      for (const presenter of SEARCHED) {
        const key = `${account.id}/${presenter.kind.kind}`;
        const toEntries = (items: unknown[]) => items.map((item) => entryFor(account, presenter, item, accounts.length, deps.hasCommand));
        const cached = cache.peek(presenter.kind, [], presenter.listQuery);
        if (cached) {
          this.parts.set(key, toEntries(cached));
          continue;
        }
        this.pending++;
        cache
          .list(presenter.kind, [], presenter.listQuery)
          .then(
            (items) => this.parts.set(key, toEntries(items)),
            (error: unknown) =>
              this.failures.push(`${account.label}: ${presenter.kind.pluralLabel.toLowerCase()} (${error instanceof Error ? error.message : String(error)})`),
          )
          .finally(() => {
            this.pending--;
            this.entries = undefined;
            this.changed.fire();
          });
      }
    }
  }

  items(): ResourceEntry[] {
    this.entries ??= [...this.parts.values()].flat();
    return this.entries;
  }

  busy(): boolean {
    return this.pending > 0;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerGoToResourceCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log } = deps;
  return [
    registerCommand(deps, 'digitalocean.goToResource', vscode.l10n.t('Go to resource'), async () => {
      if (!deps.store.list().some((a) => !a.needsToken)) {
        void input.notify('info', vscode.l10n.t('There is no DigitalOcean account to search. Add one, or try the demo account.'));
        return undefined;
      }
      const search = new ResourceSearch(deps);
      try {
        const { item: entry, button } = await input.pickLive(search);
        const { account, presenter, item } = entry;
        if (button === COPY_IP && entry.ip) {
          await vscode.env.clipboard.writeText(entry.ip);
          vscode.window.setStatusBarMessage(`$(check) Copied ${entry.ip}`, 4000);
          return entry;
        }
        const node = deps.explorer.nodeFor(account, presenter, item, []);
        if (button && presenter.quickAction && button === presenter.quickAction.title) {
          await vscode.commands.executeCommand(presenter.quickAction.command, node);
          return entry;
        }
        await revealResource(deps, account, presenter.kind, String(presenter.kind.idOf(item as never)));
        deps.panels.open(node);
        return entry;
      } finally {
        if (search.failures.length) log.warn(`Go to Resource could not list ${search.failures.join('; ')}`);
        search.dispose();
      }
    }),
  ];
}
