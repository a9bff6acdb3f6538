/**
 * s3rver (an S3 implementation from npm that nobody here wrote) on a loopback port, for the Spaces
 * tests: it checks presigned URLs' signatures and expiry. Besides its built-in S3RVER key it takes
 * the keys the fake API hands out ("DO…"), with the secret the fake derived for them.
 *   node dist-test/fake-api/s3rver.js --port <port> --dir <directory>
 */
import { fakeSpacesSecret } from '../../src/demo/seed';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- s3rver ships no types
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => { run(): Promise<unknown> };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- s3rver's account registry, no types either
const AWSAccount = require('s3rver/lib/models/account') as {
  registry: Map<string, unknown>;
  DUMMY_ACCOUNT: { createKeyPair(id: string, secret: string): void };
};

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

const registry = AWSAccount.registry;
const get = registry.get.bind(registry);
registry.get = (accessKey: string) => {
  if (!registry.has(accessKey) && /^DO[A-Z0-9]{18}$/.test(accessKey)) AWSAccount.DUMMY_ACCOUNT.createKeyPair(accessKey, fakeSpacesSecret(accessKey));
  return get(accessKey);
};

const server = new S3rver({ address: '127.0.0.1', port: Number(arg('port')), silent: false, directory: arg('dir') ?? '/tmp/s3rver' });
server.run().then(
  () => console.log(`s3rver listening on 127.0.0.1:${arg('port')}`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
