/**
 * An app spec as a YAML document: checked against the spec's JSON Schema (ajv: a maintained
 * validator) with each problem placed at its line and column, then proposed to the API
 * (`POST /v2/apps/propose`: validates and prices without changing anything) and saved
 * (`PUT /v2/apps/{id}`). No vscode.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { DigitalOceanClient } from './client';

type Requester = Pick<DigitalOceanClient, 'request'>;
const seg = encodeURIComponent;

export interface SpecProblem {
  message: string;
  /** 0-based. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A compiled checker for one JSON Schema (the app spec's, from dist/app-spec.schema.json). */
export function specValidator(schema: object): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, logger: false });
  return ajv.compile(schema);
}

/** The spec a YAML text holds, and what is wrong with it (YAML errors, then schema errors), placed. */
export function checkSpecText(text: string, validate?: ValidateFunction): { spec?: Record<string, unknown>; problems: SpecProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number, end: number): Omit<SpecProblem, 'message'> => {
    const start = lineCounter.linePos(offset);
    const stop = lineCounter.linePos(Math.max(end, offset));
    return { line: start.line - 1, column: start.col - 1, endLine: stop.line - 1, endColumn: stop.col - 1 };
  };
  if (doc.errors.length > 0) {
    return { problems: doc.errors.map((e) => ({ message: e.message.split('\n')[0], ...at(e.pos[0], e.pos[1]) })) };
  }
  const spec = doc.toJS() as unknown;
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    return { problems: [{ message: 'An app spec is a mapping (name:, region:, services: …).', ...at(0, text.length) }] };
  }
  if (!validate || validate(spec)) return { spec: spec as Record<string, unknown>, problems: [] };
  const problems = (validate.errors ?? []).map((error) => {
    const path = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    // the value at the path, else (a missing property) its parent
    const node = doc.getIn(path, true) ?? doc.getIn(path.slice(0, -1), true);
    const range = isNode(node) && node.range ? at(node.range[0], node.range[1]) : at(0, 0);
    return { message: describe(error), ...range };
  });
  return { spec: spec as Record<string, unknown>, problems: dedupe(problems) };
}

function describe(error: ErrorObject): string {
  const where = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : 'the spec';
  if (error.keyword === 'additionalProperties') return `${where}: unknown property "${String((error.params as { additionalProperty?: string }).additionalProperty)}"`;
  if (error.keyword === 'enum') return `${where}: ${error.message} (${((error.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')})`;
  return `${where}: ${error.message ?? error.keyword}`;
}

function dedupe(problems: SpecProblem[]): SpecProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.column}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface AppProposal {
  app_cost?: number;
  app_tier_upgrade_cost?: number;
  app_name_available?: boolean;
  spec?: Record<string, unknown>;
}

/** Validates and prices a spec on the API; changes nothing. */
export function proposeAppSpec(client: Requester, spec: Record<string, unknown>, appId: string | undefined, signal?: AbortSignal): Promise<AppProposal> {
  return client.request<AppProposal>('POST', '/v2/apps/propose', { body: { spec, ...(appId ? { app_id: appId } : {}) }, signal });
}

/** Replaces an app's spec: a deployment of it starts. */
export async function updateAppSpec(client: Requester, appId: string, spec: Record<string, unknown>, signal?: AbortSignal): Promise<unknown> {
  const body = await client.request<{ app: unknown }>('PUT', `/v2/apps/${seg(appId)}`, { body: { spec }, signal });
  return body.app;
}
