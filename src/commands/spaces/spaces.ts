/**
 * Spaces: the account's Spaces key, buckets, folders and objects — open, upload, download,
 * rename, delete, share — and the `digitalocean-spaces:` file system the editor and the Explorer
 * use (spacesFiles.ts). Everything goes through the model (model/spaces.ts) and its S3 client.
 */
import * as vscode from 'vscode';
import type { AccountInfo } from '../../accounts/accountStore';
import { accessKeyProblem, secretKeyProblem } from '../../accounts/spacesKeys';
import { ApiError, isBrowserBlocked } from '../../api/errors';
import { type CorsRule, corsXml, editorRule, originPattern, originProblem, rulesAllowEditor, withEditorRule } from '../../api/spaces/spacesCors';
import { cdnEndpoint } from '../../api/resources/cdnEndpoint';
import { type SpacesKey, type SpacesKeyGrant, type SpacesPermission, spacesKey } from '../../api/resources/spacesKey';
import { type Bucket, bucketNameProblem, objectKeyProblem, unsafeKeyReason } from '../../api/spaces/spaces';
import type { SpacesClient } from '../../api/spaces/spacesClient';
import { uploadObject } from '../../api/spaces/spacesUpload';
import { SPACES_SCHEME } from '../../model/spaces';
import { BucketPanels } from '../../panels/bucketPanel';
import { plural } from '../../tree/format';
import { KindGroupNode } from '../../tree/nodes/kindGroupNode';
import { ResourceNode } from '../../tree/nodes/resourceNode';
import { BucketNode, ObjectNode, PrefixNode, SpacesRootNode, type SpacesTarget, spacesUri } from '../../tree/nodes/spacesNodes';
import { withProgress } from '../../ui/progress';
import { DownloadMismatch, baseName, filesUnder } from '../../ui/transferFiles';
import type { CommandDeps } from '../deps';
import { accountTarget } from '../pick';
import { registerCommand } from '../register';
import { SpacesFileSystem, parentPrefix } from './spacesFiles';

