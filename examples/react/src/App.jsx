import { useMemo, useState } from 'react';
import { analyze } from 'article-analyzer';
import 'article-analyzer/article-analysis.js';

const story = `LISBON, March 5 (Reuters) - "We are giving the river back to the people," Mayor Ana Ferreira told reporters on Tuesday.`;

export function App() {
  const [text, setText] = useState(story);
  const quotes = useMemo(() => analyze(text).quotes, [text]);
  return (
    <main>
      <textarea aria-label="Article" rows={6} cols={80} value={text} onChange={(e) => setText(e.target.value)} />
      <ul id="quotes">
        {quotes.map((quote) => (
          <li key={quote.start}>
            {quote.speaker?.name ?? '(unattributed)'}: {quote.text}
          </li>
        ))}
      </ul>
      {/* Analyzes in its own worker; React 19 sets `text` as the element's property. */}
      <article-analysis text={text} theme="light" />
    </main>
  );
}
