// Renders an analysis (the contract of `analyze`) as DOM: the breakdown lists and the
// article text with every quote, speaker, entity and date highlighted. Shared by the
// page and by the <article-analysis> element.
//
// Everything the user pasted is inserted with text nodes (`textContent`), never as
// HTML. Offsets are the analysis's own unit, UTF-16 by default, which is what JS
// string indices count, so `text.slice(span.start, span.end) === span.text`.
//
// Linking: every list item carries `data-ref` (`quote-3`, `entity-0`, `date-1`,
// `dateline`) and every highlighted run of the text carries `data-refs`, the refs of
// all the spans covering it, so one selector finds both sides of a link.
//
// Test contract: `data-quote` on each quote (its speaker inside with `data-speaker`),
// `data-entity` + `data-type` on each entity entry, `data-dateline` on the dateline,
// `data-figure` on each figure, `data-match` on each match of the caller's patterns.

/** The entity types of the contract, in display order. */
export const ENTITY_TYPES = ['person', 'organization', 'location', 'misc'];

const TYPE_HEADINGS = {
  person: 'People',
  organization: 'Organizations',
  location: 'Places',
  misc: 'Other',
};

const TYPE_LABELS = {
  person: 'Person',
  organization: 'Organization',
  location: 'Place',
  misc: 'Other',
};

/** Lists longer than this show their first items and say how many were left out. */
const DEFAULT_MAX_ITEMS = 200;

/** Past this many UTF-16 units the text view shows the beginning only (a 5 MB paste
 *  would otherwise build hundreds of thousands of nodes). */
const DEFAULT_MAX_TEXT = 100_000;

/**
 * Builds the breakdown: dateline card, headline/byline/notes, quotes (filterable by
 * speaker), entities grouped by type, dates. Returns a detached element.
 *
 * `totals` is for a result trimmed before it got here (the page's worker sends only
 * what is shown of a huge one): the true `quotes`, `dates` and `captions` counts and
 * each entity's mention count (`mentions[i]`).
 */
export function renderBreakdown(analysis, { maxItems = DEFAULT_MAX_ITEMS, totals = {} } = {}) {
  const root = el('div', 'aa-breakdown');
  root.append(
    renderDateline(analysis.dateline),
    renderAnatomy(analysis, totals),
    renderQuotes(analysis, maxItems, totals),
    renderEntities(analysis.entities ?? [], maxItems, totals),
    renderDates(analysis.dates ?? [], maxItems, totals),
    renderFigures(analysis.figures ?? [], maxItems, totals),
  );
  // The caller's patterns: listed only when the caller gave some (a match exists).
  if (analysis.matches?.length) root.append(renderMatches(analysis.matches, maxItems, totals));
  return root;
}

function renderDateline(dateline) {
  const card = section('Dateline', 'aa-dateline-card');
  if (!dateline) {
    card.append(el('p', 'aa-empty', 'No dateline found.'));
    return card;
  }
  const body = el('dl', 'aa-card');
  body.dataset.dateline = '';
  body.dataset.ref = 'dateline';
  body.tabIndex = 0;
  addTerm(body, 'Place', dateline.place || dateline.location);
  if (dateline.date) addTerm(body, 'Date', formatDatelineDate(dateline.date));
  if (dateline.source) addTerm(body, 'Agency', dateline.source);
  addTerm(body, 'As written', dateline.text, 'aa-as-written');
  card.append(body);
  return card;
}

function renderAnatomy(analysis, totals) {
  const part = section('Story', 'aa-anatomy');
  const list = el('dl', 'aa-terms');
  if (analysis.headline) addTerm(list, 'Headline', analysis.headline.text);
  if (analysis.standfirst) addTerm(list, 'Standfirst', analysis.standfirst.text);
  if (analysis.byline) {
    const names = analysis.byline.names ?? [];
    const byline = names.length ? names.join(', ') : analysis.byline.text;
    addTerm(list, 'Byline', analysis.byline.source ? `${byline} (${analysis.byline.source})` : byline);
  }
  if (analysis.published) {
    addTerm(list, 'Published', analysis.published.value ?? analysis.published.text);
  }
  for (const credit of analysis.credits ?? []) {
    addTerm(list, 'Credit', credit.names?.length ? credit.names.join(', ') : credit.text);
  }
  for (const note of analysis.notes ?? []) addTerm(list, 'Note', note.text);
  if (analysis.end_marker) addTerm(list, 'End mark', analysis.end_marker.text);
  for (const email of analysis.emails ?? []) addTerm(list, 'Email', email.text);
  const captions = totals.captions ?? (analysis.captions ?? []).length;
  if (captions) addTerm(list, 'Captions', captions.toLocaleString());
  if (list.childElementCount) part.append(list);
  else part.append(el('p', 'aa-empty', 'No headline, byline or notes found.'));
  return part;
}

