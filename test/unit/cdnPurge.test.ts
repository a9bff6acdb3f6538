/** CDN cache purges: the paths read from what is typed, and what is refused before any request (property tests). */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { purgePaths } from '../../src/api/resources/cdnEndpoint';

describe('CDN purge paths', () => {
  it('reads paths separated by commas or spaces, drops a leading "/" and repeats, and keeps "*"', () => {
    assert.deepEqual(purgePaths(' /css/*, img/logo.png  img/logo.png,*').paths, ['css/*', 'img/logo.png', '*']);
    assert.equal(purgePaths('css/*').problem, undefined);
  });

  it('refuses nothing typed, a URL, a query string or fragment, a path too long, too many paths', () => {
    assert.match(purgePaths(' , ').problem!, /at least one path/);
    assert.match(purgePaths('https://acme-assets.nyc3.cdn.digitaloceanspaces.com/a.css').problem!, /not a URL/);
    assert.match(purgePaths('a.css?v=2').problem!, /query string/);
    assert.match(purgePaths('a.css#top').problem!, /query string/);
    assert.match(purgePaths('x'.repeat(1025)).problem!, /1,024/);
    assert.match(purgePaths(Array.from({ length: 101 }, (_, i) => `f${i}`).join(',')).problem!, /At most 100/);
  });

  it('gives back exactly the paths typed, whatever the separators (1,000 cases)', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9._*-]{1,12}$/);
    const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
    const separator = fc.constantFrom(',', ' ', ', ', '\t', ' ,  ');
    fc.assert(
      fc.property(
        fc.uniqueArray(path, { minLength: 1, maxLength: 20 }),
        fc.array(separator, { minLength: 20, maxLength: 20 }),
        fc.boolean(),
        (paths, seps, slash) => {
          const typed = paths.map((p, i) => (slash ? `/${p}` : p) + (i < paths.length - 1 ? seps[i] : '')).join('');
          const read = purgePaths(typed);
          assert.equal(read.problem, undefined, typed);
          assert.deepEqual(read.paths, paths, typed);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
