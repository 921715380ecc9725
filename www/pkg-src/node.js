// article-analyzer in Node: the package's `node` export condition. Loads the .wasm from
// the package with `fs` and initializes synchronously, so this works as it stands:
//
//   import { analyze } from 'article-analyzer';
//   console.log(analyze('SEOUL, Sept. 14 (Yonhap) -- "Yes," Kim said.').quotes);
//
// `init()` is still there (it resolves at once), so code shared with browsers runs
// unchanged.

import { readFileSync } from 'node:fs';
import { initSync } from './index.js';

initSync({ module: readFileSync(new URL('./article_analyzer_bg.wasm', import.meta.url)) });

export * from './index.js';
export { default } from './index.js';
