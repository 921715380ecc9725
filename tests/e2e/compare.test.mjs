// Several stories and the Compare view (www/compare.js) in headless Chromium: a reader
// pastes the Yonhap story, adds a story, pastes the EFE one, opens Compare, and finds
// the KCNA quote both carry with its two differences marked on each side; the tabs work
// from the keyboard; the view fits a phone; a link goes back to the story's text.
//
// `UPDATE_SCREENSHOTS=1 node --test tests/e2e/compare.test.mjs` also rewrites
// docs/compare-desktop.png and docs/compare-phone.png.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openSite, openCleanPage, pasteText as paste } from './browser.mjs';

const fixture = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const yonhap = fixture('yonhap-2023-09-14-kim-putin.txt');
const efe = fixture('efe-2023-09-14-kim-putin.txt');
const docs = new URL('../../docs/', import.meta.url);

let env;
before(async () => {
  env = await openSite();
});
after(async () => {
  await env?.close();
});

async function openPage(viewport = { width: 1280, height: 900 }) {
  const page = await openCleanPage(env, '/index.html', { viewport, acceptDownloads: true });
  await page.waitForSelector('#story-tabs [role="tab"]');
  return page;
}

/** Two stories in, Compare open and rendered. */
async function compareSeeds(page) {
  await page.fill('#reference-date', '2023-09-14');
  await paste(page, yonhap);
  await page.click('#add-story');
  await paste(page, efe);
  await page.click('#compare-tab');
  await page.waitForSelector('#compare-status[data-state="done"]', { timeout: 30_000 });
}

test('two stories compared: the shared KCNA quote with both differences marked on each side', async () => {
  const page = await openPage();
  await compareSeeds(page);
  assert.equal(await page.isVisible('#compare-view'), true);
  assert.equal(await page.isVisible('#article'), false, 'the editor steps aside for the comparison');
  const statements = await page.$$eval('.cmp-statement', (nodes) =>
    nodes.map((node) => ({
      speaker: node.querySelector('h4').textContent,
      versions: [...node.querySelectorAll('.cmp-version')].map((v) => ({
        story: v.querySelector('.cmp-story').textContent,
        changed: [...v.querySelectorAll('mark.cmp-changed')].map((m) => m.textContent),
        only: [...v.querySelectorAll('mark.cmp-only')].map((m) => m.textContent),
        text: v.querySelector('blockquote').textContent,
      })),
    })),
  );
  const kcna = statements.find((s) => s.speaker === 'Korean Central News Agency');
  assert.ok(kcna, `no KCNA statement in ${JSON.stringify(statements)}`);
  const [first, second] = kcna.versions;
  assert.match(first.story, /^Yonhap/);
  assert.match(second.story, /^EFE/);
  assert.deepEqual(first.changed, ['Kim Jong Un', 'the DPRK']);
  assert.deepEqual(second.changed, ['Kim Jong-un', '[North Korea]']);
  assert.equal(first.only.length, 1);
  assert.match(first.only[0], /^and reaffirmed his will/);
  assert.match(second.text, /At the end of the reception/);
  // The people table: Kim Jong-il is in EFE only, and never merged with Kim Jong-un.
  const rows = await page.$$eval('.cmp-table tbody tr', (trs) =>
    trs.map((tr) => [tr.querySelector('th').textContent, ...[...tr.querySelectorAll('td')].map((td) => td.textContent)]),
  );
  const row = (name) => rows.find((r) => r[0] === name);
  assert.match(row('Kim Jong-un')[1], /quoted/);
  assert.match(row('Kim Jong-un')[2], /quoted/);
  assert.match(row('Kim Jong-il')[1], /absent/);
  assert.match(row('Kim Jong-il')[2], /mentioned/);
  assert.match(row('Han Duck-soo')[2], /quoted/);
  assert.deepEqual(env.problems(), []);
  if (process.env.UPDATE_SCREENSHOTS) {
    await page.screenshot({ path: new URL('compare-desktop.png', docs).pathname, fullPage: false });
  }
});

