/**
 * The user's public keys (`~/.ssh/*.pub`) and their fingerprints, to match them against the keys
 * of a DigitalOcean account (DigitalOcean names a key by its MD5 fingerprint, ssh by SHA256: both
 * are computed from the key, `parsePublicKey`). Public keys only: no private key is read.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parsePublicKey, type PublicKeyLine } from '../api/resources/sshKey';

export interface LocalPublicKey extends PublicKeyLine {
  file: string;
}

/** Every readable public key in `dir` (default ~/.ssh), sorted by file name; unreadable files are skipped. */
export async function localPublicKeys(dir = path.join(os.homedir(), '.ssh')): Promise<LocalPublicKey[]> {
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((n) => n.endsWith('.pub')).sort();
  } catch {
    return [];
  }
  const keys: LocalPublicKey[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile() || stat.size > 64 * 1024) continue;
      const parsed = parsePublicKey((await fs.readFile(file, 'utf8')).split(/\r?\n/)[0] ?? '');
      if (parsed) keys.push({ file, ...parsed });
    } catch {
      // unreadable: not ours to report
    }
  }
  return keys;
}
