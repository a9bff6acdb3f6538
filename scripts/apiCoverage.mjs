// Which of the API's operations the extension calls, per tag of the official OpenAPI document.
//
// Two counts, both against the spec the build pins (scripts/openapiSpec.mjs):
//   - "tested": operations the extension sent through Prism during the last full `npm test`
//     (integration, web and ui stages; the harness writes test-artifacts/api-requests.json). This is
//     the figure the issues ask for: an operation counts only when a test in a real extension host
//     made the extension call it, and Prism checked the request and the answer.
//   - "in source": operations whose path appears as a literal in src/ (the demo's fake excluded),
//     whatever the method. It is a cross-check: a path in the source that no test sent is listed.
// GenAI platform tags are left out of the total, as the issues count them.
//
//   node scripts/apiCoverage.mjs            the table
//   node scripts/apiCoverage.mjs --missing "Databases"   the operations of a tag not tested yet
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { coverage, GENAI_TAGS } from './apiOperations.mjs';
import { openapiJson } from './openapiSpec.mjs';

async function main() {
  const root = resolve(import.meta.dirname, '..');
  const found = openapiJson(root, { log: () => {} });
  if (found.error) {
    process.stderr.write(`${found.error}\n`);
    process.exit(1);
  }
  const spec = JSON.parse(readFileSync(found.path, 'utf8'));
  const file = join(root, 'test-artifacts', 'api-requests.json');
  if (!existsSync(file)) {
    process.stderr.write('No test-artifacts/api-requests.json: run `npm test` (integration, web and ui stages) first.\n');
    process.exit(1);
  }
  const recorded = JSON.parse(readFileSync(file, 'utf8'));
  const requests = Object.values(recorded.stages ?? {}).flat();
  const result = coverage(spec, requests, root);
  const wanted = process.argv.indexOf('--missing');
  if (wanted > 0) {
    const tag = process.argv[wanted + 1];
    const row = result.rows.find((r) => r.tag === tag);
    if (!row) {
      process.stderr.write(`No tag "${tag}". Tags: ${result.rows.map((r) => r.tag).join(', ')}\n`);
      process.exit(1);
    }
    for (const op of row.missing) console.log(`${op.method.padEnd(6)} ${op.path}  (${op.id})`);
    return;
  }
  const width = Math.max(...result.rows.map((r) => r.tag.length));
  console.log(`API operations the extension called under test (${Object.keys(recorded.stages ?? {}).join(', ')} of ${recorded.commit ?? 'an unknown commit'})`);
  if (recorded.narrowed) console.log(`A narrowed run (${recorded.narrowed}): the whole suite calls more.`);
  for (const r of result.rows) {
    const note = r.sourceOnly.length ? `  (in source, not tested: ${r.sourceOnly.map((o) => `${o.method} ${o.path}`).join(', ')})` : '';
    console.log(`${r.tag.padEnd(width)}  ${String(r.tested).padStart(3)}/${String(r.total).padEnd(3)}${GENAI_TAGS.has(r.tag) ? ' (GenAI)' : ''}${note}`);
  }
  console.log(`\nOutside the GenAI platform: ${result.nonGenAi.tested}/${result.nonGenAi.total}; all: ${result.all.tested}/${result.all.total}`);
  if (result.unknown.length) console.log(`Requests no operation of the spec matches: ${result.unknown.join(', ')}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  });
}
