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
// highlighted article), `theme` (`light`, `dark`, `auto`: the system's; by default the
// page's color-scheme, with no background of its own). Events: `analysis` (detail: the
// result), `analysis-error` (detail: the Error; the element also shows it, with
// role="alert", and logs it with console.warn), `analysis-progress` (detail: `{stage,
// fraction}`; texts over 200,000 characters also show a progress bar). `abort()` ends
// the running analysis. Styling: the CSS custom properties listed in
// article-analysis.css, and `::part(breakdown)`, `::part(text)`, `::part(error)`,
// `::part(progress)`.
//
// The analysis runs in the package's worker through client.js (one worker per page), so
// a multi-megabyte article does not block the page; a newer text ends the analysis of
// an older one. Where a worker cannot start (no Worker, a CSP that forbids it) it runs
// on the main thread instead.

import { AnalyzerClient } from './client.js';
import { renderArticle, renderBreakdown, linkHighlights } from './render.js';

const STYLESHEET = new URL('./article-analysis.css', import.meta.url).href;
/** Texts longer than this (about a second's analysis) show a progress bar. */
const PROGRESS_ABOVE = 200_000;

/** The client every element of the page uses (one worker per page), made on first use. */
let client = null;

function clientFor(source) {
  client ??= new AnalyzerClient({ source });
  return client;
}

/** Loads the wasm once per page; resolves when the element can analyze. Pass what the
 *  glue's `init` accepts (a URL, a Response, bytes or a WebAssembly.Module) to load it
 *  from elsewhere; by default it is fetched from beside this module. */
export async function ready(source) {
  await clientFor(source).ready();
}

export class ArticleAnalysisElement extends HTMLElement {
  static observedAttributes = ['for', 'reference-date', 'show-text', 'theme'];

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
  /** Aborts the analysis in flight, or null. */
  #controller = null;
  #frame;
  #probe;
  #alert;
  #progress;
  #body;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = STYLESHEET;
    // What went wrong, said in the element (and in the console, and as an event).
    const alert = document.createElement('p');
    alert.className = 'aa-error';
    alert.part = 'error';
    alert.setAttribute('role', 'alert');
    alert.hidden = true;
    const progress = document.createElement('progress');
    progress.className = 'aa-progress';
    progress.part = 'progress';
    progress.max = 1;
    progress.value = 0;
    progress.setAttribute('aria-label', 'Analysis progress');
    progress.hidden = true;
    const body = document.createElement('div');
    body.className = 'aa-element';
    body.part = 'root';
    // Reads the colour scheme the element gets from the page (or its theme): system
    // colours resolve per scheme, so CanvasText is dark on light and light on dark.
    const probe = document.createElement('span');
    probe.style.cssText = 'display: none; color: CanvasText';
    // The theme's color-scheme comes with the stylesheet: read the scheme again then.
    link.addEventListener('load', () => this.#updateScheme());
    const frame = document.createElement('div');
    frame.className = 'aa-root';
    frame.append(probe, alert, progress, body);
    root.append(link, frame);
    this.#frame = frame;
    this.#probe = probe;
    this.#alert = alert;
    this.#progress = progress;
    this.#body = body;
  }

  /** The elements in the document, whose colour scheme follows the page's. */
  static #connected = new Set();
  static #watching = false;

  /** Updates every element's scheme when the system's changes, or the page's might (an
   *  attribute of <html> or <body>: a site's theme switch sets a class or a style). */
  static #watchPageScheme() {
    if (ArticleAnalysisElement.#watching) return;
    ArticleAnalysisElement.#watching = true;
    const update = () => ArticleAnalysisElement.#connected.forEach((element) => element.#updateScheme());
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', update);
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true });
    if (document.body) observer.observe(document.body, { attributes: true });
  }

  /** Sets `data-scheme` (light or dark) from the colour scheme the element is in. */
  #updateScheme() {
    const [r, g, b] = getComputedStyle(this.#probe).color.match(/[\d.]+/g).map(Number);
    this.#frame.dataset.scheme = r + g + b > 382 ? 'dark' : 'light';
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

  /** Ends the running analysis (its `refresh()` rejects with an AbortError). */
  abort() {
    this.#controller?.abort();
  }

  async #analyze(generation) {
    const text = this.text;
    const options = {};
    const referenceDate = this.getAttribute('reference-date');
    if (referenceDate) options.reference_date = referenceDate;
    // One request per element: a newer text supersedes the one in flight (the client
    // ends it, or drops its result), and the refreshes it superseded resolve with the
    // newer result.
    const controller = new AbortController();
    this.#controller = controller;
    const onProgress = (progress) => {
      if (generation !== this.#generation) return;
      if (text.length > PROGRESS_ABOVE) {
        this.#progress.hidden = false;
        this.#progress.value = progress.fraction;
      }
      this.dispatchEvent(new CustomEvent('analysis-progress', { detail: progress }));
    };
    let analysis;
    try {
      const missing = this.#missingSource();
      if (missing) throw new Error(missing);
      analysis = await clientFor().analyze(text, options, { channel: this, signal: controller.signal, onProgress });
    } catch (error) {
      if (generation !== this.#generation) {
        if (error.name === 'AbortError') return this.#latest;
      } else if (error.name !== 'AbortError') {
        this.#fail(error);
      }
      throw error;
    } finally {
      if (this.#controller === controller) this.#controller = null;
      if (generation === this.#generation) this.#progress.hidden = true;
    }
    if (generation !== this.#generation) return this.#latest;
    this.#render(text, analysis);
    return analysis;
  }

  /** Says what is wrong: in the element (role="alert"), the console and an event. */
  #fail(error) {
    this.#alert.textContent = `Could not analyze the article: ${error.message}`;
    this.#alert.hidden = false;
    console.warn('<article-analysis>:', error.message, this);
    this.dispatchEvent(new CustomEvent('analysis-error', { detail: error }));
  }

  /** Why the `for` attribute gives no text, or null when it does (or is not used). */
  #missingSource() {
    const id = this.getAttribute('for');
    if (this.#text !== null || !id || this.ownerDocument.getElementById(id)) return null;
    return `for="${id}" names no element of this page`;
  }

  connectedCallback() {
    ArticleAnalysisElement.#connected.add(this);
    ArticleAnalysisElement.#watchPageScheme();
    this.#updateScheme();
    this.#watchSource();
    this.#schedule();
  }

  disconnectedCallback() {
    ArticleAnalysisElement.#connected.delete(this);
    this.#observer?.disconnect();
    this.#observer = null;
  }

  attributeChangedCallback(name) {
    if (!this.isConnected) return;
    if (name === 'theme') return this.#updateScheme();
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
      // Failures are shown and announced by #analyze.
      this.refresh().catch(() => {});
    });
  }

  #render(text, analysis) {
    this.#alert.hidden = true;
    this.#shown = [text, analysis];
    this.#analysis = analysis;
    const body = this.#body;
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
