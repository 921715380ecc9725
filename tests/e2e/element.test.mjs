// The package as another site uses it: www/embed.html (only the package's module) and
// the <article-analysis> element, in headless Chromium.
//
// `show(text, analysis)` renders a result computed elsewhere; the tests use it with a
// result built here from the seed story (offsets found with indexOf), so the rendering
// of speakers, roles, entity groups and the dateline is checked even while the
// extractors on this branch find little.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fixtures, nodeAnalyze } from './fixtures.mjs';
import { openSite } from './browser.mjs';

let env;
before(async () => {
  env = await openSite();
});
after(async () => {
  await env?.close();
});

/** A span of `text` at the first `word` after `from`. */
function span(text, word, from = 0) {
  const start = text.indexOf(word, from);
  assert.ok(start >= 0, `${word} is in the story`);
  return { text: word, start, end: start + word.length };
}

/** A hand-made analysis of the Yonhap seed story, the shape of the contract. */
function handMade(text) {
  const quoteStart = text.indexOf('"At the end') + 1;
  const quoteEnd = text.indexOf('," the KCNA reported');
  const kcna = span(text, 'KCNA', quoteEnd);
  const kim = span(text, 'Kim Jong-un');
  return {
    version: 1,
    offsets: 'utf16',
    headline: null,
    byline: { ...span(text, 'By Chae Yun-hwan'), names: ['Chae Yun-hwan'] },
    notes: [],
    dateline: {
      ...span(text, 'SEOUL, Sept. 14 (Yonhap) --'),
      location: 'SEOUL',
      place: 'Seoul',
      date: { ...span(text, 'Sept. 14'), year: 2023, month: 9, day: 14 },
      source: 'Yonhap',
    },
    captions: [],
    end_marker: null,
    emails: [],
    paragraphs: [],
    quotes: [
      {
        text: text.slice(quoteStart, quoteEnd),
        start: quoteStart,
        end: quoteEnd,
        kind: 'full',
        speaker: { ...kcna, name: 'Korean Central News Agency', entity: 1 },
        cue: span(text, 'reported', quoteEnd),
      },
      {
        ...span(text, 'significant'),
        kind: 'partial',
        speaker: { ...span(text, 'Kim', text.indexOf('During the meeting')), name: 'Kim Jong-un', entity: 0 },
        cue: span(text, 'said', text.indexOf('During the meeting')),
      },
    ],
    entities: [
      { name: 'Kim Jong-un', type: 'person', subtype: null, mentions: [kim], aliases: ['Kim Jong Un'], role: 'North Korean leader' },
      { name: 'Korean Central News Agency', type: 'organization', subtype: 'agency', mentions: [kcna], aliases: ['KCNA'], role: null },
      { name: 'Seoul', type: 'location', subtype: 'city', mentions: [span(text, 'SEOUL')], aliases: [], role: null },
      { name: '<img src=x onerror="window.__pwned=1">', type: 'misc', subtype: null, mentions: [], aliases: [], role: null },
    ],
    dates: [{ ...span(text, 'Thursday'), value: '2023-09-14' }],
  };
}

test('the embedding page analyzes its article with the element alone', async () => {
  const page = await env.newPage();
  await page.goto(env.url('/embed.html'));
  const element = page.locator('article-analysis');
  await element.locator('.aa-breakdown').waitFor();
  const story = await page.evaluate(() => document.getElementById('story').innerText);
  const analysis = await nodeAnalyze(story);
  // The element shows what the package's analyze returns for the story it points at.
  assert.deepEqual(await page.evaluate(() => document.querySelector('article-analysis').analysis), analysis);
  assert.equal(await element.locator('[data-quote]').count(), analysis.quotes.length);
  assert.equal(await element.locator('[data-entity]').count(), analysis.entities.length);
  assert.equal(await element.locator('[data-dateline]').count(), analysis.dateline ? 1 : 0);

  // Editing the article re-analyzes it.
  const seen = page.evaluate(
    () => new Promise((resolve) => document.querySelector('article-analysis').addEventListener('analysis', (e) => resolve(e.detail.paragraphs.length), { once: true })),
  );
  await page.evaluate(() => {
    document.getElementById('story').append('\n\n"A new paragraph," a reader said.');
  });
  assert.ok((await seen) >= 1);
  assert.deepEqual(env.problems(), []);
  await page.close();
});

