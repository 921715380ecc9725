// The package's worker client (www/pkg-src/client.js) in headless Chromium: the one way
// the page and <article-analysis> analyze. Results as in Node, typed errors, progress
// with stages and fractions, cancellation by replacing the worker, and requests on a
// channel superseding each other.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fixtures, nodeAnalyze } from './fixtures.mjs';
import { openSite } from './browser.mjs';

let env;
let page;
const workers = [];
before(async () => {
  env = await openSite();
  page = await env.newPage();
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto(env.url('/embed.html'));
  await page.evaluate(async () => {
    const { AnalyzerClient } = await import('/pkg/client.js');
    window.client = new AnalyzerClient();
  });
});
after(async () => {
  await env?.close();
});

const seed = fixtures().find(({ name }) => name.startsWith('yonhap')).text;

/** Builds `window.big` in the page: the seed story repeated to about `bytes`. */
async function makeBig(bytes) {
  await page.evaluate(([seed, copies]) => {
    window.big = `${seed}\n\n`.repeat(copies);
  }, [seed, Math.ceil(bytes / (seed.length + 2))]);
}

test('analyze runs in a worker and gives what the package gives in Node', async () => {
  const result = await page.evaluate(async (text) => {
    const analysis = await window.client.analyze(text, { reference_date: '2023-09-14' });
    return { analysis, inWorker: window.client.inWorker };
  }, seed);
  assert.equal(result.inWorker, true);
  assert.deepEqual(result.analysis, await nodeAnalyze(seed, { reference_date: '2023-09-14' }));
  assert.ok(workers.some((url) => url.endsWith('/pkg/article-analysis-worker.js')), workers.join());
});

test('a bad option comes back as a TypeError, and the client keeps working', async () => {
  const result = await page.evaluate(async () => {
    const error = await window.client.analyze('x', { reference_date: 'soon' }).catch((e) => e);
    const unknown = await window.client.analyze('x', { bogus: 1 }).catch((e) => e);
    const after = await window.client.analyze('Kim said "yes" on Monday.');
    return { error: [error.constructor.name, error.message], unknown: unknown.name, after: after.version };
  });
  assert.equal(result.error[0], 'TypeError');
  assert.match(result.error[1], /reference_date/);
  assert.equal(result.unknown, 'TypeError');
  assert.equal(result.after, 1);
});

test('progress: every stage in order, fractions rising from 0 to below 1', async () => {
  const seen = await page.evaluate(async (text) => {
    const seen = [];
    await window.client.analyze(text, null, { onProgress: (p) => seen.push(p) });
    return seen;
  }, seed);
  assert.deepEqual(seen.map((p) => p.stage), ['text', 'anatomy', 'entities', 'quotes', 'dates', 'figures', 'offsets', 'result']);
  assert.equal(seen[0].fraction, 0);
  for (let i = 1; i < seen.length; i++) assert.ok(seen[i].fraction > seen[i - 1].fraction, JSON.stringify(seen));
  assert.ok(seen.at(-1).fraction < 1);
});

test('aborting a running analysis ends it at once by replacing the worker', async () => {
  await makeBig(3_000_000);
  const before = workers.length;
  const result = await page.evaluate(async () => {
    const controller = new AbortController();
    const stages = [];
    const started = performance.now();
    const running = window.client.analyze(window.big, null, {
      signal: controller.signal,
      onProgress: ({ stage }) => {
        stages.push(stage);
        if (stage === 'entities') controller.abort();
      },
    });
    const error = await running.catch((e) => e);
    const abortedAfter = performance.now() - started;
    // The full analysis, for comparison, and a request after the abort.
    const fullStarted = performance.now();
    const full = await window.client.analyze(window.big);
    const fullMs = performance.now() - fullStarted;
    return { name: error.name, stages, abortedAfter, fullMs, quotes: full.quotes.length };
  });
  assert.equal(result.name, 'AbortError');
  assert.deepEqual(result.stages.slice(0, 3), ['text', 'anatomy', 'entities']);
  assert.ok(!result.stages.includes('quotes'), `the analysis went on: ${result.stages}`);
  assert.ok(result.quotes > 0);
  assert.ok(workers.length > before, 'a new worker replaced the aborted one');
});

