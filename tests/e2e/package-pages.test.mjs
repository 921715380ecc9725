// The package in plain pages, as the package README shows them: the packed tarball
// installed into a fresh folder and the README's import-map page served from it; and
// the package served from another origin (a second local port with CORS, as a CDN),
// where the element must still analyze in a worker (started through a blob: module).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installPacked } from '../node/packed.mjs';
import { readmeExample } from '../node/readme-examples.mjs';
import { nodeAnalyze } from './fixtures.mjs';
import { openSite, serveStatic, wwwRoot } from './browser.mjs';

let project;
let env;
before(async () => {
  project = await mkdtemp(join(tmpdir(), 'article-analyzer-page-'));
  installPacked(project);
  await writeFile(join(project, 'index.html'), readmeExample('page'));
  env = await openSite({ root: project });
});
after(async () => {
  await env?.close();
  if (project) await rm(project, { recursive: true, force: true });
});

test("the README's import-map page works from a fresh folder: analyze, and the element in its worker", async () => {
  const page = await env.newPage();
  const workers = [];
  page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
  await page.goto(env.url('/index.html'));
  await page.waitForFunction(() => document.getElementById('speakers').textContent !== '');
  await page.locator('article-analysis .aa-breakdown').waitFor();
  // The text as the page shows it (the source's line breaks are spaces there).
  const story = await page.evaluate(() => document.getElementById('story').innerText);
  const expected = await nodeAnalyze(story);
  assert.ok(expected.quotes.length > 0 && expected.quotes.every((quote) => quote.speaker), 'every quote has its speaker');
  assert.equal(
    await page.textContent('#speakers'),
    expected.quotes.map((quote) => quote.speaker?.name ?? '(unattributed)').join(', '),
  );
  const shown = await page.evaluate(() => document.querySelector('article-analysis').analysis);
  assert.deepEqual(shown, expected);
  assert.deepEqual(workers, ['/node_modules/article-analyzer/article-analysis-worker.js']);
  assert.deepEqual(env.problems(), []);
  await page.close();
});

test('from another origin (a CDN) the element starts its worker through a blob: module', async () => {
  const cdn = await serveStatic(wwwRoot, { cors: true });
  const cdnOrigin = `http://127.0.0.1:${cdn.address().port}`;
  try {
    const page = await env.newPage();
    const workers = [];
    const warnings = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    const story = 'LISBON, March 5 (Reuters) - "We are giving the river back," Mayor Ana Ferreira said on Tuesday.';
    // A real file (not a page.route answer, which Chromium counts as from the public
    // internet and then refuses its requests to 127.0.0.1).
    await writeFile(
      join(project, 'cross-origin.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CDN</title>
<script type="module" src="${cdnOrigin}/pkg/article-analysis.js"></script></head>
<body><article-analysis>${story}</article-analysis></body></html>`,
    );
    await page.goto(env.url('/cross-origin.html'));
    await page.locator('article-analysis .aa-breakdown').waitFor();
    assert.deepEqual(await page.evaluate(() => document.querySelector('article-analysis').analysis), await nodeAnalyze(story));
    assert.equal(workers.length, 1, workers.join());
    assert.match(workers[0], /^blob:/);
    assert.deepEqual(warnings, [], 'no fallback to the main thread');
    assert.deepEqual(env.problems(), []);
    await page.close();
  } finally {
    await new Promise((resolve) => cdn.close(resolve));
  }
});
