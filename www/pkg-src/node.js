// article-analyzer in Node: the package's `node` export condition. Loads both .wasm
// modules from the package with `fs` and initializes them synchronously, so this works
// as it stands, patterns included:
//
//   import { analyze } from 'article-analyzer';
//   console.log(analyze('SEOUL, Sept. 14 (Yonhap) -- "Yes," Kim said.').quotes);
//
// `init()` and `initFull()` are still there (they resolve at once), so code shared
// with browsers runs unchanged.

import { readFileSync } from 'node:fs';
import { initSync, initFullSync } from './index.js';

const bytes = (name) => readFileSync(new URL(name, import.meta.url));
initSync({ module: bytes('./article_analyzer_bg.wasm') });
initFullSync({ module: bytes('./article_analyzer_full_bg.wasm') });

export * from './index.js';
export { default } from './index.js';
