// `compare([{text, analysis}, ...])` from Node: the seed stories give the shared KCNA
// quote with its two wording differences, every span of the comparison slices its own
// story, the result is a plain object, and wrong arguments throw a TypeError.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
// The package's Node entry: it loads the full module, where compare is.
import { analyze, compare } from "../../www/pkg/node.js";
import { sliceIn } from "./spans.mjs";

const fixtures = new URL("../fixtures/", import.meta.url);

const yonhap = await readFile(new URL("yonhap-2023-09-14-kim-putin.txt", fixtures), "utf8");
const efe = await readFile(new URL("efe-2023-09-14-kim-putin.txt", fixtures), "utf8");

function seeds(offsets = "utf16") {
  return [yonhap, efe].map((text) => ({ text, analysis: analyze(text, { offsets, reference_date: "2023-09-14" }) }));
}

test("the seed stories share the KCNA quote, with its two wording differences", () => {
  const stories = seeds();
  const comparison = compare(stories);
  assert.equal(comparison.version, 1);
  assert.deepEqual(comparison.stories.map((s) => s.source), ["Yonhap", "EFE"]);
  assert.equal(comparison.quotes.length, 1);
  const [statement] = comparison.quotes;
  assert.equal(statement.speaker, "Korean Central News Agency");
  // The quotations of each version, by their first words (the indices into each
  // story's quotes count its reported speech too).
  const opening = (v) => v.quotes.map((q) => stories[v.story].analysis.quotes[q].text.slice(0, 10));
  assert.deepEqual(statement.versions.map(opening), [["At the end", "Putin acce"], ["At the end"]]);
  const both = statement.versions[1].changes
    .filter((c) => c.reference.length && c.version.length)
    .map((c) => [c.reference.map((s) => s.text).join(" "), c.version.map((s) => s.text).join(" ")]);
  assert.deepEqual(both, [["Kim Jong Un", "Kim Jong-un"], ["the DPRK", "[North Korea]"]]);
  const kims = ["Kim Jong-un", "Kim Jong-il"].map((n) => comparison.entities.findIndex((e) => e.name === n));
  assert.ok(kims.every((i) => i >= 0) && kims[0] !== kims[1]);
});

test("every span of the comparison slices its own story, in every unit", () => {
  for (const offsets of ["utf16", "utf8", "chars"]) {
    const stories = seeds(offsets);
    const comparison = compare(stories);
    let checked = 0;
    for (const statement of comparison.quotes) {
      const reference = stories[statement.versions[0].story].text;
      for (const version of statement.versions) {
        for (const change of version.changes) {
          for (const [text, spans] of [[reference, change.reference], [stories[version.story].text, change.version]]) {
            for (const span of spans) {
              assert.equal(sliceIn(offsets, text, span.start, span.end), span.text);
              checked += 1;
            }
          }
        }
      }
    }
    assert.ok(checked >= 4, `${offsets}: ${checked} spans`);
  }
});

test("the comparison is a plain object that survives JSON and structuredClone", () => {
  const comparison = compare(seeds());
  assert.equal(Object.getPrototypeOf(comparison), Object.prototype);
  assert.deepEqual(JSON.parse(JSON.stringify(comparison)), comparison);
  assert.deepEqual(structuredClone(comparison), comparison);
  // An analysis that went through JSON compares the same.
  const stories = seeds().map(({ text, analysis }) => ({ text, analysis: JSON.parse(JSON.stringify(analysis)) }));
  assert.deepEqual(compare(stories), comparison);
  assert.equal(compare([]).quotes.length, 0);
  assert.equal(compare(seeds().slice(0, 1)).only_in.length, 1);
});

test("wrong arguments throw a TypeError that says what is wrong", () => {
  const [good] = seeds();
  const cases = [
    [() => compare(), /stories must be an array of \{text, analysis\}, got undefined/],
    [() => compare("x"), /stories must be an array/],
    [() => compare([{ analysis: good.analysis }]), /stories\[0\]\.text must be a string/],
    [() => compare([good, { text: "x" }]), /stories\[1\]\.analysis must be an analysis from analyze\(\)/],
    [() => compare([good, { text: "x", analysis: { version: 1 } }]), /stories\[1\]\.analysis must be an analysis/],
  ];
  for (const [call, message] of cases) {
    assert.throws(call, (error) => {
      assert.ok(error instanceof TypeError, `${call}: ${error}`);
      assert.match(error.message, message);
      assert.match(error.message, /^compare: /);
      return true;
    });
  }
  // The module still works after the errors.
  assert.equal(compare(seeds()).quotes.length, 1);
});