export function registerSpacesCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model, spaces, store } = deps;
  const files = new SpacesFileSystem(store, spaces, input, deps.log);
  const bucketPanels = new BucketPanels({ extensionUri: deps.extensionUri, model, spaces, log });

  function targetOf(arg: unknown): SpacesTarget & { account: AccountInfo } {
    if (arg instanceof PrefixNode || arg instanceof ObjectNode || arg instanceof SpacesRootNode) return arg;
    throw new Error(vscode.l10n.t('Run this command from a bucket, folder or object in the DigitalOcean view.'));
  }

  /**
   * Where SecretStorage keeps secrets in this build: the OS keychain on the desktop; in a browser,
   * the editor's own storage there (there is no keychain to reach).
   */
  const secretHome = () => (deps.machine.browserOrigin ? vscode.l10n.t('this browser\'s storage for the editor (encrypted by VS Code for the web)') : vscode.l10n.t('your OS keychain'));

  function inBucket(arg: unknown): { account: AccountInfo; bucket: Bucket; key: string; node: PrefixNode | ObjectNode } {
    const t = targetOf(arg);
    if (!(t instanceof PrefixNode || t instanceof ObjectNode)) throw new Error(vscode.l10n.t('Run this command from a bucket, folder or object.'));
    // said before any question: the client would refuse it anyway (spacesClient.checkPath)
    const unsafe = t instanceof ObjectNode ? unsafeKeyReason(t.key) : undefined;
    if (unsafe) throw new Error(vscode.l10n.t('{0} in {1} is not acted on from here: {2}.', JSON.stringify(t.key), t.bucket.name, unsafe));
    return { account: t.account, bucket: t.bucket, key: t.key, node: t };
  }

  async function spacesAccount(arg: unknown, title: string): Promise<AccountInfo> {
    if (arg instanceof SpacesRootNode || arg instanceof PrefixNode || arg instanceof ObjectNode) return arg.account;
    return accountTarget(deps, arg, title);
  }

  // ---- keys ------------------------------------------------------------------------------------------

  async function createKey(account: AccountInfo): Promise<void> {
    const existing = await model.cacheFor(account).list(spacesKey);
    const name = (
      await input.inputBox({
        title: vscode.l10n.t('New Spaces key for {0}: name', account.label),
        value: `vscode-${deps.machine.name}`.slice(0, 60),
        validateInput: (v) => spacesKey.nameProblem?.(v, existing.map((k) => k.name)),
      })
    ).trim();
    const scope = await input.quickPick(
      [
        { label: vscode.l10n.t('Full access to every bucket'), description: vscode.l10n.t('create and delete buckets too'), permission: 'fullaccess' as SpacesPermission | undefined },
        { label: vscode.l10n.t('Read and write chosen buckets'), permission: 'readwrite' as SpacesPermission },
        { label: vscode.l10n.t('Read-only access to chosen buckets'), permission: 'read' as SpacesPermission },
      ],
      { title: vscode.l10n.t('New Spaces key {0}: access', name) },
    );
    let grants: SpacesKeyGrant[];
    if (scope.permission === 'fullaccess') grants = [{ bucket: '', permission: 'fullaccess' }];
    else {
      const names = await input.inputBox({
        title: vscode.l10n.t('New Spaces key {0}: buckets', name),
        prompt: vscode.l10n.t('Bucket names, separated by commas'),
        validateInput: (v) => {
          const list = v.split(',').map((s) => s.trim()).filter(Boolean);
          if (!list.length) return vscode.l10n.t('At least one bucket.');
          for (const b of list) {
            const problem = bucketNameProblem(b);
            if (problem) return `${b}: ${problem}`;
          }
          return undefined;
        },
      });
      grants = [...new Set(names.split(',').map((s) => s.trim()).filter(Boolean))].map((bucket) => ({ bucket, permission: scope.permission! }));
    }
    const created = await withProgress(vscode.l10n.t('Creating Spaces key {0}…', name), (signal) => model.client(account).create<SpacesKey & { secret_key?: string }>(spacesKey, { name, grants }, { signal }));
    if (!created.secret_key) throw new Error(vscode.l10n.t('DigitalOcean created {0} but sent no secret for it: delete it and create another.', created.access_key));
    // Stored at once: the API shows a secret only in this answer.
    await deps.spacesKeys.set(account.id, { accessKey: created.access_key, secretKey: created.secret_key });
    log.info(`[${account.label}] Spaces key ${created.name} (${created.access_key}) created; its secret is in the editor's secret storage`);
    model.reloadKind(account, spacesKey.kind, false);
    void input.notify('info', vscode.l10n.t('Created Spaces key {0} ({1}); {2} now uses it for Spaces. Its secret is kept in {3} and never shown.', created.name, created.access_key, account.label, secretHome()));
  }

  async function pasteKey(account: AccountInfo): Promise<void> {
    const accessKey = (await input.inputBox({ title: vscode.l10n.t('Spaces key for {0}: access key', account.label), placeHolder: 'DO00…', validateInput: accessKeyProblem })).trim();
    const secretKey = (await input.inputBox({ title: vscode.l10n.t('Spaces key {0}: secret key', accessKey), password: true, validateInput: secretKeyProblem })).trim();
    await deps.spacesKeys.set(account.id, { accessKey, secretKey });
    log.info(`[${account.label}] Spaces key ${accessKey} set (pasted)`);
    void input.notify('info', vscode.l10n.t('{0} now uses Spaces key {1}.', account.label, accessKey));
  }

  // ---- helpers -----------------------------------------------------------------------------------------

  /** The key of a new object or folder directly under a prefix, asked for and checked. */
  async function askName(title: string, prefix: string, value = ''): Promise<string> {
    const name = (await input.inputBox({ title, value, prompt: prefix ? vscode.l10n.t('In {0}', prefix) : undefined, validateInput: (v) => objectKeyProblem(prefix + v.trim().replace(/^\/+|\/+$/g, '')) })).trim();
    return name.replace(/^\/+|\/+$/g, '');
  }

  async function uploadFiles(account: AccountInfo, bucket: Bucket, prefix: string, sources: { uri: vscode.Uri; relative: string }[]): Promise<void> {
    const client = await spaces.client(account);
    let total = 0;
    const sizes = await Promise.all(sources.map(async (s) => (await vscode.workspace.fs.stat(s.uri)).size));
    for (const s of sizes) total += s;
    let done = 0;
    const uploaded: string[] = [];
    let retries = 0;
    try {
      await withProgress(vscode.l10n.t('Uploading {0} to {1}/{2}', plural(sources.length, 'file'), bucket.name, prefix), async (signal, report) => {
        for (const [i, s] of sources.entries()) {
          const key = prefix + s.relative;
          const problem = objectKeyProblem(key);
          if (problem) throw new Error(`${s.relative}: ${problem}`);
          const source = await deps.machine.files.source(s.uri);
          const before = done;
          try {
            const result = await uploadObject(client, source, {
              region: bucket.region,
              bucket: bucket.name,
              key,
              signal,
              onProgress: (sent) => {
                done = before + sent;
                report(`${s.relative} (${i + 1} of ${sources.length}) · ${Math.floor((done / Math.max(total, 1)) * 100)}%`);
              },
              onRetry: (part, attempt, error) => log.warn(`[${account.label}] part ${part} of ${key} failed (attempt ${attempt}), retrying: ${error instanceof Error ? error.message : String(error)}`),
            });
            retries += result.retries;
            uploaded.push(key);
            log.info(`[${account.label}] uploaded ${shown(s.uri)} → ${bucket.name}/${key} (${result.parts} part${result.parts === 1 ? '' : 's'}${result.retries ? `, ${result.retries} retried` : ''})`);
          } finally {
            await source.close();
          }
        }
      });
    } catch (error) {
      if (uploaded.length && uploaded.length < sources.length) {
        const cancelled = error instanceof ApiError && error.kind === 'cancelled';
        void input.notify('warning', vscode.l10n.t('{0} after {1} of {2}: those are in {3}/{4}; the rest are not (no partial object was left).', cancelled ? vscode.l10n.t('Upload cancelled') : vscode.l10n.t('Upload stopped'), plural(uploaded.length, 'file'), sources.length, bucket.name, prefix));
      }
      throw error;
    } finally {
      if (uploaded.length) {
        spaces.changed(account, bucket.name, prefix);
        for (const key of uploaded) files.notifyChanged(spacesUri(account, bucket, key));
      }
    }
    void input.notify('info', vscode.l10n.t('Uploaded {0} to {1}/{2}{3}.', plural(uploaded.length, 'file'), bucket.name, prefix, retries ? vscode.l10n.t(' ({0} sent again after a failure)', plural(retries, 'part')) : ''));
  }

  /** Where an upload goes: the folder or bucket chosen, or the folder of the object chosen. */
  function uploadTarget(arg: unknown): { account: AccountInfo; bucket: Bucket; prefix: string } {
    const { account, bucket, key, node } = inBucket(arg);
    return { account, bucket, prefix: node instanceof ObjectNode ? parentPrefix(key) : key };
  }

  async function pickUploadTarget(): Promise<{ account: AccountInfo; bucket: Bucket; prefix: string }> {
    const account = await accountTarget(deps, undefined, vscode.l10n.t('Upload to Spaces'));
    const { buckets } = await withProgress(vscode.l10n.t('Listing buckets…'), () => spaces.buckets(account));
    if (!buckets.length) throw new Error(vscode.l10n.t('{0} has no buckets: create one first (Spaces → Create Bucket…).', account.label));
    const picked = await input.quickPick(buckets.map((b) => ({ label: b.name, description: b.region, bucket: b })), { title: vscode.l10n.t('Upload to Spaces: bucket') });
    const folder = await input.inputBox({ title: vscode.l10n.t('Upload to {0}: folder', picked.label), prompt: vscode.l10n.t('A folder in the bucket ("" for its top), e.g. assets/img'), validateInput: (v) => (v.trim() ? objectKeyProblem(v.trim()) : undefined) });
    const prefix = folder.trim().replace(/^\/+|\/+$/g, '');
    return { account, bucket: picked.bucket, prefix: prefix ? `${prefix}/` : '' };
  }

  async function countUnder(client: SpacesClient, bucket: Bucket, prefix: string): Promise<string[]> {
    return withProgress(vscode.l10n.t('Counting objects in {0}/{1}…', bucket.name, prefix), async (signal, report) => (await client.listAll(bucket.region, bucket.name, prefix, signal, (n) => report(vscode.l10n.t('{0} so far', n.toLocaleString('en-US'))))).map((o) => o.key));
  }

  /** A file's name in messages: its path on disk, else its URI. */
  const shown = (uri: vscode.Uri) => (uri.scheme === 'file' ? uri.fsPath : uri.toString(true));

  async function copyText(what: string, text: string): Promise<void> {
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(`$(check) Copied ${what}`, 4000);
  }

  // ---- browser access (CORS) ---------------------------------------------------------------------

  const vscodeDev = 'https://*.vscode-cdn.net';

  /** The origin (pattern) a rule should allow: this browser's, or one chosen on the desktop. */
  async function askOrigin(bucket: Bucket): Promise<string> {
    const here = deps.machine.browserOrigin ? originPattern(deps.machine.browserOrigin) : undefined;
    const items = [
      ...(here ? [{ label: here, description: vscode.l10n.t('this editor'), origin: here }] : []),
      ...(here === vscodeDev ? [] : [{ label: vscodeDev, description: vscode.l10n.t('vscode.dev and github.dev (their extensions run on a changing subdomain)'), origin: vscodeDev }]),
      { label: vscode.l10n.t('Other origin…'), origin: '' },
    ];
    const picked = await input.quickPick(items, { title: vscode.l10n.t('Allow browser access to {0}: from which origin?', bucket.name) });
    if (picked.origin) return picked.origin;
    return (
      await input.inputBox({
        title: vscode.l10n.t('Allow browser access to {0}: origin', bucket.name),
        prompt: vscode.l10n.t('e.g. https://editor.example.com, or https://*.example.com (one "*" at most)'),
        validateInput: originProblem,
      })
    ).trim();
  }

  /** The rule cannot be added from here (the bucket refuses this browser): hand it over. */
  async function handOver(bucket: Bucket, rule: CorsRule): Promise<void> {
    const copyRule = vscode.l10n.t('Copy Rule');
    const copyCommand = vscode.l10n.t('Copy s3cmd Command');
    let actions = [copyRule, copyCommand];
    let message = vscode.l10n.t(
      '{0} refuses this browser until one of its CORS rules allows it, so the rule cannot be added from here. Add it in the control panel (the bucket\'s Settings, CORS Configurations), with Allow Browser Access… in VS Code on the desktop, or with s3cmd (setcors replaces the bucket\'s rules: add theirs to the file). The rule allows {1} to GET, PUT, POST, DELETE and HEAD with any header, and exposes ETag.',
      bucket.name,
      rule.origins.join(', '),
    );
    for (;;) {
      const choice = await input.notify('warning', message, ...actions);
      if (choice === copyRule) await copyText(vscode.l10n.t('CORS rule'), corsXml([rule]));
      else if (choice === copyCommand) await copyText(vscode.l10n.t('s3cmd command'), `s3cmd setcors digitalocean-cors.xml s3://${bucket.name}`);
      else return;
      actions = actions.filter((a) => a !== choice);
      if (!actions.length) return;
      message = vscode.l10n.t('Copied. Also:');
    }
  }

  async function allowBrowserAccess(account: AccountInfo, bucket: Bucket): Promise<void> {
    const pattern = await askOrigin(bucket);
    const rule = editorRule(pattern);
    const client = await spaces.client(account);
    const sample = pattern.replace('*', 'x');
    let current: CorsRule[];
    try {
      current = await withProgress(vscode.l10n.t('Reading the CORS rules of {0}…', bucket.name), (signal) => client.corsRules(bucket.region, bucket.name, signal));
    } catch (error) {
      if (isBrowserBlocked(error)) return handOver(bucket, rule);
      throw error;
    }
    if (rulesAllowEditor(current, sample)) {
      void input.notify('info', vscode.l10n.t('{0} already lets {1} in: its CORS rules allow every method the editor uses.', bucket.name, pattern));
      return;
    }
    const next = withEditorRule(current, rule);
    const kept = next.length - 1;
    await input.confirm(
      vscode.l10n.t('Add a CORS rule to {0} that lets {1} in?', bucket.name, pattern),
      `${vscode.l10n.t('The rule goes first (S3 applies the first rule that matches); {0} stay as they are. Requests are still signed with your key: the rule only lets a browser read the answers.', kept ? plural(kept, vscode.l10n.t('other rule')) : vscode.l10n.t('no other rules'))}\n\n${corsXml([rule])}`,
      vscode.l10n.t('Add Rule'),
    );
    try {
      await withProgress(vscode.l10n.t('Adding the CORS rule to {0}…', bucket.name), (signal) => client.putCorsRules(bucket.region, bucket.name, next, signal));
    } catch (error) {
      if (isBrowserBlocked(error)) return handOver(bucket, rule);
      throw error;
    }
    log.info(`[${account.label}] CORS rule for ${pattern} added to ${bucket.name} (${plural(kept, 'other rule')} kept)`);
    spaces.changed(account, bucket.name);
    void input.notify('info', vscode.l10n.t('{0} now answers {1}.', bucket.name, pattern));
  }

  // ---- commands ------------------------------------------------------------------------------------------

  return [
    bucketPanels,
    registerCommand(deps, 'digitalocean.spaces.allowBrowserAccess', vscode.l10n.t('Allow browser access'), async (arg) => {
      const t = targetOf(arg);
      if (!(t instanceof BucketNode)) throw new Error(vscode.l10n.t('Run this from a bucket.'));
      await allowBrowserAccess(t.account, t.bucket);
    }),

    registerCommand(deps, 'digitalocean.spaces.nameBucket', vscode.l10n.t('Add bucket by name'), async (arg) => {
      const account = await spacesAccount(arg, vscode.l10n.t('Add a Spaces bucket by name'));
      const client = await spaces.client(account);
      const name = (await input.inputBox({ title: vscode.l10n.t('Add a bucket by name'), prompt: vscode.l10n.t('A bucket of {0} that cannot be listed here', account.label), validateInput: (v) => bucketNameProblem(v.trim()) })).trim();
      const regions = spaces.regions(account);
      const region = regions.length === 1 ? regions[0] : (await input.quickPick(regions.map((r) => ({ label: r })), { title: vscode.l10n.t('Bucket {0}: region', name) })).label;
      try {
        await withProgress(vscode.l10n.t('Looking for {0} in {1}…', name, region), (signal) => client.listPage(region, name, '', { maxKeys: 1, delimiter: '/', signal }));
      } catch (error) {
        if (error instanceof ApiError && error.kind === 'not_found') throw new ApiError({ kind: 'not_found', status: error.status, id: error.id, requestId: error.requestId, message: vscode.l10n.t('There is no bucket {0} in {1}.', name, region) });
        // a bucket whose CORS rules do not allow this editor yet: shown, with what to do about it
        if (!isBrowserBlocked(error)) throw error;
      }
      await spaces.nameBucket(account, { name, region });
      log.info(`[${account.label}] bucket ${name} (${region}) added by name`);
    }),

    registerCommand(deps, 'digitalocean.spaces.showDetails', vscode.l10n.t('Show bucket details'), (arg) => {
      const t = targetOf(arg);
      if (!(t instanceof BucketNode)) throw new Error(vscode.l10n.t('Run this from a bucket.'));
      return bucketPanels.open(t.account, t.bucket);
    }),
    deps.fileSystems.provide(SPACES_SCHEME, files),

    registerCommand(deps, 'digitalocean.spaces.setKey', vscode.l10n.t('Set Spaces key'), async (arg) => {
      const account = arg instanceof KindGroupNode || arg instanceof ResourceNode ? arg.account : await spacesAccount(arg, vscode.l10n.t('Set Spaces key'));
      const current = await deps.spacesKeys.get(account.id);
      const choice = await input.quickPick(
        [
          { label: vscode.l10n.t('Create a new key…'), description: vscode.l10n.t('with the API; its secret goes straight to {0}', secretHome()), action: 'create' },
          { label: vscode.l10n.t('Enter an existing key…'), description: vscode.l10n.t('access key and secret'), action: 'paste' },
          ...(current ? [{ label: vscode.l10n.t('Forget {0}', current.accessKey), description: vscode.l10n.t('the key stays in DigitalOcean'), action: 'forget' }] : []),
        ],
        { title: vscode.l10n.t('Spaces key for {0}{1}', account.label, current ? ` (now ${current.accessKey})` : '') },
      );
      if (choice.action === 'create') await createKey(account);
      else if (choice.action === 'paste') await pasteKey(account);
      else {
        await deps.spacesKeys.forget(account.id);
        log.info(`[${account.label}] Spaces key forgotten`);
      }
    }),

    registerCommand(deps, 'digitalocean.spaces.loadMore', vscode.l10n.t('Load more'), async (arg) => {
      if (!(arg instanceof PrefixNode)) throw new Error(vscode.l10n.t('Run this from a bucket or folder.'));
      await spaces.loadMore(arg.account, arg.bucket, arg.key);
    }),

    registerCommand(deps, 'digitalocean.spaces.createBucket', vscode.l10n.t('Create bucket'), async (arg) => {
      if (deps.machine.browserOrigin) {
        // S3 answers the preflight of a bucket that is not there yet with no CORS rules to allow it
        throw new Error(vscode.l10n.t('A browser cannot create a bucket: Spaces let a browser in only by a bucket\'s own CORS rules. Create it in the control panel or in VS Code on the desktop, then use Add Bucket by Name….'));
      }
      const account = await spacesAccount(arg, vscode.l10n.t('Create a Spaces bucket'));
      const client = await spaces.client(account);
      const { buckets } = await spaces.buckets(account).catch(() => ({ buckets: [] as Bucket[] }));
      const name = (await input.inputBox({ title: vscode.l10n.t('New bucket: name'), prompt: vscode.l10n.t('Unique across all of Spaces; lower-case letters, digits and hyphens'), validateInput: (v) => bucketNameProblem(v, buckets.map((b) => b.name)) })).trim();
      const regions = spaces.regions(account);
      const region = regions.length === 1 ? regions[0] : (await input.quickPick(regions.map((r) => ({ label: r })), { title: vscode.l10n.t('New bucket {0}: region', name) })).label;
      await withProgress(vscode.l10n.t('Creating bucket {0} in {1}…', name, region), (signal) => client.createBucket(region, name, signal));
      log.info(`[${account.label}] bucket ${name} created in ${region}`);
      spaces.bucketsChanged(account);
    }),

    registerCommand(deps, 'digitalocean.spaces.deleteBucket', vscode.l10n.t('Delete bucket'), async (arg) => {
      const t = targetOf(arg);
      if (!(t instanceof BucketNode)) throw new Error(vscode.l10n.t('Run this from a bucket.'));
      const client = await spaces.client(t.account);
      const keys = await countUnder(client, t.bucket, '');
      if (keys.length) {
        await input.inputBox({
          title: vscode.l10n.t('Delete bucket {0} and its {1}', t.bucket.name, plural(keys.length, 'object')),
          prompt: vscode.l10n.t('All {0} are deleted with it; this cannot be undone. Type the bucket\'s name ({1}) to confirm.', plural(keys.length, 'object'), t.bucket.name),
          validateInput: (v) => (v === t.bucket.name ? undefined : vscode.l10n.t('Type {0} exactly to confirm.', t.bucket.name)),
        });
      } else {
        await input.confirm(vscode.l10n.t('Delete the empty bucket {0}?', t.bucket.name), vscode.l10n.t('This cannot be undone.'), vscode.l10n.t('Delete'));
      }
      await withProgress(vscode.l10n.t('Deleting bucket {0}…', t.bucket.name), async (signal, report) => {
        await client.deleteMany(t.bucket.region, t.bucket.name, keys, signal, (n) => report(vscode.l10n.t('{0} of {1} deleted', n.toLocaleString('en-US'), plural(keys.length, 'object'))));
        await client.deleteBucket(t.bucket.region, t.bucket.name, signal);
      });
      log.info(`[${t.account.label}] bucket ${t.bucket.name} deleted with ${plural(keys.length, 'object')}`);
      await spaces.forgetNamedBucket(t.account, t.bucket.name);
      spaces.bucketsChanged(t.account);
    }),

    registerCommand(deps, 'digitalocean.spaces.addToWorkspace', vscode.l10n.t('Add bucket to workspace'), async (arg) => {
      const t = targetOf(arg);
      if (!(t instanceof PrefixNode)) throw new Error(vscode.l10n.t('Run this from a bucket or folder.'));
      const uri = spacesUri(t.account, t.bucket, t.key.replace(/\/$/, ''));
      const at = vscode.workspace.workspaceFolders?.length ?? 0;
      const name = `${t.bucket.name}${t.key ? `/${t.key.replace(/\/$/, '')}` : ''} (Spaces)`;
      if (!vscode.workspace.updateWorkspaceFolders(at, 0, { uri, name })) throw new Error(vscode.l10n.t('VS Code did not add {0} to the workspace.', name));
    }),

    registerCommand(deps, 'digitalocean.spaces.newFolder', vscode.l10n.t('New folder'), async (arg) => {
      const { account, bucket, prefix } = uploadTarget(arg);
      const name = await askName(vscode.l10n.t('New folder in {0}/{1}', bucket.name, prefix), prefix);
      await files.createDirectory(spacesUri(account, bucket, prefix + name));
    }),

    registerCommand(deps, 'digitalocean.spaces.newFile', vscode.l10n.t('New file'), async (arg) => {
      const { account, bucket, prefix } = uploadTarget(arg);
      const name = await askName(vscode.l10n.t('New file in {0}/{1}', bucket.name, prefix), prefix);
      const uri = spacesUri(account, bucket, prefix + name);
      await files.writeFile(uri, new Uint8Array(0), { create: true, overwrite: false });
      await vscode.window.showTextDocument(uri);
    }),

    registerCommand(deps, 'digitalocean.spaces.upload', vscode.l10n.t('Upload files'), async (arg, all) => {
      // From the Explorer (files chosen there), or from a bucket/folder in our view (files asked for).
      // Dropped on a bucket or folder (dragAndDrop.ts): the files come with it.
      // Any file system but ours: the disk on Node; on the web, the workspace's (a GitHub repository, a browser folder).
      const isFile = (u: unknown): u is vscode.Uri => u instanceof vscode.Uri && u.scheme !== SPACES_SCHEME;
      const fromExplorer = isFile(arg);
      const given = Array.isArray(all) && all.length > 0 && all.every(isFile) ? (all as vscode.Uri[]) : undefined;
      const target = fromExplorer ? await pickUploadTarget() : uploadTarget(arg);
      const chosen = given ?? (fromExplorer ? [arg] : await input.openDialog({ canSelectMany: true, canSelectFiles: true, canSelectFolders: false, defaultUri: deps.machine.files.defaultFolder(), title: vscode.l10n.t('Upload to {0}/{1}', target.bucket.name, target.prefix), openLabel: vscode.l10n.t('Upload') }));
      const sources: { uri: vscode.Uri; relative: string }[] = [];
      for (const uri of chosen) {
        const stat = await vscode.workspace.fs.stat(uri);
        if (stat.type & vscode.FileType.Directory) {
          const name = baseName(uri);
          for (const f of await filesUnder(uri)) sources.push({ uri: f.uri, relative: `${name}/${f.relative}` });
        } else sources.push({ uri, relative: baseName(uri) });
      }
      if (!sources.length) throw new Error(vscode.l10n.t('Nothing to upload: the folders chosen are empty.'));
      await uploadFiles(target.account, target.bucket, target.prefix, sources);
    }),

    registerCommand(deps, 'digitalocean.spaces.uploadFolder', vscode.l10n.t('Upload folder'), async (arg) => {
      const target = uploadTarget(arg);
      const [dir] = await input.openDialog({ canSelectMany: false, canSelectFiles: false, canSelectFolders: true, defaultUri: deps.machine.files.defaultFolder(), title: vscode.l10n.t('Upload a folder to {0}/{1}', target.bucket.name, target.prefix), openLabel: vscode.l10n.t('Upload') });
      const name = baseName(dir);
      const found = await withProgress(vscode.l10n.t('Reading {0}…', shown(dir)), (signal) => filesUnder(dir, signal));
      if (!found.length) throw new Error(vscode.l10n.t('{0} has no files.', shown(dir)));
      await uploadFiles(target.account, target.bucket, target.prefix, found.map((f) => ({ uri: f.uri, relative: `${name}/${f.relative}` })));
    }),

    registerCommand(deps, 'digitalocean.spaces.download', vscode.l10n.t('Download'), async (arg) => {
      const t = targetOf(arg);
      if (!(t instanceof ObjectNode)) throw new Error(vscode.l10n.t('Run this from an object.'));
      const name = t.key.split('/').pop() || 'object';
      const folder = deps.machine.files.defaultFolder();
      const target = await input.saveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined, title: vscode.l10n.t('Download {0}/{1}', t.bucket.name, t.key), saveLabel: vscode.l10n.t('Download') });
      const client = await spaces.client(t.account);
      await withProgress(vscode.l10n.t('Downloading {0}', name), async (signal, report) => {
        const response = await client.getStream(t.bucket.region, t.bucket.name, t.key, signal);
        // what the body must come to: its Content-Length, else the object's size as HEAD tells
        // it (a close-delimited body that stops early looks like a clean end); its MD5 where the
        // ETag is one (not for multipart uploads, whose ETags carry a dash)
        const etag = (response.headers.get('etag') ?? '').replace(/^"|"$/g, '');
        const length = response.headers.get('content-length');
        const total = length !== null ? Number(length) : (await client.head(t.bucket.region, t.bucket.name, t.key, signal))?.size;
        // a body sent compressed (Content-Encoding) arrives decoded: neither figure applies to it
        const encoded = !/^(identity)?$/i.test(response.headers.get('content-encoding') ?? '');
        const expect = encoded ? undefined : { bytes: total, md5: /^[0-9a-f]{32}$/i.test(etag) ? etag : undefined };
        try {
          await deps.machine.files.save(target, response.body!, (got) => {
            if (total) report(`${Math.floor((got / total) * 100)}%`);
          }, expect);
        } catch (error) {
          if (signal.aborted) throw new ApiError({ kind: 'cancelled', message: vscode.l10n.t('Cancelled.') });
          if (error instanceof DownloadMismatch) throw new ApiError({ kind: 'invalid_response', message: error.message });
          // fetch's own "TypeError: terminated" when the connection breaks mid-body
          if (error instanceof TypeError) throw new ApiError({ kind: 'network', message: vscode.l10n.t('The download broke off ({0}); nothing was saved.', error.message) });
          throw error;
        }
      });
      log.info(`[${t.account.label}] downloaded ${t.bucket.name}/${t.key} → ${shown(target)}`);
    }),

    registerCommand(deps, 'digitalocean.spaces.rename', vscode.l10n.t('Rename or move'), async (arg) => {
      const { account, bucket, key, node } = inBucket(arg);
      if (!key) throw new Error(vscode.l10n.t('A bucket cannot be renamed: create another and move the objects.'));
      const isFolder = node instanceof PrefixNode;
      const current = key.replace(/\/$/, '');
      const next = (await input.inputBox({ title: vscode.l10n.t('Rename or move {0}/{1}', bucket.name, key), prompt: vscode.l10n.t('The new path in the bucket (a different folder moves it)'), value: current, validateInput: (v) => objectKeyProblem(v.trim().replace(/^\/+|\/+$/g, '')) ?? (v.trim().replace(/^\/+|\/+$/g, '') === current ? vscode.l10n.t('That is its name now.') : undefined) })).trim().replace(/^\/+|\/+$/g, '');
      const result = await withProgress(vscode.l10n.t('Moving {0}/{1}…', bucket.name, key), (signal, report) => files.move(spacesUri(account, bucket, current), spacesUri(account, bucket, next), { overwrite: false }, signal, (done, total) => report(`${done} of ${plural(total, 'object')}`)));
      if (result.error) throw result.error;
      log.info(`[${account.label}] moved ${bucket.name}/${key} → ${next}${isFolder ? '/' : ''} (${plural(result.moved, 'object')})`);
    }),

    registerCommand(deps, 'digitalocean.spaces.delete', vscode.l10n.t('Delete'), async (arg) => {
      const { account, bucket, key, node } = inBucket(arg);
      if (!key) throw new Error(vscode.l10n.t('Use Delete Bucket for a bucket.'));
      const client = await spaces.client(account);
      if (node instanceof ObjectNode) {
        await input.confirm(vscode.l10n.t('Delete {0}/{1}?', bucket.name, key), vscode.l10n.t('This cannot be undone.'), vscode.l10n.t('Delete'));
        await withProgress(vscode.l10n.t('Deleting {0}…', key), (signal) => client.delete(bucket.region, bucket.name, key, signal));
      } else {
        const keys = await countUnder(client, bucket, key);
        const objects = keys.filter((k) => k !== key);
        await input.confirm(vscode.l10n.t('Delete the folder {0}/{1} and the {2} in it?', bucket.name, key, plural(objects.length, 'object')), vscode.l10n.t('This cannot be undone.'), vscode.l10n.t('Delete {0}', plural(objects.length, vscode.l10n.t('Object'))));
        await withProgress(vscode.l10n.t('Deleting {0}/{1}…', bucket.name, key), (signal, report) => client.deleteMany(bucket.region, bucket.name, keys, signal, (n) => report(`${n.toLocaleString('en-US')} of ${keys.length.toLocaleString('en-US')}`)));
      }
      log.info(`[${account.label}] deleted ${bucket.name}/${key}`);
      spaces.changed(account, bucket.name, parentPrefix(key));
      files.notifyChanged(spacesUri(account, bucket, key.replace(/\/$/, '')), vscode.FileChangeType.Deleted);
    }),

    registerCommand(deps, 'digitalocean.spaces.copyUrl', vscode.l10n.t('Copy URL'), async (arg) => {
      const { account, bucket, key } = inBucket(arg);
      await copyText('URL', (await spaces.client(account)).objectUrl(bucket.region, bucket.name, key));
    }),

    registerCommand(deps, 'digitalocean.spaces.copyCdnUrl', vscode.l10n.t('Copy CDN URL'), async (arg) => {
      const { account, bucket, key } = inBucket(arg);
      const origin = `${bucket.name}.${bucket.region}.digitaloceanspaces.com`;
      const endpoints = await model.cacheFor(account).list(cdnEndpoint);
      const cdn = endpoints.find((e) => e.origin === origin);
      if (!cdn) throw new Error(vscode.l10n.t('No CDN endpoint fronts {0} (origin {1}): enable the CDN for the bucket first.', bucket.name, origin));
      const host = cdn.custom_domain || cdn.endpoint;
      await copyText('CDN URL', `https://${host}/${key.split('/').map(encodeURIComponent).join('/')}`);
    }),

    registerCommand(deps, 'digitalocean.spaces.copyPresignedUrl', vscode.l10n.t('Copy presigned URL'), async (arg) => {
      const { account, bucket, key } = inBucket(arg);
      const choice = await input.quickPick(
        [
          { label: '1 hour', seconds: 3600 },
          { label: '1 day', seconds: 86_400 },
          { label: '7 days', description: vscode.l10n.t('the longest S3 allows'), seconds: 604_800 },
          { label: vscode.l10n.t('Other…'), seconds: 0 },
        ],
        { title: vscode.l10n.t('Presigned URL for {0}: valid for', key) },
      );
      let seconds = choice.seconds;
      if (!seconds) {
        const text = await input.inputBox({ title: vscode.l10n.t('Valid for how many minutes?'), validateInput: (v) => (/^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 10_080 ? undefined : vscode.l10n.t('A whole number of minutes, 1 to 10,080 (7 days).')) });
        seconds = Number(text.trim()) * 60;
      }
      const url = await (await spaces.client(account)).presign(bucket.region, bucket.name, key, seconds);
      await copyText(vscode.l10n.t('presigned URL (valid {0})', choice.seconds ? choice.label : `${seconds / 60} minutes`), url);
      log.info(`[${account.label}] presigned URL for ${bucket.name}/${key} made, valid ${seconds} s`);
    }),

    registerCommand(deps, 'digitalocean.spaces.makePublic', vscode.l10n.t('Make public'), async (arg) => {
      const { account, bucket, key } = inBucket(arg);
      const client = await spaces.client(account);
      await input.confirm(vscode.l10n.t('Make {0}/{1} public?', bucket.name, key), vscode.l10n.t('Anyone with its URL can then read it:\n{0}', client.objectUrl(bucket.region, bucket.name, key)), vscode.l10n.t('Make Public'));
      await withProgress(vscode.l10n.t('Making {0} public…', key), (signal) => client.setAcl(bucket.region, bucket.name, key, 'public-read', signal));
      log.info(`[${account.label}] ${bucket.name}/${key} made public`);
      void input.notify('info', vscode.l10n.t('{0} is public now.', key));
    }),

    registerCommand(deps, 'digitalocean.spaces.makePrivate', vscode.l10n.t('Make private'), async (arg) => {
      const { account, bucket, key } = inBucket(arg);
      const client = await spaces.client(account);
      await withProgress(vscode.l10n.t('Making {0} private…', key), (signal) => client.setAcl(bucket.region, bucket.name, key, 'private', signal));
      log.info(`[${account.label}] ${bucket.name}/${key} made private`);
      void input.notify('info', vscode.l10n.t('{0} is private now.', key));
    }),
  ];
}
