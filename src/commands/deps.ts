/** What every command gets: one set of services, built once in extension.ts. */
import type * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import type { ClientRegistry } from '../accounts/clients';
import type { SpacesKeyStore } from '../accounts/spacesKeys';
import type { ResourceModel } from '../model/resourceModel';
import type { SpacesModel } from '../model/spaces';
import type { DetailPanels } from '../panels/detailPanels';
import type { ResourceExplorer } from '../tree/explorer';
import type { PinStore } from '../tree/pinned';
import type { FileSystemSlots } from '../ui/lazyFileSystem';
import type { RemoteWindows } from '../ui/remoteWindows';
import type { TransferFiles } from '../ui/transferFiles';
import type { CommandServices } from './register';
import type { LocalPublicKey } from '../credentials/sshKeys';
import type { SpecSchemas } from '../ui/specSchemas';

/** The machine the extension runs on: its files on Node; on the web, the workspace's. */
export interface LocalMachine {
  /** The public keys in ~/.ssh (none on the web). */
  publicKeys(): Promise<LocalPublicKey[]>;
  /** Uploads' and downloads' files. */
  files: TransferFiles;
  /** A short name for this machine, for what the extension creates for it (a Spaces key's name). */
  name: string;
  /** In a browser, the origin its requests carry (a bucket's CORS rules must allow it). */
  browserOrigin?: string;
}

export interface CommandDeps extends CommandServices {
  store: AccountStore;
  clients: ClientRegistry;
  /** The resources: lists, live copies, transitions, reloads. Commands act through it. */
  model: ResourceModel;
  /** Spaces: buckets and objects (S3), with each account's Spaces key. */
  spaces: SpacesModel;
  /** Where each account's Spaces key pair is kept (SecretStorage). */
  spacesKeys: SpacesKeyStore;
  /** The view: only for what is about the view (grouping, filter, revealing a node). */
  explorer: ResourceExplorer;
  panels: DetailPanels;
  treeView: vscode.TreeView<unknown>;
  /** The Pinned view's resources (ids and names, in the extension's global state). */
  pins: PinStore;
  /** Non-secret memory (which kubeconfig context each cluster was added under, ssh users). */
  state: vscode.Memento;
  /** Where the extension's files are (webview pages). */
  extensionUri: vscode.Uri;
  /** New windows on remote hosts (Remote-SSH); replaced in tests. */
  windows: RemoteWindows;
  /** Where a command family puts the file system it provides (src/commands/fileSystems.ts). */
  fileSystems: FileSystemSlots;
  /** This machine's own files, where the platform has them. */
  machine: LocalMachine;
  /** Whether this build has a command (the web build lacks the Node-only ones): offer only those. */
  hasCommand(id: string): boolean;
  /** The bundled JSON Schemas, compiled on first use (the documents bundle). */
  specSchemas: SpecSchemas;
}
