/**
 * Uploads and downloads on Node: a file on disk is read part by part when the part is sent (a
 * 5 GB upload is never held in memory), and a download is written to a private partial file
 * renamed into place at the end. Files of other file systems go through workspace.fs.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type TransferFiles, downloadMismatch, workspaceFiles } from './transferFiles';

export const localTransferFiles: TransferFiles = {
  async source(uri) {
    if (uri.scheme !== 'file') return workspaceFiles.source(uri);
    const file = uri.fsPath;
    const handle = await fs.open(file, 'r');
    const { size } = await handle.stat();
    return {
      size,
      async read(offset, length) {
        const buffer = new Uint8Array(length);
        let read = 0;
        while (read < length) {
          const { bytesRead } = await handle.read(buffer, read, length - read, offset + read);
          if (bytesRead === 0) throw new Error(vscode.l10n.t('{0} changed while it was uploaded (it is shorter now).', file));
          read += bytesRead;
        }
        return buffer;
      },
      close: () => handle.close(),
    };
  },
  async save(uri, body, onBytes, expect) {
    if (uri.scheme !== 'file') return workspaceFiles.save(uri, body, onBytes, expect);
    // a name of its own per transfer: two downloads to one target never share a partial file
    const partial = `${uri.fsPath}.download-${process.pid}-${randomUUID().slice(0, 8)}`;
    const out = await fs.open(partial, 'wx', 0o600);
    const md5 = expect?.md5 ? createHash('md5') : undefined;
    let written = 0;
    const reader = body.getReader();
    // The body is read as fast as it arrives and written behind it: left waiting while the disk
    // writes, it fills fetch's buffer, its parser pauses, and a server that then closes the
    // connection trips an uncatchable assertion in the fetch VS Code gives extensions (undici
    // #5360, `assert(!this.paused)`; seen with moto on a 70 KB download).
    const arrived: Uint8Array[] = [];
    let ended = false;
    let broken: { error: unknown } | undefined;
    let wake: (() => void) | undefined;
    const pump = (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          arrived.push(value);
          wake?.();
        }
      } catch (error) {
        broken = { error };
      } finally {
        ended = true;
        wake?.();
      }
    })();
    try {
      for (;;) {
        const value = arrived.shift();
        if (value) {
          await out.write(value);
          md5?.update(value);
          written += value.length;
          onBytes(written);
          continue;
        }
        if (broken) throw broken.error;
        if (ended) break;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
      await out.close();
      const mismatch = downloadMismatch(written, expect, md5?.digest('hex'));
      if (mismatch) throw mismatch;
      await fs.rename(partial, uri.fsPath);
    } catch (error) {
      await reader.cancel().catch(() => undefined);
      await pump;
      await out.close().catch(() => undefined);
      await fs.rm(partial, { force: true });
      throw error;
    }
  },
  defaultFolder: () => vscode.Uri.file(os.homedir()),
  async savePrivate(uri, bytes) {
    if (uri.scheme !== 'file') return workspaceFiles.savePrivate(uri, bytes);
    // 0600 from the first byte (created exclusively, whatever the umask), then renamed over the
    // target: an existing file's wider mode does not carry over, and a failure leaves it as it was
    const partial = `${uri.fsPath}.partial-${process.pid}-${Date.now()}`;
    try {
      const out = await fs.open(partial, 'wx', 0o600);
      try {
        await out.writeFile(bytes);
        await out.chmod(0o600);
        await out.sync();
      } finally {
        await out.close();
      }
      await fs.rename(partial, uri.fsPath);
    } catch (error) {
      await fs.rm(partial, { force: true });
      throw error;
    }
  },
  // ~/.kube when there is one (kubectl's own folder), else the home folder: not the workspace
  credentialFolder: () => vscode.Uri.file(existsSync(path.join(os.homedir(), '.kube')) ? path.join(os.homedir(), '.kube') : os.homedir()),
};
