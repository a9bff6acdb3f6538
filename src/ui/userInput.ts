/**
 * Every question the extension asks goes through UserInput, so a cancelled prompt becomes one
 * kind of exception (UserCancelledError, which the command wrapper keeps silent) and tests in
 * the extension host can answer prompts with a script instead of a person.
 */
import * as vscode from 'vscode';

export class UserCancelledError extends Error {
  constructor() {
    super(vscode.l10n.t('Cancelled by the user.'));
    this.name = 'UserCancelledError';
  }
}

/** Thrown when the user presses Back in a multi-step flow (see wizard.ts). */
export class BackError extends Error {
  constructor() {
    super(vscode.l10n.t('Back'));
    this.name = 'BackError';
  }
}

/** Where a prompt stands in a multi-step flow; with `canGoBack` it shows a Back button. */
export interface StepOptions {
  step?: number;
  totalSteps?: number;
  canGoBack?: boolean;
}

export interface InputBoxOptions extends StepOptions {
  title?: string;
  prompt?: string;
  placeHolder?: string;
  value?: string;
  password?: boolean;
  validateInput?: (value: string) => string | undefined | Promise<string | undefined>;
}

export interface QuickPickOptions extends StepOptions {
  title?: string;
  placeHolder?: string;
}

/** A quick pick whose items keep arriving (Go to Resource): shown at once, busy while more load. */
export interface LivePickOptions<T extends vscode.QuickPickItem> {
  title: string;
  placeHolder: string;
  /** The items now; asked again after each `onDidChange`. */
  items(): T[];
  onDidChange: vscode.Event<void>;
  busy(): boolean;
}

/** What was picked, and which of its buttons was pressed (its tooltip), if one was. */
export interface LivePickResult<T> {
  item: T;
  button?: string;
}

export interface UserInput {
  inputBox(options: InputBoxOptions): Promise<string>;
  quickPick<T extends vscode.QuickPickItem>(items: T[], options: QuickPickOptions): Promise<T>;
  quickPickMany<T extends vscode.QuickPickItem>(items: T[], options: QuickPickOptions): Promise<T[]>;
  pickLive<T extends vscode.QuickPickItem>(options: LivePickOptions<T>): Promise<LivePickResult<T>>;
  /** A modal warning; resolves when the user chose `confirmLabel`, throws UserCancelledError otherwise. */
  confirm(message: string, detail: string, confirmLabel: string): Promise<void>;
  /** Shows a secret once (a generated password) with a Copy button. Never logged. */
  showSecret(message: string, secret: string): Promise<void>;
  /** A notification (not modal) with buttons; resolves the button chosen, undefined when dismissed. */
  notify(severity: NoticeSeverity, message: string, ...actions: string[]): Promise<string | undefined>;
  /** Files or folders to open (an upload's sources); UserCancelledError when none is chosen. */
  openDialog(options: vscode.OpenDialogOptions): Promise<vscode.Uri[]>;
  /** Where to save (a download's target); UserCancelledError when cancelled. */
  saveDialog(options: vscode.SaveDialogOptions): Promise<vscode.Uri>;
}

export type NoticeSeverity = 'info' | 'warning' | 'error';

/**
 * Shows a quick input until it settles: `accept` may call `done` with the answer; Back rejects
 * with BackError, closing it any other way with UserCancelledError. It is disposed either way.
 */
function untilSettled<R>(
  widget: vscode.InputBox | vscode.QuickPick<vscode.QuickPickItem>,
  accept: (done: (answer: R) => void) => void | Promise<void>,
): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    let settled = false;
    const finish = (action: () => void) => {
      settled = true;
      action();
      widget.dispose();
    };
    widget.onDidTriggerButton(() => finish(() => reject(new BackError())));
    widget.onDidAccept(() => accept((answer) => finish(() => resolve(answer))));
    widget.onDidHide(() => {
      if (!settled) finish(() => reject(new UserCancelledError()));
    });
    widget.show();
  });
}

export class VsCodeUserInput implements UserInput {
  async inputBox(options: InputBoxOptions): Promise<string> {
    if (options.step === undefined) {
      const value = await vscode.window.showInputBox({ ...options, ignoreFocusOut: true });
      if (value === undefined) throw new UserCancelledError();
      return value;
    }
    const box = vscode.window.createInputBox();
    Object.assign(box, {
      title: options.title,
      prompt: options.prompt,
      placeholder: options.placeHolder,
      value: options.value ?? '',
      password: options.password ?? false,
      step: options.step,
      totalSteps: options.totalSteps,
      ignoreFocusOut: true,
    });
    if (options.canGoBack) box.buttons = [vscode.QuickInputButtons.Back];
    box.onDidChangeValue(async (value) => (box.validationMessage = (await options.validateInput?.(value)) ?? undefined));
    return untilSettled<string>(box, async (done) => {
      const problem = await options.validateInput?.(box.value);
      if (problem) box.validationMessage = problem;
      else done(box.value);
    });
  }

  quickPick<T extends vscode.QuickPickItem>(items: T[], options: QuickPickOptions): Promise<T> {
    return this.pick(items, options, false).then((picked) => picked[0]);
  }

  quickPickMany<T extends vscode.QuickPickItem>(items: T[], options: QuickPickOptions): Promise<T[]> {
    return this.pick(items, options, true);
  }

