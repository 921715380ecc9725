// article-analyzer for browsers, workers and bundlers: `await init()` once (it fetches
// the .wasm beside this module), then `analyze(text, options?)` as often as you like.
// In Node the package's `node` entry (node.js) is loaded instead and needs no init.
//
//   import init, { analyze } from 'article-analyzer';
//   await init();
//   const result = analyze(text, { reference_date: '2023-09-14' });
//
// A thin layer over the wasm-bindgen glue (article_analyzer.js, internal): it keeps the
// glue's functions but says what is wrong when `analyze` is called too early, instead
// of the glue's "Cannot read properties of undefined".

import loadGlue, { initSync as initGlueSync, analyze as analyzeGlue, compare as compareGlue } from './article_analyzer.js';

/** The version of the analysis contract (SCHEMA.md) that `analyze` returns. */
export const CONTRACT_VERSION = 1;

let loaded = false;

/** Loads and compiles the wasm, once; later calls resolve at once. `source`: what
 *  wasm-bindgen's init takes (`{module_or_path}`: a URL, a Response, bytes or a
 *  WebAssembly.Module); by default the .wasm beside this module. */
export async function init(source) {
  const exports = await loadGlue(source);
  loaded = true;
  return exports;
}
export default init;

/** Loads the wasm synchronously from bytes or a WebAssembly.Module (`{module}`). */
export function initSync(source) {
  const exports = initGlueSync(source);
  loaded = true;
  return exports;
}

/** Analyzes one article; see article_analyzer.d.ts for the options and the result. */
export function analyze(text, options) {
  mustBeLoaded('analyze');
  return analyzeGlue(text, options);
}

/** Compares stories on one event: `[{text, analysis}, ...]` (see article_analyzer.d.ts). */
export function compare(stories) {
  mustBeLoaded('compare');
  return compareGlue(stories);
}

function mustBeLoaded(name) {
  if (loaded) return;
  throw new Error(
    `article-analyzer: ${name}() was called before the WebAssembly module was loaded. ` +
      'Call `await init()` first (once per page or worker); in Node, import the package ' +
      'by name and it loads itself.',
  );
}
