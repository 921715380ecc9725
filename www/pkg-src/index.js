// article-analyzer for browsers, workers and bundlers: `await init()` once (it fetches
// the .wasm beside this module), then `analyze(text, options?)` as often as you like.
// In Node the package's `node` entry (node.js) is loaded instead and needs no init.
//
//   import init, { analyze } from 'article-analyzer';
//   await init();
//   const result = analyze(text, { reference_date: '2023-09-14' });
//
// Two wasm modules: article_analyzer_bg.wasm is all most callers load; the full one,
// article_analyzer_full_bg.wasm, adds your own patterns (the regex crate) and
// `compare`, and is fetched by `await initFull()` only by callers who need those.
// A thin layer over the wasm-bindgen glue (article_analyzer*.js, internal): it says what
// is wrong when a function is called too early, instead of the glue's "Cannot read
// properties of undefined", and sends the work that needs it to the full module.

import loadCore, * as core from './article_analyzer.js';
import loadFull, * as full from './article_analyzer_full.js';

/** The version of the analysis contract (SCHEMA.md) that `analyze` returns. */
export const CONTRACT_VERSION = 1;

let coreLoaded = false;
let fullLoaded = false;

/** Loads and compiles the wasm, once; later calls resolve at once. `source`: what
 *  wasm-bindgen's init takes (`{module_or_path}`: a URL, a Response, bytes or a
 *  WebAssembly.Module); by default the .wasm beside this module. */
export async function init(source) {
  const exports = await loadCore(source);
  coreLoaded = true;
  return exports;
}
export default init;

/** Loads the wasm synchronously from bytes or a WebAssembly.Module (`{module}`). */
export function initSync(source) {
  const exports = core.initSync(source);
  coreLoaded = true;
  return exports;
}

/** Loads the full module, which `options.patterns` and `compare` need; once. `source`
 *  as for `init`, by default article_analyzer_full_bg.wasm beside this module. */
export async function initFull(source) {
  if (fullLoaded) return;
  await loadFull(source);
  fullLoaded = true;
}

/** `initFull` from bytes or a WebAssembly.Module (`{module}`), synchronously. */
export function initFullSync(source) {
  full.initSync(source);
  fullLoaded = true;
}

/** Analyzes one article; see article_analyzer.d.ts for the options and the result. */
export function analyze(text, options) {
  return moduleFor('analyze', options).analyze(text, options);
}

/** Checks the options and compiles their patterns once, for many texts. */
export function createAnalyzer(options) {
  return moduleFor('createAnalyzer', options).createAnalyzer(options);
}

/** `analyze`, telling `onProgress(stage, fraction)` as each stage starts. */
export function analyzeWithProgress(text, options, onProgress) {
  return moduleFor('analyze', options).analyzeWithProgress(text, options, onProgress);
}

/** Compares stories on one event: `[{text, analysis}, ...]` (see article_analyzer.d.ts). */
export function compare(stories) {
  return fullModule('compare()').compare(stories);
}

function moduleFor(name, options) {
  const patterns = options?.patterns;
  if (Array.isArray(patterns) && patterns.length > 0) return fullModule(`${name}() with options.patterns`);
  if (coreLoaded) return core;
  // The full module analyzes too: a caller who loaded only it is served.
  if (fullLoaded) return full;
  throw new Error(
    `article-analyzer: ${name}() was called before the WebAssembly module was loaded. ` +
      'Call `await init()` first (once per page or worker); in Node, import the package ' +
      'by name and it loads itself.',
  );
}

function fullModule(what) {
  if (fullLoaded) return full;
  throw new Error(
    `article-analyzer: ${what} needs the full module (patterns and compare): ` +
      'call `await initFull()` first (once per page or worker); in Node the package loads it itself.',
  );
}
