import type { Analysis } from './index.js';
import type { AnalysisProgress } from './client.js';

export type { AnalysisProgress } from './client.js';

/** Loads the wasm once per page (by default from beside this module); resolves when
 *  the element can analyze. `source` is anything the glue's `init` accepts. */
export declare function ready(
  source?: string | URL | Request | Response | BufferSource | WebAssembly.Module,
): Promise<void>;

/** The element's attributes, as JSX takes them (see react.d.ts and preact.d.ts). */
export interface ArticleAnalysisAttributes {
  /** The id of the element holding the article; without it, the element's own text. */
  for?: string;
  /** The text to analyze (overrides `for`); React 19, Preact, Vue (`:text.prop`) and
   *  Svelte 5 set it as the element's property. */
  text?: string;
  /** Also show the article with its highlights. */
  'show-text'?: boolean | '';
  /** `YYYY-MM-DD`: resolves "Thursday" and year-less datelines. */
  'reference-date'?: string;
  /** Colours with a background of their own; by default the page's color-scheme. */
  theme?: 'light' | 'dark' | 'auto';
}

/** `<article-analysis>`: analyzes an article and renders its breakdown.
 *
 *  Attributes: `for` (id of the element holding the article), `reference-date`
 *  (`YYYY-MM-DD`), `show-text` (also show the highlighted article), `theme`
 *  (`light`, `dark`, `auto`). Events: `analysis` (`detail`: the result),
 *  `analysis-progress` (`detail`: `{stage, fraction}`), `analysis-error` (`detail`: the
 *  error, also shown in the element and logged with console.warn). */
export declare class ArticleAnalysisElement extends HTMLElement {
  /** The text to analyze; setting it overrides `for` and the element's own content. */
  text: string;
  /** The last result shown, or null. */
  readonly analysis: Analysis | null;
  /** Shows a result computed elsewhere (say in a worker) for `text`. */
  show(text: string, analysis: Analysis): void;
  /** Analyzes the current text now. */
  refresh(): Promise<Analysis>;
  /** Ends the running analysis (its `refresh()` rejects with an AbortError). */
  abort(): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'article-analysis': ArticleAnalysisElement;
  }
  interface HTMLElementEventMap {
    analysis: CustomEvent<Analysis>;
    'analysis-error': CustomEvent<Error>;
    'analysis-progress': CustomEvent<AnalysisProgress>;
  }
}
