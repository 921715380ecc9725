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

  // Who said what: the quotes under their speaker, the one who says most first.
  const selects = element.locator('.aa-quotes select');
  await selects.nth(2).selectOption('speaker');
  const headings = element.locator('.aa-speaker-heading');
  assert.deepEqual(await headings.allTextContents(), ['Kim Jong-un (2)', 'Korean Central News Agency (1)']);
  const listed = await element.locator('.aa-quotes [data-quote] .aa-quote-text').allTextContents();
  assert.match(listed[0], /his latest trip to Russia/);
  assert.match(listed[2], /At the end of the reception/);
  // The filters still apply, and a speaker's heading goes with its last quote shown.
  await selects.nth(1).selectOption('Korean Central News Agency');
  assert.equal(await headings.nth(0).isHidden(), true);
  assert.equal(await headings.nth(1).isHidden(), false);
  await selects.nth(1).selectOption('');
  await selects.nth(2).selectOption('');
  assert.equal(await headings.count(), 0);
  assert.equal(await quotes.nth(1).getAttribute('data-kind'), 'indirect');
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
  await element.locator('.aa-speaker-filter select').selectOption('Kim Jong-un');
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

// ---- theme, inherit, errors, narrow layout, progress, cancel ------------------------

/** Opens `body` (HTML) as a page of the site that loads the element from /pkg/. */
async function openTestPage(body, { head = '', colorScheme = 'light', viewport, beforeLoad } = {}) {
  const page = await env.newPage({ colorScheme, viewport });
  beforeLoad?.(page);
  const url = env.url('/element-test.html');
  await page.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>test</title>${head}
<script type="module" src="/pkg/article-analysis.js"></script></head><body>${body}</body></html>`,
    }),
  );
  await page.goto(url);
  return page;
}

/** Computed styles of the element (`host`) and of nodes in its shadow root. */
function stylesOf(page, selector = 'article-analysis') {
  return page.locator(selector).evaluate((host) => {
    const inside = (css) => host.shadowRoot.querySelector(css);
    const style = (node) => (node ? getComputedStyle(node) : null);
    return {
      background: style(host).backgroundColor,
      color: style(host).color,
      font: style(inside('.aa-breakdown')).fontFamily,
      textFont: style(inside('.aa-text'))?.fontFamily ?? null,
      muted: style(inside('.aa-empty, .aa-meta')).color,
    };
  });
}

const LIGHT_BG = 'rgb(255, 255, 255)';
const DARK_BG = 'rgb(21, 24, 29)';
const TRANSPARENT = 'rgba(0, 0, 0, 0)';

test('theme: by default the page’s colour scheme and no background; light, dark and auto on request', async () => {
  const story = 'ROME, May 2 (ANSA) - "It is done," the minister said.';
  // A light page (no color-scheme) on a dark system: the element stays light.
  const page = await openTestPage(`<article-analysis>${story}</article-analysis>
    <article-analysis theme="light">${story}</article-analysis>
    <article-analysis theme="dark">${story}</article-analysis>
    <article-analysis theme="auto">${story}</article-analysis>`, { colorScheme: 'dark' });
  await page.locator('article-analysis >> nth=3').locator('.aa-breakdown').waitFor();
  const [plain, light, dark, auto] = await Promise.all(
    [0, 1, 2, 3].map((i) => stylesOf(page, `article-analysis >> nth=${i}`)),
  );
  assert.equal(plain.background, TRANSPARENT, 'no background of its own');
  assert.equal(plain.color, 'rgb(0, 0, 0)', "the page's text colour");
  assert.equal(plain.muted, light.muted, 'light defaults on a light page, whatever the system');
  assert.equal(light.background, LIGHT_BG);
  assert.equal(dark.background, DARK_BG);
  assert.notEqual(dark.muted, light.muted);
  assert.equal(auto.background, DARK_BG, 'auto follows the system (dark here)');
  await page.emulateMedia({ colorScheme: 'light' });
  assert.equal((await stylesOf(page, 'article-analysis >> nth=3')).background, LIGHT_BG);
  await page.close();

  // A page in color-scheme: dark: the element follows it with its dark defaults.
  const darkPage = await openTestPage(`<article-analysis>${story}</article-analysis>`, {
    head: '<meta name="color-scheme" content="dark">',
  });
  await darkPage.locator('article-analysis .aa-breakdown').waitFor();
  const followed = await stylesOf(darkPage);
  assert.equal(followed.background, TRANSPARENT);
  assert.equal(followed.muted, dark.muted);
  await darkPage.close();
  assert.deepEqual(env.problems(), []);
});

test('custom properties set to inherit take the page’s font and colour; set to a value, they apply', async () => {
  const story = 'ROME, May 2 (ANSA) - "It is done," the minister said.';
  const page = await openTestPage(
    `<article-analysis id="a" show-text>${story}</article-analysis>
     <article-analysis id="b" show-text>${story}</article-analysis>`,
    {
      head: `<style>
        body { font-family: "Courier New", monospace; color: rgb(10, 20, 30); }
        #a { --aa-font: inherit; --aa-text-font: inherit; --aa-fg: inherit; }
        #b { --aa-font: Georgia, serif; --aa-text-font: Verdana, sans-serif; --aa-fg: rgb(200, 0, 0); --aa-bg: rgb(1, 2, 3); }
      </style>`,
    },
  );
  await page.locator('#b .aa-breakdown').waitFor();
  const inherited = await stylesOf(page, '#a');
  assert.equal(inherited.font, '"Courier New", monospace');
  assert.equal(inherited.textFont, '"Courier New", monospace');
  assert.equal(inherited.color, 'rgb(10, 20, 30)');
  assert.equal(inherited.background, TRANSPARENT);
  const set = await stylesOf(page, '#b');
  assert.equal(set.font, 'Georgia, serif');
  assert.equal(set.textFont, 'Verdana, sans-serif');
  assert.equal(set.color, 'rgb(200, 0, 0)');
  assert.equal(set.background, 'rgb(1, 2, 3)');
  assert.deepEqual(env.problems(), []);
  await page.close();
});

/** The element's alert text (null while hidden), and the console warnings so far. */
async function alertOf(page, selector) {
  return page.locator(selector).evaluate((host) => {
    const alert = host.shadowRoot.querySelector('[role="alert"]');
    return alert.hidden ? null : alert.textContent;
  });
}

test('errors are shown in the element (role="alert"), logged with console.warn and sent as analysis-error', async () => {
  const warnings = [];
  const page = await openTestPage(`<p id="story">Some text.</p>
    <article-analysis id="date" for="story" reference-date="2023-13-45"></article-analysis>
    <article-analysis id="for" for="no-such-id"></article-analysis>`, {
    beforeLoad: (page) => page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text())),
  });
  const events = page.evaluate(() =>
    Promise.all(['#date', '#for'].map((id) => new Promise((resolve) => {
      const element = document.querySelector(id);
      if (element.shadowRoot.querySelector('[role="alert"]:not([hidden])')) resolve('already');
      element.addEventListener('analysis-error', (event) => resolve(`${event.detail.name}: ${event.detail.message}`), { once: true });
    }))),
  );
  await page.waitForFunction(() => [...document.querySelectorAll('article-analysis')].every((e) => !e.shadowRoot.querySelector('[role="alert"]').hidden));
  assert.match(await alertOf(page, '#date'), /Could not analyze the article: .*reference_date/);
  assert.match(await alertOf(page, '#for'), /for="no-such-id" names no element/);
  assert.ok(warnings.some((w) => /reference_date/.test(w)), warnings.join('\n'));
  assert.ok(warnings.some((w) => /no-such-id/.test(w)), warnings.join('\n'));
  const [dateEvent, forEvent] = await events;
  assert.match(dateEvent, /^(TypeError: .*reference_date|already)/);
  assert.match(forEvent, /no-such-id|already/);

  // Fixed, the alert goes away and the breakdown shows.
  await page.evaluate(() => document.getElementById('date').setAttribute('reference-date', '2023-09-14'));
  await page.locator('#date .aa-breakdown').waitFor();
  assert.equal(await alertOf(page, '#date'), null);
  assert.deepEqual(env.problems(), []);
  await page.close();
});

test('a missing .wasm is an error shown in the element, not a blank', async () => {
  // A site of its own: the browser logs the 404 as a console error, which is expected here.
  const own = await openSite();
  const page = await own.newPage();
  const url = own.url('/missing-wasm.html');
  await page.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>test</title>
<script type="module">import { ready } from '/pkg/article-analysis.js'; ready('/pkg/missing.wasm').catch(() => {});</script>
</head><body><article-analysis>Some text.</article-analysis></body></html>`,
    }),
  );
  await page.goto(url);
  await page.waitForFunction(() => !document.querySelector('article-analysis').shadowRoot.querySelector('[role="alert"]').hidden);
  assert.match(await alertOf(page, 'article-analysis'), /Could not analyze the article/);
  const problems = own.problems().filter((p) => !/404|missing\.wasm|status code/i.test(p));
  assert.deepEqual(problems, []);
  await own.close();
});

