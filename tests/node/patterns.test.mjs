// createAnalyzer, patterns and timings from Node: patterns compile once, a bad one is a
// TypeError naming its index and the regex crate's message, typed patterns make
// entities, untyped ones give matches in UTF-16, and timings come with the result (and
// as User Timing measures, which Node's `performance` keeps too).
import { test } from "node:test";
import assert from "node:assert/strict";
// The package's Node entry, which loads both modules (patterns are the second's).
import { analyze, createAnalyzer } from "../../www/pkg/node.js";
import { misalignedSpans } from "./spans.mjs";

const patterns = [
  { label: "bill", regex: "\\b(HB|SB) (\\d+)" },
  { label: "beat", phrases: ["Jane Roe"], type: "person", subtype: "senator" },
];

test("createAnalyzer compiles once and analyzes many texts as plain objects", () => {
  const analyzer = createAnalyzer({ patterns });
  const text = "🎉 Sen. Jane Roe said HB 1234 would pass. Roe voted for SB 9.";
  for (let i = 0; i < 3; i++) {
    const analysis = analyzer.analyze(text);
    assert.equal(Object.getPrototypeOf(analysis), Object.prototype);
    assert.deepEqual(misalignedSpans(analysis, text), []);
    assert.deepEqual(
      analysis.matches.map((m) => [m.label, m.text, text.slice(m.start, m.end)]),
      [["bill", "HB 1234", "HB 1234"], ["bill", "SB 9", "SB 9"]],
    );
    assert.deepEqual(analysis.matches[0].groups.map((g) => g.text), ["HB", "1234"]);
    const roe = analysis.entities.find((e) => e.name === "Jane Roe");
    assert.equal(roe.type, "person");
    assert.equal(roe.subtype, "senator");
    assert.deepEqual(roe.mentions.map((m) => m.text), ["Jane Roe", "Roe"]);
  }
  analyzer.free();
});

test("plain analyze takes the same patterns", () => {
  const analysis = analyze("HB 12 passed.", { patterns });
  assert.deepEqual(analysis.matches.map((m) => m.text), ["HB 12"]);
  assert.deepEqual(analyze("HB 12 passed.").matches, []);
});

test("a bad pattern is a TypeError naming its index and the regex crate's message", () => {
  const bad = [{ label: "a", regex: "a" }, { label: "b", regex: "b" }, { label: "c", regex: "ab(cd" }];
  assert.throws(() => createAnalyzer({ patterns: bad }), {
    name: "TypeError",
    message: "createAnalyzer: patterns[2].regex: unclosed group at 2",
  });
  assert.throws(() => analyze("x", { patterns: bad }), {
    name: "TypeError",
    message: "analyze: patterns[2].regex: unclosed group at 2",
  });
  assert.throws(() => createAnalyzer({ patterns: [{ label: "a", regexp: "a" }] }), (e) =>
    e instanceof TypeError && /^createAnalyzer: options\.patterns: \[0\]: unknown field `regexp`/.test(e.message));
  assert.throws(() => createAnalyzer({ patterns: "HB" }), TypeError);
  assert.throws(() => createAnalyzer({ timings: "yes" }), {
    name: "TypeError",
    message: "createAnalyzer: options.timings must be true or false",
  });
  const many = Array.from({ length: 1000 }, (_, i) => ({ label: "p", regex: `w${i}` }));
  assert.throws(() => createAnalyzer({ patterns: many }), /at most 100/);
  // The module still works after every error.
  assert.equal(analyze("Kim said.").version, 1);
});

test("a pattern that hangs JavaScript's RegExp runs in linear time here", () => {
  // /(a+)+$/ on 30 a's and a '!' takes minutes in V8; here a 1 MB text is quick.
  const text = "a".repeat(1_000_000) + "!";
  const analysis = createAnalyzer({ patterns: [{ label: "nested", regex: "(a+)+$" }] }).analyze(text);
  assert.deepEqual(analysis.matches, []);
});

test("timings: ms per stage and in all, and User Timing measures", () => {
  performance.clearMeasures();
  const analysis = createAnalyzer({ timings: true }).analyze("SEOUL, Sept. 14 (Yonhap) -- Kim said 5% of $3 billion.");
  const stages = analysis.timings.stages.map((s) => s.stage);
  assert.deepEqual(stages, ["text", "anatomy", "patterns", "entities", "quotes", "dates", "figures", "offsets"]);
  assert.ok(analysis.timings.total_ms >= 0);
  assert.ok(analysis.timings.stages.every((s) => typeof s.ms === "number" && s.ms >= 0));
  const measures = performance.getEntriesByType("measure").map((m) => m.name);
  assert.ok(measures.includes("article-analyzer:entities"), measures.join(", "));
  assert.deepEqual(performance.getEntriesByType("mark").filter((m) => m.name.startsWith("article-analyzer")), [],
    "the marks are cleared once measured");
  assert.equal(analyze("Kim said.").timings, null);
});
