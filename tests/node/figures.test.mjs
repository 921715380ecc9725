// Figures from Node: the values JavaScript receives (whole numbers as numbers, not
// strings), and offsets in UTF-16 after astral characters.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { initSync, analyze } from "../../www/pkg/article_analyzer.js";
import { misalignedSpans } from "./spans.mjs";

const pkg = new URL("../../www/pkg/", import.meta.url);
initSync({ module: await readFile(new URL("article_analyzer_bg.wasm", pkg)) });

test("figures carry normalized values and UTF-16 spans after emoji", () => {
  const text = "🇰🇷 Seoul set aside ₩5,000 and 5 billion won 💸; exports rose 0.5% to $44.5 million, 280 km away.";
  const analysis = analyze(text);
  assert.deepEqual(misalignedSpans(analysis, text), []);
  const figures = analysis.figures.map((f) => [f.text, f.kind, f.value.number, f.value.currency, f.value.unit]);
  assert.deepEqual(figures, [
    ["₩5,000", "money", 5000, "KRW", null],
    ["5 billion won", "money", 5e9, "KRW", null],
    ["0.5%", "percent", 0.5, null, "%"],
    ["$44.5 million", "money", 44.5e6, "USD", null],
    ["280 km", "quantity", 280, null, "km"],
  ]);
  const money = analysis.figures[3];
  assert.equal(text.slice(money.sentence.start, money.sentence.end), money.sentence.text);
  assert.ok(money.sentence.text.includes("exports rose"));
  assert.equal(money.value.scale, 1e6);
});

test("years, phone numbers and counts are no figures", () => {
  assert.deepEqual(analyze("In 2011, 3,000 troops called +82-2-398-3114.").figures, []);
});
