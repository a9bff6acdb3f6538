/**
 * Spaces without a server: the multipart engine against an in-memory S3 that fails parts on a
 * schedule (property test: whatever fails, an upload either completes with every byte in order
 * or is aborted, never left open), the S3 client against a loopback server that lies about its
 * pages, the name rules, and where a key pair is kept.
 */
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import fc from 'fast-check';
import { ApiError } from '../../src/api/errors';
import { bucketNameProblem, encodeKey, objectKeyProblem } from '../../src/api/spaces/spaces';
import { SpacesClient } from '../../src/api/spaces/spacesClient';
import { memorySource, uploadObject } from '../../src/api/spaces/spacesUpload';
import { SpacesKeyStore, accessKeyProblem, secretKeyProblem } from '../../src/accounts/spacesKeys';

/** Just what uploadObject uses of a client, over memory, failing parts as told. */
class MemoryS3 {
  readonly parts = new Map<number, Uint8Array>();
  objects = new Map<string, Uint8Array>();
  open = new Set<string>();
  aborted = 0;
  completed = 0;
  inFlight = 0;
  maxInFlight = 0;
  attempts = new Map<number, number>();
  constructor(private readonly failures: (part: number, attempt: number) => 'retryable' | 'fatal' | undefined) {}
  async put(_r: string, _b: string, key: string, body: Uint8Array) {
    this.objects.set(key, body.slice());
    return 'etag-single';
  }
  async createMultipart() {
    this.open.add('u1');
    return 'u1';
  }
  async uploadPart(_r: string, _b: string, _k: string, _u: string, part: number, body: Uint8Array, signal?: AbortSignal) {
    const attempt = (this.attempts.get(part) ?? 0) + 1;
    this.attempts.set(part, attempt);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await new Promise((r) => setImmediate(r));
      if (signal?.aborted) throw new ApiError({ kind: 'cancelled', message: 'Cancelled.' });
      const failure = this.failures(part, attempt);
      if (failure === 'fatal') throw new ApiError({ kind: 'forbidden', status: 403, message: 'AccessDenied' });
      if (failure === 'retryable') throw new ApiError({ kind: 'server', status: 500, message: 'InternalError' });
      this.parts.set(part, body.slice());
      return `etag-${part}`;
    } finally {
      this.inFlight--;
    }
  }
  async completeMultipart(_r: string, _b: string, key: string, _u: string, parts: { partNumber: number; etag: string }[]) {
    this.completed++;
    parts.forEach((p, i) => assert.equal(p.partNumber, i + 1));
    for (const p of parts) assert.equal(p.etag, `etag-${p.partNumber}`);
    const total = parts.reduce((n, p) => n + this.parts.get(p.partNumber)!.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      out.set(this.parts.get(p.partNumber)!, at);
      at += this.parts.get(p.partNumber)!.length;
    }
    this.objects.set(key, out);
    this.open.delete('u1');
    return 'etag-multi';
  }
  async abortMultipart() {
    this.aborted++;
    this.open.delete('u1');
  }
  async uploadedParts() {
    return this.open.has('u1') ? [...this.parts.keys()] : undefined;
  }
}

