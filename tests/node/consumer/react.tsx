// A React 19 user of the element, type-checked (tsc --noEmit, strict) against the
// installed package with its JSX declaration.
import type {} from "article-analyzer/react";
import { useRef } from "react";
import type { ArticleAnalysisElement } from "article-analyzer/article-analysis.js";

export function Breakdown({ storyId }: { storyId: string }) {
  const ref = useRef<ArticleAnalysisElement>(null);
  const quotes = ref.current?.analysis?.quotes.length ?? 0;
  return (
    <>
      <article-analysis ref={ref} for={storyId} show-text reference-date="2023-09-14" theme="dark" className="box" />
      <article-analysis theme="auto">SEOUL, Sept. 14 (Yonhap) -- "Yes," Kim said.</article-analysis>
      {/* @ts-expect-error: a theme is light, dark or auto */}
      <article-analysis theme="blue" />
      {/* @ts-expect-error: for= names an element by its id, a string */}
      <article-analysis for={42} />
      <article-analysis text={`${quotes} quotes`} theme="light" />
      {/* @ts-expect-error: the text is a string */}
      <article-analysis text={42} />
      <p>{quotes}</p>
    </>
  );
}