test('in a 170 px column nothing overflows: the speaker menu and the cards fit', async () => {
  const { text } = fixtures().find(({ name }) => name.startsWith('yonhap'));
  const page = await openTestPage(`<div style="width: 170px"><article-analysis></article-analysis></div>`, { viewport: { width: 400, height: 800 } });
  await page.evaluate((text) => {
    document.querySelector('article-analysis').text = text;
  }, text);
  await page.locator('article-analysis .aa-breakdown').waitFor();
  const overflow = await page.locator('article-analysis').evaluate((host) => {
    const limit = host.getBoundingClientRect().right + 0.5;
    const wide = [...host.shadowRoot.querySelectorAll('*')]
      .filter((node) => node.getClientRects().length && node.getBoundingClientRect().right > limit)
      .map((node) => `${node.tagName.toLowerCase()}.${node.className} ends at ${Math.round(node.getBoundingClientRect().right)}`);
    return { wide, scroll: host.scrollWidth, width: host.clientWidth, select: !!host.shadowRoot.querySelector('.aa-filter select') };
  });
  assert.ok(overflow.select, 'the story has a speaker menu');
  assert.deepEqual(overflow.wide, [], `past the ${overflow.width} px column`);
  assert.ok(overflow.scroll <= overflow.width, `scrollWidth ${overflow.scroll} > ${overflow.width}`);
  assert.deepEqual(env.problems(), []);
  await page.close();
});

