// The browser-side benchmark: the article-analyzer wasm package against compromise
// (people(), places(), organizations(), quotations(), each with offsets) on the same
// stories, interleaved in one process. Prints throughput (MB/s of UTF-8 text), cold
// start (a fresh Node process: load + first analysis, median of several) and the gzip
// size of what a browser downloads, each with the ratio to compromise. The wasm package
// runs twice: as is, and with ten user patterns compiled once by createAnalyzer.
//
//   node bench.mjs [--pkg DIR] [--seconds N] [--json FILE] [STORY_DIR...]
//
// Stories: tests/fixtures/*.txt and benches/stories/*.txt, plus every *.txt in each
// STORY_DIR given. --pkg is the built package (default www/pkg, from scripts/build.sh).
import { readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { execFileSync } from "node:child_process";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const compromiseBundle = join(here, "node_modules/compromise/builds/three/compromise-three.mjs");

function parseArgs(argv) {
  const args = { pkg: join(root, "www/pkg"), seconds: 3, json: null, dirs: [], cold: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--pkg") args.pkg = resolve(argv[++i]);
    else if (a === "--seconds") args.seconds = Number(argv[++i]);
    else if (a === "--json") args.json = resolve(argv[++i]);
    else if (a === "--cold") args.cold = argv[++i];
    else if (a.startsWith("--")) throw new Error(`unknown option ${a}`);
    else args.dirs.push(resolve(a));
  }
  return args;
}

function readStories(dirs) {
  const stories = [];
  for (const dir of [join(root, "tests/fixtures"), join(root, "benches/stories"), ...dirs]) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".txt")).sort()) {
      stories.push({ name, text: readFileSync(join(dir, name), "utf8") });
    }
  }
  return stories;
}

const TURN_MS = 200;

/// Ten patterns of the kinds a newsroom would give: identifiers, tickers, phrase lists
/// of people, places and committees (typed and not), case-blind words.
const TEN_PATTERNS = [
  { label: "bill", regex: "\\b(?:HB|SB|H\\.R\\.|S\\.) ?\\d{1,5}\\b" },
  { label: "ticker", regex: "\\$[A-Z]{1,5}\\b|\\((?:NYSE|NASDAQ|LSE|KRX): ?[A-Z0-9.]{1,8}\\)" },
  { label: "hashtag", regex: "#\\w+" },
  { label: "url", regex: "https?://[^\\s)]+" },
  { label: "money words", phrases: ["budget", "deficit", "tariff", "sanctions", "inflation", "interest rate"] },
  { label: "beat", phrases: ["Kim Jong-un", "Vladimir Putin", "Yoon Suk Yeol", "Jane Roe"], type: "person" },
  { label: "committee", phrases: ["Harbor Commission", "Finance Committee", "Security Council"], type: "organization", subtype: "committee" },
  { label: "places", phrases: ["Vladivostok", "Pyongyang", "Seoul", "Moscow", "Portland"], type: "location" },
  { label: "weapons", regex: "(?i-u)\\b(?:missiles?|warheads?|satellites?|rockets?)\\b" },
  { label: "agency", phrases: ["Yonhap", "KCNA", "Reuters", "AFP", "EFE"], case_sensitive: true },
];

/// The two contestants: how to load each, and one analysis of a text.
const contestants = {
  async wasm(pkg) {
    const glue = await import(pathToFileURL(join(pkg, "article_analyzer.js")).href);
    const bytes = readFileSync(join(pkg, "article_analyzer_bg.wasm"));
    await glue.default({ module_or_path: bytes });
    return (text) => glue.analyze(text);
  },
  // The package's full module: the first plus the regex engine and compare.
  async "wasm+patterns"(pkg) {
    const glue = await import(pathToFileURL(join(pkg, "article_analyzer_full.js")).href);
    await glue.default({ module_or_path: readFileSync(join(pkg, "article_analyzer_full_bg.wasm")) });
    const analyzer = glue.createAnalyzer({ patterns: TEN_PATTERNS });
    return (text) => analyzer.analyze(text);
  },
  // Its one-file browser build, as a page would load it.
  async compromise() {
    const nlp = (await import(pathToFileURL(compromiseBundle).href)).default;
    return (text) => {
      const doc = nlp(text);
      const offsets = { offset: true };
      return {
        people: doc.people().json(offsets),
        places: doc.places().json(offsets),
        organizations: doc.organizations().json(offsets),
        quotations: doc.quotations().json(offsets),
      };
    };
  },
};

