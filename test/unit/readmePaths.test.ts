/**
 * README's tour of the code names files and folders (`src/…`, `commands/droplet/droplet.ts`, …):
 * each must exist, so that the tour stays true when code moves (it once named a
 * src/commands/index.ts that did not exist).
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';

describe('README', () => {
  it('names only files and folders that exist', () => {
    const readme = readFileSync('README.md', 'utf8');
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