test('a long text shows a progress bar and analysis-progress events; abort() and a newer text end it', async () => {
  const workers = [];
  let closed = 0;
  const page = await openTestPage(`<article-analysis></article-analysis>`, {
    beforeLoad: (page) =>
      page.on('worker', (worker) => {
        workers.push(worker.url());
        worker.on('close', () => closed++);
      }),
  });
  await page.locator('article-analysis').evaluate((element) => (element.text = 'Warm-up.'));
  await page.locator('article-analysis .aa-breakdown').waitFor();
  const seed = fixtures().find(({ name }) => name.startsWith('yonhap')).text;
  await page.evaluate(([seed, copies]) => {
    window.big = `${seed}\n\n`.repeat(copies);
  }, [seed, Math.ceil(3_000_000 / seed.length)]);

  // Progress: stages in order; the bar shows while it runs and goes when done.
  const progress = await page.locator('article-analysis').evaluate(async (element) => {
    const bar = element.shadowRoot.querySelector('progress');
    const seen = [];
    element.addEventListener('analysis-progress', (e) => seen.push({ ...e.detail, bar: !bar.hidden, value: bar.value }));
    element.text = window.big.slice(0, 400_000);
    await new Promise((resolve) => element.addEventListener('analysis', resolve, { once: true }));
    return { seen, hiddenAfter: bar.hidden };
  });
  assert.deepEqual(progress.seen.map((p) => p.stage), ['text', 'anatomy', 'entities', 'quotes', 'dates', 'figures', 'offsets', 'result']);
  assert.ok(progress.seen.every((p) => p.bar && p.value === p.fraction), JSON.stringify(progress.seen));
  assert.equal(progress.hiddenAfter, true);

  // abort(): the refresh rejects with an AbortError, nothing is shown, the worker is ended.
  const before = workers.length;
  const aborted = await page.locator('article-analysis').evaluate(async (element) => {
    let shown = 0;
    const count = () => shown++;
    const abortAtEntities = (e) => e.detail.stage === 'entities' && element.abort();
    element.addEventListener('analysis', count);
    element.addEventListener('analysis-progress', abortAtEntities);
    element.text = window.big;
    const error = await element.refresh().catch((e) => e);
    element.removeEventListener('analysis', count);
    element.removeEventListener('analysis-progress', abortAtEntities);
    const alert = !element.shadowRoot.querySelector('[role="alert"]').hidden;
    return { name: error.name, shown, alert, bar: !element.shadowRoot.querySelector('progress').hidden };
  });
  assert.deepEqual(aborted, { name: 'AbortError', shown: 0, alert: false, bar: false });
  // Chromium reports a terminated worker closed about two seconds later.
  for (let waited = 0; closed < 1 && waited < 10_000; waited += 100) await page.waitForTimeout(100);
  assert.equal(closed, 1, 'the running worker was ended');

  // A newer text ends the running analysis of an older one, and only it is shown.
  const small = 'OSLO, May 2 (NTB) - "It is done," the minister said.';
  const newer = await page.locator('article-analysis').evaluate(async (element, small) => {
    const shown = [];
    element.addEventListener('analysis', (e) => shown.push(e.detail.paragraphs.length));
    const started = new Promise((resolve) => element.addEventListener('analysis-progress', resolve, { once: true }));
    element.text = `${window.big} `;
    await started;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const began = performance.now();
    element.text = small;
    await new Promise((resolve) => element.addEventListener('analysis', resolve, { once: true }));
    return { shown, ms: performance.now() - began };
  }, small);
  assert.deepEqual(newer.shown, [1]);
  for (let waited = 0; closed < 2 && waited < 10_000; waited += 100) await page.waitForTimeout(100);
  assert.equal(closed, 2, 'the worker running the older text was ended');
  assert.ok(workers.length >= before + 2, 'a new worker for each text after an abort');
  assert.deepEqual(env.problems(), []);
  await page.close();
});
