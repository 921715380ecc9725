// The package's two entries as a user meets them: in Node (`node.js`, the `node` export
// condition) `analyze` works on import; in browsers and bundlers (`index.js`) it needs
// `await init()` first and says so when called before. Both export the contract version.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import * as nodeEntry from "../../www/pkg/node.js";
import * as browserEntry from "../../www/pkg/index.js";

const wasm = new URL("../../www/pkg/article_analyzer_bg.wasm", import.meta.url);
const story = 'SEOUL, Sept. 14 (Yonhap) -- "We agreed," Kim Jong-un said.';

test("the browser entry's analyze before init throws an error that says to call init", () => {
  // In a process of its own: here node.js (imported above) has loaded the shared module.
  const script = `import { analyze } from ${JSON.stringify(new URL("../../www/pkg/index.js", import.meta.url).href)};
    try { analyze("x"); console.log("no error"); } catch (error) { console.log(error.message); }`;
  const message = execFileSync("node", ["--input-type=module", "-e", script], { encoding: "utf8" });
  assert.match(message, /before the WebAssembly module was loaded/);
  assert.match(message, /await init\(\)/);
});

test("the Node entry analyzes on import, with no init", () => {
  const analysis = nodeEntry.analyze(story);
  assert.equal(analysis.version, nodeEntry.CONTRACT_VERSION);
  assert.equal(analysis.quotes.length, 1);
  assert.match(analysis.quotes[0].speaker.name, /Kim Jong-un/);
  assert.equal(story.slice(analysis.quotes[0].start, analysis.quotes[0].end), analysis.quotes[0].text);
});

test("init() still works in Node, and both entries export the same functions", async () => {
  await nodeEntry.default();
  await nodeEntry.init();
  for (const entry of [nodeEntry, browserEntry]) {
    assert.deepEqual(Object.keys(entry).sort(), ["CONTRACT_VERSION", "analyze", "analyzeWithProgress", "compare", "createAnalyzer", "default", "init", "initFull", "initFullSync", "initSync"]);
    assert.equal(entry.CONTRACT_VERSION, 1);
  }
});

test("the browser entry works once initialized", async () => {
  await browserEntry.init({ module_or_path: await readFile(wasm) });
  assert.equal(browserEntry.analyze(story).version, browserEntry.CONTRACT_VERSION);
});
