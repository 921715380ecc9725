// Several stories and the Compare view. The page's editor (the textarea app.js analyzes)
// shows one story at a time; the tabs above it switch stories, add one, remove one, and
// open the comparison: the quotes the stories share side by side with their differences
// marked, who each names and quotes, figures and dates that differ, and what only one
// story has. Everything links back to its story's text. Stories are kept in this
// browser's local storage, like the single text before. The stories are analyzed and
// compared in the package's worker (client.js's `compare`).
//
// Knowingly limited: a story too large for the textarea (app.js shows only its start)
// is compared as far as the textarea holds it.

import { AnalyzerClient } from './pkg/client.js';

const STORAGE_KEY = 'article-analyzer:stories';
const MAX_STORED = 1_000_000;
const MAX_STORIES = 20;

const $ = (id) => document.getElementById(id);
const textarea = $('article');
const tablist = $('story-tabs');
const addButton = $('add-story');
const removeButton = $('remove-story');
const inputPanel = document.querySelector('.input-panel');
const results = $('results');
const compareView = $('compare-view');
const compareBody = $('compare-body');
const compareStatus = $('compare-status');
const downloadButton = $('compare-download');

/** Story texts; `active` is the story in the editor, or -1 while Compare is open. */
let stories = [''];
let active = 0;
/** The comparison on screen: {texts, names, analyses, comparison}. */
let compared = null;

// ---- the stories and their tabs ---------------------------------------------------

/** A tab's label: the story's number and its first line, editor's notes and byline aside. */
function storyName(i) {
  const lines = (stories[i] ?? '').split('\n').map((l) => l.trim());
  const first = lines.find((l) => l && !l.startsWith('(') && !/^By /.test(l)) ?? lines.find(Boolean) ?? '';
  const short = first.length > 28 ? `${first.slice(0, 27)}…` : first;
  return short ? `${i + 1} · ${short}` : `Story ${i + 1}`;
}

/** The name of a compared story: its dateline's agency, else its number. */
function agencyName(i) {
  return compared?.comparison.stories[i]?.source ?? `Story ${i + 1}`;
}

function renderTabs() {
  const tabs = stories.map((_, i) => tab(storyName(i), i === active, () => selectStory(i)));
  const filled = stories.filter((s) => s.trim()).length;
  const compareTab = tab('Compare', active === -1, openCompare);
  compareTab.id = 'compare-tab';
  compareTab.disabled = filled < 2;
  compareTab.title = filled < 2 ? 'Add a second story to compare' : 'Compare the stories';
  tablist.replaceChildren(...tabs, compareTab);
  addButton.disabled = stories.length >= MAX_STORIES;
  removeButton.disabled = stories.length < 2 || active === -1;
}

function tab(label, selected, onSelect) {
  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('role', 'tab');
  button.setAttribute('aria-selected', String(selected));
  button.tabIndex = selected ? 0 : -1;
  button.textContent = label;
  button.addEventListener('click', onSelect);
  return button;
}

/** Arrow keys, Home and End move between the tabs (the tab list is one tab stop). */
tablist.addEventListener('keydown', (event) => {
  const tabs = [...tablist.querySelectorAll('[role="tab"]:not(:disabled)')];
  const at = tabs.indexOf(document.activeElement);
  if (at < 0) return;
  const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  const target = tabs[(next + tabs.length) % tabs.length];
  target.click();
  tablist.querySelector('[aria-selected="true"]')?.focus();
});

/** Takes the editor's text into the active story. */
function keepEditorText() {
  if (active >= 0) stories[active] = textarea.value;
}

/** Puts a story in the editor; app.js analyzes it on the input event. */
function showInEditor(text) {
  textarea.value = text;
  $('sample').value = '';
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}

function selectStory(i) {
  keepEditorText();
  const wasComparing = active === -1;
  active = i;
  if (wasComparing) showPanels(false);
  if (textarea.value !== stories[i]) showInEditor(stories[i]);
  renderTabs();
  save();
}

function addStory() {
  if (stories.length >= MAX_STORIES) return;
  keepEditorText();
  stories.push('');
  selectStory(stories.length - 1);
  textarea.focus();
}