function renderQuotes(analysis, maxItems, totals) {
  const quotes = analysis.quotes ?? [];
  const entities = analysis.entities ?? [];
  const total = totals.quotes ?? quotes.length;
  const part = section(`Quotes (${total.toLocaleString()})`, 'aa-quotes');
  if (!quotes.length) {
    part.append(el('p', 'aa-empty', 'No quotations found.'));
    return part;
  }

  // Speakers by how often they speak, for the filter.
  const counts = new Map();
  for (const quote of quotes) {
    const name = speakerName(quote);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const list = el('ol', 'aa-list');
  // Reported speech (kind `indirect`) is listed with the quotations, styled apart; a
  // second filter shows the quotations alone.
  if (quotes.some((quote) => quote.kind === 'indirect')) part.append(renderKindFilter(list));
  if (counts.size > 1) part.append(renderSpeakerFilter(counts, list), renderOrderChoice(counts, list));

  quotes.slice(0, maxItems).forEach((quote, index) => {
    const item = el('li', 'aa-item aa-quote-item');
    item.dataset.quote = '';
    item.dataset.ref = `quote-${index}`;
    item.dataset.kind = quote.kind;
    item.dataset.speakerName = speakerName(quote);
    item.tabIndex = 0;

    // Reported speech is the reporter's wording: no quotation marks around it.
    item.append(el(quote.kind === 'indirect' ? 'span' : 'q', 'aa-quote-text', quote.text));
    const meta = el('p', 'aa-meta');
    if (quote.speaker) {
      const speaker = el('span', 'aa-speaker-name', quote.speaker.name || quote.speaker.text);
      speaker.dataset.speaker = '';
      meta.append('— ', speaker);
      const entity = entities[quote.speaker.entity];
      if (entity?.role) meta.append(', ', el('span', 'aa-role', entity.role));
      if (quote.speaker.text && quote.speaker.text !== quote.speaker.name) {
        meta.append(' ', el('span', 'aa-as-written', `(“${quote.speaker.text}”)`));
      }
    } else {
      meta.append(el('span', 'aa-unattributed', 'No speaker found'));
    }
    if (quote.cue) meta.append(' · ', el('span', 'aa-cue', quote.cue.text));
    meta.append(' ', el('span', `aa-badge aa-kind-${quote.kind}`, quote.kind));
    item.append(meta);
    list.append(item);
  });
  part.append(list, moreNote(total, Math.min(maxItems, quotes.length)));
  return part;
}

/** A select that shows only the quotes of one speaker. */
function renderSpeakerFilter(counts, list) {
  const label = el('label', 'aa-filter aa-speaker-filter', 'Speaker ');
  const select = el('select');
  select.append(new Option(`All speakers (${sum(counts.values())})`, ''));
  const bySize = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [name, count] of bySize) select.append(new Option(`${name} (${count})`, name));
  select.addEventListener('change', () => {
    list.dataset.speaker = select.value;
    applyQuoteFilters(list);
  });
  label.append(select);
  return label;
}

/** A select between the text's order and "who said what": the quotes grouped under
 *  their speaker, the speaker who says most first. Items are moved, not copied, so the
 *  filters and the links to the text keep working. */
function renderOrderChoice(counts, list) {
  const label = el('label', 'aa-filter', 'Order ');
  const select = el('select');
  select.append(new Option('As in the text', ''), new Option('By speaker (who said what)', 'speaker'));
  select.addEventListener('change', () => arrangeQuotes(list, counts, select.value === 'speaker'));
  label.append(select);
  return label;
}