test('reported speech is listed apart from quotations, and the direct filter hides it', async () => {
  const page = await env.newPage();
  await page.goto(env.url('/embed.html'));
  await page.locator('article-analysis .aa-breakdown').waitFor();
  const text = fixtures().find(({ name }) => name.startsWith('yonhap')).text;
  const analysis = handMade(text);
  const meeting = text.indexOf('During the meeting');
  analysis.quotes.splice(1, 0, {
    ...span(text, 'his latest trip to Russia marks a "significant" occasion', meeting),
    kind: 'indirect',
    speaker: { ...span(text, 'Kim', meeting), name: 'Kim Jong-un', entity: 0 },
    cue: span(text, 'said', meeting),
  });
  await page.evaluate(([text, analysis]) => {
    const element = document.createElement('article-analysis');
    element.id = 'reported';
    element.setAttribute('show-text', '');
    document.body.append(element);
    element.show(text, analysis);
  }, [text, analysis]);
  const element = page.locator('#reported');
  const quotes = element.locator('[data-quote]');
  assert.equal(await quotes.count(), 3);
  assert.equal(await quotes.nth(1).getAttribute('data-kind'), 'indirect');
  // The reporter's wording gets no quotation marks; the partial quote inside keeps its own.
  assert.equal(await quotes.nth(1).locator('.aa-quote-text').evaluate((n) => n.tagName), 'SPAN');
  assert.equal(await quotes.nth(2).locator('.aa-quote-text').evaluate((n) => n.tagName), 'Q');
  assert.ok((await element.locator('.aa-quote-indirect').count()) >= 1, 'highlighted in the text');
  assert.ok((await element.locator('.aa-quote-indirect.aa-quote-partial').count()) >= 1, 'the partial quote inside');

  await element.locator('.aa-quotes select').first().selectOption('direct');
  assert.equal(await quotes.nth(1).isHidden(), true);
  assert.equal(await quotes.nth(2).isHidden(), false);
  await element.locator('.aa-quotes select').first().selectOption('');
  assert.equal(await quotes.nth(1).isHidden(), false);
  assert.deepEqual(env.problems(), []);
  await page.close();
});

