#!/usr/bin/env node
// `npm run package`: dist-vsix/digitalocean-explorer.vsix, made by vsce (which runs the production
// build first) and then checked the way the two galleries would check it, offline:
//   - vsce must warn about nothing (its warnings fail the run here);
//   - Open VSX's client (ovsx) reads the manifest back out of the .vsix and validates it and its
//     licence, as `ovsx publish` does before it uploads;
//   - the files in the .vsix are exactly test/package/vsix-files.txt (nothing from src/ or test/,
//     no source maps), and the package stays under MAX_BYTES.
// With no repository URL in package.json (none is published yet) the packaged README leaves out
// the pictures, which VS Code's extension page and the Marketplace show only from https. Set
// DO_PACKAGE_BASE_URL to the raw URL of the repository's root to publish: the pictures stay and
// their links are made absolute (DO_PACKAGE_CONTENT_URL, if set, for the links to documents).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'dist-vsix', 'digitalocean-explorer.vsix');
const EXPECTED = join(ROOT, 'test', 'package', 'vsix-files.txt');
export const MAX_BYTES = 3_000_000;

const require = createRequire(import.meta.url);
const ovsx = require('ovsx');
const { hashAllZipEntries, readVSIXPackage } = require('ovsx/lib/zip');

/**
 * The README the package shows. VS Code's extension page and the Marketplace show only https
 * pictures, so with no public base URL the pictures (and links into the repository) would be
 * broken there: that README leaves them out, and says where they are.
 */
export function packagedReadme(text, base) {
  if (base) return text;
  return text
    .replace(/^!\[[^\]]*\]\((?!https:)[^)\s]+\)\n\n?/gm, '')
    .replace(/\[([^\]]+)\]\((?![a-z]+:|#)[^)\s]+\)/gi, '$1')
    .replace(/^(# .*\n)/, '$1\n*Pictures of every feature are in the README of the source repository.*\n');
}

function vscePackage() {
  mkdirSync(join(ROOT, 'dist-vsix'), { recursive: true });
  const base = process.env.DO_PACKAGE_BASE_URL;
  const readme = join(ROOT, 'dist-vsix', 'README.md');
  writeFileSync(readme, packagedReadme(readFileSync(join(ROOT, 'README.md'), 'utf8'), base));
  const links = [
    '--readme-path',
    relative(ROOT, readme),
    ...(base ? ['--baseContentUrl', process.env.DO_PACKAGE_CONTENT_URL || base, '--baseImagesUrl', base] : []),
  ];
  const vsce = join(ROOT, 'node_modules', '.bin', 'vsce');
  const output = execFileSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', ...links, '-o', OUT], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(output);
  const warnings = output.split('\n').filter((line) => /\bWARNING\b/.test(line));
  if (warnings.length) throw new Error(`vsce warned:\n${warnings.join('\n')}`);
}

/** The .vsix's files against the expected list: what is missing, what is extra. */
export async function fileListProblems(vsix = OUT) {
  const entries = [...(await hashAllZipEntries(vsix)).keys()].sort();
  const expected = readFileSync(EXPECTED, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .sort();
  const problems = [];
  for (const name of expected) if (!entries.includes(name)) problems.push(`missing from the .vsix: ${name}`);
  for (const name of entries) if (!expected.includes(name)) problems.push(`in the .vsix but not in test/package/vsix-files.txt: ${name}`);
  for (const name of entries) if (/^extension\/(src|test|scripts|node_modules)\/|\.map$|\.ts$/.test(name)) problems.push(`must not ship: ${name}`);
  return { entries, problems };
}

async function check() {
  const manifest = await readVSIXPackage(OUT);
  ovsx.validateManifest(manifest);
  if (!(await ovsx.isLicenseOk(ROOT, manifest))) throw new Error('Open VSX would refuse the package: it has no licence');
  if (!/^[\w\-+$~]+$/.test(manifest.name) || !/^[\w\-+$~]+$/.test(manifest.publisher))
    throw new Error(`Open VSX would refuse the name ${manifest.publisher}.${manifest.name}`);
  const { entries, problems } = await fileListProblems();
  const bytes = statSync(OUT).size;
  if (bytes > MAX_BYTES) problems.push(`the .vsix is ${bytes} bytes (at most ${MAX_BYTES})`);
  if (problems.length) throw new Error(problems.join('\n'));
  process.stdout.write(`checked: ovsx accepts ${manifest.publisher}.${manifest.name} ${manifest.version}; ${entries.length} files as listed; ${bytes} bytes\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    vscePackage();
    await check();
  } catch (error) {
    process.stderr.write(`npm run package: ${error.message}\n`);
    process.exit(1);
  }
}
