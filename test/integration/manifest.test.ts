/**
 * package.json and the code agree: every command the manifest declares is registered by the
 * running extension, every command the extension registers is declared, and every menu entry and
 * keybinding names a declared command.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionApi } from './support/env';

interface Manifest {
  contributes: {
    commands: { command: string; title?: string }[];
    menus: Record<string, { command?: string; submenu?: string }[]>;
    submenus?: { id: string }[];
    keybindings?: { command: string }[];
    viewsWelcome?: { contents: string }[];
    views?: Record<string, { id: string }[]>;
    walkthroughs?: { steps: { description: string; completionEvents?: string[]; media: { markdown?: string } }[] }[];
  };
}

describe('Manifest and registration', () => {
  it('loads each command family on first use from its own bundle, which registers exactly the commands it was listed with', async () => {
    const api = await extensionApi();
    const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    const families = api.commands.families;
    // one family per feature folder of src/commands (a folder whose files register commands: not
    // wizard/, the steps they share), and one more for a folder's *.node.ts files
    const commandsDir = path.join(root, 'src', 'commands');
    const folders = fs
      .readdirSync(commandsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .filter((folder) =>
        fs
          .readdirSync(path.join(commandsDir, folder))
          .some((f) => f.endsWith('.ts') && /export function register\w+Commands\(/.test(fs.readFileSync(path.join(commandsDir, folder, f), 'utf8'))),
      );
    assert.ok(folders.length >= 10, folders.join(', '));
    assert.deepEqual([...new Set(families.map((f) => f.name.replace(/\.node$/, '')))].sort(), folders.sort());
    const before = new Set(await vscode.commands.getCommands(true));
    for (const family of families) {
      assert.ok(fs.existsSync(path.join(root, 'dist', family.bundle)), `dist/${family.bundle}`);
      // a stand-in holds each id until the family loads; loading fails if the family registers an id another family's stand-in holds
      for (const id of family.ids) assert.ok(before.has(id), `${id} is registered (a stand-in or the real one) from activation`);
      api.commands.load(family.name);
      assert.ok(api.commands.isLoaded(family.name));
      const now = new Set(await vscode.commands.getCommands(true));
      for (const id of family.ids) assert.ok(now.has(id), `${family.name} registered ${id}`);
    }
  });

  it('registers exactly the commands package.json declares', async () => {
    await extensionApi();
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as Manifest;
    const declared = new Set(manifest.contributes.commands.map((c) => c.command));
    // VS Code adds view commands of its own (digitalocean.resources.focus, …): only ours count.
    const views = manifest.contributes.views
      ? Object.values(manifest.contributes.views)
          .flat()
          .map((v) => `${v.id}.`)
      : ['digitalocean.resources.'];
    const registered = new Set((await vscode.commands.getCommands(true)).filter((c) => c.startsWith('digitalocean.') && !views.some((v) => c.startsWith(v))));
    assert.deepEqual([...declared].filter((c) => !registered.has(c)).sort(), [], 'declared but not registered');
    assert.deepEqual([...registered].filter((c) => !declared.has(c)).sort(), [], 'registered but not declared');
  });

  it("shows the manifest's text from package.nls.json, with no %key% left unresolved", () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as Manifest & { displayName: string };
    assert.equal(manifest.displayName, 'DigitalOcean Explorer');
    assert.equal(manifest.contributes.commands.find((c) => c.command === 'digitalocean.goToResource')?.title, 'Go to Resource…');
    const unresolved: string[] = [];
    const visit = (value: unknown, where: string): void => {
      if (typeof value === 'string' && /^%[\w.]+%$/.test(value)) unresolved.push(`${where}: ${value}`);
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, `${where}.${k}`);
    };
    visit(manifest.contributes, 'contributes');
    assert.deepEqual(unresolved, []);
  });

  it('names only declared commands and submenus in menus, keybindings and welcome links', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as Manifest;
    const declared = new Set(manifest.contributes.commands.map((c) => c.command));
    const submenus = new Set((manifest.contributes.submenus ?? []).map((s) => s.id));
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const entry of entries) {
        if (entry.command) assert.ok(declared.has(entry.command), `${menu} names ${entry.command}`);
        if (entry.submenu) assert.ok(submenus.has(entry.submenu), `${menu} names submenu ${entry.submenu}`);
      }
    }
    for (const k of manifest.contributes.keybindings ?? []) assert.ok(declared.has(k.command), `keybinding ${k.command}`);
    for (const w of manifest.contributes.viewsWelcome ?? []) {
      for (const [, command] of w.contents.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(declared.has(command), `welcome link ${command}`);
    }
    // the walkthrough's links and completion events name commands and views that exist, and its media ship
    const views = new Set(
      Object.values(manifest.contributes.views ?? {})
        .flat()
        .map((v) => v.id),
    );
    const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    for (const step of (manifest.contributes.walkthroughs ?? []).flatMap((w) => w.steps)) {
      for (const [, command] of step.description.matchAll(/\(command:([\w.]+)\)/g))
        assert.ok(declared.has(command) || views.has(command.replace(/\.focus$/, '')), `walkthrough link ${command}`);
      for (const event of step.completionEvents ?? []) {
        const [kind, name] = event.split(':');
        if (kind === 'onCommand') assert.ok(declared.has(name), `completion event ${event}`);
        if (kind === 'onView') assert.ok(views.has(name), `completion event ${event}`);
      }
      if (step.media.markdown) assert.ok(fs.existsSync(path.join(root, step.media.markdown)), `walkthrough media ${step.media.markdown}`);
    }
    assert.ok((manifest.contributes.walkthroughs ?? []).length > 0, 'a walkthrough is declared');
  });
});