test('the element renders speakers, roles, entity types and the dateline, as text', async () => {
  const page = await env.newPage();
  await page.goto(env.url('/embed.html'));
  await page.locator('article-analysis .aa-breakdown').waitFor();
  const text = fixtures().find(({ name }) => name.startsWith('yonhap')).text;
  const analysis = handMade(text);
  await page.evaluate(([text, analysis]) => {
    const element = document.createElement('article-analysis');
    element.id = 'made';
    element.setAttribute('show-text', '');
    document.body.append(element);
    element.show(text, analysis);
  }, [text, analysis]);
  const element = page.locator('#made');

  const quotes = element.locator('[data-quote]');
  assert.equal(await quotes.count(), 2);
  assert.equal(await quotes.nth(0).locator('[data-speaker]').textContent(), 'Korean Central News Agency');
  assert.equal(await quotes.nth(1).locator('[data-speaker]').textContent(), 'Kim Jong-un');
  assert.match(await quotes.nth(1).textContent(), /North Korean leader/);
  assert.equal(await quotes.nth(1).getAttribute('data-kind'), 'partial');

  // Entities grouped by type, in the contract's order.
  assert.deepEqual(
    await element.locator('[data-entity]').evaluateAll((items) => items.map((i) => i.dataset.type)),
    ['person', 'organization', 'location', 'misc'],
  );
  assert.match(await element.locator('[data-entity][data-type="organization"]').textContent(), /also KCNA/);
  // A name that looks like HTML is text.
  assert.equal(await element.locator('[data-entity][data-type="misc"] .aa-entity-name').textContent(), '<img src=x onerror="window.__pwned=1">');
  assert.equal(await element.locator('img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);

  const dateline = await element.locator('[data-dateline]').textContent();
  for (const part of ['Seoul', 'Yonhap', '2023']) assert.ok(dateline.includes(part), dateline);

  // The text is whole, with the quote and speaker highlighted at their offsets.
  assert.equal(await element.locator('.aa-text').evaluate((node) => node.firstChild.textContent + [...node.childNodes].slice(1).map((n) => n.textContent).join('')), text);
  assert.equal(
    await element.locator('.aa-text [data-refs~="quote-0"].aa-quote').evaluateAll((runs) => runs.map((r) => r.textContent).join('')),
    analysis.quotes[0].text,
  );
  assert.equal(await element.locator('.aa-text .aa-speaker').first().textContent(), 'KCNA');

  // Pointing at an entity marks its mentions in the text; clicking selects it.
  await element.locator('[data-entity][data-type="person"]').hover();
  assert.equal(await element.locator('.aa-text .aa-person.aa-linked').textContent(), 'Kim Jong-un');
  await element.locator('[data-quote]').nth(1).click();
  assert.equal(await element.locator('.aa-text .aa-selected.aa-quote').textContent(), 'significant');
  // And back: pointing at a run of text marks its list item.
  await element.locator('.aa-text .aa-organization').hover();
  assert.equal(await element.locator('[data-entity].aa-linked .aa-entity-name').textContent(), 'Korean Central News Agency');

  // Filtering quotes by speaker.
  await element.locator('.aa-filter select').selectOption('Kim Jong-un');
  assert.deepEqual(await quotes.evaluateAll((items) => items.map((item) => item.hidden)), [true, false]);

  // Restyled through a custom property set outside the shadow root.
  const accent = await element.locator('[data-quote].aa-selected').evaluate((node) => getComputedStyle(node).borderTopColor);
  assert.equal(accent, 'rgb(192, 24, 106)'); // embed.html sets --aa-accent: #c0186a

  assert.deepEqual(env.problems(), []);
  await page.close();
});

test('the element reads its own text, and the text property overrides it', async () => {
  const page = await env.newPage();
  await page.goto(env.url('/embed.html'));
  const own = 'ROME, May 2 (ANSA) - "It is done," the minister said.';
  const other = 'Another text, said nobody.';
  const results = await page.evaluate(async ([own, other]) => {
    const element = document.createElement('article-analysis');
    element.textContent = own;
    const first = new Promise((resolve) => element.addEventListener('analysis', (e) => resolve(e.detail), { once: true }));
    document.body.append(element);
    const fromContent = await first;
    element.text = other;
    return { fromContent, fromProperty: await element.refresh() };
  }, [own, other]);
  assert.deepEqual(results.fromContent, await nodeAnalyze(own));
  assert.deepEqual(results.fromProperty, await nodeAnalyze(other));
  assert.deepEqual(env.problems(), []);
  await page.close();
});

/** Adds an <article-analysis> to the page with `text` and `attributes`; resolves with
 *  its first `analysis` or `analysis-error` event as `{analysis}` or `{error: {name, message}}`. */
function addElement(page, text, attributes = {}) {
  return page.evaluate(
    ([text, attributes]) =>
      new Promise((resolve) => {
        const element = document.createElement('article-analysis');
        for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
        element.addEventListener('analysis', (e) => resolve({ analysis: e.detail }), { once: true });
        element.addEventListener('analysis-error', (e) => resolve({ error: { name: e.detail.name, message: e.detail.message } }), { once: true });
        element.text = text;
        document.body.append(element);
      }),
    [text, attributes],
  );
}

test('the element analyzes in a module worker: a 2 MB article does not block the page', async (t) => {
  const page = await env.newPage();
  const workers = [];
  page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
  await page.goto(env.url('/embed.html'));
  await page.locator('article-analysis .aa-breakdown').waitFor();
  assert.deepEqual(workers, ['/pkg/article-analysis-worker.js']);

  const seed = fixtures().find(({ name }) => name.startsWith('yonhap')).text;
  const copies = Math.ceil(2_000_000 / (seed.length + 2));
  const big = `${seed}\n\n`.repeat(copies);
  // Built in the page too: handing it 2 MB through the test's channel is slow.
  await page.evaluate(([seed, copies]) => {
    window.big = `${seed}\n\n`.repeat(copies);
  }, [seed, copies]);
  // The page's longest task while the element analyzes, against the time it takes.
  const { wall, longest, quotes, lastEnd } = await page.evaluate(async () => {
    const tasks = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask' });
    const element = document.querySelector('article-analysis');
    const started = performance.now();
    const done = new Promise((resolve) => element.addEventListener('analysis', (e) => resolve(e.detail), { once: true }));
    element.text = window.big;
    const analysis = await done;
    const wall = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the observer report
    observer.disconnect();
    const lastEnd = analysis.paragraphs.at(-1)?.end ?? 0;
    return { wall, longest: Math.max(0, ...tasks), quotes: analysis.quotes.length, lastEnd };
  });
  t.diagnostic(`2 MB in the element: ${Math.round(wall)} ms to the result, longest main-thread task ${Math.round(longest)} ms`);
  // The whole text was analyzed (its last copy too), not a cut.
  assert.ok(lastEnd > big.length - seed.length, `the last paragraph ends at ${lastEnd} of ${big.length}`);
  assert.ok(quotes >= copies, `${quotes} quotes in ${copies} copies of a story with quotes`);
  assert.ok(longest < wall / 4, `the page was blocked for ${Math.round(longest)} ms of ${Math.round(wall)} ms`);
  assert.deepEqual(workers, ['/pkg/article-analysis-worker.js'], 'one worker for the page');

  // A new text while the big one is analyzed: it waits, and only it is shown.
  const small = 'OSLO, May 2 (NTB) - "It is done," the minister said.';
  const shown = await page.evaluate(async (small) => {
    const element = document.querySelector('article-analysis');
    const events = [];
    element.addEventListener('analysis', (e) => events.push(e.detail));
    element.text = `${window.big} `;
    const first = element.refresh();
    await new Promise((resolve) => setTimeout(resolve, 50));
    element.text = small;
    const second = element.refresh();
    const [a, b] = await Promise.all([first, second]);
    return { events: events.length, same: a === b, shown: element.analysis };
  }, small);
  assert.deepEqual(shown, { events: 1, same: true, shown: await nodeAnalyze(small) });

  // A bad option comes back from the worker as a TypeError.
  const { error } = await addElement(page, 'Some text.', { 'reference-date': '2023-13-45' });
  assert.equal(error.name, 'TypeError');
  assert.match(error.message, /reference_date/);
  assert.deepEqual(env.problems(), []);
  await page.close();
});

test('without Worker the element analyzes on the main thread, with the same results', async () => {
  const page = await env.newPage();
  await page.addInitScript(() => {
    delete window.Worker;
  });
  await page.goto(env.url('/embed.html'));
  await page.locator('article-analysis .aa-breakdown').waitFor();
  const story = await page.evaluate(() => document.getElementById('story').innerText);
  assert.deepEqual(await page.evaluate(() => document.querySelector('article-analysis').analysis), await nodeAnalyze(story));
  const text = 'ROME, May 2 (ANSA) - "It is done," the minister said on Thursday.';
  const { analysis } = await addElement(page, text, { 'reference-date': '2023-05-01' });
  assert.deepEqual(analysis, await nodeAnalyze(text, { reference_date: '2023-05-01' }));
  const { error } = await addElement(page, 'Some text.', { 'reference-date': 'soon' });
  assert.equal(error.name, 'TypeError');
  assert.deepEqual(env.problems(), []);
  await page.close();
});

test('no request left 127.0.0.1 and no console error was seen', () => {
  // browser.mjs records (and blocks) requests to anywhere but the local server.
  assert.deepEqual(env.problems(), []);
});
