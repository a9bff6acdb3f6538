/**
 * Object keys are other people's text (a shared bucket's listing): a key with `.` or `..` parts
 * must never make a request act on another key or bucket. A real loopback server records the
 * raw request line each call sends: hostile keys send nothing at all, and every other key
 * arrives as exactly `/<bucket>/<encoded key>`, decoding back to the key.
 */
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import fc from 'fast-check';
import { ApiError } from '../../src/api/errors';
import { encodeKey, fileNameProblem, unsafeKeyReason, visibleName } from '../../src/api/spaces/spaces';
import { SpacesClient, UNSAFE_NAME } from '../../src/api/spaces/spacesClient';

const HOSTILE_KEYS = ['x/../../private-bucket/db-backup.sql', 'x/..', '..', '.', 'a/./b', 'a/b/..', '../shared', 'x/%2E%2E/..'];

describe('Spaces object keys from listings', function () {
  this.timeout(60_000);
  let server: http.Server;
  let seen: string[];
  let client: SpacesClient;

  before(async () => {
    seen = [];
    server = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.writeHead(404, { 'content-type': 'application/xml' });
      res.end('<Error><Code>NoSuchKey</Code></Error>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    client = new SpacesClient({ credentials: { accessKey: 'DO00TESTTESTTESTTEST', secretKey: 'secret-secret-secret-secret' }, endpointFor: () => url });
  });
  after(() => server.close());
  beforeEach(() => (seen = []));

  for (const key of HOSTILE_KEYS) {
    it(`refuses every operation on ${JSON.stringify(key)} before sending anything`, async () => {
      const refused = (error: unknown) => error instanceof ApiError && error.id === UNSAFE_NAME;
      const calls: [string, () => Promise<unknown>][] = [
        ['get', () => client.get('nyc3', 'shared', key)],
        ['head', () => client.head('nyc3', 'shared', key)],
        ['put', () => client.put('nyc3', 'shared', key, new Uint8Array(1))],
        ['delete', () => client.delete('nyc3', 'shared', key)],
        ['make public', () => client.setAcl('nyc3', 'shared', key, 'public-read')],
        ['is public', () => client.isPublic('nyc3', 'shared', key)],
        ['copy from', () => client.copy('nyc3', 'shared', key, 'safe-copy')],
        ['copy to', () => client.copy('nyc3', 'shared', 'safe', key)],
        ['presign', () => client.presign('nyc3', 'shared', key, 60)],
        ['multipart', () => client.createMultipart('nyc3', 'shared', key)],
        ['stream', () => client.getStream('nyc3', 'shared', key)],
        ['public URL', async () => client.objectUrl('nyc3', 'shared', key)],
      ];
      for (const [name, call] of calls) await assert.rejects(call(), refused, `${name} of ${key}`);
      assert.deepEqual(seen, [], 'no request reached the server');
      assert.ok(unsafeKeyReason(key));
    });
  }

  it('refuses a bucket name that would name another place', async () => {
    for (const bucket of ['..', '.', 'a/b'])
      await assert.rejects(client.head('nyc3', bucket, 'k'), (e: unknown) => e instanceof ApiError && e.id === UNSAFE_NAME, bucket);
    assert.deepEqual(seen, []);
  });

  it('sends every other key as exactly /<bucket>/<encoded key>, which decodes back to it (1,000 generated keys)', async () => {
    const segment = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('..x', '.x', '...', '%2E', '%2e%2e', '?', '#', ' ', '\\', '+', 'ü', '%', ';'));
    await fc.assert(
      fc.asyncProperty(
        fc
          .array(segment, { minLength: 1, maxLength: 5 })
          .map((parts) => parts.join('/'))
          .filter((k) => k.length > 0 && !unsafeKeyReason(k)),
        async (key) => {
          seen = [];
          assert.equal(await client.head('nyc3', 'shared', key), undefined);
          assert.equal(seen.length, 1);
          const path = seen[0].replace(/^HEAD /, '');
          assert.equal(path, `/shared/${encodeKey(key)}`);
          assert.equal(path.slice('/shared/'.length).split('/').map(decodeURIComponent).join('/'), key);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('tells which names cannot be file names, and shows them visibly', () => {
    for (const name of ['', '.', '..', 'a\\b', 'nul\u0000', 'bell\u0007']) assert.ok(fileNameProblem(name), JSON.stringify(name));
    for (const name of ['a.txt', '..x', 'ü', 'a b']) assert.equal(fileNameProblem(name), undefined);
    assert.equal(visibleName('a\u0000b\\c'), 'a\\u0000b\\\\c');
  });
});
