/**
 * Which account keys each droplet we created was given (the API does not say), kept for the hint
 * when an ssh login fails. Written by Create Droplet (on every platform), read by Connect (Node).
 */
import type * as vscode from 'vscode';

/** `account/droplet` → key ids. */
const DROPLET_KEYS_KEY = 'digitalocean.ssh.dropletKeys';
/** How many droplets' keys are remembered (the newest). */
const DROPLET_KEYS_KEPT = 500;

/** Remembers the keys a droplet was created with. */
export async function rememberDropletKeys(state: vscode.Memento, accountId: string, dropletId: number, keyIds: number[]): Promise<void> {
  const entries = Object.entries(state.get<Record<string, number[]>>(DROPLET_KEYS_KEY) ?? {}).slice(-(DROPLET_KEYS_KEPT - 1));
  await state.update(DROPLET_KEYS_KEY, Object.fromEntries([...entries, [`${accountId}/${dropletId}`, keyIds]]));
}

/** The keys a droplet was created with, when it was created here. */
export function dropletKeysGiven(state: vscode.Memento, accountId: string, dropletId: number): number[] | undefined {
  return state.get<Record<string, number[]>>(DROPLET_KEYS_KEY)?.[`${accountId}/${dropletId}`];
}
