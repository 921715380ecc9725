// Screenshots of <article-analysis> for docs/: light, dark and a narrow column, on the
// Yonhap seed story. Run after scripts/build.sh, with the test tools installed
// (scripts/test.sh installs them):   node scripts/screenshots.mjs
// Writes docs/element-light.png, docs/element-dark.png, docs/element-narrow.png.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openSite } from '../tests/e2e/browser.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const story = readFileSync(`${root}tests/fixtures/yonhap-2023-09-14-kim-putin.txt`, 'utf8');

const shots = [
  { file: 'element-light.png', scheme: 'light', width: 1100, column: 1040, attributes: 'show-text' },
  { file: 'element-dark.png', scheme: 'dark', width: 1100, column: 1040, attributes: 'show-text' },
  { file: 'element-narrow.png', scheme: 'light', width: 400, column: 300, attributes: '' },
];

const site = await openSite();
try {
  for (const { file, scheme, width, column, attributes } of shots) {
    const page = await site.newPage({ viewport: { width, height: 900 }, colorScheme: scheme, deviceScaleFactor: 1 });
    const url = site.url('/screenshot.html');
    await page.route(url, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>article-analysis</title>
<meta name="color-scheme" content="light dark">
<style>body { margin: 0; padding: 24px 30px; font-family: system-ui, sans-serif; }
  #column { width: ${column}px; }</style>
<script type="module" src="/pkg/article-analysis.js"></script></head>
<body><div id="column"><article-analysis ${attributes}></article-analysis></div></body></html>`,
      }),
    );
    await page.goto(url);
    await page.locator('article-analysis').evaluate((element, text) => (element.text = text), story);
    await page.locator('article-analysis .aa-breakdown').waitFor();
    await page.locator('#column').screenshot({ path: `${root}docs/${file}` });
    console.log(`docs/${file}`);
    await page.close();
  }
} finally {
  await site.close();
}
