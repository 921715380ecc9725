// www/pkg as an npm package: packed with `npm pack`, installed into a throwaway
// project, imported by name from Node, and type-checked from TypeScript (`tsc --noEmit`
// on consumer/consumer.ts). Also checks that the hand-written .d.ts declares exactly the
// fields the result carries, so the types cannot drift from src/analysis.rs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyze, compare } from "../../www/pkg/node.js";
import { installPacked, pkgDir } from "./packed.mjs";
import { readmeExample } from "./readme-examples.mjs";

const consumerDir = fileURLToPath(new URL("./consumer/", import.meta.url));
const fixtures = new URL("../fixtures/", import.meta.url);
const require = createRequire(new URL("../package.json", import.meta.url));
const ts = require("typescript");
const manifest = JSON.parse(await readFile(join(pkgDir, "package.json"), "utf8"));

let project;
before(async () => {
  project = await mkdtemp(join(tmpdir(), "article-analyzer-consumer-"));
  await cp(consumerDir, project, { recursive: true });
  manifest.packedFiles = installPacked(project);
  // The framework types the .tsx consumers compile against, from the test tools.
  const tools = fileURLToPath(new URL("../node_modules/", import.meta.url));
  await mkdir(join(project, "node_modules", "@types"), { recursive: true });
  for (const name of ["@types/react", "csstype", "preact"]) {
    await symlink(join(tools, name), join(project, "node_modules", name), "dir");
  }
});
after(() => project && rm(project, { recursive: true, force: true }));

