// The pure part of scripts/apiCoverage.mjs: the spec's operations, request → template matching,
// path literals of the source, and the count per tag.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const GENAI_TAGS = new Set(['GradientAI Platform', 'Serverless Inference', 'Agent Inference', 'Batch Inference', 'Dedicated Inference']);
const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head'];

/** Every operation of the document: method (upper case), path template, first tag, operationId. */
export function specOperations(spec) {
  const ops = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      ops.push({ method: method.toUpperCase(), path, tag: op.tags?.[0] ?? '(none)', id: op.operationId ?? `${method} ${path}` });
    }
  }
  return ops;
}

/**
 * A matcher from a concrete request path (no query) to the spec's template. Where two templates
 * match, the one with more literal segments wins (`/v2/droplets/actions` over `/v2/droplets/{id}`).
 */
export function templateMatcher(paths) {
  const compiled = [...new Set(paths)].map((template) => {
    const segments = template.split('/');
    return { template, segments, literals: segments.filter((s) => !/^\{.*\}$/.test(s)).length };
  });
  return (path) => {
    const parts = path.split('/');
    let best;
    for (const c of compiled) {
      if (c.segments.length !== parts.length) continue;
      if (!c.segments.every((s, i) => (/^\{.*\}$/.test(s) ? parts[i] !== '' : s === parts[i]))) continue;
      if (!best || c.literals > best.literals) best = c;
    }
    return best?.template;
  };
}

/** `GET /v2/x?y` lines the harness wrote → `GET /v2/x` keys of operations, unknown ones apart. */
export function operationsOf(requests, ops) {
  const match = templateMatcher(ops.map((o) => o.path));
  const byKey = new Map(ops.map((o) => [`${o.method} ${o.path}`, o]));
  const hit = new Set();
  const unknown = new Set();
  for (const { method, path } of requests) {
    let clean = path.split('?')[0];
    try {
      clean = clean
        .split('/')
        .map((s) => decodeURIComponent(s))
        .join('/');
    } catch {
      // a segment that is not valid percent-encoding is matched as it is
    }
    const template = match(clean);
    const key = template && `${method.toUpperCase()} ${template}`;
    if (key && byKey.has(key)) hit.add(key);
    else unknown.add(`${method.toUpperCase()} ${clean}`);
  }
  return { hit, unknown };
}

/** Path templates written in the source: `/v2/…` literals with `${…}` read as one segment. */
export function sourcePaths(text) {
  const found = new Set();
  for (const m of text.matchAll(/[`'"](\/v2\/[^`'"\s?]*)/g)) {
    const path = m[1].replace(/\$\{[^}]*\}/g, '{x}').replace(/\/$/, '');
    found.add(path);
  }
  return found;
}

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (statSync(file).isDirectory()) walk(file, out);
    else if (/\.(ts|mjs)$/.test(name)) out.push(file);
  }
  return out;
}

/** Paths of the spec that a source literal names (method not known: the path level). */
export function pathsInSource(root, ops) {
  const match = templateMatcher(ops.map((o) => o.path));
  const src = join(root, 'src');
  const named = new Set();
  for (const file of walk(src)) {
    if (file.startsWith(join(src, 'demo'))) continue;
    for (const literal of sourcePaths(readFileSync(file, 'utf8'))) {
      const template = match(literal);
      if (template) named.add(template);
      // a descriptor's collection path: its items live one segment deeper
      const item = match(`${literal}/{x}`);
      if (item) named.add(item);
    }
  }
  return named;
}

export function coverage(spec, requests, root) {
  const ops = specOperations(spec);
  const { hit, unknown } = operationsOf(requests, ops);
  const inSource = pathsInSource(root, ops);
  // a path in the source counts as untested only when no method of it was sent
  const testedPaths = new Set([...hit].map((key) => key.slice(key.indexOf(' ') + 1)));
  const tags = new Map();
  for (const op of ops) {
    const t = tags.get(op.tag) ?? { tag: op.tag, total: 0, tested: 0, sourceOnly: [], missing: [] };
    t.total += 1;
    if (hit.has(`${op.method} ${op.path}`)) t.tested += 1;
    else {
      t.missing.push(op);
      if (inSource.has(op.path) && !testedPaths.has(op.path)) t.sourceOnly.push(op);
    }
    tags.set(op.tag, t);
  }
  const rows = [...tags.values()].sort((a, b) => a.tag.localeCompare(b.tag));
  const counted = rows.filter((r) => !GENAI_TAGS.has(r.tag));
  const sum = (rs, k) => rs.reduce((n, r) => n + r[k], 0);
  return {
    rows,
    unknown: [...unknown].sort(),
    all: { tested: sum(rows, 'tested'), total: sum(rows, 'total') },
    nonGenAi: { tested: sum(counted, 'tested'), total: sum(counted, 'total') },
  };
}
