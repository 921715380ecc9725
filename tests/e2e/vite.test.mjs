// The package from a bundler: a tiny app that imports the installed package by name
// (the glue, the element, the renderer and its stylesheet) is built with Vite, served,
// and run in headless Chromium; then the same app from Vite's dev server. It passes only if Vite finds the .wasm the glue loads
// with `new URL(…, import.meta.url)` and bundles the element's module worker.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, createServer } from 'vite';
import { installPacked } from '../node/packed.mjs';
import { nodeAnalyze } from './fixtures.mjs';
import { openSite } from './browser.mjs';

const story = 'LISBON, March 5 (Reuters) - "We are giving the river back," Mayor Ana Ferreira said on Tuesday.';

const indexHtml = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Vite app</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'">
<script type="module" src="./main.js"></script></head>
<body>
  <article id="story">${story}</article>
  <div id="breakdown" class="aa-root"></div>
  <article-analysis for="story"></article-analysis>
</body>
</html>
`;

const mainJs = `import init, { analyze } from 'article-analyzer';
import { renderBreakdown } from 'article-analyzer/render.js';
import 'article-analyzer/article-analysis.js';
import 'article-analyzer/article-analysis.css';

await init();
const result = analyze(document.getElementById('story').textContent);
window.direct = result;
document.getElementById('breakdown').append(renderBreakdown(result));
`;

let project;
let dist;
let env;
before(async () => {
  project = await mkdtemp(join(tmpdir(), 'article-analyzer-vite-'));
  installPacked(project);
  await writeFile(join(project, 'package.json'), '{ "private": true, "type": "module" }\n');
  await writeFile(join(project, 'index.html'), indexHtml);
  await writeFile(join(project, 'main.js'), mainJs);
  dist = join(project, 'dist');
  await build({ root: project, configFile: false, logLevel: 'warn', build: { outDir: dist } });
  env = await openSite({ root: dist });
});
after(async () => {
  await env?.close();
  if (project) await rm(project, { recursive: true, force: true });
});

test('Vite bundles the package: the .wasm, the worker and the stylesheet are assets', async () => {
  const assets = await readdir(join(dist, 'assets'));
  assert.ok(assets.some((name) => /\.wasm$/.test(name)), `a .wasm among ${assets}`);
  assert.ok(assets.some((name) => /^article-analysis-worker.*\.js$/.test(name)), `the worker among ${assets}`);
  assert.ok(assets.some((name) => /\.css$/.test(name)), `a stylesheet among ${assets}`);
});

test('the built app analyzes in the browser, directly and through the element', async () => {
  const page = await env.newPage();
  const workers = [];
  page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
  await page.goto(env.url('/'));
  await page.waitForFunction(() => window.direct);
  const expected = await nodeAnalyze(story);
  assert.deepEqual(await page.evaluate(() => window.direct), expected);
  assert.ok(expected.quotes.length > 0 && expected.entities.length > 0, 'the story has something to show');
  // The renderer, styled by the imported stylesheet.
  assert.equal(await page.locator('#breakdown [data-quote]').count(), expected.quotes.length);
  assert.notEqual(await page.locator('#breakdown [data-quote]').first().evaluate((node) => getComputedStyle(node).borderTopStyle), 'none');
  // The element, in its bundled worker.
  const element = page.locator('article-analysis');
  await element.locator('.aa-breakdown').waitFor();
  assert.deepEqual(await element.evaluate((node) => node.analysis), expected);
  assert.equal(await element.locator('[data-entity]').count(), expected.entities.length);
  assert.equal(workers.length, 1);
  assert.match(workers[0], /^\/assets\/article-analysis-worker.*\.js$/);
  assert.deepEqual(env.problems(), []);
  await page.close();
});

test('the same app runs from the Vite dev server (dependencies pre-bundled)', async () => {
  const server = await createServer({
    root: project,
    configFile: false,
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, hmr: false },
  });
  const page = await env.browser.newPage();
  try {
    await server.listen();
    await page.goto(server.resolvedUrls.local[0]);
    await page.waitForFunction(() => window.direct, null, { timeout: 30_000 });
    const expected = await nodeAnalyze(story);
    assert.deepEqual(await page.evaluate(() => window.direct), expected);
    const element = page.locator('article-analysis');
    await element.locator('.aa-breakdown').waitFor();
    assert.deepEqual(await element.evaluate((node) => node.analysis), expected);
  } finally {
    await page.close();
    await server.close();
  }
});
