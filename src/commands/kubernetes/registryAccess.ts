/**
 * What Log in Docker (localAccess.node.ts) and Copy Docker Password (accessCopies.ts, both
 * builds) share: the access question, the registry credentials fetched and decoded, and the
 * kubeconfig token lifetime setting Add to kubeconfig and Download kubeconfig both use.
 */
import * as vscode from 'vscode';
import { registryDockerCredentials } from '../../api';
import type { DigitalOceanClient } from '../../api';
import { REGISTRY_HOST, decodeAuth } from '../../credentials/registryAuth';
import type { UserInput } from '../../ui/userInput';

/** Read-write or read-only, asked for a registry. */
export async function pickDockerAccess(input: UserInput, title: string): Promise<{ readWrite: boolean }> {
  return input.quickPick(
    [
      { label: vscode.l10n.t('Read and write'), description: vscode.l10n.t('push and pull'), readWrite: true },
      { label: vscode.l10n.t('Read only'), description: vscode.l10n.t('pull only'), readWrite: false },
    ],
    { title },
  );
}

/** The registry's docker credentials: docker's `auth` value and its user and secret. */
export async function registryAuth(
  client: Pick<DigitalOceanClient, 'request'>,
  readWrite: boolean,
  expirySeconds: number,
  signal?: AbortSignal,
): Promise<{ auth: string; username: string; secret: string }> {
  const creds = await registryDockerCredentials(client, readWrite, expirySeconds, signal);
  const auth = creds.auths?.[REGISTRY_HOST]?.auth;
  if (!auth) throw new Error(vscode.l10n.t('DigitalOcean sent no credentials for registry.digitalocean.com.'));
  return { auth, ...decodeAuth(auth) };
}

/** How long a kubeconfig token lasts (digitalocean.kubeconfig.tokenExpiryDays), in days. */
export function kubeconfigExpiryDays(): number {
  return vscode.workspace.getConfiguration('digitalocean').get<number>('kubeconfig.tokenExpiryDays') ?? 7;
}
