/** The resource a command acts on: the node it was run on, or one picked across every account. */
import * as vscode from 'vscode';
import type { AccountInfo } from '../accounts/accountStore';
import type { AnyPresenter } from '../tree/kinds';
import { region as regionKind } from '../api/resources/region';
import { AccountNode } from '../tree/nodes/accountNode';
import { KindGroupNode } from '../tree/nodes/kindGroupNode';
import { ResourceNode } from '../tree/nodes/resourceNode';
import { ExplorerNode } from '../tree/nodes/base';
import { FolderNode } from '../tree/nodes/folderNode';
import { ProjectNode } from '../tree/nodes/projectNode';
import { presenterForKind } from '../tree/kinds';
import { resourceKey } from '../model/resourceModel';
import type { ResourceKind } from '../api';
import { withProgress } from '../ui/progress';
import { type QuickPickOptions, UserCancelledError } from '../ui/userInput';
import type { CommandDeps } from './deps';

export type PickDeps = Pick<CommandDeps, 'store' | 'model' | 'explorer' | 'input'>;

export async function resourceTarget(
  deps: PickDeps,
  arg: unknown,
  presenter: AnyPresenter,
  title: string,
  valid: (item: unknown) => boolean = () => true,
): Promise<ResourceNode> {
  if (arg instanceof ResourceNode && arg.presenter.kind.kind === presenter.kind.kind) return arg;
  const accounts = deps.store.list().filter((a) => !a.needsToken);
  const found = await withProgress(vscode.l10n.t('Listing {0}…', presenter.kind.pluralLabel.toLowerCase()), async () => {
    const lists = await Promise.all(
      accounts.map((account) =>
        deps.explorer
          .cacheFor(account)
          .list(presenter.kind, [], presenter.listQuery)
          .then(
            (items) => items.filter(valid).map((item) => ({ account, item })),
            () => [],
          ),
      ),
    );
    return lists.flat();
  });
  if (found.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No {0} to {1}.', presenter.kind.pluralLabel.toLowerCase(), title.toLowerCase()));
    throw new UserCancelledError();
  }
  // Always asked, even with one candidate: an action should never pick its own target.
  const chosen = (
    await deps.input.quickPick(
      found.map((f) => ({
        label: presenter.label?.(f.item) ?? presenter.kind.nameOf(f.item as never),
        description: `${f.account.label} · ${presenter.description(f.item, deps.explorer.present(f.account))}`,
        target: f,
      })),
      { title, placeHolder: vscode.l10n.t('Choose a {0}', presenter.kind.label.toLowerCase()) },
    )
  ).target;
  return deps.explorer.nodeFor(chosen.account, presenter, chosen.item, []);
}

/**
 * The node a command that only makes sense from the tree was run on (a node pool, a database
 * user, a DNS record…): nested kinds cannot be picked in the palette.
 */
export function nodeArgument(arg: unknown, presenter: AnyPresenter): ResourceNode {
  if (arg instanceof ResourceNode && arg.presenter.kind.kind === presenter.kind.kind) return arg;
  throw new Error(vscode.l10n.t('Run this command on a {0} in the DigitalOcean view.', presenter.kind.label.toLowerCase()));
}

/**
 * The account a command works in: the node's, the only one, or the one the user picks among
 * those `filter` lets through (by default those whose token works).
 */
export async function accountTarget(
  deps: PickDeps,
  arg: unknown,
  title: string,
  filter: (account: AccountInfo) => boolean = (a) => !a.needsToken,
): Promise<AccountInfo> {
  if (arg instanceof AccountNode || arg instanceof KindGroupNode || arg instanceof ResourceNode) return arg.account;
  const accounts = deps.store.list().filter(filter);
  if (accounts.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no DigitalOcean account to choose. Add one first.'));
    throw new UserCancelledError();
  }
  if (accounts.length === 1) return accounts[0];
  const picked = await deps.input.quickPick(
    accounts.map((a) => ({ label: a.label, description: a.needsToken ? vscode.l10n.t('token rejected') : a.email, account: a })),
    { title, placeHolder: vscode.l10n.t('Choose an account') },
  );
  return picked.account;
}

/** A region of the account that takes new resources, asked from the API (`/v2/regions`). */
export async function pickRegion(deps: PickDeps, account: AccountInfo, options: QuickPickOptions & { current?: string }): Promise<string> {
  const regions = (await deps.model.cacheFor(account).list(regionKind)).filter((r) => r.available !== false);
  const picked = await deps.input.quickPick(
    regions.map((r) => ({ label: r.slug, description: r.name, picked: r.slug === options.current })),
    { placeHolder: vscode.l10n.t('Region'), ...options },
  );
  return picked.label;
}

/**
 * Selects a resource in the view after it was made: the account's Account-wide folder (or its
 * projects) is walked to the kind's group and the resource in it. Best effort: a resource the
 * view does not show (filtered out) is simply not selected.
 */
export async function revealResource(
  deps: Pick<CommandDeps, 'explorer' | 'treeView' | 'log'>,
  account: AccountInfo,
  kind: ResourceKind<never> | ResourceKind<unknown>,
  id: string,
): Promise<void> {
  try {
    await vscode.commands.executeCommand('digitalocean.resources.focus');
    const key = resourceKey(account.id, kind.kind, [], id);
    const accountWide = presenterForKind(kind.kind)?.placement === 'account';
    let level: ExplorerNode[] = (await deps.explorer.getChildren()).filter((n) => n instanceof AccountNode && n.account.id === account.id);
    for (let depth = 0; depth < 4 && level.length; depth++) {
      const next: ExplorerNode[] = [];
      for (const node of level) {
        for (const child of await deps.explorer.getChildren(node)) {
          if (child instanceof ResourceNode) {
            if (child.resourceKey === key) {
              await deps.treeView.reveal(child, { select: true, focus: true });
              // a first reveal below collapsed, never-rendered parents may only expand them: once
              // they are shown, a second one selects
              const selected = () => deps.treeView.selection.some((n) => (n as ExplorerNode).id === child.id);
              if (!selected()) {
                await new Promise((r) => setTimeout(r, 150));
                await deps.treeView.reveal(child, { select: true, focus: true });
              }
              return;
            }
          } else if (child instanceof KindGroupNode) {
            if (child.presenter.kind.kind === kind.kind) next.push(child);
          } else if (child instanceof FolderNode || (child instanceof ProjectNode && !accountWide)) {
            next.push(child);
          }
        }
      }
      level = next;
    }
  } catch (error) {
    deps.log.debug(`Could not select the new ${kind.label}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The project a node is shown in (itself, or the one above it), if any: a wizard started there creates in it. */
export function projectOf(arg: unknown): string | undefined {
  for (let node = arg instanceof ExplorerNode ? arg : undefined; node; node = node.parent) if (node instanceof ProjectNode) return node.project.id;
  return undefined;
}
