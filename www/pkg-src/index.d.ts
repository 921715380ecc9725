// The types of the package's main entry (index.js in browsers and bundlers, node.js in
// Node): the analysis contract's types and the functions, from the wasm glue's .d.ts.
export type * from './article_analyzer.js';
export type { InitInput, InitOutput, SyncInitInput } from './article_analyzer.js';
import type { AnalyzeOptions, Analysis, InitInput, InitOutput, SyncInitInput } from './article_analyzer.js';

/** Compares stories on one event: each `{text, analysis}` with the analysis `analyze` gave. */
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
 * Analyzes one article. Never fails on a string; throws a `TypeError` when `text` is not
 * a string or `options` is not an `AnalyzeOptions`, and an `Error` when called in a
 * browser before `init()` has resolved.
 */
export declare function analyze(text: string, options?: AnalyzeOptions | null): Analysis;
