/**
 * Public key fingerprints are computed without node:crypto (the browser build has none, and
 * WebCrypto has no MD5): they must equal what node:crypto gives for the same key blob, as
 * `ssh-keygen -l` does (the connect integration suite checks one real key against ssh-keygen).
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { parsePublicKey } from '../../src/api/resources/sshKey';

describe('SSH public key lines', () => {
  it('gives the MD5 and SHA-256 fingerprints node:crypto gives, for 1,000 random keys', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('ssh-ed25519', 'ssh-rsa', 'ecdsa-sha2-nistp256'),
        fc.uint8Array({ minLength: 0, maxLength: 600 }),
        fc.string({ maxLength: 20 }),
        (type, body, comment) => {
          const name = Buffer.from(type, 'latin1');
          const length = Buffer.alloc(4);
          length.writeUInt32BE(name.length);
          const blob = Buffer.concat([length, name, Buffer.from(body)]);
          const parsed = parsePublicKey(`${type} ${blob.toString('base64')} ${comment}`);
          assert.ok(parsed);
          assert.equal(parsed.md5, createHash('md5').update(blob).digest('hex').match(/../g)!.join(':'));
          assert.equal(parsed.sha256, `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("refuses a blob whose embedded type is not the line's", () => {
    const blob = Buffer.concat([Buffer.from([0, 0, 0, 7]), Buffer.from('ssh-rsa')]).toString('base64');
    assert.equal(parsePublicKey(`ssh-ed25519 ${blob}`), undefined);
    assert.ok(parsePublicKey(`ssh-rsa ${blob}`));
  });
});