/** Puts the quote items of `list` in text order, or under one heading per speaker. */
function arrangeQuotes(list, counts, bySpeaker) {
  const items = [...list.querySelectorAll('[data-quote]')].sort(
    (a, b) => refIndex(a) - refIndex(b),
  );
  list.replaceChildren();
  if (!bySpeaker) {
    list.append(...items);
  } else {
    const groups = new Map();
    for (const item of items) {
      const name = item.dataset.speakerName;
      if (!groups.has(name)) groups.set(name, []);
      groups.get(name).push(item);
    }
    const order = [...groups.keys()].sort((a, b) => counts.get(b) - counts.get(a));
    for (const name of order) {
      const heading = el('li', 'aa-speaker-heading', `${name} (${groups.get(name).length})`);
      heading.dataset.speakerHeading = name;
      list.append(heading, ...groups.get(name));
    }
  }
  applyQuoteFilters(list);
}

/** The position of a quote item in the analysis (`quote-3` → 3). */
function refIndex(item) {
  return Number(item.dataset.ref.slice('quote-'.length));
}

/** A select between every attributed statement and the quotations alone. */
function renderKindFilter(list) {
  const label = el('label', 'aa-filter', 'Show ');
  const select = el('select');
  select.append(new Option('Direct and reported', ''), new Option('Direct quotes only', 'direct'));
  select.addEventListener('change', () => {
    list.dataset.kinds = select.value;
    applyQuoteFilters(list);
  });
  label.append(select);
  return label;
}

/** Hides the quote items that the speaker and kind filters leave out. */
function applyQuoteFilters(list) {
  const speaker = list.dataset.speaker ?? '';
  const directOnly = list.dataset.kinds === 'direct';
  for (const item of list.querySelectorAll('[data-quote]')) {
    item.hidden =
      (speaker !== '' && item.dataset.speakerName !== speaker) ||
      (directOnly && item.dataset.kind === 'indirect');
  }
  // A speaker's heading (by-speaker order) goes with the last of its quotes shown.
  for (const heading of list.querySelectorAll('[data-speaker-heading]')) {
    let shown = false;
    for (let next = heading.nextElementSibling; next?.dataset.quote != null; next = next.nextElementSibling) {
      shown ||= !next.hidden;
    }
    heading.hidden = !shown;
  }
}

function renderEntities(entities, maxItems, totals) {
  const countOf = (index) => totals.mentions?.[index] ?? entities[index].mentions.length;
  const part = section(`Entities (${entities.length})`, 'aa-entities');
  if (!entities.length) {
    part.append(el('p', 'aa-empty', 'No people, organizations or places found.'));
    return part;
  }
  for (const type of ENTITY_TYPES) {
    // Most-mentioned first; `index` keeps the link to the analysis.
    const ofType = entities
      .map((entity, index) => ({ entity, index }))
      .filter(({ entity }) => entity.type === type)
      .sort((a, b) => countOf(b.index) - countOf(a.index) || a.index - b.index);
    if (!ofType.length) continue;

    const group = el('div', `aa-group aa-group-${type}`);
    const heading = el('h4', 'aa-group-heading');
    heading.append(el('span', `aa-swatch aa-${type}`), `${TYPE_HEADINGS[type]} (${ofType.length})`);
    const list = el('ul', 'aa-list');
    for (const { entity, index } of ofType.slice(0, maxItems)) {
      const item = el('li', 'aa-item aa-entity-item');
      item.dataset.entity = '';
      item.dataset.type = type;
      item.dataset.ref = `entity-${index}`;
      item.tabIndex = 0;
      const title = el('p', 'aa-entity-title');
      title.append(el('span', 'aa-entity-name', entity.name));
      const count = countOf(index);
      title.append(' ', el('span', 'aa-count', `${count.toLocaleString()} mention${count === 1 ? '' : 's'}`));
      item.append(title);
      const details = [];
      if (entity.role) details.push(el('span', 'aa-role', entity.role));
      if (entity.subtype) details.push(el('span', 'aa-subtype', entity.subtype));
      if (entity.aliases?.length) {
        details.push(el('span', 'aa-aliases', `also ${entity.aliases.join(', ')}`));
      }
      if (details.length) {
        const meta = el('p', 'aa-meta');
        details.forEach((detail, i) => meta.append(...(i ? [' · ', detail] : [detail])));
        item.append(meta);
      }
      list.append(item);
    }
    group.append(heading, list, moreNote(ofType.length, maxItems));
    part.append(group);
  }
  return part;
}

