// examples/react, examples/vue and examples/svelte as a user runs them: each app, with its
// own vite.config.js, is built by Vite against the packed package (npm pack www/pkg) and
// the framework versions pinned in tests/package.json (linked, so nothing is fetched),
// served, and run in headless Chromium. The framework's list (from `analyze`) and the
// element (in its worker) must show what the package gives in Node, and follow the text
// when a new one is typed.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { installPacked } from '../node/packed.mjs';
import { nodeAnalyze } from './fixtures.mjs';
import { openSite } from './browser.mjs';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
const tools = fileURLToPath(new URL('../node_modules/', import.meta.url));
const pinned = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')).devDependencies;

const newStory = `MADRID, June 2 (EFE) - "The harbour will open in May," Port Director Luis Ortega said on Monday.

"We are ready," added Elena Ruiz, the city's mayor.`;

let project;
before(async () => {
  // One folder with the package installed; each example is a subfolder, so Node's and
  // Vite's resolution find the package and the linked frameworks by walking up.
  project = await mkdtemp(join(tmpdir(), 'article-analyzer-examples-'));
  installPacked(project);
});
after(() => project && rm(project, { recursive: true, force: true }));

/** Copies examples/NAME into the project, links what its package.json needs from the
 *  test tools (checking the versions agree), builds it with its vite.config.js. */
async function buildExample(name) {
  const root = join(project, name);
  await cp(join(examples, name), root, { recursive: true, filter: (path) => !path.includes('node_modules') });
  const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const wanted = { ...manifest.dependencies, ...manifest.devDependencies };
  for (const [dependency, range] of Object.entries(wanted)) {
    if (dependency === 'article-analyzer') continue;
    assert.equal(range, `^${pinned[dependency]}`, `examples/${name} asks for ${dependency} ${range}; tests/package.json pins ${pinned[dependency]}`);
    const link = join(project, 'node_modules', dependency);
    await mkdir(join(link, '..'), { recursive: true });
    await symlink(join(tools, dependency), link, 'dir').catch((error) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
  await build({ root, logLevel: 'warn', build: { outDir: join(root, 'dist') } });
  return join(root, 'dist');
}

/** The list the app renders for a text: one line per quote. */
async function expectedList(text) {
  const { quotes } = await nodeAnalyze(text);
  return quotes.map((quote) => `${quote.speaker?.name ?? '(unattributed)'}: ${quote.text}`);
}

for (const name of ['react', 'vue', 'svelte']) {
  test(`examples/${name}: built by Vite, the list and the element follow the text in Chromium`, async () => {
    const env = await openSite({ root: await buildExample(name) });
    try {
      const page = await env.newPage();
      const workers = [];
      page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
      await page.goto(env.url('/'));
      const items = page.locator('#quotes li');
      const element = page.locator('article-analysis');

      const story = await page.locator('textarea').inputValue();
      const first = await expectedList(story);
      assert.ok(first.length > 0 && first.every((line) => !line.startsWith('(unattributed)')), first.join('\n'));
      await page.waitForFunction((count) => document.querySelectorAll('#quotes li').length === count, first.length);
      assert.deepEqual((await items.allTextContents()).map((line) => line.trim()), first);
      await element.locator('.aa-breakdown').waitFor();
      assert.deepEqual(await element.evaluate((node) => node.analysis), await nodeAnalyze(story));

      // Typing a new story: the framework re-renders the list, the element re-analyzes.
      await page.locator('textarea').fill(newStory);
      const second = await expectedList(newStory);
      assert.notDeepEqual(second, first);
      await page.waitForFunction((count) => document.querySelectorAll('#quotes li').length === count, second.length);
      assert.deepEqual((await items.allTextContents()).map((line) => line.trim()), second);
      const expected = await nodeAnalyze(newStory);
      await page.waitForFunction((text) => document.querySelector('article-analysis').analysis?.paragraphs[0]?.text === text,
        expected.paragraphs[0].text);
      assert.deepEqual(await element.evaluate((node) => node.analysis), expected);
      assert.equal(await element.locator('[data-quote]').count(), expected.quotes.length);

      assert.equal(workers.length, 1, `one worker: ${workers}`);
      assert.match(workers[0], /^\/assets\/article-analysis-worker.*\.js$/);
      assert.deepEqual(env.problems(), []);
      await page.close();
    } finally {
      await env.close();
    }
  });
}