test("package.json says what it is and ships the wasm, the glue and the types", () => {
  assert.equal(manifest.name, "article-analyzer");
  assert.match(manifest.version, /^\d+\.\d+\.\d+/);
  assert.equal(manifest.type, "module");
  assert.ok(manifest.license && manifest.keywords.length > 0 && manifest.author);
  assert.match(manifest.engines.node, /^>=\d+/);
  // No public repository yet: no invented URLs, and the README says why they are missing.
  for (const field of ["homepage", "bugs", "repository"]) {
    if (field in manifest) assert.match(JSON.stringify(manifest[field]), /https:\/\//, field);
  }
  if (!("homepage" in manifest)) {
    assert.match(readFileSync(join(pkgDir, "README.md"), "utf8"), /no public address yet[^]*`homepage`/);
  }
  for (const file of ["index.js", "node.js", "index.d.ts", "article_analyzer.js", "article_analyzer_bg.wasm", "article_analyzer.d.ts",
    "article_analyzer_full.js", "article_analyzer_full_bg.wasm", "package.json",
    "README.md", "CHANGELOG.md", "LICENSE-MIT", "LICENSE-APACHE"]) {
    assert.ok(manifest.packedFiles.includes(file), `npm pack leaves out ${file}`);
  }
  assert.equal(manifest.exports["."].types, `./${manifest.types.replace(/^\.\//, "")}`);
});

test("every file the exports map names is in the package", () => {
  const targets = Object.values(manifest.exports).flatMap((t) => (typeof t === "string" ? [t] : Object.values(t)));
  for (const target of targets) assert.ok(manifest.packedFiles.includes(target.replace(/^\.\//, "")), target);
});

test("each export resolves by name from the installed package", () => {
  const subpaths = Object.keys(manifest.exports);
  for (const wanted of [".", "./client.js", "./article-analysis.js", "./render.js", "./article-analysis.css", "./article-analysis-worker.js"]) {
    assert.ok(subpaths.includes(wanted), `package.json exports ${wanted}`);
  }
  // Resolved by Node from inside the consumer project, as `import "article-analyzer/…"`
  // would; the JSX declarations (types only) are for TypeScript alone.
  const runtime = subpaths.filter((subpath) => {
    const target = manifest.exports[subpath];
    return typeof target === "string" || "default" in target;
  });
  const specifiers = runtime.map((subpath) => `article-analyzer${subpath.slice(1)}`);
  const script = `console.log(JSON.stringify(${JSON.stringify(specifiers)}.map((s) => import.meta.resolve(s))))`;
  const resolved = JSON.parse(execFileSync("node", ["--input-type=module", "-e", script], { cwd: project, encoding: "utf8" }));
  const installed = join(project, "node_modules", "article-analyzer");
  runtime.forEach((subpath, i) => {
    const file = fileURLToPath(resolved[i]);
    const target = manifest.exports[subpath];
    // Node picks the `node` condition where there is one.
    assert.equal(file, join(installed, typeof target === "string" ? target : target.node ?? target.default), subpath);
    assert.ok(existsSync(file), `${specifiers[i]} resolves to ${file}, which exists`);
  });
  // The modules that need no DOM to load, load.
  const load = `const m = await Promise.all([import("article-analyzer"), import("article-analyzer/render.js")]);
    console.log(JSON.stringify([typeof m[0].analyze, typeof m[1].renderBreakdown]));`;
  assert.deepEqual(JSON.parse(execFileSync("node", ["--input-type=module", "-e", load], { cwd: project, encoding: "utf8" })), ["function", "function"]);
});

test("the README's Node example runs as written in a fresh folder with the tarball installed", async () => {
  await writeFile(join(project, "quotes.mjs"), readmeExample("node"));
  const out = execFileSync("node", ["quotes.mjs"], { cwd: project, encoding: "utf8" });
  const lines = out.trim().split("\n");
  assert.equal(lines[0], "Seoul Yonhap");
  assert.ok(lines.some((line) => /^Kim Jong-un: We will always be with Russia/.test(line)), out);
  assert.ok(lines.some((line) => /^person Vladimir Putin$/.test(line)), out);
});

test("Node imports the installed package by name and analyzes with it", () => {
  const out = execFileSync("node", ["consumer.mjs"], { cwd: project, encoding: "utf8" });
  assert.deepEqual(JSON.parse(out), { version: 1, contract: 1, offsets: "utf16", aligned: true });
});

/** Runs `tsc -p config` (strict, --noEmit) in the consumer project. */
function typeCheck(config) {
  const tsc = require.resolve("typescript/bin/tsc");
  try {
    execFileSync("node", [tsc, "-p", config], { cwd: project, encoding: "utf8" });
  } catch (error) {
    assert.fail(`tsc -p ${config} failed:\n${error.stdout}${error.stderr}`);
  }
}

test("a TypeScript consumer type-checks against the package's .d.ts (tsc --noEmit)", () => {
  typeCheck("tsconfig.json");
});

test("<article-analysis> in a React 19 .tsx and a Preact .tsx type-checks, strict, with a wrong attribute caught", () => {
  typeCheck("tsconfig.react.json");
  typeCheck("tsconfig.preact.json");
});

/** The interfaces of a .d.ts: name → { field → { type text, optional } }, `extends` folded in. */
function interfacesOf(dts) {
  const source = ts.createSourceFile("types.d.ts", dts, ts.ScriptTarget.Latest);
  const raw = new Map();
  for (const node of source.statements) {
    if (!ts.isInterfaceDeclaration(node)) continue;
    const fields = new Map();
    for (const member of node.members) {
      if (ts.isPropertySignature(member)) {
        fields.set(member.name.getText(source), { type: member.type.getText(source), optional: !!member.questionToken });
      }
    }
    const bases = (node.heritageClauses ?? []).flatMap((h) => h.types.map((t) => t.expression.getText(source)));
    raw.set(node.name.text, { fields, bases });
  }
  const resolve = (name) => {
    const { fields, bases } = raw.get(name);
    return new Map([...bases.flatMap((b) => [...resolve(b)]), ...fields]);
  };
  return new Map([...raw.keys()].map((name) => [name, resolve(name)]));
}

/** Differences between `value` and the interface `name`, recursing into fields typed by other interfaces. */
function mismatches(value, name, interfaces, path, seen) {
  const fields = interfaces.get(name);
  seen.add(name);
  const out = [];
  for (const key of Object.keys(value)) {
    if (!fields.has(key)) out.push(`${path}.${key} is in the result but not in interface ${name}`);
  }
  for (const [key, { type, optional }] of fields) {
    if (!(key in value)) {
      if (!optional) out.push(`${path}.${key} is declared in ${name} but missing from the result`);
      continue;
    }
    const item = value[key];
    const nullable = /\|\s*null\b/.test(type);
    if (item === null) {
      if (!nullable) out.push(`${path}.${key} is null but ${name}.${key} is ${type}`);
      continue;
    }
    const inner = type.replace(/\|\s*null\b/, "").trim();
    const list = inner.match(/^(\w+)\[\]$/);
    const target = list ? list[1] : inner;
    if (list && !Array.isArray(item)) out.push(`${path}.${key} is not an array but ${name}.${key} is ${type}`);
    if (interfaces.has(target)) {
      for (const [i, element] of (list ? item : [item]).entries()) {
        out.push(...mismatches(element, target, interfaces, list ? `${path}.${key}[${i}]` : `${path}.${key}`, seen));
      }
    } else if (target === "string" || target === "number") {
      for (const element of list ? item : [item]) {
        if (typeof element !== target) out.push(`${path}.${key} holds ${typeof element} but ${name}.${key} is ${type}`);
      }
    }
  }
  return out;
}

test("the .d.ts declares exactly the fields the result carries", async () => {
  const interfaces = interfacesOf(await readFile(join(pkgDir, "article_analyzer.d.ts"), "utf8"));
  for (const name of ["Analysis", "Span", "Dateline", "DatelineDate", "Byline", "Quote", "Speaker", "Entity", "DateMention", "AnalyzeOptions"]) {
    assert.ok(interfaces.has(name), `the .d.ts has no interface ${name}`);
  }
  const seen = new Set();
  for (const story of (await readdir(fixtures)).filter((f) => f.endsWith(".txt"))) {
    const analysis = analyze(await readFile(new URL(story, fixtures), "utf8"), { reference_date: "2023-09-14" });
    assert.deepEqual(mismatches(analysis, "Analysis", interfaces, story, seen), []);
  }
  assert.ok(seen.has("Analysis") && seen.has("Span"));
  // The comparison of the seed stories, against its own interfaces.
  const seeds = await Promise.all(
    ["yonhap-2023-09-14-kim-putin.txt", "efe-2023-09-14-kim-putin.txt"].map(async (story) => {
      const text = await readFile(new URL(story, fixtures), "utf8");
      return { text, analysis: analyze(text, { reference_date: "2023-09-14" }) };
    }),
  );
  assert.deepEqual(mismatches(compare(seeds), "Comparison", interfaces, "comparison", seen), []);
  for (const name of ["Comparison", "StorySummary", "SharedEntity", "EntityInStory", "AlignedQuote", "QuoteVersion", "Change", "OnlyIn", "SharedFigure", "FigureVersion"]) {
    assert.ok(seen.has(name), `the seed comparison exercised no ${name}`);
  }
});
