/**
 * The document checker, on app specs: YAML errors and schema errors placed at the line and column of the
 * value at fault (or of its parent mapping, for a missing property), against the schema the
 * build extracts from DigitalOcean's OpenAPI file.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { checkDocumentText, documentValidator } from '../../src/api/documents';

const SCHEMA = 'dist/schemas/app-spec.json';

describe('Document checker (app specs)', () => {
  const validate = () => {
    assert.ok(existsSync(SCHEMA), `${SCHEMA} is missing: the build extracts it from ../shared/do-openapi/openapi.json`);
    return documentValidator(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  };

  it('accepts a valid spec and places each schema error on its value', () => {
    const v = validate();
    assert.deepEqual(checkDocumentText('name: shop\nregion: nyc\nservices:\n  - name: web\n    instance_count: 2\n', v).problems, []);
    const text = 'name: shop\nregion: mars\nservices:\n  - name: web\n    instance_count: lots\n';
    const { problems } = checkDocumentText(text, v);
    const region = problems.find((p) => p.message.startsWith('region:'));
    const count = problems.find((p) => p.message.startsWith('services.0.instance_count:'));
    assert.deepEqual([region?.line, region?.column], [1, 8]);
    assert.deepEqual([count?.line, count?.column], [4, 20]);
    assert.match(region!.message, /must be equal to one of the allowed values \(.*nyc.*\)/);
  });

  it('places YAML syntax errors, and refuses a spec that is not a mapping', () => {
    const broken = checkDocumentText('name: shop\nservices:\n  - name: web\n   bad indent: [\n', validate());
    assert.ok(broken.problems.length > 0 && broken.value === undefined);
    assert.ok(
      broken.problems.every((p) => p.line >= 2),
      JSON.stringify(broken.problems),
    );
    assert.match(checkDocumentText('- just\n- a list\n').problems[0].message, /a mapping/);
  });
});
