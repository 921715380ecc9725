// A Node user of the installed package, as the package README shows it: a bare import,
// no init (the `node` export condition loads the .wasm itself). Prints a few fields.
import { analyze, CONTRACT_VERSION } from "article-analyzer";

const text = "NAIROBI, Kenya (AP) — \"We are ready,\" said Jane Wanjiru, the mayor. 🎉";
const analysis = analyze(text);
const aligned = analysis.paragraphs.every((p) => text.slice(p.start, p.end) === p.text);
console.log(JSON.stringify({ version: analysis.version, contract: CONTRACT_VERSION, offsets: analysis.offsets, aligned }));
