/**
 * package.json's menus, read as VS Code reads them: every `viewItem =~ /…/` in a `when` clause is
 * a closed, valid regular expression (an unclosed one made seven volume, reserved IP and database
 * items appear on every node), and each node's menu holds only what belongs to its kind.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

interface MenuItem {
  command?: string;
  submenu?: string;
  when?: string;
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { menus: Record<string, MenuItem[]> } };
const items = manifest.contributes.menus['view/item/context'];

/** Whether a `when` clause's viewItem tests accept this context value (view tests assumed true). */
function accepts(when: string, viewItem: string): boolean {
  return when
    .split('||')
    .some((alternative) =>
      [...alternative.matchAll(/viewItem (==|=~) (\/(?:[^/\\]|\\.)*\/|[\w.]+)/g)].every(([, op, operand]) =>
        op === '==' ? operand === viewItem : new RegExp(operand.slice(1, -1)).test(viewItem),
      ),
    );
}

describe('Manifest', () => {
  it('closes and compiles every viewItem regular expression', () => {
    for (const item of Object.values(manifest.contributes.menus).flat()) {
      const when = item.when ?? '';
      for (const m of when.matchAll(/=~ (\S+)/g)) {
        assert.match(m[1], /^\/.*\/\)*$/, `unclosed regex in the when of ${item.command ?? item.submenu}: ${when}`);
        assert.doesNotThrow(() => new RegExp(m[1].replace(/\)*$/, '').slice(1, -1)), `${item.command}: ${m[1]}`);
      }
    }
  });

  it('offers on Spaces nodes only Spaces commands and Refresh', () => {
    for (const node of ['spaces.root', 'spaces.bucket', 'spaces.prefix', 'spaces.object']) {
      const offered = items.filter((i) => i.when && accepts(i.when, node)).map((i) => i.command ?? i.submenu);
      assert.ok(offered.length > 0, node);
      for (const command of offered) assert.match(String(command), /^digitalocean\.(spaces\.|refresh$)/, `${command} on ${node}`);
    }
  });

  it('offers on a database cluster its own commands, and none of a volume', () => {
    const offered = items.filter((i) => i.when && accepts(i.when, 'resource.database_cluster.online.pg.shell')).map((i) => String(i.command));
    assert.ok(offered.includes('digitalocean.database.createUser'));
    assert.ok(!offered.some((c) => c.startsWith('digitalocean.volume.') || c.startsWith('digitalocean.reservedIp.')), offered.join(', '));
  });
});

describe('Manifest text (package.nls.json)', () => {
  const raw = readFileSync('package.json', 'utf8');
  const nls = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;
  const used = new Set([...raw.matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]));

  it('has text for every %key% the manifest names, and no text nobody uses', () => {
    assert.ok(used.size > 100, `only ${used.size} keys`);
    assert.deepEqual(
      [...used].filter((k) => !(k in nls)),
      [],
      'named in package.json, missing from package.nls.json',
    );
    assert.deepEqual(
      Object.keys(nls).filter((k) => !used.has(k)),
      [],
      'in package.nls.json, named nowhere',
    );
  });

  it('leaves no user-visible manifest text untranslatable', () => {
    const m = JSON.parse(raw) as { contributes: { commands: { title: string; category?: string }[]; views: Record<string, { name: string }[]> } };
    const literal = [
      ...m.contributes.commands.flatMap((c) => [c.title, c.category ?? '%%']),
      ...Object.values(m.contributes.views)
        .flat()
        .map((v) => v.name),
    ].filter((text) => !/^%[\w.]+%$/.test(text));
    assert.deepEqual(literal, []);
  });

  it('describes the package as the galleries want it: a PNG icon, real categories, no placeholder address, the API it calls', () => {
    const m = JSON.parse(raw) as Record<string, unknown> & {
      icon: string;
      categories: string[];
      engines: { vscode: string };
      extensionKind: string[];
      devDependencies: Record<string, string>;
    };
    const icon = readFileSync(m.icon);
    assert.ok(icon.subarray(1, 4).toString('latin1') === 'PNG', 'the Marketplace refuses SVG icons');
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [256, 256]);
    // the Marketplace's categories (vsce lists them); "Other" alone says nothing
    const known = [
      'AI',
      'Chat',
      'Data Science',
      'Debuggers',
      'Education',
      'Formatters',
      'Keymaps',
      'Linters',
      'Machine Learning',
      'Notebooks',
      'Other',
      'Programming Languages',
      'SCM Providers',
      'Snippets',
      'Testing',
      'Themes',
      'Visualization',
    ];
    assert.ok(m.categories.length > 1 && m.categories.every((c) => known.includes(c)), m.categories.join(', '));
    assert.ok(!/example\.(invalid|com|org)/.test(raw), 'no placeholder address: left out rather than faked');
    assert.ok(Array.isArray(m.extensionKind) && m.extensionKind.every((k) => k === 'workspace' || k === 'ui'));
    // the newest API the code is typed against is the oldest VS Code it may claim
    assert.equal(m.engines.vscode, `^${m.devDependencies['@types/vscode']}`);
  });
});