function removeStory() {
  if (stories.length < 2 || active < 0) return;
  stories.splice(active, 1);
  active = Math.min(active, stories.length - 1);
  showInEditor(stories[active]);
  renderTabs();
  save();
}

function showPanels(comparing) {
  inputPanel.hidden = comparing;
  results.hidden = comparing;
  compareView.hidden = !comparing;
}

function save() {
  try {
    const json = JSON.stringify({ stories, active: Math.max(active, 0) });
    if (json.length <= MAX_STORED) localStorage.setItem(STORAGE_KEY, json);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage full or disabled: the page works without it.
  }
}

function restore() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (Array.isArray(saved?.stories) && saved.stories.length && saved.stories.every((s) => typeof s === 'string')) {
      stories = saved.stories.slice(0, MAX_STORIES);
      active = Math.min(Math.max(0, saved.active | 0), stories.length - 1);
    }
  } catch {
    // Nothing usable stored.
  }
  // app.js restored the editor from its own key: that is the active story's text.
  stories[active] = textarea.value;
}

// ---- comparing --------------------------------------------------------------------

/** The comparisons' own client of the package's worker: a comparison never waits behind
 *  the analysis of the story being typed (app.js's client), nor replaces it. */
let analyzer = null;

async function openCompare() {
  keepEditorText();
  const texts = stories.filter((s) => s.trim());
  if (texts.length < 2) return;
  active = -1;
  showPanels(true);
  renderTabs();
  save();
  const options = {};
  if ($('reference-date').value) options.reference_date = $('reference-date').value;
  // Which story each compared text is, for the links back.
  const indices = stories.map((s, i) => (s.trim() ? i : -1)).filter((i) => i >= 0);
  compared = null;
  downloadButton.disabled = true;
  setCompareStatus('busy', 'Comparing…');
  compareView.setAttribute('aria-busy', 'true');
  analyzer ??= new AnalyzerClient();
  let answer;
  try {
    // On one channel: opening Compare again drops the comparison still running.
    answer = await analyzer.compare(texts, options, { channel: 'compare' });
  } catch (error) {
    if (error.name === 'AbortError') return;
    compareView.setAttribute('aria-busy', 'false');
    setCompareStatus('error', `Could not compare the stories: ${error.message}`);
    return;
  }
  const { analyses, comparison, ms } = answer;
  compareView.setAttribute('aria-busy', 'false');
  compared = { indices, texts, analyses, comparison };
  compareBody.replaceChildren(renderComparison());
  downloadButton.disabled = false;
  const shared = comparison.quotes.length;
  setCompareStatus(
    'done',
    `${analyses.length} stories compared in ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms: ` +
      `${shared} ${shared === 1 ? 'statement' : 'statements'} carried by more than one.`,
  );
  $('compare-heading').focus();
}

function setCompareStatus(state, message) {
  compareStatus.dataset.state = state;
  compareStatus.textContent = message;
}

/** Opens story `s` (an index among the compared ones) with `span` selected in its text. */
function goTo(s, span) {
  const story = compared.indices[s];
  selectStory(story);
  textarea.focus();
  if (span) {
    textarea.setSelectionRange(span.start, span.end);
    // Scroll the selection into view: the browser does so on focus in most engines.
    const line = textarea.value.slice(0, span.start).split('\n').length;
    const lines = textarea.value.split('\n').length;
    textarea.scrollTop = Math.max(0, (textarea.scrollHeight * (line - 3)) / lines);
  }
}

