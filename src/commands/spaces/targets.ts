/** What the Spaces commands share: what a command was run on, where secrets go, messages, the file system. */
import * as vscode from 'vscode';
import type { AccountInfo } from '../../accounts/accountStore';
import { type Bucket, unsafeKeyReason } from '../../api/spaces/spaces';
import { ObjectNode, PrefixNode, SpacesRootNode, type SpacesTarget } from '../../tree/nodes/spacesNodes';
import type { CommandDeps } from '../deps';
import { accountTarget } from '../pick';
import { SpacesFileSystem, parentPrefix } from './spacesFiles';

export function targetOf(arg: unknown): SpacesTarget & { account: AccountInfo } {
  if (arg instanceof PrefixNode || arg instanceof ObjectNode || arg instanceof SpacesRootNode) return arg;
  throw new Error(vscode.l10n.t('Run this command from a bucket, folder or object in the DigitalOcean view.'));
}

/**
 * Where SecretStorage keeps secrets in this build: the OS keychain on the desktop; in a browser,
 * the editor's own storage there (there is no keychain to reach).
 */
export const secretHome = (deps: Pick<CommandDeps, 'machine'>) =>
  deps.machine.browserOrigin ? vscode.l10n.t("this browser's storage for the editor (encrypted by VS Code for the web)") : vscode.l10n.t('your OS keychain');

export function inBucket(arg: unknown): { account: AccountInfo; bucket: Bucket; key: string; node: PrefixNode | ObjectNode } {
  const t = targetOf(arg);
  if (!(t instanceof PrefixNode || t instanceof ObjectNode)) throw new Error(vscode.l10n.t('Run this command from a bucket, folder or object.'));
  // said before any question: the client would refuse it anyway (spacesClient.checkPath)
  const unsafe = t instanceof ObjectNode ? unsafeKeyReason(t.key) : undefined;
  if (unsafe) throw new Error(vscode.l10n.t('{0} in {1} is not acted on from here: {2}.', JSON.stringify(t.key), t.bucket.name, unsafe));
  return { account: t.account, bucket: t.bucket, key: t.key, node: t };
}

export async function spacesAccount(deps: CommandDeps, arg: unknown, title: string): Promise<AccountInfo> {
  if (arg instanceof SpacesRootNode || arg instanceof PrefixNode || arg instanceof ObjectNode) return arg.account;
  return accountTarget(deps, arg, title);
}

/** A file's name in messages: its path on disk, else its URI. */
export const shown = (uri: vscode.Uri) => (uri.scheme === 'file' ? uri.fsPath : uri.toString(true));

export async function copyText(what: string, text: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`$(check) Copied ${what}`, 4000);
}

/** Where an upload goes: the folder or bucket chosen, or the folder of the object chosen. */
export function uploadTarget(arg: unknown): { account: AccountInfo; bucket: Bucket; prefix: string } {
  const { account, bucket, key, node } = inBucket(arg);
  return { account, bucket, prefix: node instanceof ObjectNode ? parentPrefix(key) : key };
}

const filesByDeps = new WeakMap<CommandDeps, SpacesFileSystem>();

/** The one Spaces file system of this registration: the commands' edits tell its open editors. */
export function spacesFilesOf(deps: CommandDeps): SpacesFileSystem {
  let files = filesByDeps.get(deps);
  if (!files) {
    files = new SpacesFileSystem(deps.store, deps.spaces, deps.input, deps.log);
    filesByDeps.set(deps, files);
  }
  return files;
}
