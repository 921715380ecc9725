// A Node user of the installed package: bare import, the .wasm found through the
// package's exports, bytes handed to initSync. Prints a few fields as JSON.
import { readFile } from "node:fs/promises";
import { initSync, analyze } from "article-analyzer";

const wasm = new URL(import.meta.resolve("article-analyzer/article_analyzer_bg.wasm"));
initSync({ module: await readFile(wasm) });
const text = "NAIROBI, Kenya (AP) — \"We are ready,\" said Jane Wanjiru, the mayor. 🎉";
const analysis = analyze(text);
const aligned = analysis.paragraphs.every((p) => text.slice(p.start, p.end) === p.text);
console.log(JSON.stringify({ version: analysis.version, offsets: analysis.offsets, aligned }));
