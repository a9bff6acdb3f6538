#!/usr/bin/env node
// The pictures the package and the README show, made from sources in the repository:
//   node scripts/media.mjs icon          media/source/icon.svg → media/icon.png (256×256; the
//                                         Marketplace refuses SVG icons), rendered by Chromium
//   node scripts/media.mjs screenshots   runs the UI walkthroughs (`npm test`'s ui stage) on the
//                                         demo account and copies the pictures they mark for the
//                                         README (test-artifacts/gallery) to media/screenshots,
//                                         with manifest.json saying which commit and version
//                                         they show; `--from-artifacts` copies the last run's
//   npm run screenshots                  the same as `screenshots`
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, ROOT, launchChromium } from '../test/harness/services.mjs';
import { GALLERY, pngSize } from '../test/harness/gallery.mjs';

async function icon() {
  const svg = readFileSync(join(ROOT, 'media', 'source', 'icon.svg'), 'utf8');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 256, height: 256 }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg}`);
    await page.locator('svg').screenshot({ path: join(ROOT, 'media', 'icon.png'), omitBackground: true });
  } finally {
    await browser.close();
  }
  const { width, height } = pngSize(readFileSync(join(ROOT, 'media', 'icon.png')));
  process.stdout.write(`media/icon.png: ${width}×${height}\n`);
}

function screenshots(fromArtifacts) {
  if (!fromArtifacts) {
    // The ui stage alone: it packages the .vsix and drives the workbench (about five minutes).
    execFileSync('node', ['test/harness/run-all.mjs', '--only', 'ui'], { cwd: ROOT, stdio: 'inherit' });
  }
  const source = join(ARTIFACTS, 'gallery');
  const missing = Object.keys(GALLERY).filter((name) => !existsSync(join(source, `${name}.png`)));
  if (missing.length) throw new Error(`the UI run made no ${missing.join(', ')} (test-artifacts/gallery): did its walkthroughs pass?`);
  const target = join(ROOT, 'media', 'screenshots');
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const images = {};
  for (const name of Object.keys(GALLERY)) {
    copyFileSync(join(source, `${name}.png`), join(target, `${name}.png`));
    const bytes = readFileSync(join(target, `${name}.png`));
    images[name] = { ...pngSize(bytes), bytes: bytes.length, shows: GALLERY[name].shows };
  }
  const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  const manifest = {
    version: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
    commit: git('rev-parse', 'HEAD'),
    made: new Date().toISOString(),
    images,
  };
  writeFileSync(join(target, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const files = readdirSync(target).length - 1;
  process.stdout.write(`media/screenshots: ${files} pictures of ${manifest.commit.slice(0, 7)} (version ${manifest.version})\n`);
}

const [what, flag] = process.argv.slice(2);
if (what === 'icon') await icon();
else if (what === 'screenshots') screenshots(flag === '--from-artifacts');
else {
  process.stderr.write('usage: node scripts/media.mjs icon | screenshots [--from-artifacts]\n');
  process.exit(2);
}
