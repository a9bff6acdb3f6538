/**
 * A bucket's CORS rules, as far as the editor needs them: a browser (the web build, vscode.dev)
 * reads a bucket's answers only when one of its rules allows the editor's origin, the methods the
 * client uses, the headers it signs with, and exposes the ETag (which multipart uploads read).
 * Pure: no network, no vscode.
 */
import * as l10n from '@vscode/l10n';

export interface CorsRule {
  id?: string;
  origins: string[];
  methods: string[];
  headers: string[];
  exposeHeaders: string[];
  maxAgeSeconds?: number;
}

/** Every method the Spaces client sends. */
export const EDITOR_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'] as const;
/** What the client reads from an answer beyond the headers every browser shows. */
export const EDITOR_EXPOSED = ['ETag', 'x-amz-request-id'] as const;

/**
 * The origin a rule should name for the editor at `origin`. vscode.dev and github.dev run web
 * extensions in an iframe whose origin is a generated subdomain of vscode-cdn.net that changes (by
 * design, microsoft/vscode #175735), so a rule for that exact origin would stop working: S3 allows
 * one "*" in an allowed origin, and the rule names the whole domain instead.
 */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  const cdn = /^[^.]+\.(vscode-cdn\.net)$/.exec(url.hostname);
  return cdn ? `${url.protocol}//*.${cdn[1]}` : url.origin;
}

/** Why an origin (pattern) typed for a rule is not one, or undefined. */
export function originProblem(value: string): string | undefined {
  const v = value.trim();
  if (!/^https?:\/\/[^/\s]+$/.test(v)) return l10n.t('An origin is a scheme and a host, e.g. https://editor.example.com (no path).');
  if ((v.match(/\*/g) ?? []).length > 1) return l10n.t('At most one "*": S3 allows no more.');
  return undefined;
}

/** The rule the editor needs, for an origin pattern. */
export function editorRule(pattern: string): CorsRule {
  return {
    id: 'vscode-digitalocean',
    origins: [pattern],
    methods: [...EDITOR_METHODS],
    headers: ['*'],
    exposeHeaders: [...EDITOR_EXPOSED],
    maxAgeSeconds: 3000,
  };
}

/** S3's match of an allowed origin (one "*" at most, matching any run of characters). */
function originMatches(pattern: string, origin: string): boolean {
  if (pattern === '*') return true;
  const star = pattern.indexOf('*');
  if (star < 0) return pattern === origin;
  const head = pattern.slice(0, star);
  const tail = pattern.slice(star + 1);
  return origin.length >= head.length + tail.length && origin.startsWith(head) && origin.endsWith(tail);
}

const lower = (values: readonly string[]) => values.map((v) => v.toLowerCase());

/**
 * Whether the rule S3 applies to `origin` (the first whose origin and method match) lets the
 * editor work: every method, any header, the ETag exposed.
 */
export function rulesAllowEditor(rules: readonly CorsRule[], origin: string): boolean {
  return EDITOR_METHODS.every((method) => {
    const rule = rules.find((r) => r.origins.some((o) => originMatches(o, origin)) && r.methods.includes(method));
    if (!rule) return false;
    const exposed = lower(rule.exposeHeaders);
    return rule.headers.includes('*') && EDITOR_EXPOSED.every((h) => exposed.includes(h.toLowerCase()));
  });
}

/**
 * The rules with the editor's rule added in front (S3 applies the first rule that matches, so a
 * rule of theirs for "*" would otherwise decide), theirs kept as they are and in their order; a
 * rule of ours from before (same id) is replaced. S3 allows 100 rules.
 */
export function withEditorRule(rules: readonly CorsRule[], rule: CorsRule): CorsRule[] {
  const theirs = rules.filter((r) => r.id !== rule.id);
  if (theirs.length >= 100) throw new Error(l10n.t('The bucket has 100 CORS rules already, the most S3 allows: remove one first.'));
  return [rule, ...theirs];
}

const entities: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };

/** XML's own five entities: what S3 and every XML parser read (numeric references not all do). */
function escapeXml(value: string): string {
  return value.replace(/[<>&'"]/g, (c) => entities[c]);
}

/** PutBucketCors's body. */
export function corsXml(rules: readonly CorsRule[]): string {
  const tag = (name: string, value: string | number) => `<${name}>${escapeXml(String(value))}</${name}>`;
  const rule = (r: CorsRule) =>
    [
      '  <CORSRule>',
      ...(r.id ? [`    ${tag('ID', r.id)}`] : []),
      ...r.origins.map((o) => `    ${tag('AllowedOrigin', o)}`),
      ...r.methods.map((m) => `    ${tag('AllowedMethod', m)}`),
      ...r.headers.map((h) => `    ${tag('AllowedHeader', h)}`),
      ...r.exposeHeaders.map((h) => `    ${tag('ExposeHeader', h)}`),
      ...(r.maxAgeSeconds === undefined ? [] : [`    ${tag('MaxAgeSeconds', r.maxAgeSeconds)}`]),
      '  </CORSRule>',
    ].join('\n');
  return `<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">\n${rules.map(rule).join('\n')}\n</CORSConfiguration>\n`;
}
