/**
 * A bucket's CORS rules as the editor reads and writes them (src/api/spaces/spacesCors.ts): the origin a
 * rule names, S3's first-match evaluation, adding the editor's rule without touching the owner's
 * (property tests, 1,000 cases each), and the XML PutBucketCors gets, read back by an XML parser.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import {
  type CorsRule,
  EDITOR_METHODS,
  corsXml,
  editorRule,
  originPattern,
  originProblem,
  rulesAllowEditor,
  withEditorRule,
} from '../../src/api/spaces/spacesCors';

const host = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,12}[a-z0-9])?$/);
const origin = fc
  .tuple(fc.constantFrom('https', 'http'), fc.array(host, { minLength: 1, maxLength: 3 }), fc.constantFrom('example.com', 'vscode-cdn.net', 'github.dev'))
  .map(([scheme, labels, domain]) => `${scheme}://${[...labels, domain].join('.')}`);
const methods = fc.subarray(['GET', 'PUT', 'POST', 'DELETE', 'HEAD']);
/** Anything an owner may have: exact origins, patterns, "*", any methods, headers, exposed headers, ids (ours too). */
const rule: fc.Arbitrary<CorsRule> = fc
  .record({
    id: fc.option(fc.constantFrom('owner', 'vscode-digitalocean', 'cdn', 'x'), { nil: undefined }),
    origins: fc.array(
      fc.oneof(
        origin,
        fc.constant('*'),
        origin.map((o) => o.replace(/\/\/[^.]+/, '//*')),
      ),
      { minLength: 1, maxLength: 3 },
    ),
    methods,
    headers: fc.subarray(['*', 'authorization', 'content-type']),
    exposeHeaders: fc.subarray(['ETag', 'x-amz-request-id', 'x-amz-meta-a']),
    maxAgeSeconds: fc.option(fc.integer({ min: 0, max: 86_400 }), { nil: undefined }),
  })
  .map((r) => ({ ...r })); // plain objects (fast-check's records have no prototype)

describe('Spaces CORS rules', () => {
  it('names a vscode.dev worker by its domain (the subdomain changes), any other origin exactly', () => {
    assert.equal(originPattern('https://1a2b3c4d5e.vscode-cdn.net'), 'https://*.vscode-cdn.net');
    assert.equal(originPattern('http://127.0.0.1:8080'), 'http://127.0.0.1:8080');
    assert.equal(originPattern('https://editor.example.com/'), 'https://editor.example.com');
    // a deeper name under vscode-cdn.net is not a worker's: named exactly
    assert.equal(originPattern('https://a.b.vscode-cdn.net'), 'https://a.b.vscode-cdn.net');
  });

  it('refuses an origin typed with a path, without a scheme, or with two "*"', () => {
    assert.equal(originProblem('https://editor.example.com'), undefined);
    assert.equal(originProblem(' https://*.example.com '), undefined);
    assert.match(originProblem('editor.example.com') ?? '', /scheme and a host/);
    assert.match(originProblem('https://example.com/path') ?? '', /no path/);
    assert.match(originProblem('https://*.*.example.com') ?? '', /At most one "\*"/);
  });

  it('decides as S3 does: the first rule whose origin and method match, and only that one', () => {
    const narrow: CorsRule = { origins: ['*'], methods: [...EDITOR_METHODS], headers: ['*'], exposeHeaders: [] };
    const ours = editorRule('https://*.vscode-cdn.net');
    assert.equal(rulesAllowEditor([ours], 'https://x.vscode-cdn.net'), true);
    assert.equal(rulesAllowEditor([ours], 'https://vscode-cdn.net'), false, 'the "*" needs a subdomain ("." after it)');
    assert.equal(rulesAllowEditor([narrow, ours], 'https://x.vscode-cdn.net'), false, 'a rule before ours that exposes no ETag decides');
    assert.equal(rulesAllowEditor([{ ...ours, methods: ['GET', 'PUT', 'HEAD'] }], 'https://x.vscode-cdn.net'), false, 'no POST: no multipart upload');
    assert.equal(rulesAllowEditor([{ ...ours, headers: ['authorization'] }], 'https://x.vscode-cdn.net'), false, 'the client signs with x-amz-* headers too');
  });

  it("adds the editor's rule in front so that it applies, and keeps every rule of the owner as it was (1,000 cases)", () => {
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 12 }), origin, (rules, where) => {
        const pattern = originPattern(where);
        const before = structuredClone(rules);
        const next = withEditorRule(rules, editorRule(pattern));
        assert.deepEqual(rules, before, 'the input is not changed');
        assert.equal(rulesAllowEditor(next, where), true, `${where} is let in`);
        assert.deepEqual(next[0], editorRule(pattern));
        // the owner's, in their order; a rule of ours from before replaced, not doubled
        assert.deepEqual(
          next.slice(1),
          rules.filter((r) => r.id !== 'vscode-digitalocean'),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('writes XML that reads back as the same rules, whatever the characters (1,000 cases)', () => {
    const parser = new XMLParser({
      ignoreAttributes: true,
      parseTagValue: false,
      isArray: (name) => ['CORSRule', 'AllowedOrigin', 'AllowedMethod', 'AllowedHeader', 'ExposeHeader'].includes(name),
    });
    const text = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && !/[\u0000-\u001f\ud800-\udfff\ufffe\uffff]/.test(s));
    fc.assert(
      fc.property(
        fc.array(
          fc
            .record({
              id: fc.option(text, { nil: undefined }),
              origins: fc.array(text, { minLength: 1, maxLength: 3 }),
              methods,
              headers: fc.array(text, { maxLength: 3 }),
              exposeHeaders: fc.array(text, { maxLength: 3 }),
              maxAgeSeconds: fc.option(fc.nat(), { nil: undefined }),
            })
            .map((r) => ({ ...r })),
          { minLength: 1, maxLength: 5 },
        ),
        (rules) => {
          const doc = parser.parse(corsXml(rules)) as { CORSConfiguration: { CORSRule: Record<string, unknown>[] } };
          const read = doc.CORSConfiguration.CORSRule.map((r) => ({
            id: r.ID === undefined ? undefined : String(r.ID),
            origins: (r.AllowedOrigin as string[] | undefined) ?? [],
            methods: (r.AllowedMethod as string[] | undefined) ?? [],
            headers: (r.AllowedHeader as string[] | undefined) ?? [],
            exposeHeaders: (r.ExposeHeader as string[] | undefined) ?? [],
            maxAgeSeconds: r.MaxAgeSeconds === undefined ? undefined : Number(r.MaxAgeSeconds),
          }));
          assert.deepEqual(read, rules);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('refuses a 101st rule, which S3 would refuse', () => {
    const many = Array.from({ length: 100 }, (_, i): CorsRule => ({ id: `r${i}`, origins: ['*'], methods: ['GET'], headers: [], exposeHeaders: [] }));
    assert.throws(() => withEditorRule(many, editorRule('https://a.example')), /100 CORS rules already/);
    assert.equal(
      withEditorRule([...many.slice(1), { ...editorRule('https://old.example') }], editorRule('https://a.example')).length,
      100,
      'ours replaced, not added',
    );
  });
});
