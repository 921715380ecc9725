// JSX for Preact: `import type {} from 'article-analyzer/preact';` once in a project
// makes <article-analysis> a known element in .tsx files.
import 'preact';
import type { ArticleAnalysisAttributes, ArticleAnalysisElement } from './article-analysis.js';

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'article-analysis': HTMLAttributes<ArticleAnalysisElement> & ArticleAnalysisAttributes;
    }
  }
}