test("Compare's download holds the stories and the comparison; the story view's holds one analysis; one worker script", async () => {
  const page = await openPage();
  const workers = [];
  page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
  await compareSeeds(page);
  const download = async (button) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    return JSON.parse(readFileSync(await file.path(), 'utf8'));
  };
  const both = await download('#compare-download');
  assert.deepEqual(Object.keys(both), ['stories', 'comparison']);
  assert.deepEqual(both.stories.map((s) => s.text), [yonhap, efe]);
  assert.equal(both.comparison.version, 1);
  assert.equal(both.comparison.quotes[0].speaker, 'Korean Central News Agency');
  assert.deepEqual(both.stories.map((s) => s.analysis.dateline?.source), ['Yonhap', 'EFE']);

  await page.click('#compare-back');
  await page.waitForSelector('#status[data-state="done"]');
  const one = await download('#download');
  assert.equal(one.version, 1);
  assert.equal(one.comparison, undefined);
  assert.equal(one.stories, undefined);
  assert.ok(Array.isArray(one.quotes));
  // Both views speak to the package's worker; the Compare view has no worker of its own.
  assert.ok(workers.length > 0);
  assert.deepEqual([...new Set(workers)], ['/pkg/article-analysis-worker.js']);
  assert.deepEqual(env.problems(), []);
});

test('a link in the comparison opens its story with the words selected', async () => {
  const page = await openPage();
  await compareSeeds(page);
  await page.click('.cmp-statement .cmp-version:nth-child(2) .cmp-link');
  await page.waitForSelector('#article', { state: 'visible' });
  const selected = await page.evaluate(() => {
    const t = document.getElementById('article');
    return t.value.slice(t.selectionStart, t.selectionEnd);
  });
  assert.match(selected, /^At the end of the reception, Kim Jong-un courteously invited Putin/);
  const tab = await page.textContent('#story-tabs [aria-selected="true"]');
  assert.match(tab, /^2 · /);
  assert.deepEqual(env.problems(), []);
});

test('the tabs work from the keyboard, and stories survive a reload', async () => {
  const page = await openPage();
  await paste(page, yonhap);
  await page.click('#add-story');
  await paste(page, efe);
  await page.focus('#story-tabs [aria-selected="true"]');
  await page.keyboard.press('ArrowLeft');
  assert.match(await page.textContent('#story-tabs [aria-selected="true"]'), /^1 · /);
  assert.equal(await page.inputValue('#article'), yonhap);
  await page.keyboard.press('End');
  assert.equal(await page.textContent('#story-tabs [aria-selected="true"]'), 'Compare');
  await page.waitForSelector('#compare-status[data-state="done"]', { timeout: 30_000 });
  await page.keyboard.press('Home');
  await page.reload();
  await page.waitForSelector('#story-tabs [role="tab"]');
  const tabs = await page.$$eval('#story-tabs [role="tab"]', (nodes) => nodes.map((n) => n.textContent));
  assert.equal(tabs.length, 3);
  assert.equal(await page.inputValue('#article'), yonhap);
  // Removing a story leaves one, and Compare cannot open with one.
  await page.click('#remove-story');
  assert.equal(await page.isDisabled('#compare-tab'), true);
  assert.deepEqual(env.problems(), []);
});

test('at phone width the comparison is one column with nothing wider than the screen', async () => {
  const page = await openPage({ width: 390, height: 844 });
  await compareSeeds(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  const columns = await page.$eval('.cmp-versions', (node) => getComputedStyle(node).gridTemplateColumns.split(' ').length);
  assert.equal(columns, 1);
  assert.deepEqual(env.problems(), []);
  if (process.env.UPDATE_SCREENSHOTS) {
    await page.screenshot({ path: new URL('compare-phone.png', docs).pathname, fullPage: false });
  }
});
