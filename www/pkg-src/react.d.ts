// JSX for React 19: `import type {} from 'article-analyzer/react';` once in a project
// makes <article-analysis> a known element in .tsx files.
import 'react';
import type { ArticleAnalysisAttributes, ArticleAnalysisElement } from './article-analysis.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'article-analysis': React.DetailedHTMLProps<React.HTMLAttributes<ArticleAnalysisElement>, ArticleAnalysisElement> &
        ArticleAnalysisAttributes;
    }
  }
}
