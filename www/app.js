// The page's events: text in (typing, paste, drop, sample, file), analysis out (through
// the package's worker client, client.js), the result rendered with render.js, plus
// copy/download, clear and localStorage; the reader's own patterns come from
// patterns.js. Everything the user gives is handled as text, never as HTML.

import { AnalyzerClient } from './pkg/client.js';
import { renderArticle, renderBreakdown, linkHighlights } from './pkg/render.js';
import { usablePatterns, refuse, onPatternsChanged } from './patterns.js';

const STORAGE_KEY = 'article-analyzer:text';
/** localStorage holds about 5 M UTF-16 units per origin; keep well under it. */
const MAX_STORED = 1_000_000;
/** Wait this long after the last keystroke before analyzing. */
const DEBOUNCE_MS = 150;
/** Show the busy state only when an answer takes longer than a blink. */
const BUSY_AFTER_MS = 120;
/** A text longer than this is analyzed in full but not put in the textarea, whose
 *  layout alone blocks the page for seconds on a 5 MB text; it shows the beginning. */
const LARGE_TEXT = 300_000;
const LARGE_PREVIEW = 20_000;
/** Texts longer than this (about a second's analysis) show a progress bar. */
const PROGRESS_ABOVE = 200_000;

const $ = (id) => document.getElementById(id);
const textarea = $('article');
const status = $('status');
const progress = $('progress');
const results = $('results');
const textView = $('text-view');
const breakdownView = $('breakdown');
const referenceDate = $('reference-date');
const copyButton = $('copy');
const downloadButton = $('download');

/** The last result on screen: `{json()}` gives its complete JSON, for copy and download. */
let shown = null;
/** The whole text while it is too large for the textarea, else null. */
let largeText = null;

// ---- the analysis: in the package's worker, the newest text superseding older ones ----

const analyzer = new AnalyzerClient();
let busyTimer = 0;
/** The newest request, to tell its answer from a superseded one's. */
let newest = 0;

async function request(text) {
  // Stage timings for the status line; the reader's patterns (the worker then loads the
  // full wasm module).
  const options = { timings: true };
  if (referenceDate.value) options.reference_date = referenceDate.value;
  const patterns = usablePatterns();
  if (patterns.length) options.patterns = patterns;
  const mine = ++newest;
  clearTimeout(busyTimer);
  busyTimer = setTimeout(showBusy, BUSY_AFTER_MS);
  let answer;
  try {
    // On the 'page' channel a newer text drops this one, or ends it if it has run a while.
    const onProgress = text.length > PROGRESS_ABOVE ? (step) => mine === newest && showProgress(step) : undefined;
    answer = await analyzer.analyzeView(text, options, { channel: 'page', onProgress });
  } catch (error) {
    if (error.name === 'AbortError' || mine !== newest) return;
    // A pattern the analyzer refused is shown beside it; the rest analyze without it.
    if (refuse(error, patterns)) {
      request(text);
      return;
    }
    endBusy();
    setStatus('error', `Could not analyze the text: ${error.message}`);
    return;
  }
  if (mine !== newest) return;
  endBusy();
  show(text, answer);
}

function showBusy() {
  results.setAttribute('aria-busy', 'true');
  results.classList.add('is-busy');
  setStatus('busy', 'Analyzing…');
}

function showProgress({ fraction }) {
  progress.hidden = false;
  progress.value = fraction;
}

function endBusy() {
  clearTimeout(busyTimer);
  progress.hidden = true;
  results.setAttribute('aria-busy', 'false');
  results.classList.remove('is-busy');
}

// ---- rendering --------------------------------------------------------------------

/** What the panels say before there is any text (kept from index.html). */
const placeholders = [textView, breakdownView].map((view) => [...view.childNodes]);

function show(text, { view, totals, ms, json }) {
  shown = text ? { json } : null;
  copyButton.disabled = downloadButton.disabled = !text;
  if (!text) {
    textView.replaceChildren(...placeholders[0]);
    breakdownView.replaceChildren(...placeholders[1]);
    setStatus('empty', 'Paste an article to begin.');
    return;
  }
  textView.replaceChildren(renderArticle(text, view));
  breakdownView.replaceChildren(renderBreakdown(view, { totals }));
  const counts = [
    plural(totals.quotes, 'quote'),
    plural(view.entities.length, 'entity', 'entities'),
    plural(totals.dates, 'date'),
    plural(totals.figures, 'figure'),
  ];
  if (totals.matches) counts.push(plural(totals.matches, 'pattern match', 'pattern matches'));
  setStatus(
    'done',
    `${text.length.toLocaleString()} characters analyzed in ${formatMs(ms)}${formatStages(view.timings)}: ${counts.join(', ')}.`,
  );
}

/** The stage timings (`options.timings`) as ` (text 0.2, anatomy 0.4, … ms)`. */
function formatStages(timings) {
  if (!timings?.stages?.length) return '';
  const stages = timings.stages.map(({ stage, ms }) => `${stage} ${ms < 10 ? ms.toFixed(1) : Math.round(ms)}`);
  return ` (${stages.join(', ')} ms)`;
}

function setStatus(state, message) {
  status.dataset.state = state;
  status.textContent = message;
}

