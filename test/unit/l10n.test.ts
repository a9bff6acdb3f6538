/**
 * Translatable text: l10n/bundle.l10n.json (what translators work from) holds exactly what the
 * code passes to l10n.t today, and every Node bundle in dist/ shares the one @vscode/l10n that
 * src/l10n.ts configures (a private copy in a lazily loaded bundle would stay English).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('Translatable text', function () {
  this.timeout(120_000);

  it('l10n/bundle.l10n.json is what `npm run l10n` exports from the code now', () => {
    const out = mkdtempSync(join(tmpdir(), 'do-l10n-'));
    try {
      execFileSync(process.execPath, [join('node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js'), 'export', '--outDir', out, './src'], { stdio: 'pipe' });
      const fresh = JSON.parse(readFileSync(join(out, 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
      const committed = JSON.parse(readFileSync(join('l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
      assert.ok(Object.keys(fresh).length > 1500, `only ${Object.keys(fresh).length} strings exported`);
      assert.deepEqual(
        Object.keys(fresh)
          .filter((k) => !(k in committed))
          .slice(0, 10),
        [],
        'in the code, missing from l10n/bundle.l10n.json: run npm run l10n',
      );
      assert.deepEqual(
        Object.keys(committed)
          .filter((k) => !(k in fresh))
          .slice(0, 10),
        [],
        'in l10n/bundle.l10n.json, no longer in the code: run npm run l10n',
      );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('has every Node bundle require the shared dist/l10n.js rather than hold a copy', () => {
    const bundles = readdirSync('dist').filter((f) => f.endsWith('.js') && f !== 'l10n.js');
    assert.ok(bundles.includes('extension.js') && bundles.includes('spaces.js'), bundles.join(', '));
    // a literal of @vscode/l10n's own code, kept by minification
    const marker = 'Unsupported protocol"';
    assert.ok(readFileSync(join('dist', 'l10n.js'), 'utf8').includes(marker));
    for (const file of bundles) {
      const text = readFileSync(join('dist', file), 'utf8');
      assert.ok(!text.includes(marker), `${file} holds its own copy of @vscode/l10n`);
      // those that translate below the VS Code layers (@vscode/l10n) take the shared one
      if (['extension.js', 'spaces.js', 'commands.spaces.js'].includes(file))
        assert.match(text, /require\("\.\/l10n\.js"\)/, `${file} does not share dist/l10n.js`);
    }
  });

  it('is translated one way per file: vscode.l10n where VS Code is imported as a value, @vscode/l10n elsewhere', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
      );
    const mixed: string[] = [];
    let checked = 0;
    for (const file of files('src')) {
      if (file === join('src', 'l10n.ts')) continue; // hands VS Code's bundle to @vscode/l10n
      const text = readFileSync(file, 'utf8');
      const vscodeValue = /^import \* as vscode from 'vscode';/m.test(text);
      const shared = /from '@vscode\/l10n'/.test(text);
      if (vscodeValue || shared) checked++;
      if (vscodeValue && shared) mixed.push(`${file}: imports vscode, translates with @vscode/l10n`);
      if (!vscodeValue && /\bvscode\.l10n\./.test(text)) mixed.push(`${file}: vscode.l10n without importing vscode as a value`);
    }
    assert.ok(checked > 100, `only ${checked} files translate`);
    assert.deepEqual(mixed, []);
  });
});
