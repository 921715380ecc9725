import type { Analysis, AnalyzeOptions, Comparison } from './index.js';

/** What the worker is doing: `stage` as it starts, `fraction` (0..1) of the work done. */
export interface AnalysisProgress {
  stage: 'text' | 'anatomy' | 'entities' | 'quotes' | 'dates' | 'figures' | 'offsets' | 'result';
  fraction: number;
}

export interface RequestOptions {
  /** Called as each stage of the analysis starts. */
  onProgress?: (progress: AnalysisProgress) => void;
  /** Aborting it ends the request: the promise rejects with an AbortError. */
  signal?: AbortSignal;
  /** A newer request on the same channel (any value) supersedes this one. */
  channel?: unknown;
}

/** A result trimmed to what a page shows, with the true counts. */
export interface AnalysisView {
  view: Analysis;
  /** The untrimmed counts, as render.js's `renderBreakdown` takes them. */
  totals: { quotes: number; dates: number; captions: number; figures: number; matches: number; mentions: number[] };
  /** How long the analysis took in the worker, in milliseconds. */
  ms: number;
  /** The complete result as JSON (while this is the client's latest view). */
  json(): Promise<string>;
}

/** Analyzes texts in the package's Web Worker (on this thread where none can start),
 *  one request at a time, with progress and cancellation. */
export declare class AnalyzerClient {
  /** `source`: where the .wasm is (what `init` accepts); default: beside the package. */
  constructor(options?: { source?: string | URL | BufferSource | WebAssembly.Module });
  /** True when requests run in a worker, false on this thread, null before the start. */
  readonly inWorker: boolean | null;
  /** Loads the wasm; resolves when requests can run. */
  ready(): Promise<void>;
  analyze(text: string, options?: AnalyzeOptions | null, request?: RequestOptions): Promise<Analysis>;
  analyzeView(
    text: string,
    options?: AnalyzeOptions | null,
    request?: RequestOptions & { items?: number; chars?: number },
  ): Promise<AnalysisView>;
  /** Analyzes each text with `options` and compares the stories (the worker loads the
   *  full module the first time); `ms`: how long it all took in the worker. */
  compare(
    texts: string[],
    options?: AnalyzeOptions | null,
    request?: Omit<RequestOptions, 'onProgress'>,
  ): Promise<{ analyses: Analysis[]; comparison: Comparison; ms: number }>;
  /** Ends every pending request (each rejects with an AbortError). */
  abort(): void;
}
