// The module worker behind <article-analysis>: loads the wasm once and analyzes each
// text it is sent, so that a multi-megabyte article never blocks the page that shows it.
// The element starts it with `new Worker(new URL(..., import.meta.url), {type: 'module'})`,
// a form bundlers such as Vite recognize and bundle.
//
// In:  `{type: 'init', source}` (first, once: what the glue's `init` accepts, or
//      undefined for the .wasm beside the glue), then `{type: 'analyze', id, text, options}`.
// Out: `{type: 'ready'}` or `{type: 'failed', message}` for the init;
//      `{type: 'analysis', id, analysis}` or `{type: 'analysis', id, error: {name, message}}`.

import init, { analyze } from './article_analyzer.js';

let loading = null;

self.addEventListener('message', async (event) => {
  const { type, id, source, text, options } = event.data;
  if (type === 'init') {
    loading = source === undefined ? init() : init({ module_or_path: source });
    try {
      await loading;
      self.postMessage({ type: 'ready' });
    } catch (error) {
      self.postMessage({ type: 'failed', message: String(error?.message ?? error) });
    }
    return;
  }
  try {
    await loading;
    self.postMessage({ type: 'analysis', id, analysis: analyze(text, options) });
  } catch (error) {
    // A TypeError for a bad argument stays a TypeError on the other side.
    self.postMessage({ type: 'analysis', id, error: { name: error?.name ?? 'Error', message: String(error?.message ?? error) } });
  }
});
