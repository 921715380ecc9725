// The wasm package in Chromium: createAnalyzer with patterns and figures, a bad
// pattern's TypeError, and timings written to the page's User Timing (what the
// browser's performance panel shows).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openSite } from "./browser.mjs";

let site;
before(async () => {
  site = await openSite();
});
after(() => site?.close());

test("createAnalyzer, patterns, figures and User Timing measures in the browser", { timeout: 60_000 }, async () => {
  const page = await site.newPage();
  await page.goto(site.url("/"));
  const result = await page.evaluate(async () => {
    const glue = await import("/pkg/index.js");
    await glue.init();
    // Patterns before the full module is loaded: an error that says what to do.
    let early = null;
    try {
      glue.analyze("HB 1", { patterns: [{ label: "bill", regex: "HB \\d" }] });
    } catch (e) {
      early = e.message;
    }
    const loads = () => performance.getEntriesByType("resource").filter((r) => r.name.endsWith("_full_bg.wasm")).length;
    const loadedBefore = loads();
    await glue.initFull();
    const analyzer = glue.createAnalyzer({
      timings: true,
      patterns: [
        { label: "bill", regex: "\\b(HB|SB) (\\d+)" },
        { label: "beat", phrases: ["Jane Roe"], type: "person" },
      ],
    });
    const text = "🎉 Sen. Jane Roe said HB 1234 would cost $44.5 million. Roe agreed.";
    const analysis = analyzer.analyze(text);
    let error = null;
    try {
      glue.createAnalyzer({ patterns: [{ label: "x", regex: "(a" }] });
    } catch (e) {
      error = `${e.name}: ${e.message}`;
    }
    return {
      matches: analysis.matches.map((m) => [m.text, text.slice(m.start, m.end)]),
      roe: analysis.entities.find((e) => e.name === "Jane Roe")?.mentions.map((m) => m.text),
      figures: analysis.figures.map((f) => [f.text, f.value.number, f.value.currency]),
      stages: analysis.timings.stages.map((s) => s.stage),
      measures: performance.getEntriesByType("measure").map((m) => m.name),
      error,
      early,
      loadedBefore,
      loadedAfter: loads(),
    };
  });
  assert.deepEqual(result.matches, [["HB 1234", "HB 1234"]]);
  assert.deepEqual(result.roe, ["Jane Roe", "Roe"]);
  assert.deepEqual(result.figures, [["$44.5 million", 44500000, "USD"]]);
  assert.ok(result.stages.includes("patterns") && result.stages.includes("figures"));
  for (const stage of result.stages) assert.ok(result.measures.includes(`article-analyzer:${stage}`), stage);
  assert.equal(result.error, "TypeError: createAnalyzer: patterns[0].regex: unclosed group at 0");
  // The full module is fetched only when asked for, and asked for by name.
  assert.match(result.early, /initFull\(\)/);
  assert.deepEqual([result.loadedBefore, result.loadedAfter], [0, 1]);
  assert.deepEqual(site.problems(), []);
});
