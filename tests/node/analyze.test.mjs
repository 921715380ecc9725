// The wasm package from Node, loaded as a Node user would: the glue module plus the
// .wasm bytes handed to `initSync`. Checks the span contract in UTF-16 (and the other
// units), and that wrong arguments throw a TypeError without breaking the module.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { initSync, analyze } from "../../www/pkg/article_analyzer.js";
import { everySpan, misalignedSpans } from "./spans.mjs";

const pkg = new URL("../../www/pkg/", import.meta.url);
const fixtures = new URL("../fixtures/", import.meta.url);
initSync({ module: await readFile(new URL("article_analyzer_bg.wasm", pkg)) });

const yonhap = await readFile(new URL("yonhap-2023-09-14-kim-putin.txt", fixtures), "utf8");
const efe = await readFile(new URL("efe-2023-09-14-kim-putin.txt", fixtures), "utf8");
// Astral characters (two UTF-16 units each), combining marks and CJK before and inside quotes.
const emoji =
  "SEOUL, Sept. 14 (Yonhap) -- 🇰🇷 Kim Jong-un 👋 met Vladimir Putin in Russia.\n\n" +
  "\"We will win 💪,\" Putin said. Café owner José Núñez said the talks were 「重要」 🤝.\n\n" +
  "𝕳𝖊𝖑𝖑𝖔 \"a 😀 partial 😀 quote,\" said Kim.\n";

function assertSpansLineUp(analysis, text) {
  assert.deepEqual(misalignedSpans(analysis, text), []);
}

test("a seed story gives contract v1 with every span slicing to its text in UTF-16", () => {
  for (const story of [yonhap, efe]) {
    const analysis = analyze(story);
    assert.equal(analysis.version, 1);
    assert.equal(analysis.offsets, "utf16");
    assert.ok([...everySpan(analysis)].length >= 10, "a whole story has at least its paragraphs as spans");
    assertSpansLineUp(analysis, story);
  }
});

test("the result is a plain object that survives JSON and structuredClone", () => {
  const analysis = analyze(yonhap);
  assert.equal(Object.getPrototypeOf(analysis), Object.prototype);
  assert.deepEqual(JSON.parse(JSON.stringify(analysis)), analysis);
  assert.deepEqual(structuredClone(analysis), analysis);
});

test("text with emoji and other astral characters: spans line up in every offset unit", () => {
  const utf16 = analyze(emoji);
  assert.ok([...everySpan(utf16)].length >= 3);
  assertSpansLineUp(utf16, emoji);
  for (const offsets of ["utf16", "utf8", "chars"]) {
    const analysis = analyze(emoji, { offsets });
    assert.equal(analysis.offsets, offsets);
    assertSpansLineUp(analysis, emoji);
  }
  // The units really differ on this text: the last paragraph starts later in bytes.
  const last = (a) => a.paragraphs.at(-1).start;
  assert.ok(last(analyze(emoji, { offsets: "utf8" })) > last(utf16));
  assert.ok(last(utf16) > last(analyze(emoji, { offsets: "chars" })));
});

test("a lone surrogate is analyzed as U+FFFD with offsets that still line up", () => {
  const text = "Kim said \"yes \uD83D\" in Seoul.\n\nHigh \uDC00 low \uD800 end said Putin.";
  const analysis = analyze(text);
  // The span's text carries U+FFFD where the input has the lone surrogate.
  for (const [path, span] of everySpan(analysis)) {
    assert.equal(text.slice(span.start, span.end).toWellFormed(), span.text, path);
  }
  assert.ok(analysis.paragraphs.some((p) => p.text.includes("\uFFFD")));
  assert.ok(analysis.paragraphs.length >= 2);
  assert.equal(analysis.paragraphs.at(-1).end, text.length);
});

test("odd but valid input: empty, whitespace, options null or empty, a reference date", () => {
  assert.equal(analyze("").version, 1);
  assert.equal(analyze(" \n\t\r\n ").version, 1);
  assert.equal(analyze("x", null).offsets, "utf16");
  assert.equal(analyze("x", {}).offsets, "utf16");
  assert.equal(analyze("x", { offsets: undefined }).offsets, "utf16");
  assert.equal(analyze(yonhap, { reference_date: "2023-09-20" }).version, 1);
});

test("wrong arguments throw a TypeError that says what is wrong", () => {
  const cases = [
    [() => analyze(undefined), /text must be a string, got undefined/],
    [() => analyze(), /text must be a string/],
    [() => analyze(42), /text must be a string, got number 42/],
    [() => analyze(null), /text must be a string, got null/],
    [() => analyze({ text: "x" }), /text must be a string, got object/],
    [() => analyze("x", { offsets: 5 }), /options\.offsets must be "utf16", "utf8" or "chars"/],
    [() => analyze("x", { offsets: "bytes" }), /options\.offsets/],
    [() => analyze("x", { bogus: 1 }), /unknown option "bogus"/],
    [() => analyze("x", "x"), /options must be an object, got string/],
    [() => analyze("x", 7), /options must be an object, got number 7/],
    [() => analyze("x", ["utf8"]), /options must be an object, got an array/],
    [() => analyze("x", { reference_date: 20230914 }), /options\.reference_date must be a string/],
    [() => analyze("x", { reference_date: "14/09/2023" }), /options\.reference_date/],
  ];
  for (const [call, message] of cases) {
    assert.throws(call, (error) => {
      assert.ok(error instanceof TypeError, `${call}: ${error}`);
      assert.match(error.message, message);
      assert.match(error.message, /^analyze: /);
      return true;
    });
  }
});

test("the module keeps working after errors and odd input", () => {
  for (const bad of [undefined, 42, null]) assert.throws(() => analyze(bad), TypeError);
  assert.throws(() => analyze("x", { bogus: 1 }), TypeError);
  analyze("\uD800");
  const again = analyze(yonhap);
  assert.deepEqual(again, analyze(yonhap));
  assertSpansLineUp(again, yonhap);
});

test("many calls in a loop do not grow the wasm memory without bound", () => {
  const memory = () => initSync({ module: new Uint8Array() }).memory; // already initialized: returns the instance
  analyze(yonhap);
  const before = memory().buffer.byteLength;
  for (let i = 0; i < 300; i++) analyze(yonhap);
  assert.ok(memory().buffer.byteLength <= before * 2, `memory grew from ${before} to ${memory().buffer.byteLength}`);
});