function downloadComparison() {
  if (!compared?.comparison) return;
  const json = JSON.stringify(
    {
      stories: compared.texts.map((text, i) => ({ text, analysis: compared.analyses[i] })),
      comparison: compared.comparison,
    },
    null,
    2,
  );
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'article-comparison.json';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---- rendering the comparison (textContent only: story text is never HTML) ---------

function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const child of children) {
    if (child == null) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

function section(title, ...children) {
  return el('section', 'cmp-section', el('h3', null, title), ...children);
}

function link(label, s, span, description) {
  const button = el('button', 'cmp-link', label);
  button.type = 'button';
  button.title = description ?? `Show in ${agencyName(s)}`;
  button.addEventListener('click', () => goTo(s, span));
  return button;
}

function renderComparison() {
  const { comparison } = compared;
  return el(
    'div',
    'cmp-sections',
    renderQuotes(comparison),
    renderPeople(comparison),
    renderFigures(comparison),
    renderOnly(comparison),
  );
}

function renderQuotes(comparison) {
  if (!comparison.quotes.length) {
    return section('Shared quotes', el('p', 'cmp-empty', 'No quote appears in more than one story.'));
  }
  const key = el(
    'p',
    'cmp-key',
    'Words that differ from the first story are ',
    el('mark', 'cmp-changed', 'marked'),
    '; words only one version has are ',
    el('mark', 'cmp-only', 'underlined'),
    '.',
  );
  return section('Shared quotes', key, ...comparison.quotes.map(renderStatement));
}

function renderStatement(statement) {
  const reference = statement.versions[0];
  // The reference's marks: every change any other version has against it.
  const referenceMarks = [];
  for (const version of statement.versions.slice(1)) {
    for (const change of version.changes) {
      const other = change.version.map((s) => s.text).join(' … ');
      for (const span of change.reference) {
        referenceMarks.push({
          span,
          only: !change.version.length,
          title: change.version.length ? `${agencyName(version.story)}: ${other}` : `only in ${agencyName(reference.story)}`,
        });
      }
    }
  }
  const columns = statement.versions.map((version, i) => {
    const marks =
      i === 0
        ? referenceMarks
        : version.changes.flatMap((change) =>
            change.version.map((span) => ({
              span,
              only: !change.reference.length,
              title: change.reference.length
                ? `${agencyName(reference.story)}: ${change.reference.map((s) => s.text).join(' … ')}`
                : `only in ${agencyName(version.story)}`,
            })),
          );
    return renderVersion(version, marks);
  });
  return el(
    'article',
    'cmp-statement',
    el('h4', null, statement.speaker ?? 'Unattributed'),
    el('div', 'cmp-versions', ...columns),
  );
}

function renderVersion(version, marks) {
  const text = compared.texts[version.story];
  const quotes = version.quotes.map((q) => compared.analyses[version.story].quotes[q]);
  const block = el('blockquote', 'cmp-quote');
  for (const quote of quotes) {
    const paragraph = el('p');
    let at = quote.start;
    const inside = marks
      .filter((m) => m.span.start >= quote.start && m.span.end <= quote.end)
      .sort((a, b) => a.span.start - b.span.start);
    paragraph.append('“');
    for (const mark of inside) {
      if (mark.span.start < at) continue;
      paragraph.append(text.slice(at, mark.span.start));
      const node = el('mark', mark.only ? 'cmp-only' : 'cmp-changed', text.slice(mark.span.start, mark.span.end));
      node.title = mark.title;
      paragraph.append(node);
      at = mark.span.end;
    }
    paragraph.append(text.slice(at, quote.end), '”');
    block.append(paragraph);
  }
  const first = quotes[0];
  return el(
    'div',
    'cmp-version',
    el('p', 'cmp-story', agencyName(version.story), version.speaker ? ` · ${version.speaker}` : ''),
    block,
    link('Show in story', version.story, first, `Show this quote in ${agencyName(version.story)}`),
  );
}

function renderPeople(comparison) {
  const count = compared.texts.length;
  const rows = comparison.entities
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => row.type === 'person' || row.stories.some((s) => s.quoted > 0))
    .sort((a, b) => b.row.stories.length - a.row.stories.length || a.index - b.index);
  if (!rows.length) return section('Who is named and quoted', el('p', 'cmp-empty', 'No people named.'));
  const head = el('tr', null, el('th', null, 'Name'));
  for (let s = 0; s < count; s++) head.append(Object.assign(el('th', null, agencyName(s)), { scope: 'col' }));
  const body = rows.map(({ row }) => {
    const name = Object.assign(el('th', null, row.name), { scope: 'row' });
    if (row.aliases.length) name.title = `also ${row.aliases.join(', ')}`;
    const tr = el('tr', null, name);
    for (let s = 0; s < count; s++) {
      const here = row.stories.find((x) => x.story === s);
      if (!here) {
        tr.append(el('td', 'cmp-absent', el('span', 'visually-hidden', 'absent'), '—'));
        continue;
      }
      const entity = compared.analyses[s].entities[here.entities[0]];
      const label = here.quoted ? `quoted ×${here.quoted}` : `mentioned ×${here.mentions}`;
      tr.append(el('td', here.quoted ? 'cmp-quoted' : 'cmp-mentioned', link(label, s, entity?.mentions[0], `Show ${row.name} in ${agencyName(s)}`)));
    }
    return tr;
  });
  const table = el('table', 'cmp-table', el('thead', null, head), el('tbody', null, ...body));
  return section('Who is named and quoted', el('div', 'cmp-table-box', table));
}

