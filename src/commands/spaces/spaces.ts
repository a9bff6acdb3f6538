/**
 * Spaces: buckets, folders and objects — create, open, rename, delete, share — and the
 * `digitalocean-spaces:` file system the editor and the Explorer use (spacesFiles.ts). The key is
 * keys.ts, uploads and downloads transfer.ts, browser access cors.ts; what they share targets.ts.
 * Everything goes through the model (model/spaces.ts) and its S3 client.
 */
import * as vscode from 'vscode';
import { ApiError, isBrowserBlocked } from '../../api/errors';
import { cdnEndpoint } from '../../api/resources/cdnEndpoint';
import { type Bucket, bucketNameProblem, objectKeyProblem } from '../../api/spaces/spaces';
import type { SpacesClient } from '../../api/spaces/spacesClient';
import { SPACES_SCHEME } from '../../model/spaces';
import { BucketPanels } from '../../panels/bucketPanel';
import { plural } from '../../tree/format';
import { BucketNode, ObjectNode, PrefixNode, spacesUri } from '../../tree/nodes/spacesNodes';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { registerCommand } from '../register';
import { parentPrefix } from './spacesFiles';
import { copyText, inBucket, spacesAccount, spacesFilesOf, targetOf, uploadTarget } from './targets';

export function registerSpacesCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model, spaces } = deps;
  const files = spacesFilesOf(deps);
  const bucketPanels = new BucketPanels({ extensionUri: deps.extensionUri, model, spaces, log });

  /** The key of a new object or folder directly under a prefix, asked for and checked. */
  async function askName(title: string, prefix: string, value = ''): Promise<string> {
    const name = (
      await input.inputBox({
        title,
        value,
        prompt: prefix ? vscode.l10n.t('In {0}', prefix) : undefined,
        validateInput: (v) => objectKeyProblem(prefix + v.trim().replace(/^\/+|\/+$/g, '')),
      })
    ).trim();
    return name.replace(/^\/+|\/+$/g, '');
  }

  /** A region for a bucket: asked only when the account's Spaces are in more than one. */
  async function pickRegion(regions: readonly string[], title: string): Promise<string> {
    if (regions.length === 1) return regions[0];
    return (
      await input.quickPick(
        regions.map((r) => ({ label: r })),
        { title },
      )
    ).label;
  }

  async function countUnder(client: SpacesClient, bucket: Bucket, prefix: string): Promise<string[]> {
    return withProgress(vscode.l10n.t('Counting objects in {0}/{1}…', bucket.name, prefix), async (signal, report) =>
      (await client.listAll(bucket.region, bucket.name, prefix, signal, (n) => report(vscode.l10n.t('{0} so far', n.toLocaleString('en-US'))))).map(
        (o) => o.key,
      ),
    );
  }

  return [
    bucketPanels,
    registerCommand(deps, 'digitalocean.spaces.nameBucket', vscode.l10n.t('Add bucket by name'), async (arg) => {
      const account = await spacesAccount(deps, arg, vscode.l10n.t('Add a Spaces bucket by name'));
      const client = await spaces.client(account);
      const name = (
        await input.inputBox({
          title: vscode.l10n.t('Add a bucket by name'),
          prompt: vscode.l10n.t('A bucket of {0} that cannot be listed here', account.label),
          validateInput: (v) => bucketNameProblem(v.trim()),
        })
      ).trim();
      const region = await pickRegion(spaces.regions(account), vscode.l10n.t('Bucket {0}: region', name));
      try {
        await withProgress(vscode.l10n.t('Looking for {0} in {1}…', name, region), (signal) =>
          client.listPage(region, name, '', { maxKeys: 1, delimiter: '/', signal }),
        );
      } catch (error) {
        if (error instanceof ApiError && error.kind === 'not_found')
          throw new ApiError({
            kind: 'not_found',
            status: error.status,
            id: error.id,
            requestId: error.requestId,
            message: vscode.l10n.t('There is no bucket {0} in {1}.', name, region),
          });
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

    registerCommand(deps, 'digitalocean.spaces.loadMore', vscode.l10n.t('Load more'), async (arg) => {
      if (!(arg instanceof PrefixNode)) throw new Error(vscode.l10n.t('Run this from a bucket or folder.'));
      await spaces.loadMore(arg.account, arg.bucket, arg.key);
    }),

    registerCommand(deps, 'digitalocean.spaces.createBucket', vscode.l10n.t('Create bucket'), async (arg) => {
      if (deps.machine.browserOrigin) {
        // S3 answers the preflight of a bucket that is not there yet with no CORS rules to allow it
        throw new Error(
          vscode.l10n.t(
            "A browser cannot create a bucket: Spaces let a browser in only by a bucket's own CORS rules. Create it in the control panel or in VS Code on the desktop, then use Add Bucket by Name….",
          ),
        );
      }
      const account = await spacesAccount(deps, arg, vscode.l10n.t('Create a Spaces bucket'));
      const client = await spaces.client(account);
      const { buckets } = await spaces.buckets(account).catch(() => ({ buckets: [] as Bucket[] }));
      const name = (
        await input.inputBox({
          title: vscode.l10n.t('New bucket: name'),
          prompt: vscode.l10n.t('Unique across all of Spaces; lower-case letters, digits and hyphens'),
          validateInput: (v) =>
            bucketNameProblem(
              v,
              buckets.map((b) => b.name),
            ),
        })
      ).trim();
      const region = await pickRegion(spaces.regions(account), vscode.l10n.t('New bucket {0}: region', name));
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
          prompt: vscode.l10n.t(
            "All {0} are deleted with it; this cannot be undone. Type the bucket's name ({1}) to confirm.",
            plural(keys.length, 'object'),
            t.bucket.name,
          ),
          validateInput: (v) => (v === t.bucket.name ? undefined : vscode.l10n.t('Type {0} exactly to confirm.', t.bucket.name)),
        });
      } else {
        await input.confirm(vscode.l10n.t('Delete the empty bucket {0}?', t.bucket.name), vscode.l10n.t('This cannot be undone.'), vscode.l10n.t('Delete'));
      }
      await withProgress(vscode.l10n.t('Deleting bucket {0}…', t.bucket.name), async (signal, report) => {
        await client.deleteMany(t.bucket.region, t.bucket.name, keys, signal, (n) =>
          report(vscode.l10n.t('{0} of {1} deleted', n.toLocaleString('en-US'), plural(keys.length, 'object'))),
        );
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

    registerCommand(deps, 'digitalocean.spaces.rename', vscode.l10n.t('Rename or move'), async (arg) => {
      const { account, bucket, key, node } = inBucket(arg);
      if (!key) throw new Error(vscode.l10n.t('A bucket cannot be renamed: create another and move the objects.'));
      const isFolder = node instanceof PrefixNode;
      const current = key.replace(/\/$/, '');
      const next = (
        await input.inputBox({
          title: vscode.l10n.t('Rename or move {0}/{1}', bucket.name, key),
          prompt: vscode.l10n.t('The new path in the bucket (a different folder moves it)'),
          value: current,
          validateInput: (v) =>
            objectKeyProblem(v.trim().replace(/^\/+|\/+$/g, '')) ??
            (v.trim().replace(/^\/+|\/+$/g, '') === current ? vscode.l10n.t('That is its name now.') : undefined),
        })
      )
        .trim()
        .replace(/^\/+|\/+$/g, '');
      const result = await withProgress(vscode.l10n.t('Moving {0}/{1}…', bucket.name, key), (signal, report) =>
        files.move(spacesUri(account, bucket, current), spacesUri(account, bucket, next), { overwrite: false }, signal, (done, total) =>
          report(`${done} of ${plural(total, 'object')}`),
        ),
      );
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
        await input.confirm(
          vscode.l10n.t('Delete the folder {0}/{1} and the {2} in it?', bucket.name, key, plural(objects.length, 'object')),
          vscode.l10n.t('This cannot be undone.'),
          vscode.l10n.t('Delete {0}', plural(objects.length, vscode.l10n.t('Object'))),
        );
        await withProgress(vscode.l10n.t('Deleting {0}/{1}…', bucket.name, key), (signal, report) =>
          client.deleteMany(bucket.region, bucket.name, keys, signal, (n) => report(`${n.toLocaleString('en-US')} of ${keys.length.toLocaleString('en-US')}`)),
        );
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
        const text = await input.inputBox({
          title: vscode.l10n.t('Valid for how many minutes?'),
          validateInput: (v) =>
            /^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 10_080 ? undefined : vscode.l10n.t('A whole number of minutes, 1 to 10,080 (7 days).'),
        });
        seconds = Number(text.trim()) * 60;
      }
      const url = await (await spaces.client(account)).presign(bucket.region, bucket.name, key, seconds);
      await copyText(vscode.l10n.t('presigned URL (valid {0})', choice.seconds ? choice.label : `${seconds / 60} minutes`), url);
      log.info(`[${account.label}] presigned URL for ${bucket.name}/${key} made, valid ${seconds} s`);
    }),

    registerCommand(deps, 'digitalocean.spaces.makePublic', vscode.l10n.t('Make public'), async (arg) => {
      const { account, bucket, key } = inBucket(arg);
      const client = await spaces.client(account);
      await input.confirm(
        vscode.l10n.t('Make {0}/{1} public?', bucket.name, key),
        vscode.l10n.t('Anyone with its URL can then read it:\n{0}', client.objectUrl(bucket.region, bucket.name, key)),
        vscode.l10n.t('Make Public'),
      );
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