/// In a fresh process: milliseconds from before loading to after the first analysis.
async function coldStart(which, pkg, text) {
  const started = performance.now();
  const analyze = await contestants[which](pkg);
  analyze(text);
  return performance.now() - started;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function gzipSize(files) {
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const stories = readStories(args.dirs);
  if (args.cold) {
    process.stdout.write(String(await coldStart(args.cold, args.pkg, stories[0].text)));
    return;
  }
  if (!existsSync(join(args.pkg, "article_analyzer_bg.wasm"))) {
    throw new Error(`no wasm package in ${args.pkg}: run scripts/build.sh first`);
  }
  const bytes = stories.reduce((n, s) => n + Buffer.byteLength(s.text), 0);
  console.log(`${stories.length} stories, ${(bytes / 1024).toFixed(1)} KiB`);

  // Throughput: rounds alternating which goes first. In each round a contestant gets a
  // turn of whole passes over every story lasting at least TURN_MS: one compromise pass
  // takes about half a second, one wasm pass a few milliseconds, and a turn that short
  // measured mostly the caches compromise had just flushed (wasm ran at half speed).
  const analyzers = {
    wasm: await contestants.wasm(args.pkg),
    "wasm+patterns": await contestants["wasm+patterns"](args.pkg),
    compromise: await contestants.compromise(),
  };
  const spent = { wasm: 0, "wasm+patterns": 0, compromise: 0 };
  const passes = { wasm: 0, "wasm+patterns": 0, compromise: 0 };
  for (const analyze of Object.values(analyzers)) stories.forEach((s) => analyze(s.text)); // warm up
  const deadline = performance.now() + args.seconds * 1000 * 2;
  for (let round = 0; performance.now() < deadline || round < 2; round++) {
    const order = round % 2 ? ["compromise", "wasm+patterns", "wasm"] : ["wasm", "wasm+patterns", "compromise"];
    for (const which of order) {
      globalThis.gc?.();
      const t = performance.now();
      do {
        for (const s of stories) analyzers[which](s.text);
        passes[which] += 1;
      } while (performance.now() - t < TURN_MS);
      spent[which] += performance.now() - t;
    }
  }
  const mbps = (which) => (bytes * passes[which]) / 1e6 / (spent[which] / 1000);

  // Cold start: fresh processes, alternating, median of 5 each.
  const cold = { wasm: [], compromise: [] };
  for (let i = 0; i < 5; i++) {
    for (const which of ["wasm", "compromise"]) {
      const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--cold", which, "--pkg", args.pkg], {
        cwd: here,
      });
      cold[which].push(Number(out.toString()));
    }
  }

  // What a browser downloads: the .wasm and the JS glue of both modules (index.js
  // imports both glues; the full .wasm only for patterns or compare); compromise's
  // browser build.
  const glues = [join(args.pkg, "article_analyzer.js"), join(args.pkg, "article_analyzer_full.js")];
  const size = {
    wasm: gzipSize([join(args.pkg, "article_analyzer_bg.wasm"), ...glues]),
    full_module: gzipSize([join(args.pkg, "article_analyzer_full_bg.wasm")]),
    compromise: gzipSize([compromiseBundle]),
  };

  const result = {
    stories: stories.length,
    bytes,
    throughput_mb_s: { wasm: mbps("wasm"), "wasm+patterns": mbps("wasm+patterns"), compromise: mbps("compromise") },
    cold_start_ms: { wasm: median(cold.wasm), compromise: median(cold.compromise) },
    gzip_bytes: size,
  };
  const row = (label, w, c, unit, digits) =>
    console.log(
      `${label.padEnd(22)}${w.toFixed(digits).padStart(10)}${c.toFixed(digits).padStart(12)}  ${unit.padEnd(6)}${(w / c).toFixed(2).padStart(8)}x`,
    );
  console.log(`${"".padEnd(22)}${"wasm".padStart(10)}${"compromise".padStart(12)}  ${"".padEnd(6)}${"ratio".padStart(9)}`);
  row("throughput", result.throughput_mb_s.wasm, result.throughput_mb_s.compromise, "MB/s", 3);
  row("  + ten patterns", result.throughput_mb_s["wasm+patterns"], result.throughput_mb_s.compromise, "MB/s", 3);
  row("cold start", result.cold_start_ms.wasm, result.cold_start_ms.compromise, "ms", 1);
  row("download (gzip)", size.wasm / 1024, size.compromise / 1024, "KiB", 1);
  console.log(`  + full module        ${(size.full_module / 1024).toFixed(1).padStart(10)} KiB gzip, fetched only for patterns or compare`);
  if (args.json) writeFileSync(args.json, JSON.stringify(result, null, 2) + "\n");
}

main().catch((e) => {
  console.error(`bench: ${e.message}`);
  process.exit(1);
});
