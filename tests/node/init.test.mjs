// The async init, as in a browser or a Worker, given bytes (Node has no fetch of file: URLs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import init, { analyze } from "../../www/pkg/article_analyzer.js";

test("init({ module_or_path: bytes }) then analyze", async () => {
  const bytes = await readFile(new URL("../../www/pkg/article_analyzer_bg.wasm", import.meta.url));
  const exports = await init({ module_or_path: bytes });
  assert.ok(exports.memory instanceof WebAssembly.Memory);
  const text = "NAIROBI, Kenya (AP) — \"It works,\" said Jane Doe. 🎉";
  const analysis = analyze(text);
  assert.equal(analysis.offsets, "utf16");
  for (const p of analysis.paragraphs) assert.equal(text.slice(p.start, p.end), p.text);
});