function renderDates(dates, maxItems, totals) {
  const total = totals.dates ?? dates.length;
  const part = section(`Dates (${total.toLocaleString()})`, 'aa-dates');
  if (!dates.length) {
    part.append(el('p', 'aa-empty', 'No dates found.'));
    return part;
  }
  part.append(...itemList('date', dates, maxItems, total, (item, date) => {
    item.append(el('span', 'aa-date-text', date.text), ' → ');
    if (date.value) {
      const time = el('time', 'aa-date-value', date.value);
      time.dateTime = date.value;
      item.append(time);
    } else {
      item.append(el('span', 'aa-unresolved', 'unknown date'));
    }
  }));
  return part;
}

/** The first `maxItems` of `items` as a list, each `<li>` focusable and linked to its
 *  highlight (`data-ref="KIND-i"`) and filled by `fill(item, x)`, then the note on
 *  what is left out of `total`. */
function itemList(kind, items, maxItems, total, fill) {
  const list = el('ul', 'aa-list');
  items.slice(0, maxItems).forEach((x, index) => {
    const item = el('li', `aa-item aa-${kind}-item`);
    item.dataset.ref = `${kind}-${index}`;
    item.tabIndex = 0;
    fill(item, x);
    list.append(item);
  });
  return [list, moreNote(total, Math.min(maxItems, items.length))];
}

/** The story's figures: each as written, its normalized value, and the sentence it is
 *  about (what a fact-checker reads next to the number). */
function renderFigures(figures, maxItems, totals) {
  const total = totals.figures ?? figures.length;
  const part = section(`Figures (${total.toLocaleString()})`, 'aa-figures');
  if (!figures.length) {
    part.append(el('p', 'aa-empty', 'No money, percentages or measured quantities found.'));
    return part;
  }
  part.append(...itemList('figure', figures, maxItems, total, (item, figure) => {
    item.dataset.figure = '';
    const title = el('p', 'aa-figure-title');
    title.append(el('span', 'aa-figure-text', figure.text), ' → ', el('span', 'aa-figure-value', formatFigureValue(figure.value)));
    title.append(' ', el('span', `aa-badge aa-kind-${figure.kind}`, figure.kind));
    item.append(title);
    if (figure.sentence?.text) item.append(el('p', 'aa-meta aa-figure-sentence', figure.sentence.text));
  }));
  return part;
}

/** `{number: 44500000, currency: 'USD'}` → `44,500,000 USD`; `{number: 0.6, currency:
 *  'USD', per: 'barrel'}` → `0.6 USD per barrel`. */
function formatFigureValue({ number, currency, unit, per } = {}) {
  const amount = typeof number === 'number' ? number.toLocaleString(undefined, { maximumFractionDigits: 4 }) : '?';
  const parts = [amount];
  if (currency) parts.push(currency);
  if (unit) parts.push(unit);
  if (per) parts.push(`per ${per}`);
  return parts.join(' ');
}

/** The matches of the caller's own patterns (those without an entity type). */
function renderMatches(matches, maxItems, totals) {
  const total = totals.matches ?? matches.length;
  const part = section(`Your patterns (${total.toLocaleString()})`, 'aa-matches');
  part.append(...itemList('match', matches, maxItems, total, (item, match) => {
    item.dataset.match = '';
    item.append(el('span', 'aa-match-label', match.label), ' ', el('span', 'aa-match-text', match.text));
  }));
  return part;
}

/**
 * Builds the article text with highlights: quotes, speakers, entity mentions (by type),
 * dates, figures, the matches of the caller's patterns and the dateline; a web page's furniture, credits and captions greyed. Overlapping spans are cut into runs, each run a <span> with
 * the classes and `data-refs` of every span covering it; plain runs are text nodes.
 */
export function renderArticle(text, analysis, { maxChars = DEFAULT_MAX_TEXT } = {}) {
  const root = el('div', 'aa-text');
  const limit = Math.min(text.length, maxChars);
  const marks = collectMarks(analysis, limit);
  const out = new Chunks(root);

  // Sweep the boundaries left to right, keeping the spans that cover the current run.
  const events = [];
  for (const mark of marks) events.push([mark.start, 1, mark], [mark.end, -1, mark]);
  events.sort((a, b) => a[0] - b[0]);
  const active = new Set();
  let position = 0;
  for (const [at, change, mark] of events) {
    if (at > position) {
      out.append(text.slice(position, at), active);
      position = at;
    }
    if (change > 0) active.add(mark);
    else active.delete(mark);
  }
  out.append(text.slice(position, limit), active);
  if (limit < text.length) {
    root.append(
      el('p', 'aa-truncated', `… showing the first ${limit.toLocaleString()} of ${text.length.toLocaleString()} characters.`),
    );
  }
  return root;
}