  private pick<T extends vscode.QuickPickItem>(items: T[], options: QuickPickOptions, many: boolean): Promise<T[]> {
    const qp = vscode.window.createQuickPick<T>();
    Object.assign(qp, {
      title: options.title,
      placeholder: options.placeHolder,
      step: options.step,
      totalSteps: options.totalSteps,
      canSelectMany: many,
      ignoreFocusOut: true,
      matchOnDescription: true,
    });
    qp.items = items;
    if (many) qp.selectedItems = items.filter((i) => i.picked);
    else {
      // a single pick opens on the earlier answer (Back, or the current value): Enter keeps it
      const earlier = items.find((i) => i.picked);
      if (earlier) qp.activeItems = [earlier];
    }
    if (options.canGoBack) qp.buttons = [vscode.QuickInputButtons.Back];
    return untilSettled<T[]>(qp, (done) => {
      const chosen = many ? [...qp.selectedItems] : [...qp.activeItems].slice(0, 1);
      if (many || chosen.length > 0) done(chosen);
    });
  }

  pickLive<T extends vscode.QuickPickItem>(options: LivePickOptions<T>): Promise<LivePickResult<T>> {
    const qp = vscode.window.createQuickPick<T>();
    Object.assign(qp, { title: options.title, placeholder: options.placeHolder, matchOnDescription: true, matchOnDetail: true });
    // VS Code re-sorts the matches by how well they fit what is typed
    qp.items = options.items();
    qp.busy = options.busy();
    // what the typed words match first: the item to keep active when arriving items replace the list
    const firstMatch = () => {
      const words = qp.value.toLowerCase().split(/\s+/).filter(Boolean);
      return qp.items.find((i) => words.every((w) => [i.label, i.description ?? '', i.detail ?? ''].join(' ').toLowerCase().includes(w)));
    };
    const subscription = options.onDidChange(() => {
      const active = qp.activeItems[0];
      qp.items = options.items();
      // replacing the items leaves none active: keep the one that was, else the first match
      const keep = active && qp.items.includes(active) ? active : qp.value ? firstMatch() : undefined;
      if (keep) qp.activeItems = [keep];
      qp.busy = options.busy();
    });
    return new Promise<LivePickResult<T>>((resolve, reject) => {
      let settled = false;
      const finish = (action: () => void) => {
        settled = true;
        subscription.dispose();
        action();
        qp.dispose();
      };
      qp.onDidTriggerItemButton((e) => finish(() => resolve({ item: e.item, button: e.button.tooltip })));
      qp.onDidAccept(() => {
        // Enter pressed just as arriving items replaced the list finds no active item for a
        // moment: take the one the list settles on, rather than dropping the keypress
        const take = (tries: number) => {
          const item = qp.activeItems[0] ?? (tries === 0 ? firstMatch() : undefined);
          if (item) finish(() => resolve({ item }));
          else if (tries > 0 && !settled) setTimeout(() => take(tries - 1), 50);
          // (the last try takes the first item the typed words match)
        };
        take(10);
      });
      qp.onDidHide(() => {
        if (!settled) finish(() => reject(new UserCancelledError()));
      });
      qp.show();
    });
  }

  async confirm(message: string, detail: string, confirmLabel: string): Promise<void> {
    const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, confirmLabel);
    if (choice !== confirmLabel) throw new UserCancelledError();
  }

  async showSecret(message: string, secret: string): Promise<void> {
    const choice = await vscode.window.showInformationMessage(
      message,
      { modal: true, detail: vscode.l10n.t('{0}\n\nIt is shown only now: copy it to your password manager.', secret) },
      vscode.l10n.t('Copy Password'),
    );
    if (choice === vscode.l10n.t('Copy Password')) {
      await vscode.env.clipboard.writeText(secret);
      vscode.window.setStatusBarMessage('$(check) Password copied', 4000);
    }
  }

  async notify(severity: NoticeSeverity, message: string, ...actions: string[]): Promise<string | undefined> {
    const show =
      severity === 'error' ? vscode.window.showErrorMessage : severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    return show(message, ...actions);
  }

  async openDialog(options: vscode.OpenDialogOptions): Promise<vscode.Uri[]> {
    const uris = await vscode.window.showOpenDialog(options);
    if (!uris?.length) throw new UserCancelledError();
    return uris;
  }

  async saveDialog(options: vscode.SaveDialogOptions): Promise<vscode.Uri> {
    const uri = await vscode.window.showSaveDialog(options);
    if (!uri) throw new UserCancelledError();
    return uri;
  }
}

/** Forwards to a replaceable input: the real one, or a script during tests. */
export class SwitchableUserInput implements UserInput {
  constructor(private current: UserInput) {}

  use(input: UserInput): void {
    this.current = input;
  }

  inputBox(options: InputBoxOptions): Promise<string> {
    return this.current.inputBox(options);
  }

  quickPick<T extends vscode.QuickPickItem>(items: T[], options: QuickPickOptions): Promise<T> {
    return this.current.quickPick(items, options);
  }

  quickPickMany<T extends vscode.QuickPickItem>(items: T[], options: QuickPickOptions): Promise<T[]> {
    return this.current.quickPickMany(items, options);
  }

  pickLive<T extends vscode.QuickPickItem>(options: LivePickOptions<T>): Promise<LivePickResult<T>> {
    return this.current.pickLive(options);
  }

  confirm(message: string, detail: string, confirmLabel: string): Promise<void> {
    return this.current.confirm(message, detail, confirmLabel);
  }

  showSecret(message: string, secret: string): Promise<void> {
    return this.current.showSecret(message, secret);
  }

  notify(severity: NoticeSeverity, message: string, ...actions: string[]): Promise<string | undefined> {
    return this.current.notify(severity, message, ...actions);
  }

  openDialog(options: vscode.OpenDialogOptions): Promise<vscode.Uri[]> {
    return this.current.openDialog(options);
  }

  saveDialog(options: vscode.SaveDialogOptions): Promise<vscode.Uri> {
    return this.current.saveDialog(options);
  }
}
