// A TypeScript user of the installed package. Type-checked with `tsc --noEmit`, never
// run: each `@ts-expect-error` line fails the check if the types were `any` or loose.
import init, { initSync, analyze, compare, CONTRACT_VERSION } from "article-analyzer";
import { AnalyzerClient, type AnalysisProgress } from "article-analyzer/client.js";
import { ready, type ArticleAnalysisElement } from "article-analyzer/article-analysis.js";
import { renderArticle, renderBreakdown, linkHighlights } from "article-analyzer/render.js";
import type {
  AlignedQuote,
  Analysis,
  AnalyzeOptions,
  Change,
  Comparison,
  SharedEntity,
  Byline,
  DateMention,
  Dateline,
  DatelineDate,
  Entity,
  EntityType,
  OffsetUnit,
  Quote,
  Span,
  Speaker,
} from "article-analyzer";

declare const bytes: Uint8Array;
initSync({ module: bytes });
await init({ module_or_path: bytes });

const options: AnalyzeOptions = { offsets: "utf16", reference_date: "2023-09-14" };
const analysis: Analysis = analyze("SEOUL, Sept. 14 (Yonhap) -- \"Yes,\" Kim said.", options);
analyze("no options");

const version: 1 = analysis.version;
const unit: OffsetUnit = analysis.offsets;
const headline: Span | null = analysis.headline;
const byline: Byline | null = analysis.byline;
const names: string[] = byline?.names ?? [];
const dateline: Dateline | null = analysis.dateline;
const date: DatelineDate | null | undefined = dateline?.date;
const year: number | null | undefined = date?.year;
const agency: string | null | undefined = dateline?.source;
const endMarker: Span | null = analysis.end_marker;
const spans: Span[] = [...analysis.notes, ...analysis.captions, ...analysis.emails, ...analysis.paragraphs];

function speakerName(quote: Quote): string {
  const speaker: Speaker | null = quote.speaker;
  const entity: Entity | undefined = speaker?.entity == null ? undefined : analysis.entities[speaker.entity];
  return entity?.name ?? speaker?.name ?? "unattributed";
}
const full: Quote[] = analysis.quotes.filter((q) => q.kind === "full");
const cues: (Span | null)[] = analysis.quotes.map((q) => q.cue);

function label(type: EntityType): string {
  switch (type) {
    case "person":
      return "Person";
    case "organization":
      return "Organization";
    case "location":
      return "Place";
    case "misc":
      return "Other";
    default: {
      const unknown: never = type;
      return unknown;
    }
  }
}
const people: Entity[] = analysis.entities.filter((e) => e.type === "person");
const roles: (string | null)[] = people.map((e) => e.role);
const subtypes: (string | null)[] = analysis.entities.map((e) => e.subtype);
const values: (string | null)[] = analysis.dates.map((d: DateMention) => d.value);

// Several stories on one event.
const comparison: Comparison = compare([{ text: "a", analysis }, { text: "b", analysis }]);
const statements: AlignedQuote[] = comparison.quotes;
const firstChange: Change | undefined = statements[0]?.versions[1]?.changes[0];
const reworded: string | undefined = firstChange?.version.map((s) => s.text).join(" ");
const rows: SharedEntity[] = comparison.entities.filter((e) => e.stories.length > 1);
const onlyFirst: number[] = comparison.only_in[0]?.quotes ?? [];
// @ts-expect-error: each story is {text, analysis}
compare(["a", "b"]);

// @ts-expect-error: offsets is one of three units
analyze("x", { offsets: "bytes" });
// @ts-expect-error: unknown options are rejected
analyze("x", { bogus: 1 });
// @ts-expect-error: the text must be a string
analyze(42);
// @ts-expect-error: the headline may be null
const notNull: Span = analysis.headline;
// @ts-expect-error: no such field (camelCase is not the contract)
analysis.endMarker;
// @ts-expect-error: an entity type is a closed set
const wrongType: EntityType = "people";
// @ts-expect-error: a quote's kind is "full", "partial" or "indirect"
const wrongKind: Quote["kind"] = "paraphrase";

const contract: 1 = CONTRACT_VERSION;

// The worker client.
const client = new AnalyzerClient();
const progressed: Analysis = await client.analyze("x", null, {
  onProgress: (progress: AnalysisProgress) => progress.fraction.toFixed(2),
  signal: new AbortController().signal,
  channel: "story",
});
const { view, totals, ms, json } = await client.analyzeView("x", { offsets: "utf16" }, { items: 10 });
const whole: Promise<string> = json();
const worker: boolean | null = client.inWorker;
client.abort();
// @ts-expect-error: a stage is one of the pipeline's
const stage: AnalysisProgress["stage"] = "parsing";

// The element and the renderer, typed through the package's exports map.
await ready();
const element: ArticleAnalysisElement = document.createElement("article-analysis");
element.addEventListener("analysis", (event) => event.detail.quotes.length);
const shownAnalysis: Analysis | null = element.analysis;
const breakdown: HTMLElement = renderBreakdown(analysis, { maxItems: 10 });
breakdown.append(renderArticle("text", analysis));
linkHighlights(breakdown);
// @ts-expect-error: the element's text is a string
element.text = 42;

export const used = [
  shownAnalysis, contract, progressed, view, totals.mentions, ms, whole, worker, stage,
  version, unit, headline, names, year, agency, endMarker, spans, speakerName, full, cues,
  label, roles, subtypes, values, notNull, wrongType, wrongKind,
  reworded, rows, onlyFirst,
];
