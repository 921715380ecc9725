// The types of the package's main entry (index.js in browsers and bundlers, node.js in
// Node): the analysis contract's types and the functions, from the wasm glue's .d.ts.
export type * from './article_analyzer.js';
export type { InitInput, InitOutput, SyncInitInput } from './article_analyzer.js';
import type { AnalyzeOptions, Analysis, CompiledAnalyzer, InitInput, InitOutput, SyncInitInput } from './article_analyzer.js';

/**
 * Compares stories on one event: each `{text, analysis}` with the analysis `analyze` gave.
 * Needs `initFull()` in a browser (an `Error` says so).
 */
export { compare } from './article_analyzer.js';

/** The version of the analysis contract (SCHEMA.md) that `analyze` returns. */
export declare const CONTRACT_VERSION: 1;

/**
 * Loads and compiles the wasm, once (later calls resolve at once); by default the .wasm
 * beside the package. In Node the package loads itself and this resolves at once.
 */
export declare function init(
  source?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<InitOutput>;
export default init;

/** Loads the wasm synchronously from its bytes or a compiled `WebAssembly.Module`. */
export declare function initSync(source: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * Loads the full wasm module, which `options.patterns` (the regex engine) and `compare`
 * need, once; by default article_analyzer_full_bg.wasm beside the package. Callers who
 * need neither never load it. In Node the package loads it itself.
 */
export declare function initFull(
  source?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<void>;

/** `initFull` from the full module's bytes or a compiled `WebAssembly.Module`. */
export declare function initFullSync(source: { module: SyncInitInput } | SyncInitInput): void;

/**
 * Analyzes one article. Never fails on a string; throws a `TypeError` when `text` is not
 * a string or `options` is not an `AnalyzeOptions`, and an `Error` when called in a
 * browser before `init()` has resolved (with `options.patterns`: `initFull()`).
 */
export declare function analyze(text: string, options?: AnalyzeOptions | null): Analysis;

/**
 * Checks the options and compiles their patterns once, for many texts. Throws a
 * `TypeError` naming a bad pattern (`patterns[2].regex: unclosed group at 5`), and an
 * `Error` when there are patterns and `initFull()` has not resolved.
 */
export declare function createAnalyzer(options?: AnalyzeOptions | null): CompiledAnalyzer;

/** `analyze`, calling `onProgress(stage, fraction)` as each stage starts. */
export declare function analyzeWithProgress(
  text: string,
  options: AnalyzeOptions | null | undefined,
  onProgress: (stage: string, fraction: number) => void,
): Analysis;
