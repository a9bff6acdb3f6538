/**
 * Docker credentials for the DigitalOcean container registry, stored the way docker does:
 * `credHelpers[host]`, else `credsStore`, else base64 `auths[host].auth` in config.json. A helper
 * gets the secret on its standard input, never on the command line. Every other key of the
 * user's config is kept.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';

import { REGISTRY_HOST } from './registryAuth';

export { REGISTRY_HOST, decodeAuth } from './registryAuth';

export class DockerConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DockerConfigError';
  }
}

/** `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. */
export function dockerConfigPath(env: NodeJS.ProcessEnv, home: string): string {
  return path.join(env.DOCKER_CONFIG || path.join(home, '.docker'), 'config.json');
}

type DockerConfig = Record<string, unknown> & {
  auths?: Record<string, Record<string, unknown>>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
};

function load(text: string | undefined): DockerConfig {
  if (text === undefined || text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DockerConfigError(l10n.t('The docker config is not valid JSON ({0}). Nothing was changed; fix the file first.', (error as Error).message));
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new DockerConfigError(l10n.t('The docker config is not a JSON object. Nothing was changed.'));
  return value as DockerConfig;
}

/** Written with the indentation the user's file has; docker itself writes tabs. */
function save(config: DockerConfig, previous: string | undefined): string {
  const indent = /^\{\s*\n([ \t]+)\S/.exec(previous ?? '')?.[1] ?? '\t';
  return `${JSON.stringify(config, null, indent)}\n`;
}

/** The credential helper docker would use for the host, if any. */
export function credentialHelper(text: string | undefined, host = REGISTRY_HOST): string | undefined {
  const config = load(text);
  const helper = config.credHelpers?.[host] ?? config.credsStore;
  if (helper === undefined || helper === '') return undefined;
  if (!/^[A-Za-z0-9._-]+$/.test(helper)) throw new DockerConfigError(l10n.t('The docker credential helper name "{0}" is not one we can run.', helper));
  return helper;
}

/**
 * The config with the host's credentials: `auth` (base64 user:secret) in `auths`, or, when a
 * helper holds the secret, an empty `auths[host]` entry as docker itself leaves.
 */
export function withRegistryAuth(text: string | undefined, auth: string | undefined, host = REGISTRY_HOST): string {
  const config = load(text);
  const auths = config.auths && typeof config.auths === 'object' ? { ...config.auths } : {};
  auths[host] = auth === undefined ? {} : { ...(auths[host] ?? {}), auth };
  return save({ ...config, auths }, text);
}

/** The config without the host's entry in `auths`. */
export function withoutRegistryAuth(text: string | undefined, host = REGISTRY_HOST): string | undefined {
  const config = load(text);
  if (!config.auths || !(host in config.auths)) return undefined;
  const auths = { ...config.auths };
  delete auths[host];
  return save({ ...config, auths }, text);
}

/**
 * Runs `docker-credential-<helper> <action>` with `input` on its standard input, as docker's
 * credential helper protocol says (store: JSON {ServerURL, Username, Secret}; erase/get: the host).
 */
export function runCredentialHelper(helper: string, action: 'store' | 'erase' | 'get', input: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(`docker-credential-${helper}`, [action], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new DockerConfigError(
          error.code === 'ENOENT' ? `docker-credential-${helper} is not on PATH (docker's config names it as the credential store).` : error.message,
        ),
      ),
    );
    child.on('close', (code) => {
      if (code === 0) resolve(out);
      else
        reject(
          new DockerConfigError(`docker-credential-${helper} ${action} failed: ${(err || out).trim().slice(0, 300) || l10n.t('exit code {0}', String(code))}`),
        );
    });
    child.stdin.end(input);
  });
}
