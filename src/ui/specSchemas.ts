/**
 * The JSON Schemas bundled from DigitalOcean's OpenAPI file (dist/schemas/<name>.json), compiled
 * once each by the documents bundle (ajv, loaded on first use). Used where a spec is checked
 * before it is sent: the resource documents, *Deploy App from Spec…*, and the agents' create tool.
 */
import * as vscode from 'vscode';
import type * as Documents from '../api/documents';

export type Validate = ReturnType<typeof Documents.documentValidator>;

export class SpecSchemas {
  private readonly validators = new Map<string, Promise<Validate | null>>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    readonly checker: () => typeof Documents,
  ) {}

  /** The compiled schema; undefined in a build without the OpenAPI file (the API checks on its own). */
  async validator(schema: string): Promise<Validate | undefined> {
    let validator = this.validators.get(schema);
    if (!validator) {
      validator = (async () => {
        try {
          const file = vscode.Uri.joinPath(this.extensionUri, 'dist', 'schemas', `${schema}.json`);
          return this.checker().documentValidator(JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as object);
        } catch {
          return null;
        }
      })();
      this.validators.set(schema, validator);
    }
    return (await validator) ?? undefined;
  }

  /** A value's problems against the schema, as messages naming the field (JSON is YAML: the documents' check reads it). */
  async problems(schema: string, value: object): Promise<string[]> {
    const validate = await this.validator(schema);
    if (!validate) return [];
    return this.checker()
      .checkDocumentText(JSON.stringify(value), validate)
      .problems.map((p) => p.message);
  }
}
