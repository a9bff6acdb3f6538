import { md5 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { defineKind } from './descriptor';
import * as l10n from '@vscode/l10n';

export interface SshKey {
  id: number;
  fingerprint: string;
  public_key: string;
  name: string;
}

export const sshKey = defineKind<SshKey>({
  deletable: true,
  kind: 'ssh_key',
  label: l10n.t('SSH key'),
  pluralLabel: l10n.t('SSH keys'),
  path: '/v2/account/keys',
  collectionKey: 'ssh_keys',
  singleKey: 'ssh_key',
  idOf: (k) => String(k.id),
  nameOf: (k) => k.name,
  paginated: true,
  nameProblem: sshKeyNameProblem,
});

/** A public key line, parsed: what the API takes (`public_key`) and how keys are named. */
export interface PublicKeyLine {
  /** "ssh-ed25519", "ssh-rsa", … */
  type: string;
  comment: string;
  /** The whole line, normalised: type, blob, comment. */
  publicKey: string;
  /** "aa:bb:…": the MD5 fingerprint DigitalOcean names a key by. */
  md5: string;
  /** "SHA256:…", as `ssh-keygen -l` and ssh's own messages show it. */
  sha256: string;
}

const KEY_TYPES = /^(ssh-(rsa|dss|ed25519|ed448)|ecdsa-sha2-nistp(256|384|521)|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)$/;

/** A public key line ("ssh-ed25519 AAAA… comment") and its fingerprints, or undefined if it is not one. */
export function parsePublicKey(line: string): PublicKeyLine | undefined {
  const [type, blob, ...comment] = line.trim().split(/\s+/);
  if (!type || !blob || !KEY_TYPES.test(type) || !/^[A-Za-z0-9+/]+=*$/.test(blob)) return undefined;
  const bytes = Uint8Array.from(atob(blob), (c) => c.charCodeAt(0));
  // the blob starts with the key type as an SSH string: its length, then the name
  if (
    bytes.length < 4 + type.length ||
    new DataView(bytes.buffer).getUint32(0) !== type.length ||
    String.fromCharCode(...bytes.subarray(4, 4 + type.length)) !== type
  )
    return undefined;
  // @noble/hashes rather than node:crypto: the same code runs in the browser, where WebCrypto has no MD5
  const hex = Array.from(md5(bytes), (b) => b.toString(16).padStart(2, '0')).join(':');
  const sha = 'SHA256:' + btoa(String.fromCharCode(...sha256(bytes))).replace(/=+$/, '');
  return { type, comment: comment.join(' '), publicKey: [type, blob, ...comment].join(' '), md5: hex, sha256: sha };
}

/** What is wrong with a key's name (the API takes any text; the control panel keeps it short). */
export function sshKeyNameProblem(value: string, taken: readonly string[] = []): string | undefined {
  const name = value.trim();
  if (!name) return l10n.t('A name is required.');
  if (name.length > 255) return l10n.t('At most 255 characters.');
  if (taken.includes(name)) return l10n.t('The account has a key named {0} already.', name);
  return undefined;
}
