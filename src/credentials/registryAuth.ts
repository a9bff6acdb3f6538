/**
 * The container registry's host and the `auth` value of its docker credentials (base64 of
 * `user:secret`): plain code both builds share (no Buffer, no Node).
 */
import * as l10n from '@vscode/l10n';

export const REGISTRY_HOST = 'registry.digitalocean.com';

export class RegistryAuthError extends Error {}

export function decodeAuth(auth: string): { username: string; secret: string } {
  let decoded: string;
  try {
    decoded = new TextDecoder().decode(Uint8Array.from(atob(auth), (c) => c.charCodeAt(0)));
  } catch {
    throw new RegistryAuthError(l10n.t('The registry credentials DigitalOcean sent are not in user:password form.'));
  }
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new RegistryAuthError(l10n.t('The registry credentials DigitalOcean sent are not in user:password form.'));
  return { username: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}
