// The Compare view's Web Worker: analyzes every story and compares them, off the page's
// thread. Its own worker (not the page's), so a comparison never waits behind the
// analysis of the story being typed, nor replaces it.
//
// In:  `{id, texts, options}`.
// Out: `{id, analyses, comparison, ms}` or `{id, error}`.

import { initFull, analyze, compare } from './pkg/index.js';

// The full module: compare is there (and it analyzes too).
const ready = initFull();
// A failed load is reported with each request below, not as an unhandled rejection.
ready.catch(() => {});

self.addEventListener('message', async (event) => {
  const { id, texts, options } = event.data;
  try {
    await ready;
  } catch (error) {
    self.postMessage({ id, error: `The analyzer could not load: ${error.message ?? error}` });
    return;
  }
  try {
    const started = performance.now();
    const analyses = texts.map((text) => analyze(text, options));
    const comparison = compare(texts.map((text, i) => ({ text, analysis: analyses[i] })));
    self.postMessage({ id, analyses, comparison, ms: performance.now() - started });
  } catch (error) {
    self.postMessage({ id, error: error.message ?? String(error) });
  }
});