function plural(count, one, many = `${one}s`) {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

function formatMs(ms) {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms).toLocaleString()} ms`;
}

// ---- text in ----------------------------------------------------------------------

let debounceTimer = 0;

function currentText() {
  return largeText ?? textarea.value;
}

function onTextChanged({ immediately = false } = {}) {
  clearTimeout(debounceTimer);
  const run = () => {
    remember(currentText());
    request(currentText());
  };
  if (immediately) run();
  else debounceTimer = setTimeout(run, DEBOUNCE_MS);
}

/** Replaces the whole text: a large one is kept aside and the textarea, read-only,
 *  shows its beginning until the reader asks to edit it all. */
function setText(text) {
  const large = text.length > LARGE_TEXT;
  largeText = large ? text : null;
  textarea.readOnly = large;
  textarea.value = large ? text.slice(0, LARGE_PREVIEW) : text;
  $('large-note').hidden = !large;
  if (large) {
    $('large-message').textContent =
      `A large text (${text.length.toLocaleString()} characters) is analyzed in full; ` +
      `the box shows its first ${LARGE_PREVIEW.toLocaleString()}.`;
  }
  onTextChanged({ immediately: true });
}

/** A paste that would make the text large goes through setText instead of the box. */
function onPaste(event) {
  if (largeText !== null) return;
  const pasted = event.clipboardData?.getData('text/plain') ?? '';
  const { value, selectionStart, selectionEnd } = textarea;
  if (value.length - (selectionEnd - selectionStart) + pasted.length <= LARGE_TEXT) return;
  event.preventDefault();
  setText(value.slice(0, selectionStart) + pasted + value.slice(selectionEnd));
}

function editAll() {
  const text = largeText;
  largeText = null;
  textarea.readOnly = false;
  $('large-note').hidden = true;
  textarea.value = text;
  textarea.focus();
}

function remember(text) {
  try {
    if (text.length <= MAX_STORED) localStorage.setItem(STORAGE_KEY, text);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage full or disabled (private mode): the page works without it.
  }
}

function recall() {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Fills the picker from samples/index.json (written by the build): file names such as
 *  `yonhap-2023-09-14-kim-putin.txt` become `yonhap 2023-09-14 kim putin`. */
async function listSamples() {
  try {
    const response = await fetch('samples/index.json');
    if (!response.ok) return;
    for (const name of await response.json()) {
      const label = name.replace(/\.txt$/, '').replace(/-(?!\d\d(?:-|$))/g, ' ');
      $('sample').append(new Option(label, `samples/${encodeURIComponent(name)}`));
    }
  } catch {
    // No samples shipped: the picker keeps only its placeholder.
  }
}

async function loadSample(url) {
  if (!url) return;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    setText(await response.text());
  } catch (error) {
    setStatus('error', `Could not load the sample: ${error.message}`);
  }
}

async function loadFile(file) {
  if (!file) return;
  if (file.type && !file.type.startsWith('text/') && !/\.txt$/i.test(file.name)) {
    setStatus('error', `“${file.name}” is not a text file.`);
    return;
  }
  setText(await file.text());
}

// ---- copy and download ------------------------------------------------------------

/** The complete result of what is on screen, as JSON, from the worker that holds it. */
function resultJson() {
  return shown.json();
}

async function copyJson() {
  if (!shown) return;
  try {
    await navigator.clipboard.writeText(await resultJson());
    setStatus('done', 'The analysis JSON is on the clipboard.');
  } catch (error) {
    setStatus('error', `Could not copy: ${error.message}`);
  }
}

async function downloadJson() {
  if (!shown) return;
  let json;
  try {
    json = await resultJson();
  } catch (error) {
    setStatus('error', `Could not download: ${error.message}`);
    return;
  }
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'article-analysis.json';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---- wiring -----------------------------------------------------------------------

linkHighlights(results);
listSamples();

textarea.addEventListener('input', () => onTextChanged());
textarea.addEventListener('paste', onPaste);
$('edit-all').addEventListener('click', editAll);
referenceDate.addEventListener('change', () => onTextChanged({ immediately: true }));
onPatternsChanged(() => onTextChanged());
$('sample').addEventListener('change', (event) => loadSample(event.target.value));
$('open').addEventListener('click', () => $('file').click());
$('file').addEventListener('change', (event) => {
  loadFile(event.target.files[0]);
  event.target.value = '';
});
$('clear').addEventListener('click', () => {
  $('sample').value = '';
  setText('');
  textarea.focus();
});
copyButton.addEventListener('click', copyJson);
downloadButton.addEventListener('click', downloadJson);

// Dropping a file anywhere on the page opens it.
let dragDepth = 0;
document.addEventListener('dragenter', (event) => {
  if (!event.dataTransfer?.types.includes('Files')) return;
  dragDepth += 1;
  document.body.classList.add('is-dragging');
});
document.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (!dragDepth) document.body.classList.remove('is-dragging');
});
document.addEventListener('dragover', (event) => {
  if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
});
document.addEventListener('drop', (event) => {
  dragDepth = 0;
  document.body.classList.remove('is-dragging');
  const file = event.dataTransfer?.files[0];
  if (!file) return;
  event.preventDefault();
  loadFile(file);
});

const saved = recall();
if (saved) setText(saved);
