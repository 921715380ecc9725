// The page's Web Worker: loads the wasm once and analyzes each text it is sent, so a
// multi-megabyte paste never blocks typing. Messages in: `{id, text, options}`;
// messages out: `{id, analysis, ms}` or `{id, error}`. The page keeps at most one
// request in flight and terminates the worker when a newer text supersedes a slow one.

import init, { analyze } from './pkg/article_analyzer.js';

const ready = init();
// A failed load is reported with each request below, not as an unhandled rejection.
ready.catch(() => {});

self.addEventListener('message', async (event) => {
  const { id, text, options } = event.data;
  try {
    await ready;
  } catch (error) {
    self.postMessage({ id, error: `The analyzer could not load: ${error.message ?? error}` });
    return;
  }
  const started = performance.now();
  try {
    const analysis = analyze(text, options);
    self.postMessage({ id, analysis, ms: performance.now() - started });
  } catch (error) {
    self.postMessage({ id, error: error.message ?? String(error) });
  }
});
