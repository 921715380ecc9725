// <article-analysis>: a drop-in element that analyzes an article and shows the same
// breakdown as the article-analyzer page (dateline, quotes with speakers, entities by
// type, dates), optionally with the article text highlighted.
//
//   <script type="module" src="article-analyzer/article-analysis.js"></script>
//   <article id="story">…</article>
//   <article-analysis for="story"></article-analysis>
//
// The text comes from, in order of precedence: the `text` property; the element named
// by the `for` attribute (its rendered text, re-read when it changes); the element's
// own text content. A result computed elsewhere (say in a Web Worker) can be shown with
// `show(text, analysis)`.
//
// Attributes: `for`, `reference-date` (YYYY-MM-DD), `show-text` (also render the
// highlighted article). Events: `analysis` (detail: the result), `analysis-error`
// (detail: the Error). Styling: the CSS custom properties listed in
// article-analysis.css, and `::part(breakdown)` / `::part(text)`.
//
// The analysis runs in a module worker (article-analysis-worker.js, one per page), so a
// multi-megabyte article does not block the page; where a worker cannot start (no
// Worker, a CSP that forbids it) it runs on the main thread instead.

import init, { analyze } from './article_analyzer.js';
import { renderArticle, renderBreakdown, linkHighlights } from './render.js';

const STYLESHEET = new URL('./article-analysis.css', import.meta.url).href;

/** Resolves to the analyzer every element uses: `{analyze(text, options): Promise}`. */
let analyzer = null;

/** Loads the wasm once per page; resolves when the element can analyze. Pass what the
 *  glue's `init` accepts (a URL, a Response, bytes or a WebAssembly.Module) to load it
 *  from elsewhere; by default it is fetched from beside this module. */
export async function ready(source) {
  await analyzerFor(source);
}

function analyzerFor(source) {
  analyzer ??= startWorker(source).catch(() => startHere(source));
  return analyzer;
}

/** The analyzer in a module worker; rejects when the page cannot start one. */
function startWorker(source) {
  return new Promise((resolve, reject) => {
    let worker;
    try {
      // This exact form (a literal URL beside this module) is what bundlers look for.
      worker = new Worker(new URL('./article-analysis-worker.js', import.meta.url), { type: 'module' });
      // A relative URL means relative to the page, not to the worker.
      const where = typeof source === 'string' ? new URL(source, document.baseURI).href : source;
      worker.postMessage({ type: 'init', source: where instanceof URL ? where.href : where });
    } catch (error) {
      worker?.terminate();
      reject(error); // no Worker here, or a source that cannot be posted (a Response)
      return;
    }
    const pending = new Map(); // id -> {resolve, reject}
    let nextId = 1;
    let started = false;
    const fail = (error) => {
      worker.terminate();
      for (const { reject: rejectOne } of pending.values()) rejectOne(error);
      pending.clear();
      if (started) analyzer = null; // the next element or refresh starts a new one
      reject(error);
    };
    worker.addEventListener('message', ({ data }) => {
      if (data.type === 'ready') {
        started = true;
        resolve({
          analyze: (text, options) =>
            new Promise((resolveOne, rejectOne) => {
              const id = nextId++;
              pending.set(id, { resolve: resolveOne, reject: rejectOne });
              worker.postMessage({ type: 'analyze', id, text, options });
            }),
        });
      } else if (data.type === 'failed') {
        fail(new Error(data.message));
      } else if (data.type === 'analysis') {
        const request = pending.get(data.id);
        pending.delete(data.id);
        if (!data.error) request?.resolve(data.analysis);
        else request?.reject(new (data.error.name === 'TypeError' ? TypeError : Error)(data.error.message));
      }
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      fail(new Error(event.message || 'the analysis worker failed'));
    });
  });
}

/** The analyzer on this thread, for pages that cannot start a worker. */
async function startHere(source) {
  await (source === undefined ? init() : init({ module_or_path: source }));
  return { analyze: async (text, options) => analyze(text, options) };
}

export class ArticleAnalysisElement extends HTMLElement {
  static observedAttributes = ['for', 'reference-date', 'show-text'];

