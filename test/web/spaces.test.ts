/**
 * Spaces from the browser, in the real web worker extension host, against s3rver on loopback
 * (ams3), which answers a browser as S3 does: no preflight for the bucket list, a bucket's
 * preflights by its CORS rules. The harness made two buckets (run-all.mjs, prepareWebBuckets):
 * web-closed without rules, web-open with its owner's rule for GET, PUT and HEAD from anywhere.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/activate';
import { SpacesClient } from '../../src/api/spaces/spacesClient';
import { originPattern } from '../../src/api/spaces/spacesCors';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { DownloadMismatch, workspaceFiles } from '../../src/ui/transferFiles';
import { ScriptedUserInput } from '../integration/support/scriptedInput';
import { extensionApi, freshDemo, logShowing, runWithAnswers, testEnv } from '../integration/support/env';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const S3RVER = () => testEnv('DO_TEST_S3_S3RVER') ?? assert.fail('DO_TEST_S3_S3RVER is not set: run through the harness');

describe('Spaces in the browser', function () {
  this.timeout(120_000);
  let api: TestingApi;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);
  const here = () => (globalThis as { location?: { origin: string } }).location?.origin ?? assert.fail('no origin in this worker');

  before(async () => {
    api = await extensionApi();
    await freshDemo(api);
    const input = await runWithAnswers(api, 'digitalocean.spaces.setKey', await spacesRoot(), [
      'Create a new key…',
      `web-test-${Date.now()}`,
      'Full access to every bucket',
    ]);
    assert.equal(input.remaining, 0);
    // a browser has no OS keychain: the texts say where the secret really goes
    const said = [...input.offeredItems.flat().map((i) => i.description ?? ''), ...input.notices].join('\n');
    assert.ok(!/keychain/i.test(said), said);
    assert.match(said, /this browser's storage for the editor/);
    // the token leak check searches the extension's log and the server's directories for it
    ((globalThis as { __doTestTokens?: string[] }).__doTestTokens ??= []).push((await key()).secretKey);
  });
  afterEach(() => api.setUserInput(undefined));

  async function spacesRoot(): Promise<ExplorerNode> {
    const [account] = await api.explorer.getChildren();
    const accountWide = (await api.explorer.getChildren(account)).find((n) => label(n) === 'Account-wide')!;
    return (await api.explorer.getChildren(accountWide)).find((n) => label(n) === 'Spaces') ?? assert.fail('no Spaces node under Account-wide');
  }
  async function bucket(name: string): Promise<ExplorerNode> {
    const children = await api.explorer.getChildren(await spacesRoot());
    return children.find((n) => label(n) === name) ?? assert.fail(`no bucket ${name}: ${children.map(label).join(', ')}`);
  }
  async function key(): Promise<{ accessKey: string; secretKey: string }> {
    return JSON.parse((await api.secrets.get(`digitalocean.spaces.${api.store.list()[0].id}`)) ?? assert.fail('no Spaces key')) as {
      accessKey: string;
      secretKey: string;
    };
  }
  const sha256 = async (bytes: Uint8Array) =>
    [...new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(bytes)))].map((b) => b.toString(16).padStart(2, '0')).join('');

  it('cannot list the buckets in a browser: says so, and opens a bucket named by the user', async () => {
    const first = (await api.explorer.getChildren(await spacesRoot())).map(label);
    assert.deepEqual(first, ['Buckets cannot be listed in a browser'], 'the bucket list answers no preflight');
    await runWithAnswers(api, 'digitalocean.spaces.nameBucket', await spacesRoot(), ['web-open']);
    await runWithAnswers(api, 'digitalocean.spaces.nameBucket', await spacesRoot(), ['web-closed']);
    const named = (await api.explorer.getChildren(await spacesRoot())).map(label);
    assert.deepEqual(named, ['web-closed', 'web-open', 'Buckets cannot be listed in a browser']);
    // nor can a browser create one (no bucket yet, so no rules to let it in): said before any request
    await vscode.commands.executeCommand('digitalocean.spaces.createBucket', await spacesRoot());
    await logShowing(api, /Create bucket failed: A browser cannot create a bucket/);
    // its owner's rule lets this editor read it already
    assert.deepEqual((await api.explorer.getChildren(await bucket('web-open'))).map(label), ['hello.txt']);
  });

  it('explains a bucket whose CORS rules keep the browser out, and hands over the rule it needs', async () => {
    const children = await api.explorer.getChildren(await bucket('web-closed'));
    assert.deepEqual(children.map(label), ['web-closed does not answer this editor']);
    const item = children[0].toTreeItem();
    assert.equal(item.command?.command, 'digitalocean.spaces.allowBrowserAccess');
    assert.match(String(item.tooltip), new RegExp(`CORS rules do not allow this editor \\(${escape(here())}\\)`));
    await vscode.env.clipboard.writeText('before');
    const pattern = originPattern(here());
    const input = new ScriptedUserInput([pattern]);
    input.noticeAnswers.push('Copy Rule');
    api.setUserInput(input);
    await vscode.commands.executeCommand('digitalocean.spaces.allowBrowserAccess', item.command!.arguments![0]);
    assert.equal(input.remaining, 0);
    const copied = await vscode.env.clipboard.readText();
    assert.match(copied, new RegExp(`<AllowedOrigin>${escape(pattern)}</AllowedOrigin>`));
    assert.match(copied, /<ExposeHeader>ETag<\/ExposeHeader>/);
    assert.ok(input.offered[0].includes(pattern), `this editor's origin offered first: ${input.offered[0].join(', ')}`);
    assert.match(input.notices.join('\n'), /web-closed refuses this browser until one of its CORS rules allows it/);
    assert.equal(input.confirmations.length, 0, 'nothing asked to be changed: the rules could not be read');
  });

  it("adds its rule from the browser where the owner's rules let it, then uploads in parts and downloads", async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const big = new Uint8Array(17 * 1024 * 1024);
    for (let at = 0; at < big.length; at += 65_536) crypto.getRandomValues(big.subarray(at, at + 65_536));
    const file = vscode.Uri.joinPath(folder, `big-${Date.now()}.bin`);
    await vscode.workspace.fs.writeFile(file, big);

    // before: the owner's rule allows no POST, so a multipart upload is refused by the browser
    await vscode.commands.executeCommand('digitalocean.spaces.upload', await bucket('web-open'), [file]);
    await logShowing(
      api,
      new RegExp(
        `Upload files failed: The browser blocked the answer of bucket web-open in ams3: its CORS rules do not allow this editor \\(${escape(here())}\\)`,
      ),
    );

    const pattern = originPattern(here());
    const input = await runWithAnswers(api, 'digitalocean.spaces.allowBrowserAccess', await bucket('web-open'), [pattern, 'Add Rule']);
    assert.equal(input.remaining, 0);
    assert.equal(input.confirmations.length, 1);
    assert.match(input.confirmations[0].detail, new RegExp(`<AllowedOrigin>${escape(pattern)}</AllowedOrigin>`));
    assert.match(input.confirmations[0].detail, /1 other rule stay/);
    const { accessKey, secretKey } = await key();
    const rules = await new SpacesClient({ credentials: { accessKey, secretKey }, endpointFor: () => S3RVER() }).corsRules('ams3', 'web-open');
    assert.deepEqual(
      rules.map((r) => r.id),
      ['vscode-digitalocean', 'owner-read'],
      "ours first, the owner's kept",
    );
    assert.deepEqual(rules[1].methods, ['GET', 'PUT', 'HEAD'], "the owner's rule unchanged");

    await vscode.commands.executeCommand('digitalocean.spaces.upload', await bucket('web-open'), [file]);
    const name = file.path.split('/').pop()!;
    const objects = (await api.explorer.getChildren(await bucket('web-open'))).map(label);
    assert.ok(objects.includes(name), objects.join(', '));

    const target = vscode.Uri.joinPath(folder, `downloaded-${Date.now()}.bin`);
    const node = (await api.explorer.getChildren(await bucket('web-open'))).find((n) => label(n) === name)!;
    await runWithAnswers(api, 'digitalocean.spaces.download', node, [target.toString()]);
    assert.equal(await sha256(await vscode.workspace.fs.readFile(target)), await sha256(big));

    // the file system provider too: a save and a read through digitalocean-spaces:
    const note = vscode.Uri.from({ scheme: 'digitalocean-spaces', authority: api.store.list()[0].id, path: '/ams3/web-open/notes/web.txt' });
    await vscode.workspace.fs.writeFile(note, new TextEncoder().encode('written in a browser'));
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(note)), 'written in a browser');

    // asked again: nothing to add
    const again = await runWithAnswers(api, 'digitalocean.spaces.allowBrowserAccess', await bucket('web-open'), [pattern]);
    assert.match(again.notices.join('\n'), /web-open already lets .* in/);
    assert.equal(again.confirmations.length, 0);
  });

  it("keeps nothing of a download whose bytes are not the object's MD5, in the browser as on a disk", async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const bytes = new TextEncoder().encode('the object as the bucket holds it\n');
    const stream = (b: Uint8Array) => new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(b.slice(0, 5)), c.enqueue(b.slice(5)), c.close()) });
    const right = 'd0160c562a98cfa0b78ffcda7ad615ac'; // `md5sum` of these bytes
    const wrong = 'e2d5f1b1c84cda2dc80e1a0e5d5ec5c6';
    const target = vscode.Uri.joinPath(folder, `md5-${Date.now()}.txt`);
    await assert.rejects(
      workspaceFiles.save(target, stream(bytes), () => undefined, { bytes: bytes.length, md5: wrong }),
      (e: unknown) => e instanceof DownloadMismatch && e.message.includes(`(MD5 ${right}, expected ${wrong})`),
    );
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(target)), 'nothing written');
    // the right one (an ETag may be upper case) saves it whole
    await workspaceFiles.save(target, stream(bytes), () => undefined, { bytes: bytes.length, md5: right.toUpperCase() });
    assert.deepEqual(await vscode.workspace.fs.readFile(target), bytes);
  });
});