/**
 * The text goes into blocks of a few paragraphs (`.aa-chunk`, cut after a line break
 * in unmarked text), which the stylesheet gives `content-visibility: auto`: the
 * browser then lays out only the blocks on screen. One block for 100,000 characters
 * held a 5 MB paste's page still for seconds.
 */
class Chunks {
  static SIZE = 3000;

  constructor(root) {
    this.root = root;
    this.#start();
  }

  #start() {
    this.chunk = el('div', 'aa-chunk');
    this.length = 0;
    this.root.append(this.chunk);
  }

  append(text, active) {
    if (!text) return;
    if (!active.size && this.length + text.length > Chunks.SIZE) {
      const cut = text.lastIndexOf('\n') + 1;
      if (cut > 0) {
        this.chunk.append(text.slice(0, cut));
        this.#start();
        text = text.slice(cut);
        if (!text) return;
      }
    }
    this.length += text.length;
    appendRun(this.chunk, text, active);
  }
}

function collectMarks(analysis, limit) {
  const marks = [];
  const add = (span, ref, className, title) => {
    if (!span) return;
    const start = Math.max(0, span.start);
    const end = Math.min(limit, span.end);
    if (end > start) marks.push({ start, end, ref, className, title });
  };
  add(analysis.dateline, 'dateline', 'aa-dateline', 'Dateline');
  // A web page's furniture and photo captions: shown greyed, not the story's text.
  (analysis.boilerplate ?? []).forEach((span, i) => add(span, `boilerplate-${i}`, 'aa-furniture', 'Page furniture'));
  (analysis.credits ?? []).forEach((span, i) => add(span, `credit-${i}`, 'aa-furniture', 'Credit'));
  (analysis.captions ?? []).forEach((caption, i) =>
    add(caption, `caption-${i}`, 'aa-furniture', caption.credit ? `Caption — ${caption.credit.text}` : 'Caption'),
  );
  (analysis.dates ?? []).forEach((date, i) =>
    add(date, `date-${i}`, 'aa-date', `Date: ${date.value ?? 'unknown'}`),
  );
  (analysis.figures ?? []).forEach((figure, i) =>
    add(figure, `figure-${i}`, 'aa-figure', `Figure: ${formatFigureValue(figure.value)}`),
  );
  (analysis.matches ?? []).forEach((match, i) => add(match, `match-${i}`, 'aa-match', `Your pattern: ${match.label}`));
  (analysis.quotes ?? []).forEach((quote, i) => {
    const who = quote.speaker ? quote.speaker.name || quote.speaker.text : 'no speaker found';
    add(quote, `quote-${i}`, `aa-quote aa-quote-${quote.kind}`, `Quote (${quote.kind}) — ${who}`);
    add(quote.speaker, `quote-${i}`, 'aa-speaker', `Speaker: ${who}`);
    add(quote.cue, `quote-${i}`, 'aa-cue-mark', 'Cue');
  });
  (analysis.entities ?? []).forEach((entity, i) => {
    for (const mention of entity.mentions ?? []) {
      add(mention, `entity-${i}`, `aa-${entity.type}`, `${TYPE_LABELS[entity.type] ?? 'Entity'}: ${entity.name}`);
    }
  });
  return marks;
}

function appendRun(root, text, active) {
  if (!text) return;
  if (!active.size) {
    root.append(text);
    return;
  }
  const run = el('span', 'aa-mark', text);
  const refs = new Set();
  const titles = new Set();
  for (const mark of active) {
    for (const name of mark.className.split(' ')) run.classList.add(name);
    refs.add(mark.ref);
    titles.add(mark.title);
  }
  run.dataset.refs = [...refs].join(' ');
  run.title = [...titles].join('\n');
  root.append(run);
}

