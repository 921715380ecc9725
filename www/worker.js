// The page's Web Worker: loads the wasm once and analyzes each text it is sent, so a
// multi-megabyte paste never blocks typing.
//
// In:  `{type: 'analyze', id, text, options}` and `{type: 'json', id}`.
// Out: `{type: 'analysis', id, view, totals, ms}` or `{type: 'analysis', id, error}`;
//      `{type: 'json', id, json}` or `{type: 'json', id, error}`.
//
// The page gets a *view* of the result, not all of it: on a 5 MB story the full result
// is ~120,000 spans, and copying it into the page (structured clone) alone blocks the
// page for over a second. The view keeps what the page shows (the first `VIEW_ITEMS`
// of each list, the mentions inside the first `VIEW_CHARS` of text) plus the totals;
// the complete result stays here and goes out as JSON for copy and download.

import init, { analyze } from './pkg/article_analyzer.js';

/** Match render.js's caps: the page shows no more than this. */
const VIEW_ITEMS = 200;
const VIEW_CHARS = 100_000;

const ready = init();
// A failed load is reported with each request below, not as an unhandled rejection.
ready.catch(() => {});

let last = null; // {id, analysis}

self.addEventListener('message', async (event) => {
  const { type, id } = event.data;
  if (type === 'json') {
    if (last?.id === id) self.postMessage({ type, id, json: JSON.stringify(last.analysis, null, 2) });
    else self.postMessage({ type, id, error: 'That result is gone; wait for the analysis to finish.' });
    return;
  }
  try {
    await ready;
  } catch (error) {
    self.postMessage({ type: 'analysis', id, error: `The analyzer could not load: ${error.message ?? error}` });
    return;
  }
  const started = performance.now();
  try {
    const analysis = analyze(event.data.text, event.data.options);
    const ms = performance.now() - started;
    last = { id, analysis };
    self.postMessage({ type: 'analysis', id, ...viewOf(analysis), ms });
  } catch (error) {
    self.postMessage({ type: 'analysis', id, error: error.message ?? String(error) });
  }
});

/** What the page renders, and the true sizes of what it leaves out. */
function viewOf(analysis) {
  const shown = (span) => span.start < VIEW_CHARS;
  const view = {
    ...analysis,
    paragraphs: [], // not rendered
    captions: analysis.captions.slice(0, VIEW_ITEMS),
    quotes: analysis.quotes.slice(0, VIEW_ITEMS),
    dates: analysis.dates.slice(0, VIEW_ITEMS),
    entities: analysis.entities.map((entity) => ({ ...entity, mentions: entity.mentions.filter(shown) })),
  };
  const totals = {
    quotes: analysis.quotes.length,
    dates: analysis.dates.length,
    captions: analysis.captions.length,
    mentions: analysis.entities.map((entity) => entity.mentions.length),
  };
  return { view, totals };
}
