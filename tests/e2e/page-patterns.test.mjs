// The page's "Your patterns" panel (www/patterns.js), figures and stage timings in
// headless Chromium: a reader adds patterns, sees their matches highlighted and listed,
// a bad regex's own message beside it (the rest keep working), the patterns survive a
// reload and go when removed; the story's figures are listed with their value and
// sentence, linked to the text; the status line gives each stage's time.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSite, openCleanPage, pasteText as paste } from './browser.mjs';

let env;
before(async () => {
  env = await openSite();
});
after(async () => {
  await env?.close();
});

const STORY =
  'SPRINGFIELD, March 3 (AP) -- Sen. Jane Roe said HB 1234 would cost $44.5 million, ' +
  'up 23 percent. "SB 7 is next," Roe said. <img src=x onerror=alert(1)> HB 99 waits in ways and means.';

async function openPage() {
  const page = await openCleanPage(env, '/index.html', { viewport: { width: 1280, height: 900 } });
  await page.waitForSelector('#status[data-state="empty"]');
  return page;
}

/** Fills pattern row `index` (0-based) of the panel. */
async function fillPattern(page, index, { label, kind = 'regex', value, type = '' }) {
  const row = page.locator(`#pattern-list [data-pattern="${index}"]`);
  await row.locator('[aria-label="Kind of pattern"]').selectOption(kind);
  await row.locator('[aria-label="Entity type"]').selectOption(type);
  await row.locator('[aria-label="Label"]').fill(label);
  await row.locator('.pattern-value').fill(value);
}

/** The pattern matches listed in the breakdown, as `label text`. */
const listedMatches = (page) =>
  page.$$eval('[data-match]', (items) =>
    items.map((item) => `${item.querySelector('.aa-match-label').textContent} ${item.querySelector('.aa-match-text').textContent}`),
  );

/** Waits until the breakdown lists exactly `expected` matches. */
async function waitForMatches(page, expected) {
  await page.waitForFunction(
    (want) => JSON.stringify([...document.querySelectorAll('[data-match]')].map((item) => item.querySelector('.aa-match-text').textContent)) === JSON.stringify(want),
    expected,
    { timeout: 30_000 },
  );
}

test('patterns are added, matched, highlighted, listed, kept across a reload, and removed', async () => {
  const page = await openPage();
  await paste(page, STORY);
  await page.waitForSelector('#status[data-state="done"]');
  assert.deepEqual(await page.$$('[data-match]'), [], 'no patterns, no matches');

  await page.click('#patterns-panel summary');
  await page.click('#add-pattern');
  await fillPattern(page, 0, { label: 'bill', value: '\\b(HB|SB) \\d+' });
  await waitForMatches(page, ['HB 1234', 'SB 7', 'HB 99']);
  assert.deepEqual(await listedMatches(page), ['bill HB 1234', 'bill SB 7', 'bill HB 99']);
  // Highlighted in the text in their own colour, linked to the list.
  // (a match may be cut into runs where an entity or a quote overlaps it)
  const marks = await page.$$eval('#text-view .aa-match', (runs) => {
    const byRef = {};
    for (const run of runs) {
      const ref = run.dataset.refs.split(' ').find((r) => r.startsWith('match-'));
      byRef[ref] = (byRef[ref] ?? '') + run.textContent;
    }
    return byRef;
  });
  assert.deepEqual(marks, { 'match-0': 'HB 1234', 'match-1': 'SB 7', 'match-2': 'HB 99' });
  const colours = await page.evaluate(() => {
    const bg = (selector) => [...document.querySelectorAll(selector)].map((node) => getComputedStyle(node).backgroundColor);
    return { match: bg('#text-view .aa-match'), quote: bg('#text-view .aa-quote:not(.aa-match)') };
  });
  // One fill for every match (inside reported speech too), not the quotes' fill.
  assert.equal(new Set(colours.match).size, 1);
  assert.notEqual(colours.match[0], 'rgba(0, 0, 0, 0)');
  assert.ok(!colours.quote.includes(colours.match[0]));
  assert.match(await page.textContent('#status'), /3 pattern matches/);

  // Phrases with a type make entities, not matches.
  await page.click('#add-pattern');
  await fillPattern(page, 1, { label: 'committee', kind: 'phrases', value: 'Ways and Means, Rules', type: 'organization' });
  const organization = '[data-entity][data-type="organization"] .aa-entity-name';
  await page.waitForFunction((selector) => [...document.querySelectorAll(selector)].some((n) => /ways and means/i.test(n.textContent)), organization, { timeout: 30_000 });
  assert.deepEqual(await listedMatches(page), ['bill HB 1234', 'bill SB 7', 'bill HB 99']);

  // Both survive a reload, in the panel and in the analysis.
  await page.reload();
  await page.waitForSelector('#status[data-state="done"]');
  await waitForMatches(page, ['HB 1234', 'SB 7', 'HB 99']);
  const stored = await page.$$eval('#pattern-list .pattern-row', (rows) =>
    rows.map((row) => [...row.querySelectorAll('input, select')].map((control) => control.value)),
  );
  assert.deepEqual(stored, [
    ['bill', 'regex', '\\b(HB|SB) \\d+', ''],
    ['committee', 'phrases', 'Ways and Means, Rules', 'organization'],
  ]);

  // Removing the first leaves the second; removing both, nothing is matched.
  await page.click('#pattern-list [data-pattern="0"] .pattern-remove');
  await waitForMatches(page, []);
  assert.equal(await page.locator('#pattern-list .pattern-row').count(), 1);
  await page.click('#pattern-list [data-pattern="0"] .pattern-remove');
  await page.reload();
  await page.waitForSelector('#status[data-state="done"]');
  assert.equal(await page.locator('#pattern-list .pattern-row').count(), 0);
  assert.deepEqual(await page.evaluate(() => localStorage.getItem('article-analyzer:patterns')), '[]');
  // The pasted markup stayed text.
  assert.equal(await page.$$eval('#text-view img', (imgs) => imgs.length), 0);
  assert.deepEqual(env.problems(), []);
  await page.close();
});

