/**
 * The files of uploads and downloads, wherever the editor's files are: a local disk on Node, the
 * workspace's own file system on the web (vscode.dev's GitHub repository, a browser folder). The
 * platform gives the implementation (CommandDeps.machine.files); this one works everywhere,
 * through workspace.fs, holding a file in memory.
 */
import { md5 as md5Hash } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import * as vscode from 'vscode';
import { type UploadSource, memorySource } from '../api/spaces/spacesUpload';
import { UserCancelledError } from './userInput';

/** What a download must come to: its size, and its MD5 where the ETag is one. */
export interface DownloadExpectation {
  bytes?: number;
  md5?: string;
}

/** A download that ended short, or whose bytes are not the object's: nothing of it was kept. */
export class DownloadMismatch extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DownloadMismatch';
  }
}

/** The mismatch, if `written` bytes (hashed to `md5`, when known) are not what was expected. */
export function downloadMismatch(written: number, expect: DownloadExpectation | undefined, md5?: string): DownloadMismatch | undefined {
  if (expect?.bytes !== undefined && written !== expect.bytes) {
    return new DownloadMismatch(
      vscode.l10n.t(
        'The download ended after {0} of {1} bytes (the connection closed early); nothing was saved.',
        written.toLocaleString('en-US'),
        expect.bytes.toLocaleString('en-US'),
      ),
    );
  }
  if (expect?.md5 && md5 && expect.md5.toLowerCase() !== md5)
    return new DownloadMismatch(
      vscode.l10n.t("The downloaded bytes do not match the object's checksum (MD5 {0}, expected {1}); nothing was saved.", md5, expect.md5),
    );
  return undefined;
}

export interface TransferFiles {
  /** A file to upload; where the platform can, its parts are read only when they are sent. */
  source(uri: vscode.Uri): Promise<UploadSource & { close(): Promise<void> }>;
  /** Writes a download to `uri`, reporting the bytes written; on failure nothing is left at `uri`. */
  /**
   * Writes a download whole or not at all: when the body ends short of `expect.bytes` (a
   * connection closed mid-body, with no Content-Length to tell), or its MD5 differs from
   * `expect.md5`, nothing is kept and a DownloadMismatch is thrown.
   */
  save(uri: vscode.Uri, body: ReadableStream<Uint8Array>, onBytes: (written: number) => void, expect?: DownloadExpectation): Promise<void>;
  /** Where the open and save dialogs of uploads and downloads start, if anywhere. */
  defaultFolder(): vscode.Uri | undefined;
  /**
   * Writes a credential (a kubeconfig): on a local disk readable by the user alone (0600) and
   * whole or not at all (a private partial file renamed into place); elsewhere as the platform's
   * file system allows.
   */
  savePrivate(uri: vscode.Uri, bytes: Uint8Array): Promise<void>;
  /** Where a credential's save dialog starts: outside the workspace where the platform has such a place. */
  credentialFolder(): vscode.Uri | undefined;
}

/**
 * The root of the git work tree `uri` would be in (a folder above it with `.git`), if any: a
 * credential saved there is one `git add .` away from a repository.
 */
export async function gitWorkTreeOf(uri: vscode.Uri): Promise<vscode.Uri | undefined> {
  let dir = vscode.Uri.joinPath(uri, '..');
  for (let depth = 0; depth < 64; depth++) {
    const found = await vscode.workspace.fs.stat(vscode.Uri.joinPath(dir, '.git')).then(
      () => true,
      () => false,
    );
    if (found) return dir;
    const parent = vscode.Uri.joinPath(dir, '..');
    if (parent.path === dir.path) return undefined;
    dir = parent;
  }
  return undefined;
}

export const workspaceFiles: TransferFiles = {
  async source(uri) {
    const bytes = await vscode.workspace.fs.readFile(uri);
    return { ...memorySource(bytes), close: async () => undefined };
  },
  async save(uri, body, onBytes, expect) {
    const chunks: Uint8Array[] = [];
    let written = 0;
    // @noble/hashes: a browser's WebCrypto has no MD5, and the ETag of a whole upload is one
    const md5 = expect?.md5 ? md5Hash.create() : undefined;
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      md5?.update(value);
      written += value.length;
      onBytes(written);
    }
    const mismatch = downloadMismatch(written, expect, md5 && bytesToHex(md5.digest()));
    if (mismatch) throw mismatch;
    const all = new Uint8Array(written);
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.length;
    }
    await vscode.workspace.fs.writeFile(uri, all);
  },
  defaultFolder: () => vscode.workspace.workspaceFolders?.[0]?.uri,
  savePrivate: async (uri, bytes) => vscode.workspace.fs.writeFile(uri, bytes),
  // a browser has no place outside the workspace's own files
  credentialFolder: () => vscode.workspace.workspaceFolders?.[0]?.uri,
};

/** Every file under a folder, with its path relative to it ("a/b.txt"); links are not followed. */
export async function filesUnder(dir: vscode.Uri, signal?: AbortSignal): Promise<{ uri: vscode.Uri; relative: string }[]> {
  const out: { uri: vscode.Uri; relative: string }[] = [];
  const walk = async (current: vscode.Uri, relative: string) => {
    for (const [name, type] of await vscode.workspace.fs.readDirectory(current)) {
      if (signal?.aborted) throw new UserCancelledError();
      if (type & vscode.FileType.SymbolicLink) continue;
      const uri = vscode.Uri.joinPath(current, name);
      if (type & vscode.FileType.Directory) await walk(uri, `${relative}${name}/`);
      else if (type & vscode.FileType.File) out.push({ uri, relative: relative + name });
    }
  };
  await walk(dir, '');
  return out;
}

/** The last segment of a URI's path. */
export function baseName(uri: vscode.Uri): string {
  return uri.path.replace(/\/+$/, '').split('/').pop() || uri.path;
}
