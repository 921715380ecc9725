import type { Analysis } from './article_analyzer.js';

/** The entity types of the contract, in display order. */
export declare const ENTITY_TYPES: readonly ['person', 'organization', 'location', 'misc'];

/** The breakdown (dateline card, headline/byline/notes, quotes filterable by speaker,
 *  entities by type, dates, figures, the matches of the caller's patterns) as a detached element. Lists longer than `maxItems`
 *  (default 200) show their first items. */
export declare function renderBreakdown(
  analysis: Analysis,
  options?: {
    maxItems?: number;
    /** True sizes of a result trimmed before rendering (`mentions[i]`: entity i's count). */
    totals?: {
      quotes?: number;
      dates?: number;
      captions?: number;
      figures?: number;
      matches?: number;
      mentions?: number[];
    };
  },
): HTMLElement;

/** `text` with every quote, speaker, entity mention, date, figure, pattern match and the
 *  dateline highlighted;
 *  `analysis` must be the result for `text` with UTF-16 offsets (the default). Shows the
 *  first `maxChars` (default 100 000) UTF-16 units. */
export declare function renderArticle(
  text: string,
  analysis: Analysis,
  options?: { maxChars?: number },
): HTMLElement;

/** Links list items and highlighted text inside `root` (hover, focus, click, Enter).
 *  Returns a function removing the listeners. */
export declare function linkHighlights(root: HTMLElement | ShadowRoot): () => void;

/** `{year: 2023, month: 9, day: 14}` as a date in the reader's locale. */
export declare function formatDatelineDate(date: {
  year: number | null;
  month: number;
  day: number;
  text: string;
}): string;
