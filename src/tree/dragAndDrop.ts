/**
 * Drag and drop in the Resources view: resources dragged within it and dropped on a project, a
 * firewall or a load balancer go to `digitalocean.resource.dropOn` (which confirms, acts or
 * refuses); files and folders dropped on a bucket or a folder of one are uploaded there (Spaces →
 * Upload Files, with its progress, cancel and report). Anything else is refused with a word.
 */
import * as vscode from 'vscode';
import { ExplorerNode } from './nodes/base';
import { ResourceNode } from './nodes/resourceNode';
import { ObjectNode, PrefixNode } from './nodes/spacesNodes';
import { SPACES_SCHEME } from '../model/spaces';

const URI_LIST = 'text/uri-list';
/** The mime type VS Code gives drags of this view's own nodes. */
export const RESOURCES_MIME = 'application/vnd.code.tree.digitalocean.resources';

/**
 * The dragged nodes. VS Code hands what handleDrag sets to the workbench as JSON (and keeps the
 * object itself for a drop in this view): nodes link to their parents, so as JSON they are their ids.
 */
export class DraggedResources {
  constructor(readonly nodes: readonly ResourceNode[]) {}
  toJSON(): string[] {
    return this.nodes.map((n) => n.id);
  }
}

export class ResourceDropController implements vscode.TreeDragAndDropController<ExplorerNode> {
  readonly dropMimeTypes = [RESOURCES_MIME, URI_LIST];
  readonly dragMimeTypes = [RESOURCES_MIME];

  handleDrag(source: readonly ExplorerNode[], data: vscode.DataTransfer): void {
    const resources = source.filter((n) => n instanceof ResourceNode);
    if (resources.length) data.set(RESOURCES_MIME, new vscode.DataTransferItem(new DraggedResources(resources)));
  }

  async handleDrop(target: ExplorerNode | undefined, data: vscode.DataTransfer, token: vscode.CancellationToken): Promise<void> {
    const value = data.get(RESOURCES_MIME)?.value as unknown;
    const dragged = value instanceof DraggedResources ? value.nodes : undefined;
    if (dragged?.length) {
      if (!token.isCancellationRequested) await vscode.commands.executeCommand('digitalocean.resource.dropOn', target, dragged);
      return;
    }
    const list = await data.get(URI_LIST)?.asString();
    if (!list || token.isCancellationRequested) return;
    const uris = list
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => vscode.Uri.parse(line));
    // files of the disk, or on the web of the workspace's file system; not Spaces objects themselves
    const local = uris.filter((u) => u.scheme !== SPACES_SCHEME);
    const into = target instanceof ObjectNode ? target.parent : target;
    if (!(into instanceof PrefixNode)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Drop files on a Spaces bucket or folder to upload them there.'));
      return;
    }
    if (!local.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Only files of this machine or the workspace can be dropped on a bucket.'));
      return;
    }
    await vscode.commands.executeCommand('digitalocean.spaces.upload', into, local);
  }
}
