/**
 * Spaces in the real extension host, against two real S3 servers on loopback started by the
 * harness (moto's for nyc3, s3rver for ams3), cross-checked with Debian's s3cmd: keys through
 * the fake API, buckets and prefixes in the tree with paging, objects opened, edited and saved as
 * documents (with the ETag check), renames, recursive deletes, multipart uploads that survive a
 * failing part and leave nothing behind when they cannot finish, presigned URLs and ACLs.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import { SpacesClient } from '../../src/api/spaces/spacesClient';
import { memorySource, uploadObject } from '../../src/api/spaces/spacesUpload';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { eventually, extensionApi, fake, freshDemo, logShowing, runWithAnswers } from './support/env';
import { fakeState } from './support/fakeState';
import { ScriptedUserInput } from './support/scriptedInput';

const MOTO = () => process.env.DO_TEST_S3_MOTO ?? assert.fail('DO_TEST_S3_MOTO is not set: run through the harness');
const S3RVER = () => process.env.DO_TEST_S3_S3RVER ?? assert.fail('DO_TEST_S3_S3RVER is not set: run through the harness');

describe('Spaces', function () {
  this.timeout(180_000);
  let api: TestingApi;
  let accessKey: string;
  let secretKey: string;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);
  const contextOf = (n: ExplorerNode) => String(n.toTreeItem().contextValue);
  const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
  const unique = (stem: string) => `${stem}-${randomBytes(4).toString('hex')}`;

  before(async () => {
    api = await extensionApi();
  });
  afterEach(() => api.setUserInput(undefined));

  async function account() {
    const [node] = await api.explorer.getChildren();
    return node;
  }
  async function spacesRoot(): Promise<ExplorerNode> {
    const top = await api.explorer.getChildren(await account());
    const accountWide = top.find((n) => label(n) === 'Account-wide')!;
    return (await api.explorer.getChildren(accountWide)).find((n) => label(n) === 'Spaces') ?? assert.fail('no Spaces node under Account-wide');
  }
  async function child(parent: ExplorerNode, name: string): Promise<ExplorerNode> {
    const children = await api.explorer.getChildren(parent);
    return children.find((n) => label(n) === name) ?? assert.fail(`no ${name} under ${label(parent)}: ${children.map(label).join(', ')}`);
  }
  async function bucketNode(name: string): Promise<ExplorerNode> {
    return child(await spacesRoot(), name);
  }
  const client = (endpoint = MOTO()) => new SpacesClient({ credentials: { accessKey, secretKey }, endpointFor: () => endpoint });
  const uri = (region: string, bucket: string, key: string) =>
    vscode.Uri.from({ scheme: 'digitalocean-spaces', authority: api.store.list()[0].id, path: `/${region}/${bucket}/${key}` });

  /** s3cmd, as DigitalOcean's docs use it, pointed at the moto server with the same key. */
  function s3cmd(...args: string[]): string {
    const host = new URL(MOTO()).host;
    const config = path.join(os.tmpdir(), `s3cfg-${process.pid}`);
    fs.writeFileSync(
      config,
      `[default]\naccess_key = ${accessKey}\nsecret_key = ${secretKey}\nhost_base = ${host}\nhost_bucket = ${host}\nuse_https = False\nsignature_v2 = False\n`,
      { mode: 0o600 },
    );
    try {
      return execFileSync('s3cmd', ['-c', config, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } finally {
      fs.rmSync(config, { force: true });
    }
  }

  /** A fresh demo account with a new full-access Spaces key, made through the command. */
  async function withKey(): Promise<void> {
    await freshDemo(api);
    const input = await runWithAnswers(api, 'digitalocean.spaces.setKey', await spacesRoot(), [
      'Create a new key…',
      unique('vscode-test'),
      'Full access to every bucket',
    ]);
    assert.equal(input.remaining, 0);
    assert.match(input.notices.join('\n'), /Its secret is kept in your OS keychain and never shown/);
    const stored = await api.secrets.get(`digitalocean.spaces.${api.store.list()[0].id}`);
    ({ accessKey, secretKey } = JSON.parse(stored ?? assert.fail('no Spaces key in SecretStorage')) as { accessKey: string; secretKey: string });
    // the harness searches settings, state and logs for it afterwards
    ((globalThis as { __doTestTokens?: string[] }).__doTestTokens ??= []).push(secretKey);
  }

  /** Buckets made behind the extension's back: its bucket lists are read again. */
  function spacesChanged(): void {
    api.spaces.forgetAccount(api.store.list()[0].id);
  }

  async function createBucket(region: string): Promise<string> {
    const name = unique(`b-${region}`);
    await runWithAnswers(api, 'digitalocean.spaces.createBucket', await spacesRoot(), [name, region]);
    await eventually(`bucket ${name} in the tree`, async () => (await api.explorer.getChildren(await spacesRoot())).some((n) => label(n) === name));
    return name;
  }

  it('asks for a key until there is one, creates it through the API and keeps its secret only in SecretStorage', async () => {
    await freshDemo(api);
    const [message] = await api.explorer.getChildren(await spacesRoot());
    assert.equal(label(message), 'Spaces need an access key');
    await withKey();
    const keys = (await fakeState()).spacesKeys;
    const created = keys.find((k) => k.access_key === accessKey);
    assert.deepEqual(created?.grants, [{ bucket: '', permission: 'fullaccess' }]);
    const posts = (await fake.log()).seen.filter((r) => r.method === 'POST' && r.url.startsWith('/v2/spaces/keys'));
    assert.equal(posts.length, 1);
    // with a key, the Spaces node lists buckets (none yet from this test's point of view is fine)
    const children = await api.explorer.getChildren(await spacesRoot());
    assert.ok(!children.some((n) => label(n) === 'Spaces need an access key'));
    // a pasted pair is checked before anything is stored
    const input = await runWithAnswers(api, 'digitalocean.spaces.setKey', await spacesRoot(), ['Enter an existing key…', 'not a key!']).catch(
      (e: unknown) => e,
    );
    assert.ok(!(input instanceof Error));
    assert.equal(
      JSON.parse((await api.secrets.get(`digitalocean.spaces.${api.store.list()[0].id}`))!).accessKey,
      accessKey,
      'a rejected paste changes nothing',
    );

    // deleting the key in use (its node under Account-wide → Spaces keys) forgets its secret
    const top = await api.explorer.getChildren(await account());
    const keysGroup = await child(
      top.find((n) => label(n) === 'Account-wide')!,
      'Spaces keys',
    );
    const keyNode =
      (await api.explorer.getChildren(keysGroup)).find((n) => String(n.toTreeItem().description).startsWith(accessKey)) ??
      assert.fail('the new key is not listed');
    const deleting = await runWithAnswers(api, 'digitalocean.resource.delete', keyNode, ['Delete']);
    assert.equal(deleting.remaining, 0);
    await eventually('the deleted key forgotten', async () => (await api.secrets.get(`digitalocean.spaces.${api.store.list()[0].id}`)) === undefined);
    assert.match(deleting.notices.join('\n'), /no longer has the Spaces key it used/);
  });

  it('lists buckets of every region, folders and objects, and pages of 1,000 on demand', async () => {
    await withKey();
    const nyc = await createBucket('nyc3');
    const ams = await createBucket('ams3');
    const buckets = await api.explorer.getChildren(await spacesRoot());
    assert.equal(String(buckets.find((b) => label(b) === nyc)!.toTreeItem().description), 'nyc3');
    assert.equal(String(buckets.find((b) => label(b) === ams)!.toTreeItem().description), 'ams3');
    const c = client();
    // 1,003 objects under one prefix, and a folder beside them
    const keys = Array.from({ length: 1003 }, (_, i) => `many/obj-${String(i).padStart(4, '0')}.txt`);
    for (let i = 0; i < keys.length; i += 50) await Promise.all(keys.slice(i, i + 50).map((k) => c.put('nyc3', nyc, k, new TextEncoder().encode(k))));
    await c.put('nyc3', nyc, 'many/a-sub/inner.txt', new TextEncoder().encode('inner'));
    await c.put('nyc3', nyc, 'top.txt', new TextEncoder().encode('top'));
    const bucket = await bucketNode(nyc);
    api.explorer.refresh(bucket);
    assert.deepEqual((await api.explorer.getChildren(bucket)).map(label), ['many', 'top.txt']);
    const many = await child(bucket, 'many');
    let page = await api.explorer.getChildren(many);
    assert.equal(contextOf(page[0]), 'spaces.prefix');
    assert.equal(label(page[0]), 'a-sub');
    // S3 counts the folder among the 1,000 of a page; moto may not: either way one page, not all
    assert.ok(page.length >= 1001 && page.length <= 1002, `one page and Load more, not ${page.length} nodes`);
    const more = page[page.length - 1];
    assert.equal(label(more), 'Load more…');
    await vscode.commands.executeCommand('digitalocean.spaces.loadMore', many);
    page = await api.explorer.getChildren(many);
    assert.equal(page.filter((n) => contextOf(n) === 'spaces.object').length, 1003);
    assert.ok(!page.some((n) => label(n) === 'Load more…'));
    // what s3cmd sees is what the tree shows
    const listed = s3cmd('ls', `s3://${nyc}/many/`)
      .split('\n')
      .filter((l) => l.includes('obj-'));
    assert.equal(listed.length, 1003);
  });

  it('opens, edits and saves objects as documents; a change underneath is caught by its ETag', async () => {
    await withKey();
    const b = await createBucket('nyc3');
    const file = path.join(os.tmpdir(), `spaces-${process.pid}.txt`);
    fs.writeFileSync(file, 'written by s3cmd\n');
    s3cmd('put', file, `s3://${b}/docs/readme.txt`);
    const doc = await vscode.workspace.openTextDocument(uri('nyc3', b, 'docs/readme.txt'));
    assert.equal(doc.getText(), 'written by s3cmd\n');
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), 'edited in VS Code\n'));
    assert.ok(await doc.save());
    s3cmd('get', '--force', `s3://${b}/docs/readme.txt`, file);
    assert.equal(fs.readFileSync(file, 'utf8'), 'written by s3cmd\nedited in VS Code\n');

    // someone else writes it: saving the open document is refused (VS Code's own check of the
    // modification time, or ours of the ETag when both changes fall in the same second)
    fs.writeFileSync(file, 'their version\n');
    s3cmd('put', file, `s3://${b}/docs/readme.txt`);
    const input = new ScriptedUserInput([]);
    api.setUserInput(input);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'mine: '));
    assert.equal(await doc.save(), false, 'the save is refused');
    s3cmd('get', '--force', `s3://${b}/docs/readme.txt`, file);
    assert.equal(fs.readFileSync(file, 'utf8'), 'their version\n');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

    // the ETag check itself, whatever the clock says: read, changed underneath, written
    const target = uri('nyc3', b, 'docs/readme.txt');
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), 'their version\n');
    fs.writeFileSync(file, 'third version\n');
    s3cmd('put', file, `s3://${b}/docs/readme.txt`);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(target, new TextEncoder().encode('mine\n'))), /changed on Spaces since it was opened/);
    assert.match(input.notices.join('\n'), /changed on Spaces since you opened it/);
    s3cmd('get', '--force', `s3://${b}/docs/readme.txt`, file);
    assert.equal(fs.readFileSync(file, 'utf8'), 'third version\n', 'theirs kept without Overwrite');
    input.noticeAnswers.push('Overwrite');
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('mine\n'));
    s3cmd('get', '--force', `s3://${b}/docs/readme.txt`, file);
    assert.equal(fs.readFileSync(file, 'utf8'), 'mine\n');

    // binary content, through the file system API the Explorer uses
    const bytes = randomBytes(70_000);
    await vscode.workspace.fs.writeFile(uri('nyc3', b, 'bin/blob.bin'), bytes);
    s3cmd('get', '--force', `s3://${b}/bin/blob.bin`, file);
    assert.equal(sha256(fs.readFileSync(file)), sha256(bytes));
    assert.deepEqual((await vscode.workspace.fs.readDirectory(uri('nyc3', b, ''))).sort(), [
      ['bin', vscode.FileType.Directory],
      ['docs', vscode.FileType.Directory],
    ]);
    assert.equal((await vscode.workspace.fs.stat(uri('nyc3', b, 'bin'))).type, vscode.FileType.Directory);

    // Download… streams it to the file picked
    const blob = await child(await child(await bucketNode(b), 'bin'), 'blob.bin');
    const saved = path.join(os.tmpdir(), `downloaded-${process.pid}.bin`);
    await runWithAnswers(api, 'digitalocean.spaces.download', blob, [saved]);
    assert.equal(sha256(fs.readFileSync(saved)), sha256(bytes));
    assert.deepEqual(
      fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith(`downloaded-${process.pid}.bin.download`)),
      [],
      'no partial file left',
    );
    fs.rmSync(saved, { force: true });
    fs.rmSync(file, { force: true });
  });

  it('makes folders, renames and moves, and deletes recursively after saying how many objects', async () => {
    await withKey();
    const b = await createBucket('nyc3');
    const c = client();
    await runWithAnswers(api, 'digitalocean.spaces.newFolder', await bucketNode(b), ['photos']);
    for (const k of ['photos/a.jpg', 'photos/b.jpg', 'photos/2024/c.jpg']) await c.put('nyc3', b, k, new TextEncoder().encode(k));
    const bucket = await bucketNode(b);
    api.explorer.refresh(bucket);
    const photos = await child(bucket, 'photos');
    await runWithAnswers(api, 'digitalocean.spaces.rename', photos, ['archive/photos']);
    const after = (await c.listAll('nyc3', b, '')).map((o) => o.key).sort();
    assert.deepEqual(after, ['archive/photos/', 'archive/photos/2024/c.jpg', 'archive/photos/a.jpg', 'archive/photos/b.jpg']);
    // what moved reads the same
    assert.equal(new TextDecoder().decode((await c.get('nyc3', b, 'archive/photos/2024/c.jpg')).body), 'photos/2024/c.jpg');

    const archive = await child(await bucketNode(b), 'archive');
    const input = await runWithAnswers(api, 'digitalocean.spaces.delete', archive, ['Delete 4 Objects']);
    assert.match(input.asked[0], /Delete the folder .*archive\/ and the 4 objects in it\?/);
    assert.deepEqual(await c.listAll('nyc3', b, ''), []);
    assert.equal(s3cmd('ls', '-r', `s3://${b}`).trim(), '');
  });

  it('uploads files and folders dropped on a bucket folder, keeping the folder structure', async () => {
    await withKey();
    const b = await createBucket('nyc3');
    await client().put('nyc3', b, 'site/index.html', new TextEncoder().encode('<h1>old</h1>'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drop-'));
    fs.mkdirSync(path.join(dir, 'assets', 'img'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'assets', 'app.css'), 'body{}');
    fs.writeFileSync(path.join(dir, 'assets', 'img', 'logo.svg'), '<svg/>');
    fs.writeFileSync(path.join(dir, 'robots.txt'), 'User-agent: *');
    const site = await child(await bucketNode(b), 'site');
    const data = new vscode.DataTransfer();
    data.set(
      'text/uri-list',
      new vscode.DataTransferItem([vscode.Uri.file(path.join(dir, 'assets')), vscode.Uri.file(path.join(dir, 'robots.txt'))].map(String).join('\r\n')),
    );
    const input = new ScriptedUserInput([]);
    api.setUserInput(input);
    await api.explorer.dropController.handleDrop(site, data, new vscode.CancellationTokenSource().token);
    assert.match(input.notices.join('\n'), /Uploaded 3 files to .*site\//);
    assert.deepEqual((await client().listAll('nyc3', b, 'site/')).map((o) => o.key).sort(), [
      'site/assets/app.css',
      'site/assets/img/logo.svg',
      'site/index.html',
      'site/robots.txt',
    ]);
    assert.equal((await client().head('nyc3', b, 'site/assets/app.css'))?.contentType, 'text/css');
    // the tree shows them without a manual refresh
    const after = await child(await bucketNode(b), 'site');
    assert.deepEqual((await api.explorer.getChildren(after)).map(label), ['assets', 'index.html', 'robots.txt']);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A proxy in front of moto that fails chosen part uploads, and counts them. */
  async function faultyProxy(failPart: (partNumber: number, attempt: number) => number | undefined) {
    const target = new URL(MOTO());
    const attempts = new Map<number, number>();
    const server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const part = Number(url.searchParams.get('partNumber'));
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.method === 'PUT' && part && url.searchParams.has('uploadId')) {
          const attempt = (attempts.get(part) ?? 0) + 1;
          attempts.set(part, attempt);
          const status = failPart(part, attempt);
          if (status) {
            res.writeHead(status, { 'content-type': 'application/xml' });
            res.end(
              `<?xml version="1.0"?><Error><Code>${status === 403 ? 'AccessDenied' : 'InternalError'}</Code><Message>injected failure of part ${part}</Message><RequestId>fault-${part}-${attempt}</RequestId></Error>`,
            );
            return;
          }
        }
        const forward = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        forward.on('error', () => res.destroy());
        forward.end(Buffer.concat(chunks));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const config = vscode.workspace.getConfiguration('digitalocean.spaces');
    const before = config.get<Record<string, string>>('endpoints') ?? {};
    await config.update('endpoints', { ...before, nyc3: url }, vscode.ConfigurationTarget.Global);
    return {
      attempts,
      async close() {
        await config.update('endpoints', before, vscode.ConfigurationTarget.Global);
        await new Promise((r) => server.close(r));
      },
    };
  }

  it('uploads a 50 MB file in parallel parts, retrying a part that fails once, and the object is intact', async () => {
    await withKey();
    const b = await createBucket('nyc3');
    const file = path.join(os.tmpdir(), `big-${process.pid}.bin`);
    const data = randomBytes(50 * 1024 * 1024);
    fs.writeFileSync(file, data);
    const proxy = await faultyProxy((part, attempt) => (part === 3 && attempt === 1 ? 500 : undefined));
    try {
      const input = await runWithAnswers(api, 'digitalocean.spaces.upload', await bucketNode(b), [[file]]);
      assert.equal(input.remaining, 0);
      assert.match(input.notices.join('\n'), /Uploaded 1 file .*1 part sent again after a failure/);
      assert.equal(proxy.attempts.size, 7, '50 MB in 8 MiB parts');
      assert.equal(proxy.attempts.get(3), 2);
    } finally {
      await proxy.close();
    }
    const got = await client().get('nyc3', b, path.basename(file));
    assert.equal(sha256(got.body), sha256(data));
    // and s3cmd reads the same bytes
    const back = `${file}.back`;
    s3cmd('get', '--force', `s3://${b}/${path.basename(file)}`, back);
    assert.equal(sha256(fs.readFileSync(back)), sha256(data));
    assert.deepEqual(await client().listMultipartUploads('nyc3', b), []);
    fs.rmSync(file, { force: true });
    fs.rmSync(back, { force: true });
  });

  it('leaves no parts behind when a part keeps failing or the upload is cancelled', async () => {
    await withKey();
    const b = await createBucket('nyc3');
    const file = path.join(os.tmpdir(), `big2-${process.pid}.bin`);
    fs.writeFileSync(file, randomBytes(24 * 1024 * 1024));
    const proxy = await faultyProxy((part) => (part === 2 ? 403 : undefined));
    try {
      const input = await runWithAnswers(api, 'digitalocean.spaces.upload', await bucketNode(b), [[file]]);
      assert.equal(input.remaining, 0);
    } finally {
      await proxy.close();
    }
    assert.equal(await client().head('nyc3', b, path.basename(file)), undefined, 'no object');
    assert.deepEqual(await client().listMultipartUploads('nyc3', b), [], 'the failed upload was aborted');

    // cancelled after its first part: aborted too
    const controller = new AbortController();
    const cancelled = await uploadObject(client(), memorySource(randomBytes(24 * 1024 * 1024)), {
      region: 'nyc3',
      bucket: b,
      key: 'cancelled.bin',
      signal: controller.signal,
      concurrency: 1,
      onProgress: () => controller.abort(),
    }).then(
      () => 'finished',
      (e: unknown) => (e as { kind?: string }).kind,
    );
    assert.equal(cancelled, 'cancelled');
    assert.deepEqual(await client().listMultipartUploads('nyc3', b), []);
    assert.equal(await client().head('nyc3', b, 'cancelled.bin'), undefined);
    fs.rmSync(file, { force: true });
  });

  it('shares objects: a presigned URL works for plain fetch and names what it grants; public and private', async () => {
    await withKey();
    const b = await createBucket('ams3');
    const c = client(S3RVER());
    await c.put('ams3', b, 'share/hello.txt', new TextEncoder().encode('hello from s3rver'));
    const bucket = await bucketNode(b);
    const folder = await child(bucket, 'share');
    const object = await child(folder, 'hello.txt');
    await runWithAnswers(api, 'digitalocean.spaces.copyPresignedUrl', object, ['1 hour']);
    const url = await vscode.env.clipboard.readText();
    assert.match(url, /X-Amz-Expires=3600/);
    const answer = await fetch(url);
    assert.equal(answer.status, 200);
    assert.equal(await answer.text(), 'hello from s3rver');
    // the URL says what it grants (the expiry checking itself is the server's): this object,
    // GET, for the lifetime picked, signed now with the account's key
    const signed = new URL(url);
    assert.equal(signed.pathname, `/${b}/share/hello.txt`);
    assert.equal(signed.searchParams.get('X-Amz-Expires'), '3600');
    assert.equal(signed.searchParams.get('X-Amz-SignedHeaders'), 'host');
    assert.match(signed.searchParams.get('X-Amz-Credential') ?? '', new RegExp(`^${accessKey}/\\d{8}/us-east-1/s3/aws4_request$`));
    const signedAt = Date.parse(signed.searchParams.get('X-Amz-Date')!.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
    assert.ok(Math.abs(signedAt - Date.now()) < 120_000, `signed now: ${signed.searchParams.get('X-Amz-Date')}`);
    assert.ok(!url.includes(secretKey), 'the secret is not in the URL');

    // public and private (moto keeps ACLs)
    const nyc = await createBucket('nyc3');
    await client().put('nyc3', nyc, 'page.html', new TextEncoder().encode('<p>hi</p>'));
    const page = await child(await bucketNode(nyc), 'page.html');
    const input = await runWithAnswers(api, 'digitalocean.spaces.makePublic', page, ['Make Public']);
    assert.match(input.asked[0], /Make .*page\.html public\?/);
    assert.equal(await client().isPublic('nyc3', nyc, 'page.html'), true);
    await runWithAnswers(api, 'digitalocean.spaces.makePrivate', page, []);
    assert.equal(await client().isPublic('nyc3', nyc, 'page.html'), false);
    await runWithAnswers(api, 'digitalocean.spaces.copyUrl', page, []);
    assert.equal(await vscode.env.clipboard.readText(), `${MOTO()}/${nyc}/page.html`);
    // no CDN in front of this bucket: said, not guessed
    const noCdn = await runWithAnswers(api, 'digitalocean.spaces.copyCdnUrl', page, []);
    assert.deepEqual(noCdn.asked, []);
    await logShowing(
      api,
      new RegExp(
        `Copy CDN URL failed: No CDN endpoint fronts ${nyc} \\(origin ${nyc}\\.nyc3\\.digitaloceanspaces\\.com\\): enable the CDN for the bucket first\\.`,
      ),
    );
    assert.equal(await vscode.env.clipboard.readText(), `${MOTO()}/${nyc}/page.html`, 'the clipboard is unchanged');
    // the demo team's CDN endpoint fronts acme-assets in nyc3
    await client()
      .createBucket('nyc3', 'acme-assets')
      .catch(() => undefined);
    await client().put('nyc3', 'acme-assets', 'img/logo 1.png', new Uint8Array([1]));
    spacesChanged();
    const logo = await child(await child(await bucketNode('acme-assets'), 'img'), 'logo 1.png');
    await runWithAnswers(api, 'digitalocean.spaces.copyCdnUrl', logo, []);
    assert.equal(await vscode.env.clipboard.readText(), 'https://acme-assets.nyc3.cdn.digitaloceanspaces.com/img/logo%201.png');
  });

  /** A PUT sent as raw bytes on a socket: no URL parsing on the way, so moto stores the key as written. */
  function rawPut(endpoint: string, path: string, body: string): Promise<string> {
    const { hostname, port } = new URL(endpoint);
    return new Promise((resolve, reject) => {
      const socket = net.connect(Number(port), hostname, () =>
        socket.end(`PUT ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`),
      );
      let answer = '';
      socket.on('data', (d) => (answer += d.toString()));
      socket.on('end', () => resolve(answer.split('\r\n')[0]));
      socket.on('error', reject);
    });
  }

  it('lists keys with "." and ".." parts in a shared bucket as unsafe names and acts on no other object or bucket through them', async () => {
    await withKey();
    const shared = await createBucket('nyc3');
    const other = await createBucket('nyc3');
    await client().put('nyc3', other, 'db-backup.sql', new TextEncoder().encode('SECRET'));
    // someone with write access to the shared bucket plants keys that a URL would collapse
    assert.match(await rawPut(MOTO(), `/${shared}/x/../../${other}/db-backup.sql`, 'BAIT'), / 200 /);
    assert.match(await rawPut(MOTO(), `/${shared}/x/..`, 'BAIT'), / 200 /);
    spacesChanged();
    const x = await child(await bucketNode(shared), 'x');
    const dots = (await api.explorer.getChildren(x)).filter((n) => label(n) === '..');
    const planted = dots.find((n) => contextOf(n) === 'spaces.unsafeObject');
    assert.ok(planted, `x/.. is listed as an unsafe object: ${dots.map(contextOf).join(', ')}`);
    const item = planted.toTreeItem();
    assert.equal(item.description, 'unsafe name');
    assert.equal(item.command, undefined, 'nothing opens it');
    assert.match(String((item.tooltip as vscode.MarkdownString).value), /a URL would read as a step/);

    // Make Public on "x/.." was a bucket-wide PUT /<bucket>/?acl: refused before any question
    const makePublic = await runWithAnswers(api, 'digitalocean.spaces.makePublic', planted, []);
    assert.deepEqual(makePublic.asked, []);
    await logShowing(api, /Make public failed: "x\/\.\." in .* is not acted on from here/i);
    // the deep one, down the '..' folders, names the other bucket's backup
    let node: ExplorerNode = dots.find((n) => contextOf(n) === 'spaces.prefix') ?? assert.fail('x/../ as a folder');
    node = await child(node, '..');
    node = await child(node, other);
    const bait = await child(node, 'db-backup.sql');
    assert.equal(contextOf(bait), 'spaces.unsafeObject');
    const deleting = await runWithAnswers(api, 'digitalocean.spaces.delete', bait, []);
    assert.deepEqual(deleting.asked, [], 'refused before the confirmation');
    await logShowing(api, /Delete failed: .*x\/\.\.\/\.\.\/.*db-backup\.sql.* is not acted on from here/);
    assert.equal(new TextDecoder().decode((await client().get('nyc3', other, 'db-backup.sql')).body), 'SECRET', "the other bucket's object is untouched");
    assert.equal(await client().isPublic('nyc3', other, 'db-backup.sql'), false);

    // the file system hands VS Code no ".." entry
    const entries = await vscode.workspace.fs.readDirectory(uri('nyc3', shared, 'x'));
    assert.ok(!entries.some(([name]) => name === '..' || name === '.'), JSON.stringify(entries));
  });

  it("shows a bucket's details: rules set by s3cmd, the keys that reach it, and a count only on request", async () => {
    await withKey();
    const b = await createBucket('nyc3');
    const c = client();
    for (const k of ['a.txt', 'dir/b.txt', 'dir/sub/c.txt']) await c.put('nyc3', b, k, new TextEncoder().encode(k));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rules-'));
    fs.writeFileSync(
      path.join(dir, 'cors.xml'),
      '<CORSConfiguration><CORSRule><AllowedOrigin>https://vscode.dev</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedHeader>*</AllowedHeader><MaxAgeSeconds>600</MaxAgeSeconds></CORSRule></CORSConfiguration>',
    );
    fs.writeFileSync(
      path.join(dir, 'lifecycle.xml'),
      '<LifecycleConfiguration><Rule><ID>expire-logs</ID><Filter><Prefix>logs/</Prefix></Filter><Status>Enabled</Status><Expiration><Days>30</Days></Expiration></Rule></LifecycleConfiguration>',
    );
    s3cmd('setcors', path.join(dir, 'cors.xml'), `s3://${b}`);
    s3cmd('setlifecycle', path.join(dir, 'lifecycle.xml'), `s3://${b}`);
    fs.rmSync(dir, { recursive: true, force: true });
    type Panel = {
      lastView?: import('../../src/panels/protocol').PanelView;
      rejectedMessages: number;
      onDidRender: vscode.Event<unknown>;
      receive(raw: unknown): Promise<void>;
      dispose(): void;
    };
    const panel = (await vscode.commands.executeCommand<Panel>('digitalocean.spaces.showDetails', await bucketNode(b)))!;
    await eventually('the first view', () => panel.lastView);
    const view = () => panel.lastView!;
    const section = (id: string) => view().sections.find((x) => x.id === id)!;
    const rows = (id: string) =>
      (section(id) as { rows: unknown[][] }).rows.map((r) => r.map((cell) => (typeof cell === 'string' ? cell : (cell as { text: string }).text)));
    assert.deepEqual(rows('cors'), [['https://vscode.dev', 'GET, PUT', '*', '600 s']]);
    assert.deepEqual(rows('lifecycle'), [['expire-logs', 'logs/', 'enabled', '30 days', '—']]);
    assert.ok(
      rows('keys').some((r) => r[1] === accessKey),
      'the full-access key reaches it',
    );
    const objects = () => (section('bucket') as { fields: { label: string; value: string }[] }).fields.find((f) => f.label === 'Objects')!.value;
    assert.match(objects(), /not counted yet/);
    await panel.receive({ type: 'button', id: 'count' });
    await eventually('the count', () => /^3 · /.test(objects()));
    assert.equal(objects(), '3 · 27 B');
    // what the view did not offer is dropped and said in the log, as in the resource panels
    await panel.receive({ type: 'button', id: 'nonsense' });
    await panel.receive({ type: 'link', id: 'count' });
    assert.equal(panel.rejectedMessages, 2);
    await logShowing(api, /Bucket panel: ignored an unexpected message from the webview \(link\)/);
    panel.dispose();
  });

  it('deletes a bucket with objects only after its name is typed', async () => {
    await withKey();
    const b = await createBucket('nyc3');
    await client().put('nyc3', b, 'x/y.txt', new TextEncoder().encode('y'));
    const wrong = await runWithAnswers(api, 'digitalocean.spaces.deleteBucket', await bucketNode(b), ['not-the-name']).catch((e: unknown) => e);
    assert.ok(!(wrong instanceof Error));
    assert.ok(
      (await client().listBuckets('nyc3')).some((x) => x.name === b),
      'a wrong name deletes nothing',
    );
    const input = await runWithAnswers(api, 'digitalocean.spaces.deleteBucket', await bucketNode(b), [b]);
    assert.match(input.asked[0], /Delete bucket .* and its 1 object/);
    assert.ok(!(await client().listBuckets('nyc3')).some((x) => x.name === b));
    await eventually('the bucket gone from the tree', async () => !(await api.explorer.getChildren(await spacesRoot())).some((n) => label(n) === b));
  });
  it("lets a browser editor in with a CORS rule before the owner's, which real preflights then pass", async () => {
    await withKey();
    const b = await createBucket('ams3');
    const s3 = client(S3RVER());
    const owner = { id: 'owner', origins: ['https://shop.example'], methods: ['GET'], headers: [], exposeHeaders: [], maxAgeSeconds: undefined };
    await s3.putCorsRules('ams3', b, [owner]);
    const worker = 'https://0f3c9a1b.vscode-cdn.net';
    // what a browser sends before the client's signed requests (Node's fetch lets a test set Origin)
    const preflight = (method: string, origin = worker) =>
      fetch(`${S3RVER()}/${b}/some/key`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization,x-amz-date,x-amz-content-sha256' },
      });
    assert.equal((await preflight('PUT')).status, 403, 'refused before');

    // a typed origin is checked before the bucket is asked anything
    const typed = new ScriptedUserInput(['Other origin…', 'https://*.*.example.com']);
    api.setUserInput(typed);
    await vscode.commands.executeCommand('digitalocean.spaces.allowBrowserAccess', await bucketNode(b));
    assert.match(typed.rejections.join('\n'), /At most one "\*"/);
    assert.deepEqual(
      (await s3.corsRules('ams3', b)).map((r) => r.id),
      ['owner'],
    );

    const input = await runWithAnswers(api, 'digitalocean.spaces.allowBrowserAccess', await bucketNode(b), ['https://*.vscode-cdn.net', 'Add Rule']);
    assert.equal(input.remaining, 0);
    assert.deepEqual(input.offered[0], ['https://*.vscode-cdn.net', 'Other origin…'], 'on the desktop no "this editor"');
    assert.match(input.confirmations[0].detail, /1 other rule stay as they are/);
    assert.match(input.confirmations[0].detail, /<AllowedOrigin>https:\/\/\*\.vscode-cdn\.net<\/AllowedOrigin>/);
    const rules = await s3.corsRules('ams3', b);
    assert.deepEqual(
      rules.map((r) => r.id),
      ['vscode-digitalocean', 'owner'],
      'ours first',
    );
    assert.deepEqual(rules[1], owner, "the owner's rule as it was");
    for (const method of ['GET', 'PUT', 'POST', 'DELETE', 'HEAD']) assert.equal((await preflight(method)).status, 200, `${method} from the worker's origin`);
    assert.equal((await preflight('PUT', 'https://elsewhere.example')).status, 403, 'no other origin let in');
    // a real answer exposes the ETag, which multipart uploads read
    await s3.put('ams3', b, 'some/key', new TextEncoder().encode('k'));
    const answer = await fetch(`${S3RVER()}/${b}/some/key`, { headers: { origin: worker } });
    await answer.arrayBuffer();
    assert.match(answer.headers.get('access-control-expose-headers') ?? '', /ETag/);

    const again = await runWithAnswers(api, 'digitalocean.spaces.allowBrowserAccess', await bucketNode(b), ['https://*.vscode-cdn.net']);
    assert.match(again.notices.join('\n'), /already lets https:\/\/\*\.vscode-cdn\.net in/);
    assert.equal(again.confirmations.length, 0, 'nothing to change');
  });

  it('remembers a bucket named by the user once it is found there, and forgets it when it is deleted', async () => {
    await withKey();
    const b = await createBucket('ams3');
    const account = api.store.list()[0];
    const missing = new ScriptedUserInput(['no-such-bucket-here', 'ams3']);
    api.setUserInput(missing);
    await vscode.commands.executeCommand('digitalocean.spaces.nameBucket', await spacesRoot());
    await logShowing(api, /Add bucket by name failed: There is no bucket no-such-bucket-here in ams3/);
    assert.equal(api.spaces.isNamed(account, 'no-such-bucket-here'), false);
    await runWithAnswers(api, 'digitalocean.spaces.nameBucket', await spacesRoot(), [b, 'ams3']);
    assert.equal(api.spaces.isNamed(account, b), true);
    const names = (await api.explorer.getChildren(await spacesRoot())).map(label);
    assert.equal(names.filter((n) => n === b).length, 1, 'listed and named: shown once');
    await runWithAnswers(api, 'digitalocean.spaces.deleteBucket', await bucketNode(b), ['Delete']);
    assert.equal(api.spaces.isNamed(account, b), false);
  });
});