/** A loopback server that answers each request once its body is in; its URL. */
async function answering(answer: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => answer(req, res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}
describe('Spaces', () => {
  describe('multipart uploads', () => {
    it('either complete with every byte in order or are aborted — never left open (1,000 schedules)', async function () {
      this.timeout(120_000);
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 9 }),
          fc.integer({ min: 0, max: 4095 }),
          fc.integer({ min: 1, max: 5 }),
          fc.array(fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 5 }), fc.boolean()), { maxLength: 6 }),
          fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
          async (fullParts, tail, concurrency, schedule, cancelAfter) => {
            // small parts keep 1,000 runs quick; the engine does not care about S3's 5 MiB floor
            const partSize = 4096;
            const size = fullParts * partSize + tail;
            // a cheap recognisable body: each 4 KiB block carries its index
            const source = {
              size,
              read: async (offset: number, length: number) => {
                const out = new Uint8Array(length);
                for (let i = 0; i < length; i++) out[i] = (offset + i) % 251;
                return out;
              },
            };
            const failures = (part: number, attempt: number) => {
              const rule = schedule.find(([p]) => p === part);
              if (!rule || attempt > rule[1]) return undefined;
              return rule[2] ? 'fatal' : 'retryable';
            };
            const s3 = new MemoryS3(failures);
            const controller = new AbortController();
            let progressCalls = 0;
            const outcome = await uploadObject(s3 as unknown as SpacesClient, source, {
              region: 'nyc3',
              bucket: 'b',
              key: 'k',
              partSize,
              multipartThreshold: partSize,
              concurrency,
              attempts: 3,
              retryBaseMs: 0,
              signal: controller.signal,
              onProgress: () => {
                if (cancelAfter !== undefined && ++progressCalls > cancelAfter) controller.abort();
              },
            }).then(
              (r) => ({ ok: true as const, r }),
              (e: unknown) => ({ ok: false as const, e }),
            );
            assert.equal(s3.open.size, 0, 'no upload left open');
            assert.ok(s3.maxInFlight <= concurrency, `${s3.maxInFlight} parts in flight with concurrency ${concurrency}`);
            // what the schedule makes of it: a part that fails fatally, or more often than the 3
            // attempts, dooms the upload; anything else must end complete, after exactly the
            // retries the schedule asks for
            const count = Math.ceil(size / partSize);
            const rules = Array.from({ length: count }, (_, i) => schedule.find(([p]) => p === i + 1));
            const doomed = rules.some((rule) => rule !== undefined && (rule[2] || rule[1] >= 3));
            const expectedRetries = rules.reduce((n, rule) => n + (rule && !rule[2] && rule[1] < 3 ? rule[1] : 0), 0);
            if (!doomed && cancelAfter === undefined)
              assert.ok(outcome.ok, `retryable failures only, yet the upload failed: ${outcome.ok ? '' : String(outcome.e)}`);
            if (doomed) assert.ok(!outcome.ok, 'a part that cannot go up, yet the upload completed');
            if (outcome.ok) {
              assert.equal(outcome.r.retries, expectedRetries, 'each retryable failure was retried, once each');
              assert.equal(s3.aborted, 0);
              const body = s3.objects.get('k')!;
              assert.equal(body.length, size);
              for (let i = 0; i < size; i++) if (body[i] !== i % 251) assert.fail(`byte ${i} is ${body[i]}`);
              const parts = Math.ceil(size / partSize);
              assert.equal(outcome.r.parts, parts);
            } else {
              assert.equal(s3.aborted, 1, 'aborted once');
              assert.equal(s3.completed, 0);
              assert.ok(outcome.e instanceof ApiError);
            }
          },
        ),
        { numRuns: 1000 },
      );
    });

    it('sends small bodies in one PUT', async () => {
      const s3 = new MemoryS3(() => undefined);
      const r = await uploadObject(s3 as unknown as SpacesClient, memorySource(new Uint8Array([1, 2, 3])), { region: 'r', bucket: 'b', key: 'small' });
      assert.deepEqual(r, { etag: 'etag-single', parts: 1, retries: 0 });
      assert.deepEqual([...s3.objects.get('small')!], [1, 2, 3]);
    });
  });

  describe('the S3 client against a server that lies about its pages', () => {
    let server: http.Server;
    let url = '';
    let answer: (query: URLSearchParams) => string;
    before(async () => {
      server = http.createServer((req, res) => {
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end(answer(new URL(req.url ?? '/', 'http://x').searchParams));
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    });
    after(() => server.close());
    const client = () =>
      new SpacesClient({ credentials: { accessKey: 'DO00TESTTESTTESTTEST', secretKey: 'secret-secret-secret-secret' }, endpointFor: () => url });
    const page = (keys: string[], truncated: boolean, token?: string) =>
      `<ListBucketResult><IsTruncated>${truncated}</IsTruncated>${token ? `<NextContinuationToken>${token}</NextContinuationToken>` : ''}${keys.map((k) => `<Contents><Key>${k}</Key><Size>1</Size><ETag>"e"</ETag><LastModified>2026-01-01T00:00:00Z</LastModified></Contents>`).join('')}</ListBucketResult>`;

    it('asks for the next page while it reads one, with the token read ahead (entities decoded); a reader that stops leaves nothing asked', async () => {
      const asked: (string | null)[] = [];
      // a token with XML entities, as S3 escapes them
      answer = (q) => {
        asked.push(q.get('continuation-token'));
        const t = q.get('continuation-token');
        return t === null ? page(['a'], true, 'x&amp;y&lt;1&gt;') : t === 'x&y<1>' ? page(['b'], true, 'last&#65;') : page(['c'], false);
      };
      const listing = client().pages('nyc3', 'b', '');
      const first = await listing.next();
      assert.ok(!first.done && first.value);
      assert.deepEqual(
        first.value.objects.map((o) => o.key),
        ['a'],
      );
      // the second page was asked for before the reader asked for it
      for (let i = 0; i < 50 && asked.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
      assert.deepEqual(asked, [null, 'x&y<1>'], 'the next page asked ahead, its token unescaped');
      await listing.return(undefined);
      await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(asked, [null, 'x&y<1>'], 'nothing more after the reader stopped');
      asked.length = 0;
      assert.deepEqual(
        (await client().listAll('nyc3', 'b', '')).map((o) => o.key),
        ['a', 'b', 'c'],
      );
      // a token with a character reference is not read ahead (the parser decides what it is)
      assert.equal(asked.length, 3, 'each page once');
      assert.deepEqual(asked.slice(0, 2), [null, 'x&y<1>']);
    });

    it('refuses "more to come" without a continuation token', async () => {
      answer = () => page(['a'], true);
      await assert.rejects(client().listPage('nyc3', 'b', ''), (e: unknown) => e instanceof ApiError && e.kind === 'invalid_response');
    });

    it('refuses the same continuation token twice instead of looping', async () => {
      answer = () => page(['a'], true, 'same');
      await assert.rejects(
        client().listAll('nyc3', 'b', ''),
        (e: unknown) => e instanceof ApiError && e.kind === 'invalid_response' && /same continuation token/.test(e.message),
      );
    });

    it('stops a listing whose tokens cycle (A→B→A) or that hands out fresh tokens forever, after a few requests, with a typed error', async () => {
      let requests = 0;
      const counted = (f: (q: URLSearchParams) => string) => (q: URLSearchParams) => (requests++, f(q));
      const cases: [string, (q: URLSearchParams) => string, RegExp, number][] = [
        [
          'A→B→A',
          (q) => (q.get('continuation-token') === 'B' ? page(['b'], true, 'A') : page(['a'], true, 'B')),
          /gave a continuation token it had given before/,
          3,
        ],
        [
          'fresh tokens, the same keys',
          (q) => page(['a', 'b'], true, `t${Number(q.get('continuation-token')?.slice(1) ?? 0) + 1}`),
          /pages in a row brought nothing new/,
          4,
        ],
        [
          'fresh tokens, empty pages',
          (q) => page([], true, `t${Number(q.get('continuation-token')?.slice(1) ?? 0) + 1}`),
          /pages in a row brought nothing new/,
          3,
        ],
      ];
      for (const [name, lie, message, most] of cases) {
        requests = 0;
        answer = counted(lie);
        await assert.rejects(
          client().listAll('nyc3', 'b', ''),
          (e: unknown) => e instanceof ApiError && e.kind === 'invalid_response' && message.test(e.message),
          name,
        );
        assert.ok(requests <= most, `${name}: ${requests} requests`);
        // the file system's folder listing follows the same pages
        requests = 0;
        const folder = client().pages('nyc3', 'b', '', { delimiter: '/' });
        await assert.rejects(
          (async () => {
            for await (const _ of folder) void _;
          })(),
          (e: unknown) => e instanceof ApiError && message.test(e.message),
          `${name}, by folder`,
        );
        assert.ok(requests <= most, `${name}, by folder: ${requests} requests`);
      }
      // and new keys forever stop at the page bound
      answer = (q) => {
        const n = Number(q.get('continuation-token')?.slice(1) ?? 0) + 1;
        return page([`k${n}`], true, `t${n}`);
      };
      await assert.rejects(
        (async () => {
          for await (const _ of client().pages('nyc3', 'b', '', { maxPages: 50 })) void _;
        })(),
        (e: unknown) => e instanceof ApiError && /more than 50 pages/.test(e.message),
      );
    });

    it('follows honest tokens to the end, and reads keys with XML entities and spaces', async () => {
      answer = (q) => (q.get('continuation-token') ? page(['b &amp; c.txt'], false) : page(['a b.txt'], true, 't1'));
      assert.deepEqual(
        (await client().listAll('nyc3', 'b', '')).map((o) => o.key),
        ['a b.txt', 'b & c.txt'],
      );
    });

    it("lists every object under a prefix once and in S3's order, across pages, for 1,000 random buckets", async function () {
      this.timeout(120_000);
      // A small model of ListObjectsV2 (prefix, delimiter, tokens; pages of 3, as a server may
      // choose): what listAll gives must be exactly the keys under the prefix, in S3's order (by
      // code point, which is UTF-8 byte order, not JavaScript's UTF-16 order).
      const codePointOrder = (a: string, b: string) => {
        const [x, y] = [[...a], [...b]];
        for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i].codePointAt(0)! - y[i].codePointAt(0)!;
        return x.length - y.length;
      };
      let bucket: string[] = [];
      const xml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      answer = (q) => {
        const prefix = q.get('prefix') ?? '';
        const delimiter = q.get('delimiter') ?? '';
        const entries: { key?: string; prefix?: string }[] = [];
        for (const key of bucket.filter((k) => k.startsWith(prefix))) {
          const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
          if (cut < 0) entries.push({ key });
          else if (entries.at(-1)?.prefix !== key.slice(0, cut + 1)) entries.push({ prefix: key.slice(0, cut + 1) });
        }
        const from = Number(q.get('continuation-token') ?? 0);
        const slice = entries.slice(from, from + 3);
        const more = from + 3 < entries.length;
        return `<ListBucketResult><IsTruncated>${more}</IsTruncated>${more ? `<NextContinuationToken>${from + 3}</NextContinuationToken>` : ''}${slice.map((e) => (e.key !== undefined ? `<Contents><Key>${xml(e.key)}</Key><Size>1</Size><ETag>"e"</ETag><LastModified>2026-01-01T00:00:00Z</LastModified></Contents>` : `<CommonPrefixes><Prefix>${xml(e.prefix!)}</Prefix></CommonPrefixes>`)).join('')}</ListBucketResult>`;
      };
      const segment = fc.string({ unit: fc.constantFrom('a', 'b', 'Z', '-', '.', 'é', '😀', '\uffee'), minLength: 1, maxLength: 3 });
      const key = fc.array(segment, { minLength: 1, maxLength: 3 }).chain((parts) => fc.boolean().map((dir) => parts.join('/') + (dir ? '/' : '')));
      await fc.assert(
        fc.asyncProperty(fc.uniqueArray(key, { maxLength: 25 }), fc.constantFrom('', 'a/', 'b', '😀/'), async (keys, prefix) => {
          bucket = [...keys].sort(codePointOrder);
          const seen: number[] = [];
          const listed = (await client().listAll('nyc3', 'b', prefix, undefined, (n) => seen.push(n))).map((o) => o.key);
          assert.deepEqual(
            listed,
            bucket.filter((k) => k.startsWith(prefix)),
          );
          assert.ok(
            seen.every((n, i) => i === 0 || n >= seen[i - 1]),
            'progress only grows',
          );
          if (listed.length) assert.equal(seen.at(-1), listed.length);
        }),
        { numRuns: 1000 },
      );
    });

    it('turns an S3 error body into an ApiError with its code and request id', async () => {
      const failing = http.createServer((_req, res) => {
        res.writeHead(403, { 'content-type': 'application/xml' });
        res.end('<Error><Code>InvalidAccessKeyId</Code><Message>The access key does not exist.</Message><RequestId>req-123</RequestId></Error>');
      });
      await new Promise<void>((r) => failing.listen(0, '127.0.0.1', r));
      const c = new SpacesClient({
        credentials: { accessKey: 'DO00TESTTESTTESTTEST', secretKey: 'secret-secret-secret-secret' },
        endpointFor: () => `http://127.0.0.1:${(failing.address() as { port: number }).port}`,
      });
      try {
        await assert.rejects(
          c.listBuckets('nyc3'),
          (e: unknown) =>
            e instanceof ApiError &&
            e.kind === 'forbidden' &&
            e.id === 'InvalidAccessKeyId' &&
            e.requestId === 'req-123' &&
            /does not exist/.test(e.describe()),
        );
      } finally {
        failing.close();
      }
    });
  });

  describe('names and keys', () => {
    it('check bucket names as S3 does', () => {
      for (const bad of ['', 'ab', 'A-bucket', '-start', 'end-', 'under_score', '192.168.1.1', 'x'.repeat(64)]) assert.ok(bucketNameProblem(bad), bad);
      for (const good of ['abc', 'my-bucket-1', 'x'.repeat(63)]) assert.equal(bucketNameProblem(good), undefined, good);
      assert.match(bucketNameProblem('taken', ['taken'])!, /taken/);
    });

    it('check object keys and encode them segment by segment', () => {
      assert.ok(objectKeyProblem(''));
      assert.ok(objectKeyProblem('a/../b'));
      assert.ok(objectKeyProblem('bad\u0001'));
      assert.ok(objectKeyProblem('é'.repeat(513)), '1,026 bytes');
      assert.equal(objectKeyProblem('photos/2024/a b.jpg'), undefined);
      assert.equal(encodeKey("a b/c+d/(x)!'*.txt"), 'a%20b/c%2Bd/%28x%29%21%27%2A.txt');
    });

    it('check pasted key pairs before storing them', () => {
      assert.ok(accessKeyProblem('not a key!'));
      assert.equal(accessKeyProblem('DO00ABCDEFGHIJKLMNOP'), undefined);
      assert.ok(secretKeyProblem('short'));
      assert.equal(secretKeyProblem('abcdEFGH1234/+abcdEFGH1234abcdEFGH123456'), undefined);
    });
  });

  it('keeps a key pair in secret storage only, and forgets it', async () => {
    const secrets = new Map<string, string>();
    const store = new SpacesKeyStore({
      get: async (k) => secrets.get(k),
      store: async (k, v) => void secrets.set(k, v),
      delete: async (k) => void secrets.delete(k),
    });
    const changed: string[] = [];
    store.onDidChange((id) => changed.push(id));
    await store.set('acc1', { accessKey: ' DO00ABCDEFGHIJKLMNOP ', secretKey: 'sssssssssssssssssssssss' });
    assert.deepEqual(JSON.parse(secrets.get('digitalocean.spaces.acc1')!), { accessKey: 'DO00ABCDEFGHIJKLMNOP', secretKey: 'sssssssssssssssssssssss' });
    assert.equal(
      (await new SpacesKeyStore({ get: async (k) => secrets.get(k), store: async () => undefined, delete: async () => undefined }).get('acc1'))?.accessKey,
      'DO00ABCDEFGHIJKLMNOP',
    );
    await store.forget('acc1');
    assert.equal(secrets.size, 0);
    assert.equal(await store.get('acc1'), undefined);
    assert.deepEqual(changed, ['acc1', 'acc1']);
  });
});

