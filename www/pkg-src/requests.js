// Answers the requests of client.js: the body of the package's worker
// (article-analysis-worker.js), also run on the page's own thread where no worker can
// start. Only client.js speaks this protocol; pages and elements use the client.
//
// In, one message per request:
//   {id, type: 'init', source}     load the wasm (`source`: what `init` accepts;
//                                  undefined: the .wasm beside the package)
//   {id, type: 'analyze', text, options, progress, view}
//                                  `options.patterns`: the second wasm module is
//                                  loaded first (once, beside the package);
//                                  `progress`: send progress messages;
//                                  `view: {items, chars}`: answer with a trimmed view
//                                  and keep the complete result for 'json'
//   {id, type: 'json', of}         the complete result of the view request `of`, as JSON
//   {id, type: 'compare', texts, options}
//                                  analyzes each text and compares them (the full
//                                  module, loaded first, once)
// Out, for request `id`:
//   {id, progress: {stage, fraction}}  zero or more, before the answer (stages: text,
//                                      anatomy, entities, quotes, dates, figures, offsets, result)
//   {id, result}                       the answer: null for init, the Analysis,
//                                      {view, totals, ms} for a view, a string for json,
//                                      {analyses, comparison, ms} for compare
//   {id, error: {name, message}}       a TypeError for a bad argument stays a TypeError

import init, { initFull, analyze, analyzeWithProgress, compare } from './index.js';

/** The complete result of the last view request: `{id, analysis}`. */
let kept = null;
let loading = null;

/** Answers `request`, calling `reply` with each message for it. */
export async function answer(request, reply) {
  const { id } = request;
  try {
    reply({ id, result: await resultOf(request, reply) });
  } catch (error) {
    reply({ id, error: { name: error?.name ?? 'Error', message: String(error?.message ?? error) } });
  }
}

async function resultOf(request, reply) {
  const { id, type } = request;
  if (type === 'init') {
    loading = init(request.source === undefined ? undefined : { module_or_path: request.source });
    await loading;
    return null;
  }
  if (type === 'json') {
    if (kept?.id !== request.of) throw new Error('That result is gone; analyze the text again.');
    return JSON.stringify(kept.analysis, null, 2);
  }
  if (type === 'compare') return compareTexts(request);
  if (type !== 'analyze') throw new TypeError(`unknown request type ${JSON.stringify(type)}`);
  await (loading ??= init());
  if (request.options?.patterns?.length) await initFull();
  const report = request.progress ? (stage, fraction) => reply({ id, progress: { stage, fraction } }) : () => {};
  const started = performance.now();
  const analysis = analyzeWithProgress(request.text, request.options, report);
  const ms = performance.now() - started;
  if (!request.view) return analysis;
  kept = { id, analysis };
  return { ...viewOf(analysis, request.view), ms };
}

/** `{analyses, comparison, ms}` for the stories `texts`, each analyzed with `options`. */
async function compareTexts({ texts, options }) {
  if (!Array.isArray(texts)) throw new TypeError('compare: texts must be an array of strings');
  await (loading ??= init());
  await initFull();
  const started = performance.now();
  const analyses = texts.map((text) => analyze(text, options));
  const comparison = compare(texts.map((text, i) => ({ text, analysis: analyses[i] })));
  return { analyses, comparison, ms: performance.now() - started };
}

/** What a page shows of a result (the first `items` of each list, the mentions in the
 *  first `chars` UTF-16 units), and the true sizes of what it leaves out: on a 5 MB
 *  story the full result is ~120,000 spans, and copying it to the page alone blocks
 *  the page for over a second. */
function viewOf(analysis, { items, chars }) {
  const shown = (span) => span.start < chars;
  const view = {
    ...analysis,
    paragraphs: [],
    captions: analysis.captions.slice(0, items),
    quotes: analysis.quotes.slice(0, items),
    dates: analysis.dates.slice(0, items),
    figures: analysis.figures.slice(0, items),
    matches: analysis.matches.slice(0, items),
    entities: analysis.entities.map((entity) => ({ ...entity, mentions: entity.mentions.filter(shown) })),
  };
  const totals = {
    quotes: analysis.quotes.length,
    dates: analysis.dates.length,
    captions: analysis.captions.length,
    figures: analysis.figures.length,
    matches: analysis.matches.length,
    mentions: analysis.entities.map((entity) => entity.mentions.length),
  };
  return { view, totals };
}
