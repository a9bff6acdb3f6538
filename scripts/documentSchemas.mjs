// Extracts, from DigitalOcean's OpenAPI file, the JSON Schemas of what the extension lets people
// edit as documents, each standalone (every schema it refers to under $defs), into dist/schemas/:
//   app-spec.json             components.schemas.app_spec (also offered for .do/app.yaml)
//   firewall-rules.json       components.schemas.firewall_rules (inbound_rules, outbound_rules)
//   load-balancer-rules.json  forwarding_rules (forwarding_rule items) and health_check
//   database-config-<engine>.json  components.schemas.<engine>_advanced_config, per engine
// The OpenAPI file comes from openapiSpec.mjs (beside the clone, the cache, or fetched at a pinned
// commit); the repository keeps no copy of it. A development build without it says so loudly and
// its editors check through the API only; a production build (what `npm run package` ships) fails.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openapiJson } from './openapiSpec.mjs';

/** A standalone schema whose root is `root`, with every `#/components/schemas/X` it needs as `#/$defs/X`. */
export function standalone(openapi, root, title) {
  const schemas = openapi.components.schemas;
  const defs = {};
  const rewrite = (value) =>
    JSON.parse(
      JSON.stringify(value).replace(/#\/components\/schemas\/([A-Za-z0-9_.-]+)/g, (_, ref) => {
        visit(ref);
        return `#/$defs/${ref}`;
      }),
    );
  function visit(name) {
    if (name in defs || !schemas[name]) return;
    defs[name] = null; // reserved: cycles
    defs[name] = rewrite(schemas[name]);
  }
  const rootSchema = rewrite(root);
  return { $schema: 'http://json-schema.org/draft-07/schema#', title, ...rootSchema, $defs: defs };
}

/** A database engine as the API names it → its advanced configuration's schema in the spec. */
const DATABASE_CONFIGS = { pg: 'postgres', mysql: 'mysql', redis: 'redis', valkey: 'valkey', mongodb: 'mongo', kafka: 'kafka', opensearch: 'opensearch' };

export const DOCUMENT_SCHEMAS = {
  ...Object.fromEntries(
    Object.entries(DATABASE_CONFIGS).map(([engine, name]) => [
      `database-config-${engine}`,
      (o) => standalone(o, { $ref: `#/components/schemas/${name}_advanced_config` }, `DigitalOcean database configuration (${engine})`),
    ]),
  ),
  'app-spec': (o) => standalone(o, { $ref: '#/components/schemas/app_spec' }, 'DigitalOcean App Platform app spec'),
  'firewall-rules': (o) => standalone(o, { $ref: '#/components/schemas/firewall_rules' }, 'DigitalOcean firewall rules'),
  'load-balancer-rules': (o) =>
    standalone(
      o,
      {
        type: 'object',
        required: ['forwarding_rules'],
        properties: {
          forwarding_rules: { type: 'array', minItems: 1, items: { $ref: '#/components/schemas/forwarding_rule' } },
          health_check: { $ref: '#/components/schemas/health_check' },
        },
        additionalProperties: false,
      },
      'DigitalOcean load balancer forwarding rules and health check',
    ),
};

/**
 * Finds (or fetches) the OpenAPI document for the clone at `root`: its path, or undefined after a
 * loud warning. `required` (production builds) turns the warning into an error.
 */
export function documentSchemaSource(root, { required = false } = {}) {
  const found = openapiJson(root);
  if (found.path) return found.path;
  const why = `${found.error}.`;
  if (required)
    throw new Error(
      `${why} A packaged build must carry the document schemas (app spec, firewall and load balancer rules), so it stops here. Set DO_OPENAPI_JSON to a copy of the document, or DO_OPENAPI_SOURCE to a mirror of ${'https://github.com/digitalocean/openapi'}.`,
    );
  console.warn(`\n!!! ${why} The document editors (app spec, firewall and load balancer rules) will check through the API only (no schemas in this build).\n`);
  return undefined;
}

export function writeDocumentSchemas(source, outDir) {
  if (!source) return false;
  const openapi = JSON.parse(readFileSync(source, 'utf8'));
  mkdirSync(outDir, { recursive: true });
  for (const [name, make] of Object.entries(DOCUMENT_SCHEMAS)) writeFileSync(join(outDir, `${name}.json`), JSON.stringify(make(openapi)));
  return true;
}
