// Types of gates.mjs for the TypeScript tests that check it (test/unit/harnessGates.test.ts).
export declare function mochaArgs(mochaBin: string, reporter: string, files: string[]): string[];
export declare const SUITES: string[];
export declare const ALLOWED_SKIPS: Record<string, string>;
export declare function parseOnly(argv: string[]): Set<string> | undefined;
export declare function grepPolicy(env: Record<string, string | undefined>): { grep?: string; error?: string; note?: string };
export declare function skipVerdict(pendingTitles: string[], ci: boolean, allowed?: Record<string, string>): { fail: boolean; note: string } | undefined;
export declare function forwardedCount(prismOutput: string): number;
export declare function prismVerdict(stage: string, counts: { forwarded: number; apiUrl?: string; prismUrl: string; fakeUrl?: string }): string | undefined;
export declare function requestsIn(prismOutput: string): { method: string; path: string }[];