describe('Spaces multipart completion against a server whose answer is blank', () => {
  /** A loopback S3 that takes a multipart upload; its Complete answers as `complete` says. */
  let complete: (n: number) => { status: number; body: string; cut?: boolean };
  let objectEtag: string | undefined;
  let counts: { complete: number; abort: number; head: number };
  let server: http.Server;
  let url = '';
  before(async () => {
    server = http.createServer((req, res) => {
      const q = new URL(req.url ?? '/', 'http://x').searchParams;
      req.resume();
      req.on('end', () => {
        if (req.method === 'POST' && q.has('uploads'))
          return void res.writeHead(200).end('<InitiateMultipartUploadResult><UploadId>u1</UploadId></InitiateMultipartUploadResult>');
        if (req.method === 'PUT' && q.has('partNumber')) return void res.writeHead(200, { etag: `"p${q.get('partNumber')}"` }).end();
        if (req.method === 'POST' && q.has('uploadId')) {
          const answer = complete(++counts.complete);
          // cut: half of the body announced, then the connection closes
          if (answer.cut)
            return void (
              res.writeHead(answer.status, { 'content-type': 'application/xml', 'content-length': String(answer.body.length * 2) }),
              res.write(answer.body),
              setTimeout(() => res.socket?.destroy(), 20)
            );
          return void res.writeHead(answer.status, { 'content-type': 'application/xml' }).end(answer.body);
        }
        if (req.method === 'DELETE') return void (counts.abort++, res.writeHead(204).end());
        // listed after an abort: gone
        if (req.method === 'GET' && q.has('uploadId'))
          return void res.writeHead(counts.abort ? 404 : 200).end(counts.abort ? '<Error><Code>NoSuchUpload</Code></Error>' : '<ListPartsResult/>');
        if (req.method === 'HEAD')
          return void (counts.head++, objectEtag ? res.writeHead(200, { etag: `"${objectEtag}"`, 'content-length': '12' }).end() : res.writeHead(404).end());
        res.writeHead(400).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  beforeEach(() => {
    counts = { complete: 0, abort: 0, head: 0 };
    objectEtag = undefined;
  });
  after(() => server.close());
  const upload = () =>
    uploadObject(
      new SpacesClient({ credentials: { accessKey: 'DO00TESTTESTTESTTEST', secretKey: 'secret-secret-secret-secret' }, endpointFor: () => url }),
      memorySource(new Uint8Array(3_000)),
      {
        region: 'nyc3',
        bucket: 'b',
        key: 'k.bin',
        multipartThreshold: 1_000,
        partSize: 1_000,
      },
    );
  const blank = { status: 200, body: '\n   \n  ' };
  const result = { status: 200, body: '<CompleteMultipartUploadResult><ETag>"abc-3"</ETag></CompleteMultipartUploadResult>' };

  it('does not take a blank 200 for success: no object there → a typed error, and the upload is aborted', async () => {
    complete = () => blank;
    await assert.rejects(upload(), (e: unknown) => e instanceof ApiError && e.kind === 'invalid_response' && /without a result/.test(e.message));
    assert.equal(counts.complete, 3, 'asked again before giving up');
    assert.equal(counts.head, 1, 'then looked at the object');
    assert.equal(counts.abort, 1, 'and aborted the upload: no parts stay behind');
  });

  it('asks again after a blank 200 and takes the result then', async () => {
    complete = (n) => (n === 1 ? blank : result);
    assert.equal((await upload()).etag, 'abc-3');
    assert.deepEqual(counts, { complete: 2, abort: 0, head: 0 });
  });

  it('takes an answer that breaks off mid-body as unread: asks again, and the repeat\'s "upload gone" sends it to the object', async () => {
    complete = (n) =>
      n === 1
        ? { ...result, body: result.body.slice(0, 30), cut: true }
        : { status: 404, body: '<Error><Code>NoSuchUpload</Code><Message>gone</Message></Error>' };
    objectEtag = 'ghi-3';
    assert.equal((await upload()).etag, 'ghi-3');
    assert.deepEqual(counts, { complete: 2, abort: 0, head: 1 });
  });

  it('gives the client\'s typed network error, not fetch\'s "TypeError: terminated", when every answer breaks off; the upload is aborted', async () => {
    complete = () => ({ ...result, body: result.body.slice(0, 30), cut: true });
    await assert.rejects(upload(), (e: unknown) => e instanceof ApiError && e.kind === 'network' && /The answer of Spaces broke off/.test(e.message));
    assert.equal(counts.complete, 3);
    assert.equal(counts.abort, 1);
  });

  it('takes the object of its parts as done when the repeat says the upload is gone', async () => {
    complete = (n) => (n === 1 ? blank : { status: 404, body: '<Error><Code>NoSuchUpload</Code><Message>gone</Message></Error>' });
    objectEtag = 'def-3';
    assert.equal((await upload()).etag, 'def-3');
    assert.deepEqual(counts, { complete: 2, abort: 0, head: 1 });
  });
});

describe('Spaces answers that break off mid-body', () => {
  let server: http.Server;
  let url = '';
  before(async () => {
    // every answer announces 400 bytes, sends 40, then the connection closes
    ({ server, url } = await answering((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml', 'content-length': '400' });
      res.write('<ListBucketResult><IsTruncated>false</Is');
      setTimeout(() => res.socket?.destroy(), 20);
    }));
  });
  after(() => server.close());

  it("gives the client's typed network error for a listing, a GET and an ACL read, never fetch's TypeError", async () => {
    const c = new SpacesClient({ credentials: { accessKey: 'DO00TESTTESTTESTTEST', secretKey: 'secret-secret-secret-secret' }, endpointFor: () => url });
    const broken = (e: unknown) => e instanceof ApiError && e.kind === 'network' && /broke off/.test(e.message) && typeof e.path === 'string';
    await assert.rejects(c.listPage('nyc3', 'b', ''), broken);
    await assert.rejects(c.get('nyc3', 'b', 'k'), broken);
    await assert.rejects(c.isPublic('nyc3', 'b', 'k'), broken);
  });
});

describe('Spaces requests answered "slow down"', () => {
  let slowDowns: number;
  let retryAfter: string | undefined;
  const seen: { method: string; at: number; query: string }[] = [];
  let server: http.Server;
  let url = '';
  before(async () => {
    ({ server, url } = await answering((req, res) => {
      const q = new URL(req.url ?? '/', 'http://x').searchParams;
      seen.push({ method: req.method!, at: Date.now(), query: q.toString() });
      const n = seen.filter((s) => s.method === req.method && s.query === q.toString()).length;
      if (n <= slowDowns) {
        return void res
          .writeHead(503, { 'content-type': 'application/xml', ...(retryAfter !== undefined ? { 'retry-after': retryAfter } : {}) })
          .end('<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>r1</RequestId></Error>');
      }
      if (req.method === 'GET' && q.get('list-type') === '2')
        return void res
          .writeHead(200)
          .end(
            '<ListBucketResult><IsTruncated>false</IsTruncated><Contents><Key>a</Key><Size>1</Size><ETag>"e"</ETag><LastModified>2026-01-01T00:00:00Z</LastModified></Contents></ListBucketResult>',
          );
      if (req.method === 'POST' && q.has('uploads'))
        return void res.writeHead(200).end('<InitiateMultipartUploadResult><UploadId>u1</UploadId></InitiateMultipartUploadResult>');
      if (req.method === 'POST' && q.has('uploadId'))
        return void res.writeHead(200).end('<CompleteMultipartUploadResult><ETag>"m-2"</ETag></CompleteMultipartUploadResult>');
      res.writeHead(200, { etag: '"e1"', 'content-length': req.method === 'GET' ? '2' : '0' }).end(req.method === 'GET' ? 'hi' : undefined);
    }));
  });
  after(() => server.close());
  beforeEach(() => (seen.length = 0));
  const client = () =>
    new SpacesClient({ credentials: { accessKey: 'DO00TESTTESTTESTTEST', secretKey: 'secret-secret-secret-secret' }, endpointFor: () => url });

  it('tries every kind of request again after a 503 SlowDown: listing, GET, HEAD, PUT, create, part, Complete, DELETE', async () => {
    slowDowns = 2;
    retryAfter = '0';
    const c = client();
    assert.deepEqual(
      (await c.listPage('nyc3', 'b', '')).objects.map((o) => o.key),
      ['a'],
    );
    assert.equal(new TextDecoder().decode((await c.get('nyc3', 'b', 'k')).body), 'hi');
    assert.equal((await c.head('nyc3', 'b', 'k'))?.etag, 'e1');
    assert.equal(await c.put('nyc3', 'b', 'k', new Uint8Array([1])), 'e1');
    const id = await c.createMultipart('nyc3', 'b', 'k');
    assert.equal(await c.uploadPart('nyc3', 'b', 'k', id, 1, new Uint8Array([1])), 'e1');
    assert.equal(await c.completeMultipart('nyc3', 'b', 'k', id, [{ partNumber: 1, etag: 'e1' }]), 'm-2');
    await c.abortMultipart('nyc3', 'b', 'k', id);
    assert.equal(seen.length, 8 * 3, 'each asked three times: two slow-downs, then the answer');
  });

  it('waits as long as Retry-After says, and gives up with the typed error after five tries', async () => {
    slowDowns = 1;
    retryAfter = '1';
    await client().head('nyc3', 'b', 'k');
    assert.equal(seen.length, 2);
    assert.ok(seen[1].at - seen[0].at >= 950, `waited ${seen[1].at - seen[0].at} ms of Retry-After: 1`);
    slowDowns = 100;
    retryAfter = '0';
    seen.length = 0;
    await assert.rejects(
      client().listPage('nyc3', 'b', ''),
      (e: unknown) => e instanceof ApiError && e.status === 503 && e.id === 'SlowDown' && e.requestId === 'r1',
    );
    assert.equal(seen.length, 5);
  });

  it('stops waiting when cancelled', async () => {
    slowDowns = 100;
    retryAfter = '30';
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    await assert.rejects(client().listPage('nyc3', 'b', '', { signal: controller.signal }), (e: unknown) => e instanceof ApiError && e.kind === 'cancelled');
    assert.ok(Date.now() - started < 5_000, 'not after the 30 s asked for');
  });
});

describe('Spaces: a cancelled upload whose parts would land after the abort', () => {
  it('lets the initiate and the parts in flight finish, then aborts and lists the upload: nothing stays (20 trials)', async function () {
    this.timeout(60_000);
    for (let trial = 0; trial < 20; trial++) {
      // the server takes each part in slowly; a part still being taken in when the abort comes
      // lands after it, re-creating the upload's storage (as S3 warns it may)
      let open = false;
      const parts = new Set<number>();
      let aborts = 0;
      let lists = 0;
      const server = http.createServer((req, res) => {
        const q = new URL(req.url ?? '/', 'http://x').searchParams;
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          if (req.method === 'POST' && q.has('uploads')) {
            // every fourth trial, the server takes the initiate at once but answers after the
            // cancel (as a loaded machine can): the upload exists before the client knows its id
            open = true;
            const answer = () => void res.writeHead(200).end('<InitiateMultipartUploadResult><UploadId>u1</UploadId></InitiateMultipartUploadResult>');
            return void (trial % 4 === 0 ? setTimeout(answer, 150) : answer());
          }
          if (req.method === 'PUT') {
            const n = Number(q.get('partNumber'));
            // lands 30–80 ms later whether or not the client is still listening
            setTimeout(
              () => {
                open = true;
                parts.add(n);
                if (!res.destroyed) res.writeHead(200, { etag: `"p${n}"` }).end();
              },
              30 + Math.random() * 50,
            );
            return;
          }
          if (req.method === 'DELETE') {
            aborts++;
            open = false;
            parts.clear();
            return void res.writeHead(204).end();
          }
          if (req.method === 'GET' && q.has('uploadId')) {
            lists++;
            if (!open) return void res.writeHead(404).end('<Error><Code>NoSuchUpload</Code><Message>gone</Message></Error>');
            return void res
              .writeHead(200)
              .end(`<ListPartsResult>${[...parts].map((p) => `<Part><PartNumber>${p}</PartNumber></Part>`).join('')}</ListPartsResult>`);
          }
          res.writeHead(400).end();
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      const controller = new AbortController();
      const client = new SpacesClient({ credentials: { accessKey: 'DO00TESTTESTTESTTEST', secretKey: 'secret-secret-secret-secret' }, endpointFor: () => url });
      try {
        const upload = uploadObject(client, memorySource(new Uint8Array(40_000)), {
          region: 'nyc3',
          bucket: 'b',
          key: 'k',
          multipartThreshold: 1_000,
          partSize: 1_000,
          concurrency: 8,
          signal: controller.signal,
        });
        setTimeout(() => controller.abort(), 40 + Math.random() * 60);
        await assert.rejects(upload, (e: unknown) => e instanceof ApiError && e.kind === 'cancelled', `trial ${trial}`);
        // whatever was still in flight has landed by now
        await new Promise((r) => setTimeout(r, 150));
        assert.equal(open, false, `trial ${trial}: the upload is gone (${aborts} aborts, ${lists} listings, parts ${[...parts].join(',')})`);
        assert.equal(parts.size, 0, `trial ${trial}: no part stays`);
        assert.ok(lists >= 1, 'the upload was listed after the abort');
      } finally {
        // a failed trial must not keep mocha alive with a listening server
        server.closeAllConnections();
        server.close();
      }
    }
  });
});
