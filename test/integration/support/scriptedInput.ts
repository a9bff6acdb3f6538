/**
 * The prompts answered by a script, for the integration tests: the extension's SwitchableUserInput
 * takes it through the testing API. Test code only; it is not in the shipped bundle.
 */
import * as vscode from 'vscode';
import {
  BackError,
  type InputBoxOptions,
  type LivePickOptions,
  type LivePickResult,
  type NoticeSeverity,
  type QuickPickOptions,
  type UserInput,
  UserCancelledError,
} from '../../../src/ui/userInput';

/** The input answered by a script (tests). Answers are consumed in order; `undefined` cancels, `BACK` goes back. */
export type ScriptedAnswer = string | string[] | undefined;
export const BACK = '<back>';
/** A scripted answer that takes the input box's prefilled value as it is. */
export const ACCEPT = '<accept>';
/**
 * A scripted answer that keeps what the prompt shows: an input box's value, a quick pick's
 * preselected item (it fails when none is), a multi-select's preselected items.
 */
export const KEEP = '<keep>';
const REJECTED = '<reject>';
/**
 * A bad input typed into an input box: its check must refuse it (the test fails if it is taken);
 * the box stays open, as a real one does, and the next answer is typed into it.
 */
export const REJECT = (value: string) => `${REJECTED}${value}`;
export const isReject = (answer: ScriptedAnswer) => typeof answer === 'string' && answer.startsWith(REJECTED);

export class InputRejectedError extends Error {
  constructor(readonly validationMessage: string) {
    super(`The input was rejected: ${validationMessage}`);
    this.name = 'InputRejectedError';
  }
}

export class ScriptedUserInput implements UserInput {
  readonly asked: string[] = [];
  /** Each prompt in full (title and prompt or placeholder), for messages when a script goes astray. */
  readonly questions: string[] = [];
  /** Validation messages the input boxes gave for scripted answers they refused. */
  readonly rejections: string[] = [];
  /** Where each prompt said it stood: "3/12" (step/totalSteps), "" for a prompt outside a wizard. */
  readonly steps: string[] = [];
  /** The labels each quick pick offered, in order. */
  readonly offered: string[][] = [];
  /** The items themselves (descriptions, details, which were preselected), in order. */
  readonly offeredItems: vscode.QuickPickItem[][] = [];

  constructor(private readonly answers: ScriptedAnswer[]) {}

  get remaining(): number {
    return this.answers.length;
  }

  private next(question: string): ScriptedAnswer {
    this.asked.push(question);
    if (this.answers.length === 0) throw new Error(`No scripted answer for: ${question}`);
    const answer = this.answers.shift();
    if (answer === BACK) throw new BackError();
    return answer;
  }

  private where(options: { step?: number; totalSteps?: number }): void {
    this.steps.push(options.step ? `${options.step}/${options.totalSteps}` : '');
  }

  async inputBox(options: InputBoxOptions): Promise<string> {
    this.questions.push([options.title, options.prompt].filter(Boolean).join(': '));
    this.where(options);
    let answer = this.next(options.title ?? options.prompt ?? 'input');
    while (isReject(answer)) {
      const bad = String(answer).slice(REJECTED.length);
      const problem = await options.validateInput?.(bad);
      if (!problem) throw new Error(`The input box took a bad input "${bad}": ${[options.title, options.prompt].filter(Boolean).join(': ')}`);
      this.rejections.push(problem);
      answer = this.next(options.title ?? options.prompt ?? 'input');
    }
    if (answer === undefined) throw new UserCancelledError();
    const value = answer === ACCEPT || answer === KEEP ? (options.value ?? '') : String(answer);
    const problem = await options.validateInput?.(value);
    if (problem) {
      this.rejections.push(problem);
      throw new InputRejectedError(problem);
    }
    return value;
  }

  async quickPick<T extends vscode.QuickPickItem>(items: T[], options: QuickPickOptions): Promise<T> {
    this.questions.push([options.title, options.placeHolder].filter(Boolean).join(': '));
    this.where(options);
    const answer = this.next(options.title ?? options.placeHolder ?? 'pick');
    this.offered.push(items.map((i) => i.label));
    this.offeredItems.push(items.map(({ label, description, detail, picked }) => ({ label, description, detail, picked })));
    if (answer === undefined) throw new UserCancelledError();
    if (answer === KEEP) {
      const kept = items.find((i) => i.picked);
      if (!kept)
        throw new Error(
          `Nothing is preselected to keep at: ${[options.title, options.placeHolder].filter(Boolean).join(': ')} (${items.map((i) => i.label).join(', ')})`,
        );
      return kept;
    }
    const item = items.find((i) => i.label === answer) ?? items.find((i) => i.label.includes(String(answer)));
    if (!item) throw new Error(`No item "${String(answer)}" among: ${items.map((i) => i.label).join(', ')}`);
    return item;
  }

