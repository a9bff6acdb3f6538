// Extracts, from DigitalOcean's OpenAPI file, the JSON Schemas of what the extension lets people
// edit as documents, each standalone (every schema it refers to under $defs), into dist/schemas/:
//   app-spec.json             components.schemas.app_spec (also offered for .do/app.yaml)
//   firewall-rules.json       components.schemas.firewall_rules (inbound_rules, outbound_rules)
//   load-balancer-rules.json  forwarding_rules (forwarding_rule items) and health_check
// The OpenAPI file is ../shared/do-openapi/openapi.json beside the clone (or DO_OPENAPI_JSON);
// the repository keeps no copy of it. Without it the build says so loudly and the editors check
// through the API only.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

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

export const DOCUMENT_SCHEMAS = {
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

export function writeDocumentSchemas(root, outDir) {
  const source = process.env.DO_OPENAPI_JSON ?? resolve(root, '..', 'shared', 'do-openapi', 'openapi.json');
  if (!existsSync(source)) {
    console.warn(`\n!!! ${source} is missing: the document editors (app spec, firewall and load balancer rules) will check through the API only (no schemas in this build).\n`);
    return false;
  }
  const openapi = JSON.parse(readFileSync(source, 'utf8'));
  mkdirSync(outDir, { recursive: true });
  for (const [name, make] of Object.entries(DOCUMENT_SCHEMAS)) writeFileSync(join(outDir, `${name}.json`), JSON.stringify(make(openapi)));
  return true;
}
