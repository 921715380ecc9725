// A Preact user of the element, type-checked (tsc --noEmit, strict) against the
// installed package with its JSX declaration.
import type {} from "article-analyzer/preact";
import { useRef } from "preact/hooks";
import type { ArticleAnalysisElement } from "article-analyzer/article-analysis.js";

export function Breakdown({ storyId }: { storyId: string }) {
  const ref = useRef<ArticleAnalysisElement>(null);
  return (
    <div>
      <article-analysis ref={ref} for={storyId} show-text reference-date="2023-09-14" theme="light" />
      {/* @ts-expect-error: a theme is light, dark or auto */}
      <article-analysis theme="sepia" />
    </div>
  );
}