/**
 * Links the lists and the text inside `root`: pointing at or focusing an item marks
 * every element with the same ref and scrolls the other side to it; clicking or
 * pressing Enter selects it (the selection stays until another one).
 * Returns a function that removes the listeners.
 */
export function linkHighlights(root) {
  let shown = [];
  let selected = [];
  const mark = (refs, className) => {
    const found = [];
    for (const ref of refs) {
      found.push(...root.querySelectorAll(`[data-ref="${ref}"], [data-refs~="${ref}"]`));
    }
    for (const node of found) node.classList.add(className);
    return found;
  };
  const refsOf = (node) =>
    node.dataset.ref ? [node.dataset.ref] : (node.dataset.refs ?? '').split(' ').filter(Boolean);
  const target = (event) => event.target.closest?.('[data-ref], [data-refs]');

  const show = (node, { select = false } = {}) => {
    for (const old of shown) old.classList.remove('aa-linked');
    const refs = refsOf(node);
    shown = mark(refs, 'aa-linked');
    if (select) {
      for (const old of selected) old.classList.remove('aa-selected');
      selected = mark(refs, 'aa-selected');
    }
    // Scroll the other side: from a list item to the first run of text, and back.
    const other = shown.find((candidate) => !!candidate.dataset.ref !== !!node.dataset.ref);
    if (other) revealWithin(other, select);
  };
  const hide = () => {
    for (const old of shown) old.classList.remove('aa-linked');
    shown = [];
  };

  const onOver = (event) => {
    const node = target(event);
    if (node) show(node);
  };
  const onOut = (event) => {
    if (!event.relatedTarget?.closest?.('[data-ref], [data-refs]')) hide();
  };
  const onFocus = (event) => {
    const node = target(event);
    if (node) show(node);
  };
  const onClick = (event) => {
    const node = target(event);
    if (node && !event.target.closest('select, a, button')) show(node, { select: true });
  };
  const onKey = (event) => {
    const node = target(event);
    if (node && (event.key === 'Enter' || event.key === ' ') && event.target === node) {
      event.preventDefault();
      show(node, { select: true });
    }
  };
  const listeners = { pointerover: onOver, pointerout: onOut, focusin: onFocus, click: onClick, keydown: onKey };
  for (const [type, listener] of Object.entries(listeners)) root.addEventListener(type, listener);
  return () => {
    for (const [type, listener] of Object.entries(listeners)) root.removeEventListener(type, listener);
  };
}

/** Scrolls `node` into view inside its nearest scrolling box; the page itself scrolls
 *  only on an explicit selection, never on hover. */
function revealWithin(node, scrollPage) {
  const box = scrollingAncestor(node);
  if (box) {
    const boxRect = box.getBoundingClientRect();
    const rect = node.getBoundingClientRect();
    if (rect.top < boxRect.top || rect.bottom > boxRect.bottom) {
      box.scrollTop += rect.top - boxRect.top - box.clientHeight / 3;
    }
  } else if (scrollPage) {
    node.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }
}

function scrollingAncestor(node) {
  for (let box = node.parentElement; box; box = box.parentElement) {
    const overflow = getComputedStyle(box).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && box.scrollHeight > box.clientHeight) {
      return box;
    }
  }
  return null;
}

/** `{year: 2023, month: 9, day: 14}` → `14 September 2023` in the reader's locale. */
export function formatDatelineDate({ year, month, day, text }) {
  if (!month || !day) return text;
  const date = new Date(Date.UTC(year ?? 2000, month - 1, day));
  const format = { timeZone: 'UTC', month: 'long', day: 'numeric' };
  if (year != null) format.year = 'numeric';
  return date.toLocaleDateString(undefined, format);
}

function speakerName(quote) {
  return quote.speaker ? quote.speaker.name || quote.speaker.text : 'No speaker found';
}

function section(title, className) {
  const part = el('section', `aa-section ${className}`);
  part.append(el('h3', 'aa-heading', title));
  return part;
}

function addTerm(list, term, value, className) {
  list.append(el('dt', null, term), el('dd', className, value));
}

function moreNote(total, shown) {
  return total > shown
    ? el('p', 'aa-more', `${(total - shown).toLocaleString()} more not shown.`)
    : document.createDocumentFragment();
}

function sum(values) {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** createElement with a class and text: the only way this module makes nodes. */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}
