// src/commands/FAMILIES.md, the command id → bundle table: `--write` writes it, without it the
// script fails (exit 1) when the committed table differs from what the sources say.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { commandFamilies, familyTable } from './lazyFeatures.mjs';

const root = resolve(import.meta.dirname, '..');
const file = join(root, 'src', 'commands', 'FAMILIES.md');
const table = familyTable(commandFamilies(root));
if (process.argv.includes('--write')) {
  writeFileSync(file, table);
} else {
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    // missing: reported below
  }
  if (committed !== table) {
    process.stderr.write('src/commands/FAMILIES.md is not what the sources say: run `node scripts/families.mjs --write` and review the change\n');
    process.exit(1);
  }
}
