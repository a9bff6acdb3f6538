/**
 * Spaces objects as files: `digitalocean-spaces://<account id>/<region>/<bucket>/<key>`.
 * Folders are prefixes (with an empty "folder/" marker object when made here). Saving checks the
 * object's ETag against the one read: if someone changed it meanwhile, the user is asked first.
 * Renames and moves are copies then deletes; one that stops half-way says what moved and what not.
 */
import * as vscode from 'vscode';
import type { AccountInfo, AccountStore } from '../../accounts/accountStore';
import { ApiError } from '../../api/errors';
import type { SpacesClient } from '../../api/spaces/spacesClient';
import { fileNameProblem, unsafeKeyReason } from '../../api/spaces/spaces';
import { memorySource, uploadObject } from '../../api/spaces/spacesUpload';
import { type SpacesLocation, type SpacesModel, parseSpacesUri } from '../../model/spaces';
import type { Logger } from '../../log';
import type { UserInput } from '../../ui/userInput';

interface Resolved {
  account: AccountInfo;
  client: SpacesClient;
  region: string;
  bucket: string;
  key: string;
}

export class SpacesFileSystem implements vscode.FileSystemProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  /** The ETag of each object as it was last read or written here, by URI. */
  private readonly etags = new Map<string, string>();

  constructor(
    private readonly store: AccountStore,
    private readonly spaces: SpacesModel,
    private readonly input: UserInput,
    private readonly log?: Logger,
  ) {}

  watch(): vscode.Disposable {
    // Spaces send no change events: listings are fresh when read, saves compare ETags.
    return new vscode.Disposable(() => undefined);
  }

  private location(uri: vscode.Uri): SpacesLocation {
    return parseSpacesUri(uri.authority, uri.path);
  }

  private async resolve(uri: vscode.Uri): Promise<Resolved & { bucket: string; region: string }> {
    const where = this.location(uri);
    const account = this.store.get(where.accountId);
    if (!account)
      throw vscode.FileSystemError.Unavailable(vscode.l10n.t('{0}: the DigitalOcean account of this bucket is not in the explorer any more.', uri.toString()));
    if (!where.region || !where.bucket) throw vscode.FileSystemError.FileIsADirectory(uri);
    const client = await this.spaces.client(account);
    return { account, client, region: where.region, bucket: where.bucket, key: where.key };
  }

  private fail(uri: vscode.Uri, error: unknown): never {
    if (error instanceof vscode.FileSystemError) throw error;
    if (error instanceof ApiError) {
      if (error.kind === 'not_found') throw vscode.FileSystemError.FileNotFound(uri);
      if (error.kind === 'forbidden' || error.kind === 'unauthorized')
        throw vscode.FileSystemError.NoPermissions(vscode.l10n.t("{0} — check the account's Spaces key (Set Spaces Key…).", error.describe()));
      throw vscode.FileSystemError.Unavailable(error.describe());
    }
    throw error;
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const where = this.location(uri);
    if (!where.region || !where.bucket || !where.key) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    try {
      const r = await this.resolve(uri);
      const head = await r.client.head(r.region, r.bucket, r.key);
      if (head) {
        const mtime = Date.parse(head.lastModified) || 0;
        return { type: vscode.FileType.File, ctime: mtime, mtime, size: head.size };
      }
      const under = await r.client.listPage(r.region, r.bucket, `${r.key}/`, { maxKeys: 1 });
      if (under.objects.length || under.prefixes.length) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
      throw vscode.FileSystemError.FileNotFound(uri);
    } catch (error) {
      this.fail(uri, error);
    }
  }

  async readDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
    try {
      const where = this.location(uri);
      if (!where.bucket) {
        const account = this.store.get(where.accountId);
        if (!account) throw vscode.FileSystemError.FileNotFound(uri);
        const { buckets } = await this.spaces.buckets(account);
        return where.region
          ? buckets.filter((b) => b.region === where.region).map((b) => [b.name, vscode.FileType.Directory])
          : [...new Set(buckets.map((b) => b.region))].map((r) => [r, vscode.FileType.Directory]);
      }
      const r = await this.resolve(uri);
      const prefix = r.key ? `${r.key}/` : '';
      const entries: [string, vscode.FileType][] = [];
      let skipped = 0;
      for await (const page of r.client.pages(r.region, r.bucket, prefix, { delimiter: '/' })) {
        // names VS Code would take as path steps or separators (or that a disk cannot hold) are
        // not handed over: the tree lists them as unsafe names, with the reason
        const add = (name: string, type: vscode.FileType) => (fileNameProblem(name) || unsafeKeyReason(prefix + name) ? skipped++ : entries.push([name, type]));
        for (const p of page.prefixes) add(p.slice(prefix.length, -1), vscode.FileType.Directory);
        for (const o of page.objects) if (o.key !== prefix) add(o.key.slice(prefix.length), vscode.FileType.File);
      }
      if (skipped)
        this.log?.warn(
          `${uri.toString()}: ${skipped} name(s) left out of the folder's listing, as they cannot be file names (the Spaces view lists them, marked unsafe)`,
        );
      return entries;
    } catch (error) {
      this.fail(uri, error);
    }
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    try {
      const r = await this.resolve(uri);
      const { body, etag } = await r.client.get(r.region, r.bucket, r.key);
      this.etags.set(uri.toString(), etag);
      return body;
    } catch (error) {
      this.fail(uri, error);
    }
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): Promise<void> {
    try {
      const r = await this.resolve(uri);
      if (!r.key) throw vscode.FileSystemError.FileIsADirectory(uri);
      const head = await r.client.head(r.region, r.bucket, r.key);
      if (!head && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
      if (head && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
      const known = this.etags.get(uri.toString());
      if (head && known !== undefined && head.etag !== known) {
        // Someone else saved it since we read it: their change would be lost without a word.
        const choice = await this.input.notify(
          'warning',
          vscode.l10n.t(
            '{0}/{1} changed on Spaces since you opened it (modified {2}). Overwrite their version with yours?',
            r.bucket,
            r.key,
            String(head.lastModified),
          ),
          vscode.l10n.t('Overwrite'),
          vscode.l10n.t('Cancel'),
        );
        if (choice !== vscode.l10n.t('Overwrite'))
          throw vscode.FileSystemError.Unavailable(
            vscode.l10n.t(
              'Not saved: {0}/{1} changed on Spaces since it was opened. Reopen it to see their version, or save again and choose Overwrite.',
              r.bucket,
              r.key,
            ),
          );
      }
      const { etag } = await uploadObject(r.client, memorySource(content), { region: r.region, bucket: r.bucket, key: r.key });
      this.etags.set(uri.toString(), etag);
      this.spaces.changed(r.account, r.bucket, parentPrefix(r.key));
      this.emitter.fire([{ type: head ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
    } catch (error) {
      this.fail(uri, error);
    }
  }

  async createDirectory(uri: vscode.Uri): Promise<void> {
    try {
      const r = await this.resolve(uri);
      await r.client.put(r.region, r.bucket, `${r.key}/`, new Uint8Array(0), { contentType: 'application/x-directory' });
      this.spaces.changed(r.account, r.bucket, parentPrefix(r.key));
      this.emitter.fire([{ type: vscode.FileChangeType.Created, uri }]);
    } catch (error) {
      this.fail(uri, error);
    }
  }

  /** Every key a file or folder URI stands for: the object itself, or everything under the prefix. */
  async keysOf(uri: vscode.Uri, signal?: AbortSignal): Promise<{ r: Resolved; keys: string[]; folder: boolean }> {
    const r = await this.resolve(uri);
    const head = r.key ? await r.client.head(r.region, r.bucket, r.key, signal) : undefined;
    if (head) return { r, keys: [r.key], folder: false };
    const prefix = r.key ? `${r.key}/` : '';
    const objects = await r.client.listAll(r.region, r.bucket, prefix, signal);
    return { r, keys: objects.map((o) => o.key), folder: true };
  }

  async delete(uri: vscode.Uri, options: { recursive: boolean }): Promise<void> {
    try {
      const { r, keys, folder } = await this.keysOf(uri);
      if (!keys.length) throw vscode.FileSystemError.FileNotFound(uri);
      if (folder && !options.recursive && keys.some((k) => k !== `${r.key}/`)) throw vscode.FileSystemError.NoPermissions(`${r.bucket}/${r.key} is not empty.`);
      await r.client.deleteMany(r.region, r.bucket, keys);
      this.spaces.changed(r.account, r.bucket, parentPrefix(r.key));
      this.emitter.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
    } catch (error) {
      this.fail(uri, error);
    }
  }

  async rename(oldUri: vscode.Uri, newUri: vscode.Uri, options: { overwrite: boolean }): Promise<void> {
    try {
      const result = await this.move(oldUri, newUri, options);
      if (result.error) throw result.error;
    } catch (error) {
      this.fail(oldUri, error);
    }
  }

  /**
   * Copies then deletes each object (S3 has no rename). Stops at the first failure and says how
   * far it got: the objects already moved are at the new place, the rest still at the old one.
   */
  async move(
    oldUri: vscode.Uri,
    newUri: vscode.Uri,
    options: { overwrite: boolean },
    signal?: AbortSignal,
    report?: (done: number, total: number) => void,
  ): Promise<{ moved: number; total: number; error?: Error }> {
    const from = this.location(oldUri);
    const to = this.location(newUri);
    if (from.accountId !== to.accountId || from.region !== to.region || from.bucket !== to.bucket) {
      throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Objects move within their bucket here; to another bucket, download and upload them.'));
    }
    const { r, keys, folder } = await this.keysOf(oldUri, signal);
    if (!keys.length) throw vscode.FileSystemError.FileNotFound(oldUri);
    const target = (key: string) => (folder ? `${to.key}/${key.slice(r.key.length + 1)}` : to.key);
    if (!options.overwrite) {
      const clash = folder
        ? (await r.client.listPage(r.region, r.bucket, `${to.key}/`, { maxKeys: 1, signal })).objects.length > 0
        : (await r.client.head(r.region, r.bucket, to.key, signal)) !== undefined;
      if (clash) throw vscode.FileSystemError.FileExists(newUri);
    }
    let moved = 0;
    try {
      for (const key of keys) {
        if (signal?.aborted) throw new ApiError({ kind: 'cancelled', message: vscode.l10n.t('Cancelled.') });
        await r.client.copy(r.region, r.bucket, key, target(key), signal);
        await r.client.delete(r.region, r.bucket, key, signal);
        moved++;
        report?.(moved, keys.length);
      }
      return { moved, total: keys.length };
    } catch (error) {
      const why = error instanceof ApiError ? error.describe() : error instanceof Error ? error.message : String(error);
      return {
        moved,
        total: keys.length,
        error: new Error(
          vscode.l10n.t(
            'Moved {0} of {1} object{2} from {3}/{4} to {5}, then stopped: {6}. The other {7} are still at the old place.',
            moved,
            keys.length,
            keys.length === 1 ? '' : 's',
            r.bucket,
            r.key,
            to.key,
            why,
            keys.length - moved,
          ),
        ),
      };
    } finally {
      this.spaces.changed(r.account, r.bucket, parentPrefix(r.key));
      this.spaces.changed(r.account, r.bucket, parentPrefix(to.key));
      this.emitter.fire([
        { type: vscode.FileChangeType.Deleted, uri: oldUri },
        { type: vscode.FileChangeType.Created, uri: newUri },
      ]);
    }
  }

  /** Tells editors and the Explorer that objects changed (an upload, a delete from the tree). */
  notifyChanged(uri: vscode.Uri, type: vscode.FileChangeType = vscode.FileChangeType.Changed): void {
    this.emitter.fire([{ type, uri }]);
  }
}

/** "a/b/c.txt" → "a/b/"; "c.txt" → "". */
export function parentPrefix(key: string): string {
  const trimmed = key.replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  return slash < 0 ? '' : trimmed.slice(0, slash + 1);
}
