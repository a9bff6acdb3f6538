// Extracts the App Platform spec's JSON Schema (`components.schemas.app_spec` and everything it
// refers to) from DigitalOcean's OpenAPI file into one standalone schema, for the spec editor
// (dist/app-spec.schema.json) and for YAML validation of .do/app.yaml. The OpenAPI file is
// ../shared/do-openapi/openapi.json beside the clone (or DO_OPENAPI_JSON); the repository keeps
// no copy of it. Without it the build says so loudly and the editor validates through the API
// only (its propose call).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function appSpecSchemaFrom(openapi) {
  const schemas = openapi.components.schemas;
  const defs = {};
  const visit = (name) => {
    if (defs[name] || !schemas[name]) return;
    defs[name] = null; // reserve: cycles
    const text = JSON.stringify(schemas[name]).replace(/#\/components\/schemas\/([A-Za-z0-9_.-]+)/g, (_, ref) => {
      visit(ref);
      return `#/$defs/${ref}`;
    });
    defs[name] = JSON.parse(text);
  };
  visit('app_spec');
  return { $schema: 'http://json-schema.org/draft-07/schema#', title: 'DigitalOcean App Platform app spec', $ref: '#/$defs/app_spec', $defs: defs };
}

export function writeAppSpecSchema(root, outFile) {
  const source = process.env.DO_OPENAPI_JSON ?? resolve(root, '..', 'shared', 'do-openapi', 'openapi.json');
  if (!existsSync(source)) {
    console.warn(`\n!!! ${source} is missing: the app spec editor will validate through the API only (no schema in this build).\n`);
    return false;
  }
  writeFileSync(outFile, JSON.stringify(appSpecSchemaFrom(JSON.parse(readFileSync(source, 'utf8')))));
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) writeAppSpecSchema(process.cwd(), join(process.cwd(), 'dist', 'app-spec.schema.json'));