  async quickPickMany<T extends vscode.QuickPickItem>(items: T[], options: QuickPickOptions): Promise<T[]> {
    this.questions.push([options.title, options.placeHolder].filter(Boolean).join(': '));
    this.where(options);
    const answer = this.next(options.title ?? options.placeHolder ?? 'pick many');
    this.offered.push(items.map((i) => i.label));
    this.offeredItems.push(items.map(({ label, description, detail, picked }) => ({ label, description, detail, picked })));
    if (answer === undefined) throw new UserCancelledError();
    if (answer === KEEP) return items.filter((i) => i.picked);
    const wanted = Array.isArray(answer) ? answer : [answer];
    return wanted.map((w) => {
      const item = items.find((i) => i.label === w) ?? items.find((i) => i.label.includes(w));
      if (!item) throw new Error(`No item "${w}"`);
      return item;
    });
  }

  /** For each live pick: how many items it had when it opened, and whether it was still loading then. */
  readonly liveOpened: { items: number; busy: boolean }[] = [];
  /** The items the live picks were answered with (their buttons, say). */
  readonly livePicked: vscode.QuickPickItem[] = [];

  /**
   * A live pick answered as a person types: the answer's words must all appear (any case) in an
   * item's label, description or detail; the first such item is taken once it has arrived (or it
   * fails when loading ends without one). An answer [words, tooltip] presses that item button.
   */
  async pickLive<T extends vscode.QuickPickItem>(options: LivePickOptions<T>): Promise<LivePickResult<T>> {
    this.liveOpened.push({ items: options.items().length, busy: options.busy() });
    const answer = this.next(options.title);
    if (answer === undefined) throw new UserCancelledError();
    const [text, button] = Array.isArray(answer) ? answer : [answer];
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    const find = () => options.items().find((i) => words.every((w) => [i.label, i.description ?? '', i.detail ?? ''].join(' ').toLowerCase().includes(w)));
    const deadline = Date.now() + 20_000;
    let item = find();
    while (!item && options.busy() && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const sub = options.onDidChange(() => {
          sub.dispose();
          resolve();
        });
        setTimeout(() => {
          sub.dispose();
          resolve();
        }, 200);
      });
      item = find();
    }
    if (!item) throw new Error(`No item for "${text}" among ${options.items().length}`);
    this.livePicked.push(item);
    // a button is pressed only where the item has it
    if (button && !(item.buttons ?? []).some((b) => b.tooltip === button))
      throw new Error(`No button "${button}" on ${item.label}: ${(item.buttons ?? []).map((b) => b.tooltip).join(', ')}`);
    return { item, button };
  }

  /** What each confirmation said (message, then its detail). */
  readonly confirmations: { message: string; detail: string }[] = [];

  async confirm(message: string, detail: string, confirmLabel: string): Promise<void> {
    this.confirmations.push({ message, detail });
    const answer = this.next(message);
    if (answer !== confirmLabel) throw new UserCancelledError();
  }

  /** Secrets shown to the "user" (tests check what was shown, and that it was shown once). */
  readonly secretsShown: string[] = [];

  async showSecret(_message: string, secret: string): Promise<void> {
    this.secretsShown.push(secret);
  }

  /** Notifications shown, as "<severity>: <message>". */
  readonly notices: string[] = [];
  /** Buttons to press on the next notifications, in order (none left: dismissed). */
  readonly noticeAnswers: string[] = [];

  async notify(severity: NoticeSeverity, message: string, ...actions: string[]): Promise<string | undefined> {
    this.notices.push(`${severity}: ${message}`);
    const answer = this.noticeAnswers.shift();
    if (answer !== undefined && !actions.includes(answer)) throw new Error(`No button "${answer}" on: ${message} (${actions.join(', ')})`);
    return answer;
  }

  /** Open dialogs answer with file paths (one, or a list). */
  async openDialog(options: vscode.OpenDialogOptions): Promise<vscode.Uri[]> {
    const answer = this.next(options.title ?? options.openLabel ?? 'open');
    if (answer === undefined) throw new UserCancelledError();
    return (Array.isArray(answer) ? answer : [answer]).map((p) => vscode.Uri.file(p));
  }

  /** Save dialogs answer with a file path, or a URI (`scheme://…`: the web host's files are remote). */
  async saveDialog(options: vscode.SaveDialogOptions): Promise<vscode.Uri> {
    const answer = this.next(options.title ?? options.saveLabel ?? 'save');
    if (answer === undefined) throw new UserCancelledError();
    return /^[a-z][\w+.-]*:\/\//i.test(String(answer)) ? vscode.Uri.parse(String(answer)) : vscode.Uri.file(String(answer));
  }
}
