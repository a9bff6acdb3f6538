/**
 * File systems whose code loads on first use: the scheme is registered at activation (a document
 * of it reopened with the window must find it), and its first use loads the feature, which then
 * `provide`s the real provider. Change events pass through.
 */
import * as vscode from 'vscode';

/** What a feature gets to put its file system in place. */
export interface FileSystemSlots {
  provide(scheme: string, provider: vscode.FileSystemProvider): vscode.Disposable;
}

class Slot implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  provider?: vscode.FileSystemProvider;
  private forwarding?: vscode.Disposable;

  constructor(
    private readonly scheme: string,
    private readonly load: () => void,
  ) {}

  attach(provider: vscode.FileSystemProvider): vscode.Disposable {
    this.forwarding?.dispose();
    this.provider = provider;
    this.forwarding = provider.onDidChangeFile((events) => this.changed.fire(events));
    return new vscode.Disposable(() => {
      if (this.provider !== provider) return;
      this.forwarding?.dispose();
      this.provider = undefined;
    });
  }

  private get target(): vscode.FileSystemProvider {
    if (!this.provider) this.load();
    if (!this.provider) throw vscode.FileSystemError.Unavailable(vscode.l10n.t('Nothing provides {0}: files yet.', this.scheme));
    return this.provider;
  }

  watch(uri: vscode.Uri, options: { readonly recursive: boolean; readonly excludes: readonly string[] }): vscode.Disposable {
    return this.target.watch(uri, options);
  }
  stat(uri: vscode.Uri): vscode.FileStat | Thenable<vscode.FileStat> {
    return this.target.stat(uri);
  }
  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] | Thenable<[string, vscode.FileType][]> {
    return this.target.readDirectory(uri);
  }
  createDirectory(uri: vscode.Uri): void | Thenable<void> {
    return this.target.createDirectory(uri);
  }
  readFile(uri: vscode.Uri): Uint8Array | Thenable<Uint8Array> {
    return this.target.readFile(uri);
  }
  writeFile(uri: vscode.Uri, content: Uint8Array, options: { readonly create: boolean; readonly overwrite: boolean }): void | Thenable<void> {
    return this.target.writeFile(uri, content, options);
  }
  delete(uri: vscode.Uri, options: { readonly recursive: boolean }): void | Thenable<void> {
    return this.target.delete(uri, options);
  }
  rename(oldUri: vscode.Uri, newUri: vscode.Uri, options: { readonly overwrite: boolean }): void | Thenable<void> {
    return this.target.rename(oldUri, newUri, options);
  }

  dispose(): void {
    this.forwarding?.dispose();
    this.changed.dispose();
  }
}

export class LazyFileSystems implements FileSystemSlots, vscode.Disposable {
  private readonly slots = new Map<string, Slot>();
  private readonly registrations: vscode.Disposable[] = [];

  /** Registers `scheme` now; `load` runs on its first use and must `provide` it. */
  declare(scheme: string, load: () => void, options: { isCaseSensitive?: boolean } = {}): void {
    const slot = new Slot(scheme, load);
    this.slots.set(scheme, slot);
    this.registrations.push(slot, vscode.workspace.registerFileSystemProvider(scheme, slot, options));
  }

  provide(scheme: string, provider: vscode.FileSystemProvider): vscode.Disposable {
    const slot = this.slots.get(scheme);
    if (!slot) throw new Error(`No file system slot for ${scheme}:`);
    return slot.attach(provider);
  }

  dispose(): void {
    for (const d of this.registrations) d.dispose();
    this.registrations.length = 0;
  }
}
