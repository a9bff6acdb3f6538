// The README's pictures: the UI walkthroughs take them from the demo account (so they stay true),
// `node scripts/media.mjs screenshots` copies them to media/screenshots, and the static stage
// checks that the README's pictures are there and were made recently relative to the code they show.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;
const ARTIFACTS = join(ROOT, 'test-artifacts');

/**
 * Each picture, the walkthrough that takes it, and the code it shows: `shows` lists the folders
 * whose commits since the picture was made count towards its age.
 */
export const GALLERY = {
  'panel-droplet': { by: 'test/ui/panels.test.mjs', shows: ['src/webview', 'src/panels', 'src/tree'] },
  tree: { by: 'test/ui/smoke.test.mjs', shows: ['src/tree', 'src/model'] },
  'create-wizard': { by: 'test/ui/keyboard.test.mjs', shows: ['src/commands/wizard', 'src/commands/kubernetes'] },
  'go-to-resource': { by: 'test/ui/keyboard.test.mjs', shows: ['src/commands/resources/goToResource.ts', 'src/tree/kinds/presenter.ts'] },
  'panel-database': { by: 'test/ui/panels.test.mjs', shows: ['src/webview', 'src/panels'] },
  spaces: { by: 'test/ui/spaces.test.mjs', shows: ['src/commands/spaces', 'src/tree'] },
  web: { by: 'test/ui/web.test.mjs', shows: ['src/webview', 'src/panels', 'src/tree'] },
  'ssh-terminal': { by: 'test/ui/connect.test.mjs', shows: ['src/commands/droplet', 'src/ui'] },
  'app-logs': { by: 'test/ui/connect.test.mjs', shows: ['src/commands/app'] },
};

/** A picture is stale once the code it shows has changed in more commits than this since it was made. */
export const STALE_AFTER_COMMITS = 40;

/** Keeps a screenshot for the README: `target` is a Playwright page or locator. */
export async function galleryShot(target, name) {
  if (!GALLERY[name]) throw new Error(`${name} is not in the gallery (test/harness/gallery.mjs)`);
  mkdirSync(join(ARTIFACTS, 'gallery'), { recursive: true });
  await target.screenshot({ path: join(ARTIFACTS, 'gallery', `${name}.png`) });
}

/** Width and height from a PNG's header; throws when `bytes` is not a PNG. */
export function pngSize(bytes) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * What is wrong with the README's pictures, as sentences (empty when nothing is): every image
 * the README names exists, is a PNG of a sensible size and is one the walkthroughs make; the
 * manifest says they were made for this version, from a commit in this history, and the code
 * each one shows has not changed in more than STALE_AFTER_COMMITS commits since.
 */
export function screenshotProblems(root = ROOT) {
  const problems = [];
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const named = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)|<img[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
  if (named.length === 0) problems.push('the README shows no pictures');
  const manifestPath = join(root, 'media', 'screenshots', 'manifest.json');
  const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : undefined;
  if (!manifest) problems.push('media/screenshots/manifest.json is missing: run `npm run screenshots`');
  for (const link of named) {
    if (/^[a-z]+:/i.test(link)) {
      problems.push(`${link}: the README's pictures are files in media/, made by the tests`);
      continue;
    }
    const file = join(root, link);
    if (!existsSync(file)) {
      problems.push(`${link} does not exist`);
      continue;
    }
    const bytes = readFileSync(file);
    let size;
    try {
      size = pngSize(bytes);
    } catch {
      problems.push(`${link} is not a PNG`);
      continue;
    }
    if (bytes.length > 400_000) problems.push(`${link} is ${bytes.length} bytes (at most 400,000)`);
    if (size.width > 1600 || size.height > 1200) problems.push(`${link} is ${size.width}×${size.height} (at most 1600×1200)`);
    const name = /^media\/screenshots\/([\w-]+)\.png$/.exec(link)?.[1];
    if (!name) continue; // the icon and other hand-made pictures
    if (!GALLERY[name]) problems.push(`${link} is not one the UI walkthroughs make (test/harness/gallery.mjs)`);
    else if (manifest && !manifest.images?.[name]) problems.push(`${link} is not in media/screenshots/manifest.json`);
  }
  if (manifest) {
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
    if (manifest.version !== version) problems.push(`the screenshots show version ${manifest.version}, the package is ${version}: run \`npm run screenshots\``);
    const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    let known = true;
    try {
      git('merge-base', '--is-ancestor', manifest.commit, 'HEAD');
    } catch {
      known = false;
      problems.push(`the screenshots were made at ${String(manifest.commit).slice(0, 7)}, which is not in this history`);
    }
    if (known) {
      for (const [name, { shows }] of Object.entries(GALLERY)) {
        const since = Number(git('rev-list', '--count', `${manifest.commit}..HEAD`, '--', ...shows));
        if (since > STALE_AFTER_COMMITS)
          problems.push(`${name}.png is ${since} commits older than the code it shows (${shows.join(', ')}): run \`npm run screenshots\``);
      }
    }
  }
  return problems;
}

/** Relative links in the README, CONTRIBUTING.md and docs/ that point at nothing, as sentences. */
export function linkProblems(root = ROOT) {
  const problems = [];
  const docs = ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md'];
  if (existsSync(join(root, 'docs'))) for (const f of readdirSync(join(root, 'docs'))) if (f.endsWith('.md')) docs.push(`docs/${f}`);
  for (const doc of docs) {
    if (!existsSync(join(root, doc))) {
      problems.push(`${doc} is missing`);
      continue;
    }
    const text = readFileSync(join(root, doc), 'utf8').replace(/```[\s\S]*?```/g, '');
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:|^#/i.test(target)) continue;
      const path = join(root, dirname(doc), decodeURIComponent(target.split('#')[0]));
      if (!existsSync(path)) problems.push(`${doc} links to ${target}, which does not exist`);
    }
  }
  return problems;
}
