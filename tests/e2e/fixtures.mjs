// What the page tests compare the page with: the seed stories (tests/fixtures/*.txt with
// their *.expected.json) and the analysis of a text by the package itself, loaded in
// Node the way a user of the npm package would.

import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The seed stories: `{name, text, expected}`, `name` being the .txt file name. */
export function fixtures() {
  const dir = `${root}tests/fixtures/`;
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({
      name,
      text: readFileSync(dir + name, 'utf8'),
      expected: JSON.parse(readFileSync(dir + name.replace(/\.txt$/, '.expected.json'), 'utf8')),
    }));
}

let loaded = null;

/** `analyze(text, options)` from www/pkg, initialized once from the .wasm bytes. */
export async function nodeAnalyze(text, options) {
  loaded ??= (async () => {
    const glue = await import(`${root}www/pkg/article_analyzer.js`);
    await glue.default({ module_or_path: readFileSync(`${root}www/pkg/article_analyzer_bg.wasm`) });
    return glue;
  })();
  return (await loaded).analyze(text, options);
}