test("a bad regex shows the analyzer's message beside it; the other patterns still match", async () => {
  const page = await openPage();
  await paste(page, STORY);
  await page.click('#patterns-panel summary');
  await page.click('#add-pattern');
  await fillPattern(page, 0, { label: 'bill', value: 'HB \\d+' });
  await page.click('#add-pattern');
  await fillPattern(page, 1, { label: 'broken', value: '(SB' });
  const error = page.locator('#pattern-list [data-pattern="1"] .pattern-error');
  await error.waitFor({ state: 'visible', timeout: 30_000 });
  assert.equal(await error.textContent(), 'regex: unclosed group at 0');
  assert.equal(await page.getAttribute('#pattern-list [data-pattern="1"] .pattern-value', 'aria-invalid'), 'true');
  assert.equal(await page.isVisible('#pattern-list [data-pattern="0"] .pattern-error'), false);
  await waitForMatches(page, ['HB 1234', 'HB 99']);
  await page.waitForSelector('#status[data-state="done"]');

  // Markup typed as a pattern stays text; fixing the regex clears its message.
  await page.locator('#pattern-list [data-pattern="1"] [aria-label="Label"]').fill('<b>x</b>');
  await page.locator('#pattern-list [data-pattern="1"] .pattern-value').fill('SB \\d+');
  await waitForMatches(page, ['HB 1234', 'SB 7', 'HB 99']);
  assert.equal(await error.isVisible(), false);
  assert.deepEqual(await listedMatches(page), ['bill HB 1234', '<b>x</b> SB 7', 'bill HB 99']);
  assert.deepEqual(env.problems(), []);
  await page.close();
});

test("the story's figures are listed with value and sentence, linked to the text; the status gives stage timings", async () => {
  const page = await openPage();
  await paste(page, STORY);
  await page.waitForSelector('#status[data-state="done"]');
  const figures = await page.$$eval('[data-figure]', (items) =>
    items.map((item) => ({
      text: item.querySelector('.aa-figure-text').textContent,
      value: item.querySelector('.aa-figure-value').textContent,
      sentence: item.querySelector('.aa-figure-sentence').textContent,
      ref: item.dataset.ref,
    })),
  );
  const sentence = 'Sen. Jane Roe said HB 1234 would cost $44.5 million, up 23 percent.';
  assert.deepEqual(
    figures.map(({ text, sentence: about }) => [text, about.endsWith(sentence)]),
    [
      ['$44.5 million', true],
      ['23 percent', true],
    ],
  );
  assert.match(figures[0].value, /^44,500,000 USD$/);
  assert.match(figures[1].value, /^23 %$/);
  // The list item and the text's figure share a ref; selecting one marks the other.
  await page.click('[data-figure][data-ref="figure-0"]');
  assert.deepEqual(
    await page.$$eval('#text-view .aa-figure.aa-selected', (runs) => runs.map((run) => run.textContent)),
    ['$44.5 million'],
  );
  const status = await page.textContent('#status');
  assert.match(status, /analyzed in [\d.]+ ms \(text [\d.]+, anatomy [\d.]+, .*figures [\d.]+.* ms\): .*2 figures/);
  assert.deepEqual(env.problems(), []);
  await page.close();
});

test('at phone width the patterns panel, with a pattern and its error, is no wider than the screen', async () => {
  const page = await openCleanPage(env, '/index.html', { viewport: { width: 390, height: 844 } });
  await paste(page, STORY);
  await page.click('#patterns-panel summary');
  await page.click('#add-pattern');
  await fillPattern(page, 0, { label: 'a rather long label', value: '(unclosed and long '.repeat(3) });
  await page.locator('#pattern-list [data-pattern="0"] .pattern-error').waitFor({ state: 'visible', timeout: 30_000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  assert.deepEqual(env.problems(), []);
  await page.close();
});
