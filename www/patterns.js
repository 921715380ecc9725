// The "Your patterns" panel: the reader's own things to find (bill numbers, tickers, a
// beat's people), each a label with a regular expression or a list of phrases and an
// optional entity type. Kept in this browser's local storage; app.js passes them to the
// analysis as `options.patterns` (the worker then loads the full wasm module, where the
// regex crate runs them in linear time, so no pattern can freeze the page).
//
// A pattern the analyzer refuses (its TypeError names it: `patterns[2].regex: unclosed
// group at 5`) shows that message next to it and is left out until it is edited; the
// others keep working. Everything typed here is handled as text, never as HTML.

const STORAGE_KEY = 'article-analyzer:patterns';
/** The analyzer's own cap on the number of patterns. */
const MAX_PATTERNS = 100;
const TYPES = ['person', 'organization', 'location', 'misc'];

const list = document.getElementById('pattern-list');
const addButton = document.getElementById('add-pattern');
const panelError = document.getElementById('patterns-error');
const count = document.getElementById('patterns-count');

/** The rows as typed: `{label, kind: 'regex' | 'phrases', value, type}`. */
let rows = recall();
/** Why the analyzer refused a pattern, by the pattern's JSON (so an edit clears it). */
const refused = new Map();
let onChange = () => {};

/** Calls `listener` whenever the patterns change (typed, added, removed). */
export function onPatternsChanged(listener) {
  onChange = listener;
}

/** The patterns to analyze with: complete rows the analyzer has not refused. */
export function usablePatterns() {
  return rows.map(toPattern).filter((pattern) => pattern && !refused.has(JSON.stringify(pattern)));
}

/**
 * Takes an analysis error made with `patterns` (what `usablePatterns()` gave). When it
 * names one of them, shows it there and returns true: analyze again without it.
 */
export function refuse(error, patterns) {
  const index = /\bpatterns\[(\d+)\]/.exec(error?.message ?? '')?.[1];
  const pattern = error?.name === 'TypeError' && index !== undefined ? patterns[Number(index)] : undefined;
  if (!pattern) {
    // About the list as a whole (too many, too large): said under the list.
    const aboutPatterns = error?.name === 'TypeError' && /\bpatterns\b/.test(error.message);
    panelError.hidden = !aboutPatterns;
    panelError.textContent = aboutPatterns ? error.message : '';
    return false;
  }
  refused.set(JSON.stringify(pattern), withoutPrefix(error.message, index));
  showErrors();
  return true;
}

/** A row as the analyzer takes it, or null while it is incomplete. */
function toPattern({ label, kind, value, type }) {
  label = label.trim();
  if (!label || !value.trim()) return null;
  const pattern = { label };
  if (kind === 'phrases') {
    pattern.phrases = value.split(',').map((phrase) => phrase.trim()).filter(Boolean);
    if (!pattern.phrases.length) return null;
  } else {
    pattern.regex = value;
  }
  if (TYPES.includes(type)) pattern.type = type;
  return pattern;
}

/** `analyze: patterns[2].regex: unclosed group at 5` → `regex: unclosed group at 5`. */
function withoutPrefix(message, index) {
  const at = message.indexOf(`patterns[${index}]`);
  return message.slice(at + `patterns[${index}]`.length).replace(/^\.?/, '').replace(/^: /, '');
}

// ---- the rows on screen -------------------------------------------------------------

function render() {
  list.replaceChildren(...rows.map(renderRow));
  addButton.disabled = rows.length >= MAX_PATTERNS;
  count.textContent = rows.length ? `(${rows.length})` : '';
  showErrors();
}

