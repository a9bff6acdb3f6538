/**
 * The detail panels: one per resource, reused when it is shown again; a panel opened by selecting
 * a node is a preview that the next selection replaces until the user works in it. The panels'
 * code (every kind's view, the webview host) loads with the first panel: `load` gives it (the
 * Node entry requires dist/panels.js).
 */
import * as vscode from 'vscode';
import type { PanelTarget } from './kinds/builder';
import type * as PanelCode from './resourcePanel';
import type { DetailPanelDeps, ResourcePanel } from './resourcePanel';

export type { DetailPanelDeps, ResourcePanel } from './resourcePanel';
export type PanelCodeModule = typeof PanelCode;

export class DetailPanels implements vscode.Disposable {
  private readonly panels = new Map<string, ResourcePanel>();
  private readonly visibilityEmitter = new vscode.EventEmitter<void>();
  /** A panel was shown or hidden (resources in transition are polled while any panel is visible). */
  readonly onDidChangeVisibility = this.visibilityEmitter.event;

  private code?: PanelCodeModule;

  constructor(
    private readonly deps: DetailPanelDeps,
    private readonly load: () => PanelCodeModule,
  ) {}

  get anyVisible(): boolean {
    return [...this.panels.values()].some((p) => p.visible);
  }

  /**
   * Opens (or reveals) the panel of a resource. A `preview` panel (opened by selecting a node) is
   * replaced by the next preview, like an editor preview, until the user works in it; with
   * `workbench.editor.enablePreview` off, every panel stays.
   */
  open(target: PanelTarget, options: { preserveFocus?: boolean; preview?: boolean } = {}): ResourcePanel {
    this.code ??= this.load();
    const { ResourcePanel, panelKey } = this.code;
    const key = panelKey(target);
    const existing = this.panels.get(key);
    if (existing) {
      if (!options.preview) existing.pin();
      existing.reveal(options.preserveFocus);
      return existing;
    }
    const preview = options.preview === true && vscode.workspace.getConfiguration('workbench.editor').get<boolean>('enablePreview', true);
    const previous = [...this.panels.values()].find((p) => p.isPreview);
    if (preview && previous) previous.dispose();
    const panel = new ResourcePanel(
      this.deps,
      target,
      options.preserveFocus ?? false,
      () => {
        this.panels.delete(key);
        this.visibilityEmitter.fire();
      },
      (t) => this.open(t),
      () => this.visibilityEmitter.fire(),
    );
    if (!preview) panel.pin();
    this.panels.set(key, panel);
    this.visibilityEmitter.fire();
    return panel;
  }

  /** The open panel of a resource key, if any (tests). */
  get(key: string): ResourcePanel | undefined {
    return this.panels.get(key);
  }

  get openKeys(): string[] {
    return [...this.panels.keys()];
  }

  dispose(): void {
    this.closeAll();
    this.visibilityEmitter.dispose();
  }

  /** Closes every panel (tests); the manager stays usable. */
  closeAll(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
  }
}
