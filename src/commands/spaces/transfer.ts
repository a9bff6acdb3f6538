/** Uploads (files and folders, in parts) and downloads (whole or not at all). */
import * as vscode from 'vscode';
import type { AccountInfo } from '../../accounts/accountStore';
import { ApiError } from '../../api/errors';
import { type Bucket, objectKeyProblem } from '../../api/spaces/spaces';
import { uploadObject } from '../../api/spaces/spacesUpload';
import { SPACES_SCHEME } from '../../model/spaces';
import { plural } from '../../tree/format';
import { ObjectNode, spacesUri } from '../../tree/nodes/spacesNodes';
import { withProgress } from '../../ui/progress';
import { DownloadMismatch, baseName, filesUnder } from '../../ui/transferFiles';
import type { CommandDeps } from '../deps';
import { accountTarget } from '../pick';
import { registerCommand } from '../register';
import { shown, spacesFilesOf, targetOf, uploadTarget } from './targets';

export function registerSpacesTransferCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, spaces } = deps;
  const files = spacesFilesOf(deps);

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
              onRetry: (part, attempt, error) =>
                log.warn(
                  `[${account.label}] part ${part} of ${key} failed (attempt ${attempt}), retrying: ${error instanceof Error ? error.message : String(error)}`,
                ),
            });
            retries += result.retries;
            uploaded.push(key);
            log.info(
              `[${account.label}] uploaded ${shown(s.uri)} → ${bucket.name}/${key} (${result.parts} part${result.parts === 1 ? '' : 's'}${result.retries ? `, ${result.retries} retried` : ''})`,
            );
          } finally {
            await source.close();
          }
        }
      });
    } catch (error) {
      if (uploaded.length && uploaded.length < sources.length) {
        const cancelled = error instanceof ApiError && error.kind === 'cancelled';
        void input.notify(
          'warning',
          vscode.l10n.t(
            '{0} after {1} of {2}: those are in {3}/{4}; the rest are not (no partial object was left).',
            cancelled ? vscode.l10n.t('Upload cancelled') : vscode.l10n.t('Upload stopped'),
            plural(uploaded.length, 'file'),
            sources.length,
            bucket.name,
            prefix,
          ),
        );
      }
      throw error;
    } finally {
      if (uploaded.length) {
        spaces.changed(account, bucket.name, prefix);
        for (const key of uploaded) files.notifyChanged(spacesUri(account, bucket, key));
      }
    }
    void input.notify(
      'info',
      vscode.l10n.t(
        'Uploaded {0} to {1}/{2}{3}.',
        plural(uploaded.length, 'file'),
        bucket.name,
        prefix,
        retries ? vscode.l10n.t(' ({0} sent again after a failure)', plural(retries, 'part')) : '',
      ),
    );
  }

  async function pickUploadTarget(): Promise<{ account: AccountInfo; bucket: Bucket; prefix: string }> {
    const account = await accountTarget(deps, undefined, vscode.l10n.t('Upload to Spaces'));
    const { buckets } = await withProgress(vscode.l10n.t('Listing buckets…'), () => spaces.buckets(account));
    if (!buckets.length) throw new Error(vscode.l10n.t('{0} has no buckets: create one first (Spaces → Create Bucket…).', account.label));
    const picked = await input.quickPick(
      buckets.map((b) => ({ label: b.name, description: b.region, bucket: b })),
      { title: vscode.l10n.t('Upload to Spaces: bucket') },
    );
    const folder = await input.inputBox({
      title: vscode.l10n.t('Upload to {0}: folder', picked.label),
      prompt: vscode.l10n.t('A folder in the bucket ("" for its top), e.g. assets/img'),
      validateInput: (v) => (v.trim() ? objectKeyProblem(v.trim()) : undefined),
    });
    const prefix = folder.trim().replace(/^\/+|\/+$/g, '');
    return { account, bucket: picked.bucket, prefix: prefix ? `${prefix}/` : '' };
  }

  return [
    registerCommand(deps, 'digitalocean.spaces.upload', vscode.l10n.t('Upload files'), async (arg, all) => {
      // From the Explorer (files chosen there), or from a bucket/folder in our view (files asked for).
      // Dropped on a bucket or folder (dragAndDrop.ts): the files come with it.
      // Any file system but ours: the disk on Node; on the web, the workspace's (a GitHub repository, a browser folder).
      const isFile = (u: unknown): u is vscode.Uri => u instanceof vscode.Uri && u.scheme !== SPACES_SCHEME;
      const fromExplorer = isFile(arg);
      const given = Array.isArray(all) && all.length > 0 && all.every(isFile) ? (all as vscode.Uri[]) : undefined;
      const target = fromExplorer ? await pickUploadTarget() : uploadTarget(arg);
      const chosen =
        given ??
        (fromExplorer
          ? [arg]
          : await input.openDialog({
              canSelectMany: true,
              canSelectFiles: true,
              canSelectFolders: false,
              defaultUri: deps.machine.files.defaultFolder(),
              title: vscode.l10n.t('Upload to {0}/{1}', target.bucket.name, target.prefix),
              openLabel: vscode.l10n.t('Upload'),
            }));
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
      const [dir] = await input.openDialog({
        canSelectMany: false,
        canSelectFiles: false,
        canSelectFolders: true,
        defaultUri: deps.machine.files.defaultFolder(),
        title: vscode.l10n.t('Upload a folder to {0}/{1}', target.bucket.name, target.prefix),
        openLabel: vscode.l10n.t('Upload'),
      });
      const name = baseName(dir);
      const found = await withProgress(vscode.l10n.t('Reading {0}…', shown(dir)), (signal) => filesUnder(dir, signal));
      if (!found.length) throw new Error(vscode.l10n.t('{0} has no files.', shown(dir)));
      await uploadFiles(
        target.account,
        target.bucket,
        target.prefix,
        found.map((f) => ({ uri: f.uri, relative: `${name}/${f.relative}` })),
      );
    }),

    registerCommand(deps, 'digitalocean.spaces.download', vscode.l10n.t('Download'), async (arg) => {
      const t = targetOf(arg);
      if (!(t instanceof ObjectNode)) throw new Error(vscode.l10n.t('Run this from an object.'));
      const name = t.key.split('/').pop() || 'object';
      const folder = deps.machine.files.defaultFolder();
      const target = await input.saveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
        title: vscode.l10n.t('Download {0}/{1}', t.bucket.name, t.key),
        saveLabel: vscode.l10n.t('Download'),
      });
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
          await deps.machine.files.save(
            target,
            response.body!,
            (got) => {
              if (total) report(`${Math.floor((got / total) * 100)}%`);
            },
            expect,
          );
        } catch (error) {
          if (signal.aborted) throw new ApiError({ kind: 'cancelled', message: vscode.l10n.t('Cancelled.') });
          if (error instanceof DownloadMismatch) throw new ApiError({ kind: 'invalid_response', message: error.message });
          // fetch's own "TypeError: terminated" when the connection breaks mid-body
          if (error instanceof TypeError)
            throw new ApiError({ kind: 'network', message: vscode.l10n.t('The download broke off ({0}); nothing was saved.', error.message) });
          throw error;
        }
      });
      log.info(`[${t.account.label}] downloaded ${t.bucket.name}/${t.key} → ${shown(target)}`);
    }),
  ];
}
