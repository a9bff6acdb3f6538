/**
 * Resources edited as YAML documents (app specs, firewall rules, load balancer rules): the text
 * checked against a JSON Schema from DigitalOcean's OpenAPI file (ajv: a maintained validator),
 * each problem placed at its line and column. Loaded on first use, as a bundle of its own
 * (dist/documents.js): ajv is not small. No vscode.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isNode, LineCounter, parseDocument } from 'yaml';
import * as l10n from '@vscode/l10n';

export interface DocumentProblem {
  message: string;
  /** 0-based. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A compiled checker for one JSON Schema (dist/schemas/*.json). */
export function documentValidator(schema: object): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, logger: false });
  return ajv.compile(schema);
}

/** The value a YAML text holds, and what is wrong with it (YAML errors, then schema errors), placed. */
export function checkDocumentText(text: string, validate?: ValidateFunction): { value?: Record<string, unknown>; problems: DocumentProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number, end: number): Omit<DocumentProblem, 'message'> => {
    const start = lineCounter.linePos(offset);
    const stop = lineCounter.linePos(Math.max(end, offset));
    return { line: start.line - 1, column: start.col - 1, endLine: stop.line - 1, endColumn: stop.col - 1 };
  };
  if (doc.errors.length > 0) {
    return { problems: doc.errors.map((e) => ({ message: e.message.split('\n')[0], ...at(e.pos[0], e.pos[1]) })) };
  }
  const spec = doc.toJS() as unknown;
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    return { problems: [{ message: l10n.t('The document is a mapping of keys to values.'), ...at(0, text.length) }] };
  }
  if (!validate || validate(spec)) return { value: spec as Record<string, unknown>, problems: [] };
  const problems = (validate.errors ?? []).map((error) => {
    const path = error.instancePath
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    // the value at the path, else (a missing property) its parent
    const node = doc.getIn(path, true) ?? doc.getIn(path.slice(0, -1), true);
    const range = isNode(node) && node.range ? at(node.range[0], node.range[1]) : at(0, 0);
    return { message: describe(error), ...range };
  });
  return { value: spec as Record<string, unknown>, problems: dedupe(problems) };
}

function describe(error: ErrorObject): string {
  const where = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : l10n.t('the document');
  if (error.keyword === 'additionalProperties')
    return l10n.t('{0}: unknown property "{1}"', where, String((error.params as { additionalProperty?: string }).additionalProperty));
  if (error.keyword === 'enum') return `${where}: ${error.message} (${((error.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')})`;
  return `${where}: ${error.message ?? error.keyword}`;
}

function dedupe(problems: DocumentProblem[]): DocumentProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.column}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