function renderFigures(comparison) {
  const differing = [...comparison.figures, ...comparison.dates].filter((f) => f.differs);
  const agreeing = comparison.figures.length + comparison.dates.length - differing.length;
  const items = differing.map((figure) =>
    el(
      'li',
      null,
      `${figure.kind}${figure.about.length ? ` (${figure.about.join(', ')})` : ''}: `,
      ...figure.versions.flatMap((v, i) => [
        i ? ' · ' : '',
        `${agencyName(v.story)} `,
        link(v.text, v.story, v, `Show ${v.text} in ${agencyName(v.story)}`),
      ]),
    ),
  );
  const note = el(
    'p',
    'cmp-empty',
    `${agreeing} ${agreeing === 1 ? 'figure or date agrees' : 'figures and dates agree'} across stories` +
      (differing.length ? '.' : '; none differs.'),
  );
  return section('Figures and dates that differ', items.length ? el('ul', 'cmp-list', ...items) : null, note);
}

function renderOnly(comparison) {
  const blocks = comparison.only_in.map((only) => {
    const s = only.story;
    const analysis = compared.analyses[s];
    const names = only.entities
      .map((i) => comparison.entities[i])
      .filter((row) => row.type !== 'misc')
      .map((row) => {
        const here = row.stories[0];
        const entity = analysis.entities[here.entities[0]];
        return el('li', null, link(row.name, s, entity?.mentions[0], `Show ${row.name} in ${agencyName(s)}`), ` ${row.type}`);
      });
    const quotes = only.quotes.map((q) => {
      const quote = analysis.quotes[q];
      const words = quote.text.length > 90 ? `${quote.text.slice(0, 89)}…` : quote.text;
      return el('li', null, link(`“${words}”`, s, quote), quote.speaker ? ` ${quote.speaker.name}` : '');
    });
    const figures = only.figures.map((f) => el('li', null, link(analysis.figures[f].text, s, analysis.figures[f])));
    return el(
      'div',
      'cmp-only-story',
      el('h4', null, `Only in ${agencyName(s)}`),
      names.length ? el('p', 'cmp-sub', 'Named') : null,
      names.length ? el('ul', 'cmp-list cmp-names', ...names) : null,
      quotes.length ? el('p', 'cmp-sub', 'Quoted') : null,
      quotes.length ? el('ul', 'cmp-list', ...quotes) : null,
      figures.length ? el('p', 'cmp-sub', 'Figures') : null,
      figures.length ? el('ul', 'cmp-list', ...figures) : null,
      names.length + quotes.length + figures.length ? null : el('p', 'cmp-empty', 'Nothing of its own.'),
    );
  });
  return section('What only one story has', el('div', 'cmp-only-grid', ...blocks));
}

// ---- wiring -----------------------------------------------------------------------

restore();
renderTabs();
textarea.addEventListener('input', () => {
  if (active < 0) return;
  const before = stories[active];
  stories[active] = textarea.value;
  // Re-label when the first line changed, and let Compare follow the second story.
  if (before.split('\n', 1)[0] !== textarea.value.split('\n', 1)[0] || !before.trim() !== !textarea.value.trim()) {
    renderTabs();
  }
  save();
});
addButton.addEventListener('click', addStory);
removeButton.addEventListener('click', removeStory);
downloadButton.addEventListener('click', downloadComparison);
$('compare-back').addEventListener('click', () => selectStory(0));
