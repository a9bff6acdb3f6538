/**
 * scripts/apiCoverage.mjs counts the operations the extension sent under test: a request is
 * matched to the spec's template, a literal segment winning over a parameter, and Prism's log
 * lines are read back as requests (test/harness/gates.mjs).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GENAI_TAGS, operationsOf, sourcePaths, specOperations, templateMatcher } from '../../scripts/apiOperations.mjs';
import { requestsIn } from '../harness/gates.mjs';

const ROOT = resolve(__dirname, '..', '..');

describe('API coverage count', () => {
  const spec = JSON.parse(readFileSync(join(ROOT, '..', 'shared', 'do-openapi', 'openapi.json'), 'utf8'));
  const ops = specOperations(spec);

  it('counts the 659 operations of the pinned spec, 512 outside the GenAI platform', () => {
    assert.equal(ops.length, 659);
    assert.equal(ops.filter((o) => !GENAI_TAGS.has(o.tag)).length, 512);
  });

  it('prefers a literal segment over a parameter, and needs the same number of segments', () => {
    const match = templateMatcher(ops.map((o) => o.path));
    assert.equal(match('/v2/droplets/actions'), '/v2/droplets/actions');
    assert.equal(match('/v2/droplets/123'), '/v2/droplets/{droplet_id}');
    assert.equal(match('/v2/droplets/123/actions/9'), '/v2/droplets/{droplet_id}/actions/{action_id}');
    assert.equal(match('/v2/droplets/123/nothing'), undefined);
    assert.equal(match('/v2/droplets/'), undefined);
  });

  it('reads methods and percent-encoded paths, and keeps what matches no operation apart', () => {
    const { hit, unknown } = operationsOf(
      [
        { method: 'GET', path: '/v2/tags/a%2Fb?page=1' },
        { method: 'DELETE', path: '/v2/tags/prod' },
        { method: 'PATCH', path: '/v2/tags/prod' },
        { method: 'GET', path: '/v2/nowhere' },
      ],
      ops,
    );
    assert.deepEqual([...hit].sort(), ['DELETE /v2/tags/{tag_id}']);
    assert.deepEqual([...unknown].sort(), ['GET /v2/nowhere', 'GET /v2/tags/a/b', 'PATCH /v2/tags/prod']);
  });

  it("reads Prism's request lines, not its start-up route list", () => {
    const log = [
      '[5:34:04 AM] › [CLI] ℹ  info      GET        http://127.0.0.1:1/v2/account',
      '[5:34:29 AM] › [HTTP SERVER] get /v2/projects?page=1 ℹ  info      Request received',
      '[5:34:29 AM] › [HTTP SERVER] delete /v2/tags/x ℹ  info      Request received',
    ].join('\n');
    assert.deepEqual(requestsIn(log), [
      { method: 'GET', path: '/v2/projects?page=1' },
      { method: 'DELETE', path: '/v2/tags/x' },
    ]);
  });

  it('reads path literals of the source with ${…} as one segment', () => {
    const found = sourcePaths("request('GET', `/v2/databases/${seg(id)}/config`); path: '/v2/vpc_peerings',");
    assert.deepEqual([...found].sort(), ['/v2/databases/{x}/config', '/v2/vpc_peerings']);
  });
});
