// Types of apiOperations.mjs for the TypeScript test that checks it (test/unit/apiCoverage.test.ts).
export interface Operation {
  method: string;
  path: string;
  tag: string;
  id: string;
}
export declare const GENAI_TAGS: Set<string>;
export declare function specOperations(spec: { paths?: Record<string, Record<string, { tags?: string[]; operationId?: string }>> }): Operation[];
export declare function templateMatcher(paths: string[]): (path: string) => string | undefined;
export declare function operationsOf(requests: { method: string; path: string }[], ops: Operation[]): { hit: Set<string>; unknown: Set<string> };
export declare function sourcePaths(text: string): Set<string>;