function renderRow(row, index) {
  const item = document.createElement('li');
  item.className = 'pattern-row';
  item.dataset.pattern = String(index);

  const label = input('Label', row.label, 'e.g. bill');
  label.classList.add('pattern-label');
  const kind = select('Kind of pattern', [
    ['regex', 'regular expression'],
    ['phrases', 'phrases'],
  ], row.kind);
  const value = input(valueName(row.kind), row.value, valueHint(row.kind));
  value.classList.add('pattern-value');
  const type = select('Entity type', [['', 'no type: a match'], ...TYPES.map((t) => [t, t])], row.type);
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'pattern-remove';
  remove.textContent = 'Remove';
  remove.setAttribute('aria-label', `Remove pattern ${index + 1}`);
  const error = document.createElement('p');
  error.className = 'pattern-error';
  error.setAttribute('role', 'alert');
  error.hidden = true;

  const edit = () => {
    row.label = label.value;
    row.kind = kind.value;
    row.value = value.value;
    row.type = type.value;
    value.setAttribute('aria-label', valueName(row.kind));
    value.placeholder = valueHint(row.kind);
    changed();
  };
  for (const control of [label, kind, value, type]) control.addEventListener('input', edit);
  remove.addEventListener('click', () => {
    rows.splice(index, 1);
    render();
    changed();
    (list.querySelector(`[data-pattern="${Math.min(index, rows.length - 1)}"] .pattern-remove`) ?? addButton).focus();
  });
  item.append(label, kind, value, type, remove, error);
  return item;
}

/** Each row's refusal, if any, beside it. */
function showErrors() {
  rows.forEach((row, index) => {
    const error = list.querySelector(`[data-pattern="${index}"] .pattern-error`);
    const pattern = toPattern(row);
    const message = pattern ? refused.get(JSON.stringify(pattern)) : undefined;
    error.hidden = !message;
    error.textContent = message ?? '';
    list.querySelector(`[data-pattern="${index}"] .pattern-value`).setAttribute('aria-invalid', String(!!message));
  });
}

function valueName(kind) {
  return kind === 'phrases' ? 'Phrases, separated by commas' : 'Regular expression';
}

function valueHint(kind) {
  return kind === 'phrases' ? 'e.g. Jane Roe, City Council' : 'e.g. \\b(HB|SB) \\d+';
}

function input(name, value, placeholder) {
  const node = document.createElement('input');
  node.type = 'text';
  node.spellcheck = false;
  node.value = value;
  node.placeholder = placeholder;
  node.setAttribute('aria-label', name);
  return node;
}

function select(name, options, value) {
  const node = document.createElement('select');
  for (const [optionValue, text] of options) node.append(new Option(text, optionValue));
  node.value = value;
  node.setAttribute('aria-label', name);
  return node;
}

// ---- changes and storage ------------------------------------------------------------

function changed() {
  panelError.hidden = true;
  count.textContent = rows.length ? `(${rows.length})` : '';
  showErrors();
  save();
  onChange();
}

function save() {
  try {
    const stored = rows.map(({ label, kind, value, type }) => {
      const pattern = { label };
      if (kind === 'phrases') pattern.phrases = value.split(',').map((phrase) => phrase.trim());
      else pattern.regex = value;
      if (type) pattern.type = type;
      return pattern;
    });
    localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
  } catch {
    // Storage full or disabled: the panel works for this visit.
  }
}

/** The stored patterns (`{label, regex}` or `{label, phrases}`, optional `type`) as rows;
 *  anything else stored under the key is ignored. */
function recall() {
  let stored;
  try {
    stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(stored)) return [];
  return stored
    .filter((p) => p && typeof p.label === 'string' && (typeof p.regex === 'string' || Array.isArray(p.phrases)))
    .slice(0, MAX_PATTERNS)
    .map((p) => ({
      label: p.label,
      kind: typeof p.regex === 'string' ? 'regex' : 'phrases',
      value: typeof p.regex === 'string' ? p.regex : p.phrases.filter((x) => typeof x === 'string').join(', '),
      type: TYPES.includes(p.type) ? p.type : '',
    }));
}

addButton.addEventListener('click', () => {
  if (rows.length >= MAX_PATTERNS) return;
  rows.push({ label: '', kind: 'regex', value: '', type: '' });
  render();
  list.lastElementChild.querySelector('input').focus();
});

render();
// Patterns kept from an earlier visit are in use: show them.
document.getElementById('patterns-panel').open = rows.length > 0;