test('on one channel a newer request supersedes: a waiting one is dropped, a long-running one ended', async () => {
  await makeBig(3_000_000);
  const result = await page.evaluate(async () => {
    const client = window.client;
    const settle = (promise) => promise.then((a) => `done ${a.version}`, (e) => e.name);
    let running;
    const entered = new Promise((resolve) => (running = resolve));
    const first = settle(client.analyze(window.big, null, { channel: 'c', onProgress: ({ stage }) => stage === 'anatomy' && running() }));
    // Another channel's request waits behind it; it is not touched.
    const other = settle(client.analyze('OSLO (NTB) - "Fine," she said.', null, { channel: 'other' }));
    await entered;
    await new Promise((resolve) => setTimeout(resolve, 300)); // running for over 250 ms
    const second = settle(client.analyze(window.big, null, { channel: 'c' })); // waits...
    const third = settle(client.analyze('ROME (ANSA) - "Done," he said.', null, { channel: 'c' })); // ...and is dropped
    return { first: await first, other: await other, second: await second, third: await third };
  });
  assert.deepEqual(result, { first: 'AbortError', other: 'done 1', second: 'AbortError', third: 'done 1' });
});

test('analyzeView trims what a page shows and keeps the whole result for json()', async () => {
  const result = await page.evaluate(async (text) => {
    const { view, totals, ms, json } = await window.client.analyzeView(text, null, { items: 1, chars: 200 });
    return { view, totals, ms, whole: JSON.parse(await json()) };
  }, seed);
  const whole = await nodeAnalyze(seed);
  assert.deepEqual(result.whole, whole);
  assert.equal(result.view.quotes.length, Math.min(1, whole.quotes.length));
  assert.equal(result.totals.quotes, whole.quotes.length);
  assert.deepEqual(result.totals.mentions, whole.entities.map((e) => e.mentions.length));
  assert.ok(result.view.entities.every((e) => e.mentions.every((m) => m.start < 200)));
  assert.ok(result.ms > 0);
});

test('compare analyzes and compares in the worker, as the package does in Node; patterns load the full module', async () => {
  const [yonhap, efe] = ['yonhap', 'efe'].map((agency) => fixtures().find(({ name }) => name.startsWith(agency)).text);
  const options = { reference_date: '2023-09-14' };
  const result = await page.evaluate(async ([texts, options]) => {
    const answer = await window.client.compare(texts, options);
    const bad = await window.client.compare('not a list').catch((e) => [e.name, e.message]);
    const withPatterns = await window.client.analyze('HB 12 passed.', { patterns: [{ label: 'bill', regex: 'HB \\d+' }] });
    const badPattern = await window.client.analyze('x', { patterns: [{ label: 'b', regex: '(' }] }).catch((e) => [e.name, e.message]);
    return { ...answer, bad, matches: withPatterns.matches.map((m) => m.text), badPattern };
  }, [[yonhap, efe], options]);
  const node = await import('../../www/pkg/node.js');
  const analyses = [yonhap, efe].map((text) => node.analyze(text, options));
  assert.deepEqual(result.analyses, analyses);
  assert.deepEqual(result.comparison, node.compare([yonhap, efe].map((text, i) => ({ text, analysis: analyses[i] }))));
  assert.equal(result.comparison.quotes[0].speaker, 'Korean Central News Agency');
  assert.equal(typeof result.ms, 'number');
  assert.deepEqual(result.bad, ['TypeError', 'compare: texts must be an array of strings']);
  assert.deepEqual(result.matches, ['HB 12']);
  assert.equal(result.badPattern[0], 'TypeError');
  assert.match(result.badPattern[1], /patterns\[0\]\.regex: /);
});

test('no console error and no request left 127.0.0.1', () => {
  assert.deepEqual(env.problems(), []);
});
