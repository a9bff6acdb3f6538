/** What integration tests share: the extension's testing API and the fake API's control surface. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ScriptedUserInput, type ScriptedAnswer } from './scriptedInput';
import type { TestingApi } from '../../../src/extension';
import type { ExplorerNode } from '../../../src/tree/nodes/base';

export const EXTENSION_ID = 'do-explorer.digitalocean-explorer';

export async function extensionApi(): Promise<TestingApi> {
  const extension = vscode.extensions.getExtension<{ testing?: TestingApi }>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  const api = await extension.activate();
  if (!api.testing) throw new Error('the extension did not expose its testing API (not in test mode?)');
  return api.testing;
}

/**
 * What the harness tells the suites: the server's environment in the Node extension host; in the
 * web worker extension host (no environment), the `doTest.env` user setting it writes.
 */
export function testEnv(name: string): string | undefined {
  const nodeEnv = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return nodeEnv?.[name] ?? vscode.workspace.getConfiguration('doTest').get<Record<string, string>>('env')?.[name];
}

/** True in the web worker extension host (the browser build). */
export const onWeb = vscode.env.uiKind === vscode.UIKind.Web && typeof (globalThis as { process?: unknown }).process === 'undefined';

/** A value the harness must have given (`why`: what starts it), else the test fails saying so. */
export function required(name: string, why = 'run the integration tests through the harness (npm test)'): string {
  const value = testEnv(name);
  if (!value) throw new Error(`${name} is not set: ${why}`);
  return value;
}

/** The fake API's control surface (direct, not through Prism). */
export const fake = {
  url: () => required('DO_TEST_FAKE_URL'),
  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${fake.url()}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`fake control ${method} ${path}: HTTP ${response.status}`);
    return (await response.json()) as T;
  },
  reset: () => fake.call('POST', '/__fake/reset'),
  tokens: (body: { add?: string[]; revoke?: string[]; restore?: string[]; profiles?: Record<string, { email: string; teamName: string }> }) =>
    fake.call('POST', '/__fake/tokens', body),
  /**
   * The fake answers the next `times` (1) requests to `method path` with the API's error shape
   * instead of handling them: how the tests make the API refuse something.
   */
  refuse: (method: string, path: string, o: { status: number; id: string; message: string; requestId: string; times?: number }) =>
    fake.call('POST', '/__fake/faults', {
      faults: [
        {
          kind: 'respond',
          method,
          path,
          ...(o.times ? { times: o.times } : {}),
          status: o.status,
          body: { id: o.id, message: o.message, request_id: o.requestId },
        },
      ],
    }),
  log: () => fake.call<{ handled: { method: string; path: string; status: number }[]; seen: { method: string; url: string }[] }>('GET', '/__fake/log'),
};

/**
 * A fresh token in DigitalOcean's format. Every token made here is reported to the harness
 * (through a global: each suite is its own bundle), which then searches the server's settings,
 * state and log directories for it.
 */
export function randomToken(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  const token = 'dop_v1_' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  const registry = globalThis as { __doTestTokens?: string[] };
  (registry.__doTestTokens ??= []).push(token);
  return token;
}

export async function eventually<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/**
 * A clean start for action suites: the fake back to its seed with quick actions, no account but
 * the demo one, grouped by project.
 */
export async function freshDemo(api: TestingApi, actionDurationMs = 600): Promise<void> {
  await fake.reset();
  await fake.call('POST', '/__fake/config', { actionDurationMs });
  for (const account of api.store.list()) await api.store.remove(account.id);
  await api.explorer.setGrouping('project');
  await vscode.commands.executeCommand('digitalocean.addDemoAccount');
  await vscode.commands.executeCommand('digitalocean.resources.focus');
}

/** Runs a command with scripted answers to its prompts; returns the script (asked, rejections). */
export async function runWithAnswers(api: TestingApi, command: string, arg: unknown, answers: ScriptedAnswer[]): Promise<ScriptedUserInput> {
  const input = new ScriptedUserInput(answers);
  api.setUserInput(input);
  await vscode.commands.executeCommand(command, arg);
  return input;
}

/** Requests that change something (not GET) the fake has seen. */
export async function writes(): Promise<number> {
  return (await fake.log()).seen.filter((r) => r.method !== 'GET').length;
}

/** Paths whose POST only checks or prices (an app spec proposed, a registry name), changing nothing. */
const CHECKS_ONLY = ['/v2/apps/propose', '/v2/registry/validate-name'];

/** Requests that change something: writes() less those that only check. */
export async function changes(): Promise<number> {
  return (await fake.log()).seen.filter((r) => r.method !== 'GET' && !CHECKS_ONLY.some((p) => new URL(r.url, 'http://x').pathname === p)).length;
}

/**
 * Everything the extension wrote to its log files so far (the DigitalOcean output channel), read
 * through VS Code's file system: a file on disk in the Node host, the browser's store on the web.
 */
export async function extensionLog(api: TestingApi): Promise<string> {
  const texts: string[] = [];
  const walk = async (dir: vscode.Uri): Promise<void> => {
    for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
      const entry = vscode.Uri.joinPath(dir, name);
      if (type & vscode.FileType.Directory) await walk(entry);
      else if (type & vscode.FileType.File) texts.push(new TextDecoder().decode(await vscode.workspace.fs.readFile(entry)));
    }
  };
  await walk(vscode.Uri.joinPath(api.logUri, '..'));
  return texts.join('\n');
}

/**
 * The extension's log once it shows `expected` (within 10 s), asserted: log lines reach their file
 * a moment after they are written, later on the web (the browser's store is written in batches).
 * Check what must not be in the log after this, so that the lines it would be in have arrived.
 */
export async function logShowing(api: TestingApi, expected: RegExp, message?: string): Promise<string> {
  let text = '';
  const deadline = Date.now() + 10_000;
  while (!expected.test((text = await extensionLog(api))) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  assert.match(text, expected, message);
  return text;
}

/** The labels preselected in the n-th quick pick (counting from 0) that offered `marker`: what Back kept. */
export function preselected(input: ScriptedUserInput, marker: string, nth = 0): string[] | undefined {
  return input.offeredItems
    .filter((items) => items.some((i) => i.label === marker))
    [nth]?.filter((i) => i.picked)
    .map((i) => i.label);
}

/** The node reached from the first account by labels (a label, or a label followed by a count: "Droplets 3"). */
export async function nodeAt(api: TestingApi, ...path: string[]): Promise<ExplorerNode> {
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);
  let node = (await api.explorer.getChildren())[0];
  for (const name of path) {
    const children = await api.explorer.getChildren(node);
    const found = children.find((n) => label(n) === name || label(n).startsWith(`${name} `));
    if (!found) throw new Error(`no ${name} under ${label(node)}: ${children.map(label).join(', ')}`);
    node = found;
  }
  return node;
}

/**
 * A declined or dismissed prompt, as the user sees it: the command got as far as asking
 * `question` (a command that crashed earlier would not have), and showed no error. Errors reach
 * the scripted input as "error: …" notices (ui/errors.ts), at once: no waiting needed.
 */
export function assertDeclinedQuietly(input: ScriptedUserInput, question: RegExp): void {
  assert.ok(
    input.asked.some((q) => question.test(q)),
    `the prompt ${question} was never asked: ${input.asked.join(' | ')}`,
  );
  assert.deepEqual(
    input.notices.filter((n) => n.startsWith('error:')),
    [],
    'an error was shown',
  );
}
