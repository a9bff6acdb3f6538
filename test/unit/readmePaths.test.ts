/**
 * The documents (README, CONTRIBUTING.md and docs/, whose architecture page tours the code) name
 * files and folders (`src/…`, `commands/droplet/droplet.ts`, …): each must exist, so that they
 * stay true when code moves (the tour once named a src/commands/index.ts that did not exist).
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';

describe('README and docs', () => {
  it('names only files and folders that exist', () => {
    const docs = ['README.md', 'CONTRIBUTING.md', ...readdirSync('docs').map((f) => `docs/${f}`)].filter((f) => f.endsWith('.md'));
    const readme = docs.map((f) => readFileSync(f, 'utf8')).join('\n');
    const srcFolders = readdirSync('src', { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    // `src/x/y.ts`, `test/…`, `scripts/…`, and paths inside src written from there (`tree/nodes/…`)
    const named = [...readme.matchAll(/`((?:[\w.-]+\/)+[\w.-]*)`/g)]
      .map((m) => m[1])
      .filter((p) => /^(src|test|scripts)\//.test(p) || srcFolders.includes(p.split('/')[0]));
    assert.ok(named.length > 30, `${named.length} paths found`);
    const missing = [...new Set(named)].filter((p) => !existsSync(p) && !existsSync(`src/${p}`));
    assert.deepEqual(missing, []);
    // and the folder tree (the block under "How the code is organised")
    const tree = [...readme.matchAll(/^(src\/[\w/.-]*)\s/gm)].map((m) => m[1]);
    assert.ok(tree.length > 10, `${tree.length} folders in the tree`);
    assert.deepEqual(
      tree.filter((p) => !existsSync(p)),
      [],
    );
  });
});