  #text = null;
  #analysis = null;
  #shown = null;
  #observer = null;
  #unlink = null;
  #queued = false;
  /** Bumped by each refresh and show: a refresh still loading when a newer one (or a
   *  `show`) comes does not render. */
  #generation = 0;
  #latest = Promise.resolve(null);
  /** The analysis in flight, or null. */
  #running = null;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = STYLESHEET;
    const body = document.createElement('div');
    body.className = 'aa-root aa-element';
    body.part = 'root';
    root.append(link, body);
  }

  /** The text to analyze; setting it overrides `for` and the element's content. */
  get text() {
    return this.#text ?? this.#sourceText();
  }

  set text(value) {
    this.#text = value == null ? null : String(value);
    this.#schedule();
  }

  /** The last result shown, or null. */
  get analysis() {
    return this.#analysis;
  }

  /** Shows a result computed elsewhere for `text`, without analyzing again. */
  show(text, analysis) {
    this.#generation += 1;
    this.#latest = Promise.resolve(analysis);
    this.#render(String(text), analysis);
  }

  /** Analyzes the current text now; resolves with the result (that of a newer
   *  refresh when one supersedes this one while the wasm loads). */
  refresh() {
    this.#latest = this.#analyze(++this.#generation);
    return this.#latest;
  }

  async #analyze(generation) {
    const { analyze } = await analyzerFor();
    // One analysis in flight per element: a newer text waits for it, then only the
    // newest is sent (the ones it superseded resolve with its result).
    while (this.#running) await this.#running.catch(() => {});
    if (generation !== this.#generation) return this.#latest;
    const text = this.text;
    const options = {};
    const referenceDate = this.getAttribute('reference-date');
    if (referenceDate) options.reference_date = referenceDate;
    this.#running = analyze(text, options);
    let analysis;
    try {
      analysis = await this.#running;
    } finally {
      this.#running = null;
    }
    if (generation !== this.#generation) return this.#latest;
    this.#render(text, analysis);
    return analysis;
  }

  connectedCallback() {
    this.#watchSource();
    this.#schedule();
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#observer = null;
  }

  attributeChangedCallback(name) {
    if (!this.isConnected) return;
    if (name === 'for') this.#watchSource();
    if (name === 'show-text' && this.#shown) this.#render(...this.#shown);
    else this.#schedule();
  }

  #sourceText() {
    const id = this.getAttribute('for');
    if (id) {
      const source = this.ownerDocument.getElementById(id);
      return source ? source.innerText ?? source.textContent : '';
    }
    return this.textContent;
  }

  /** Re-analyzes when the text it reads changes (an editable article, a live page). */
  #watchSource() {
    this.#observer?.disconnect();
    const id = this.getAttribute('for');
    const source = id ? this.ownerDocument.getElementById(id) : this;
    if (!source) return;
    this.#observer = new MutationObserver(() => this.#schedule());
    this.#observer.observe(source, { subtree: true, childList: true, characterData: true });
  }

  /** Coalesces changes made in one task into one analysis; a `show` in that task wins. */
  #schedule() {
    if (this.#queued) return;
    this.#queued = true;
    const generation = this.#generation;
    queueMicrotask(() => {
      this.#queued = false;
      if (generation !== this.#generation) return;
      this.refresh().catch((error) => {
        this.dispatchEvent(new CustomEvent('analysis-error', { detail: error }));
      });
    });
  }

  #render(text, analysis) {
    this.#shown = [text, analysis];
    this.#analysis = analysis;
    const body = this.shadowRoot.querySelector('.aa-root');
    this.#unlink?.();
    const breakdown = renderBreakdown(analysis);
    breakdown.part = 'breakdown';
    if (this.hasAttribute('show-text')) {
      const article = renderArticle(text, analysis);
      article.part = 'text';
      body.classList.add('aa-with-text');
      body.replaceChildren(article, breakdown);
    } else {
      body.classList.remove('aa-with-text');
      body.replaceChildren(breakdown);
    }
    this.#unlink = linkHighlights(body);
    this.dispatchEvent(new CustomEvent('analysis', { detail: analysis }));
  }
}

if (!customElements.get('article-analysis')) {
  customElements.define('article-analysis', ArticleAnalysisElement);
}
