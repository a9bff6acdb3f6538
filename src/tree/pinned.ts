/**
 * The Pinned view: resources the user pinned from the context menu, across accounts, in the
 * order they chose (drag one onto another to put it before). Kept in the extension's global state
 * as ids and names only — never a secret. A pinned resource that no longer exists says so
 * instead of vanishing; one of an account that was removed says that. Lists are asked only when
 * the view is shown (VS Code asks for its children only then) and come from the same caches as the
 * Resources view.
 */
import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import type { ResourceModel } from '../model/resourceModel';
import type { ResourceExplorer } from './explorer';
import { presenterForKind } from './kinds';
import { ExplorerNode, MessageNode } from './nodes/base';
import { ResourceNode } from './nodes/resourceNode';

export interface Pin {
  accountId: string;
  kind: string;
  id: string;
  /** The name when it was pinned: what a gone one is called. */
  name: string;
}

const PINS_KEY = 'digitalocean.pins';
export const PINNED_MIME = 'application/vnd.code.tree.digitalocean.pinned';

/** The pins, in order, in a Memento (the extension's global state). */
export class PinStore {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly state: vscode.Memento) {}

  list(): Pin[] {
    return this.state.get<Pin[]>(PINS_KEY) ?? [];
  }

  has(accountId: string, kind: string, id: string): boolean {
    return this.list().some((p) => p.accountId === accountId && p.kind === kind && p.id === id);
  }

  async add(pin: Pin): Promise<void> {
    if (this.has(pin.accountId, pin.kind, pin.id)) return;
    await this.state.update(PINS_KEY, [...this.list(), pin]);
    this.emitter.fire();
  }

  async remove(pin: Pick<Pin, 'accountId' | 'kind' | 'id'>): Promise<void> {
    await this.state.update(
      PINS_KEY,
      this.list().filter((p) => !(p.accountId === pin.accountId && p.kind === pin.kind && p.id === pin.id)),
    );
    this.emitter.fire();
  }

  /** Puts `moving` just before `before` (at the end when `before` is undefined). */
  async move(moving: Pick<Pin, 'accountId' | 'kind' | 'id'>, before: Pick<Pin, 'accountId' | 'kind' | 'id'> | undefined): Promise<void> {
    const same = (a: Pick<Pin, 'accountId' | 'kind' | 'id'>) => (b: Pin) => a.accountId === b.accountId && a.kind === b.kind && a.id === b.id;
    const pins = this.list();
    const pin = pins.find(same(moving));
    if (!pin) return;
    const rest = pins.filter((p) => p !== pin);
    const at = before ? rest.findIndex(same(before)) : -1;
    rest.splice(at < 0 ? rest.length : at, 0, pin);
    await this.state.update(PINS_KEY, rest);
    this.emitter.fire();
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

class PinnedRoot extends ExplorerNode {
  readonly id = 'pinned';
  toTreeItem(): vscode.TreeItem {
    return new vscode.TreeItem(vscode.l10n.t('Pinned'));
  }
}

/** A pin whose resource is not there any more (or whose account was removed). */
export class GonePinNode extends MessageNode {
  constructor(
    readonly pin: Pin,
    why: string,
  ) {
    super(`pinned/gone/${pin.accountId}/${pin.kind}/${pin.id}`, pin.name, { detail: why, icon: 'circle-slash', contextValue: 'pinned.gone' });
  }
}

/** The pin a node of the Pinned view stands for. */
export function pinOf(node: unknown): Pin | undefined {
  if (node instanceof GonePinNode) return node.pin;
  if (node instanceof ResourceNode && node.parent instanceof PinnedRoot)
    return { accountId: node.account.id, kind: node.presenter.kind.kind, id: node.resourceId, name: node.name };
  return undefined;
}

export class PinnedView implements vscode.TreeDataProvider<ExplorerNode>, vscode.TreeDragAndDropController<ExplorerNode> {
  private readonly root = new PinnedRoot();
  private readonly changedEmitter = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changedEmitter.event;
  readonly dragMimeTypes = [PINNED_MIME];
  readonly dropMimeTypes = [PINNED_MIME];
  private readonly subscriptions: { dispose(): void }[];

  constructor(
    private readonly pins: PinStore,
    private readonly store: AccountStore,
    private readonly model: ResourceModel,
    private readonly explorer: ResourceExplorer,
  ) {
    this.subscriptions = [
      pins.onDidChange(() => this.changedEmitter.fire(undefined)),
      store.onDidChange(() => this.changedEmitter.fire(undefined)),
      // a list reloaded (a create, a delete, a refresh), a resource gone or changed (an action, a
      // poll): the pins are few, so the view is drawn again
      model.onDidChange(() => this.changedEmitter.fire(undefined)),
      // what marks resources changed (an ssh config entry written or removed)
      explorer.onDidChangeMarks(() => this.changedEmitter.fire(undefined)),
    ];
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (node) return node.getChildren();
    return Promise.all(this.pins.list().map((pin) => this.nodeOf(pin)));
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent instanceof PinnedRoot ? undefined : node.parent;
  }

  private async nodeOf(pin: Pin): Promise<ExplorerNode> {
    const account = this.store.get(pin.accountId);
    if (!account) return new GonePinNode(pin, vscode.l10n.t('its account was removed'));
    const presenter = presenterForKind(pin.kind);
    if (!presenter) return new GonePinNode(pin, vscode.l10n.t('a kind this version does not know'));
    try {
      const items = await this.model.cacheFor(account).list(presenter.kind, [], presenter.listQuery);
      const item = items.find((i) => String(presenter.kind.idOf(i as never)) === pin.id);
      if (!item) return new GonePinNode(pin, vscode.l10n.t('no longer exists ({0} in {1})', presenter.kind.label.toLowerCase(), account.label));
      // not tracked: the Resources view tracks (and polls) its own node of the same resource
      return new ResourceNode(this.root, account, presenter, item, [], this.explorer, true);
    } catch (error) {
      return new MessageNode(`pinned/error/${pin.accountId}/${pin.kind}/${pin.id}`, pin.name, {
        detail: vscode.l10n.t('could not be loaded: {0}', error instanceof Error ? error.message : String(error)),
        icon: 'warning',
      });
    }
  }

  handleDrag(source: readonly ExplorerNode[], data: vscode.DataTransfer): void {
    const pins = source.map(pinOf).filter((p): p is Pin => p !== undefined);
    if (pins.length) data.set(PINNED_MIME, new vscode.DataTransferItem(pins));
  }

  async handleDrop(target: ExplorerNode | undefined, data: vscode.DataTransfer): Promise<void> {
    const moving = data.get(PINNED_MIME)?.value as Pin[] | undefined;
    if (!moving?.length) return;
    const before = pinOf(target);
    for (const pin of moving) await this.pins.move(pin, before);
  }

  dispose(): void {
    this.changedEmitter.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
