import type { Analysis } from './article_analyzer.js';

/** Loads the wasm once per page (by default from beside this module); resolves when
 *  the element can analyze. `source` is anything the glue's `init` accepts. */
export declare function ready(
  source?: string | URL | Request | Response | BufferSource | WebAssembly.Module,
): Promise<void>;

/** `<article-analysis>`: analyzes an article and renders its breakdown.
 *
 *  Attributes: `for` (id of the element holding the article), `reference-date`
 *  (`YYYY-MM-DD`), `show-text` (also show the highlighted article).
 *  Events: `analysis` (`detail`: the result), `analysis-error` (`detail`: the error). */
export declare class ArticleAnalysisElement extends HTMLElement {
  /** The text to analyze; setting it overrides `for` and the element's own content. */
  text: string;
  /** The last result shown, or null. */
  readonly analysis: Analysis | null;
  /** Shows a result computed elsewhere (say in a worker) for `text`. */
  show(text: string, analysis: Analysis): void;
  /** Analyzes the current text now. */
  refresh(): Promise<Analysis>;
}

declare global {
  interface HTMLElementTagNameMap {
    'article-analysis': ArticleAnalysisElement;
  }
  interface HTMLElementEventMap {
    analysis: CustomEvent<Analysis>;
    'analysis-error': CustomEvent<Error>;
  }
}
