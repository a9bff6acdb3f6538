/**
 * Where a user may already have DigitalOcean tokens: the DIGITALOCEAN_ACCESS_TOKEN environment
 * variable and doctl's config (`access-token`, `auth-contexts`). Read only when the user asks to
 * import, never on activation.
 */
import { readFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import * as l10n from '@vscode/l10n';

export interface FoundToken {
  /** Where it came from, for the user: "doctl context \"work\"", "DIGITALOCEAN_ACCESS_TOKEN". */
  source: string;
  token: string;
  /** doctl's name for it (`--context`): "default" for `access-token`, else the auth-context's name. */
  doctlContext?: string;
}

/** doctl's config file: $XDG_CONFIG_HOME/doctl, macOS Application Support, Windows %APPDATA%. */
export function doctlConfigPath(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = os.homedir()): string {
  if (platform === 'win32' && env.APPDATA) return path.join(env.APPDATA, 'doctl', 'config.yaml');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'doctl', 'config.yaml');
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'doctl', 'config.yaml');
}

/** Tokens in a doctl config file's text: the default `access-token` and every `auth-contexts` entry. */
export function parseDoctlConfig(text: string): FoundToken[] {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    return [];
  }
  if (!doc || typeof doc !== 'object') return [];
  const config = doc as Record<string, unknown>;
  const found: FoundToken[] = [];
  if (typeof config['access-token'] === 'string' && config['access-token']) {
    found.push({ source: l10n.t('doctl default context'), token: config['access-token'], doctlContext: 'default' });
  }
  const contexts = config['auth-contexts'];
  if (contexts && typeof contexts === 'object') {
    for (const [name, token] of Object.entries(contexts as Record<string, unknown>)) {
      if (typeof token === 'string' && token) found.push({ source: l10n.t('doctl context "{0}"', name), token, doctlContext: name });
    }
  }
  return found;
}

export async function findExistingTokens(env: NodeJS.ProcessEnv = process.env, configPath = doctlConfigPath(env)): Promise<FoundToken[]> {
  const found: FoundToken[] = [];
  if (env.DIGITALOCEAN_ACCESS_TOKEN) found.push({ source: 'DIGITALOCEAN_ACCESS_TOKEN', token: env.DIGITALOCEAN_ACCESS_TOKEN.trim() });
  try {
    found.push(...parseDoctlConfig(await readFile(configPath, 'utf8')));
  } catch {
    // no doctl config: nothing to import from it
  }
  const seen = new Set<string>();
  return found.filter((f) => (seen.has(f.token) ? false : (seen.add(f.token), true)));
}

/**
 * The doctl context that holds this token, if any: what its credential plugin must be told
 * (`--context`), or it would mint credentials with doctl's default account and fail with
 * "cluster not found" for a cluster of any other account (doctl#459).
 */
export async function doctlContextForToken(token: string, configPath = doctlConfigPath()): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(configPath, 'utf8');
  } catch {
    return undefined;
  }
  return parseDoctlConfig(text).find((f) => f.token === token)?.doctlContext;
}
