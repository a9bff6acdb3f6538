/**
 * Drag and drop onto the Resources view: files and folders dropped on a bucket or a folder of
 * one are uploaded there (Spaces → Upload Files, with its progress, cancel and report). Anything
 * else dropped is refused with a word, not silently ignored.
 */
import * as vscode from 'vscode';
import { ExplorerNode } from './nodes/base';
import { ObjectNode, PrefixNode } from './nodes/spacesNodes';

const URI_LIST = 'text/uri-list';

export class ResourceDropController implements vscode.TreeDragAndDropController<ExplorerNode> {
  readonly dropMimeTypes = [URI_LIST];
  readonly dragMimeTypes: string[] = [];

  async handleDrop(target: ExplorerNode | undefined, data: vscode.DataTransfer, token: vscode.CancellationToken): Promise<void> {
    const list = await data.get(URI_LIST)?.asString();
    if (!list || token.isCancellationRequested) return;
    const uris = list
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => vscode.Uri.parse(line));
    const local = uris.filter((u) => u.scheme === 'file');
    const into = target instanceof ObjectNode ? target.parent : target;
    if (!(into instanceof PrefixNode)) {
      void vscode.window.showInformationMessage('Drop files on a Spaces bucket or folder to upload them there.');
      return;
    }
    if (!local.length) {
      void vscode.window.showInformationMessage('Only files from this machine can be dropped on a bucket.');
      return;
    }
    await vscode.commands.executeCommand('digitalocean.spaces.upload', into, local);
  }
}
