// The client of the package's analysis worker, shared by the page, <article-analysis>
// and any app: texts are analyzed off the page's thread, one request at a time, with
// progress and cancellation. The whole API:
//
//   import { AnalyzerClient } from 'article-analyzer/client.js';
//   const analyzer = new AnalyzerClient();      // { source }: where the .wasm is (what
//                                               // `init` takes); default: beside the package
//   await analyzer.ready();                     // optional: load the wasm now
//   const analysis = await analyzer.analyze(text, { reference_date: '2023-09-14' }, {
//     onProgress: ({ stage, fraction }) => (bar.value = fraction),
//     signal: controller.signal,                // controller.abort() ends it: AbortError
//     channel: 'story',                         // a newer request on 'story' supersedes it
//   });
//   const { view, totals, ms, json } = await analyzer.analyzeView(text, options, {
//     items: 200, chars: 100_000,               // what the page shows; json() gives the
//   });                                         // complete result as JSON
//   const { analyses, comparison, ms } = await analyzer.compare([textA, textB], options);
//   analyzer.abort();                           // ends every pending request
//   analyzer.inWorker;                          // true, false (this thread) or null (not started)
//
// - Requests run one at a time, in the order made. `analyze` resolves with the analysis
//   (the contract in SCHEMA.md); errors keep their type (a TypeError for a bad option).
// - `onProgress({stage, fraction})` is called as each stage starts (`text`, `anatomy`,
//   `entities`, `quotes`, `dates`, `figures`, `offsets`, `result`); `fraction` (0..1) is the share
//   of the work done, from stage costs measured on long texts.
// - `analyzeView` answers with the result trimmed to `items` per list and the mentions in
//   the first `chars` UTF-16 units (`view`), the true counts (`totals`, as render.js's
//   `renderBreakdown` takes them) and the analysis time (`ms`): copying a 5 MB story's
//   whole result to the page would block it for a second. `json()` resolves with the
//   complete result as JSON while this is the client's latest view.
// - `compare` analyzes each text with `options` and compares the stories (the
//   comparison in SCHEMA.md); the worker loads the full module for it the first time.
// - Cancelling: an aborted `signal`, `abort()`, or a newer request on the same `channel`
//   (any value: an element, a string). A request still waiting is dropped; one running
//   is ended by replacing the worker (a superseded one running for less than 250 ms is
//   left to finish, which is cheaper than a new worker, and its result dropped). A
//   cancelled request rejects with a DOMException named "AbortError".
// - Where no worker can start (no Worker, a CSP that forbids it, a package on another
//   origin that the page may not load from a worker) requests run on this thread, with a
//   console.warn saying why. From another origin (a CDN) the worker starts through a
//   same-origin blob: module that imports the package's worker.
//
// The protocol between this client and the worker is in requests.js.

import { answer } from './requests.js';

/** A superseded request that has run for less than this is left to finish. */
const SUPERSEDE_AFTER_MS = 250;

export class AnalyzerClient {
  #source;
  /** Promise of the transport: `{post(message), terminate()}` to a worker or this thread. */
  #transport = null;
  /** Requests not yet sent, oldest first. */
  #queue = [];
  /** The request the transport works on, or null. */
  #running = null;
  /** channel -> its latest request. */
  #channels = new Map();
  #nextId = 1;

  /** True when requests run in a worker, false on this thread, null before the start. */
  inWorker = null;

  constructor({ source } = {}) {
    this.#source = source;
  }

  /** Loads the wasm (in the worker, or on this thread where none can start). */
  async ready() {
    await this.#connect();
  }

  /** Analyzes `text`; resolves with the analysis. */
  analyze(text, options, { onProgress, signal, channel } = {}) {
    return this.#request({ type: 'analyze', text, options, progress: !!onProgress }, { onProgress, signal, channel }).promise;
  }

  /** Analyzes `text`; resolves with `{view, totals, ms, json()}` (see the header). */
  async analyzeView(text, options, { items = 200, chars = 100_000, onProgress, signal, channel } = {}) {
    const message = { type: 'analyze', text, options, progress: !!onProgress, view: { items, chars } };
    const { id, promise } = this.#request(message, { onProgress, signal, channel });
    const { view, totals, ms } = await promise;
    return { view, totals, ms, json: () => this.#request({ type: 'json', of: id }, {}).promise };
  }

  /** Analyzes each of `texts` and compares them; resolves with `{analyses, comparison, ms}`. */
  compare(texts, options, { signal, channel } = {}) {
    return this.#request({ type: 'compare', texts, options }, { signal, channel }).promise;
  }

  /** Ends every pending request (each rejects with an AbortError). */
  abort() {
    for (const request of [...this.#queue, this.#running]) if (request) this.#cancel(request, abortError('aborted'));
  }

  #request(message, { onProgress, signal, channel }) {
    const id = this.#nextId++;
    const request = { id, message: { ...message, id }, onProgress, channel, sentAt: null, superseded: false };
    request.promise = new Promise((resolve, reject) => {
      request.settle = (error, result) => {
        if (request.done) return;
        request.done = true;
        if (this.#channels.get(channel) === request) this.#channels.delete(channel);
        if (error) reject(error);
        else resolve(result);
      };
    });
    if (signal?.aborted) {
      request.settle(abortError('aborted'));
      return request;
    }
    signal?.addEventListener('abort', () => this.#cancel(request, abortError('aborted')), { once: true });
    if (channel !== undefined) {
      const previous = this.#channels.get(channel);
      this.#channels.set(channel, request);
      if (previous) this.#supersede(previous);
    }
    this.#queue.push(request);
    this.#pump();
    return request;
  }

  #supersede(request) {
    const running = request === this.#running && request.sentAt !== null;
    if (running && performance.now() - request.sentAt < SUPERSEDE_AFTER_MS) request.superseded = true;
    else this.#cancel(request, abortError('superseded by a newer request'));
  }

  #cancel(request, error) {
    if (request.done) return;
    request.settle(error);
    const waiting = this.#queue.indexOf(request);
    if (waiting >= 0) {
      this.#queue.splice(waiting, 1);
    } else if (request === this.#running) {
      // The only way to stop a running wasm call is to end its worker.
      this.#running = null;
      if (request.sentAt !== null) this.#replaceTransport();
      this.#pump();
    }
  }

  async #pump() {
    if (this.#running || !this.#queue.length) return;
    const request = this.#queue.shift();
    this.#running = request;
    let transport;
    try {
      transport = await this.#connect();
    } catch (error) {
      if (this.#running !== request) return; // cancelled meanwhile
      this.#running = null;
      request.settle(error);
      this.#pump();
      return;
    }
    if (this.#running !== request) return;
    request.sentAt = performance.now();
    transport.post(request.message);
  }

  /** A message from the transport about the running request. */
  #onMessage = (data) => {
    const request = this.#running;
    if (!request || data.id !== request.id) return; // about a request cancelled since
    if (data.progress) {
      request.onProgress?.(data.progress);
      return;
    }
    this.#running = null;
    if (data.error) {
      request.settle(errorFrom(data.error));
      // A trap (a Rust panic) may leave the wasm instance unusable: start afresh.
      if (data.error.name === 'RuntimeError') this.#replaceTransport();
    } else {
      request.settle(request.superseded ? abortError('superseded by a newer request') : null, data.result);
    }
    this.#pump();
  };

  /** The worker failed after it started (out of memory, say). */
  #onCrash = (error) => {
    this.#replaceTransport();
    const request = this.#running;
    this.#running = null;
    request?.settle(error);
    this.#pump();
  };

  #replaceTransport() {
    const old = this.#transport;
    this.#transport = null;
    old?.then((transport) => transport.terminate(), () => {});
  }

  #connect() {
    this.#transport ??= this.#open().catch((error) => {
      this.#transport = null;
      throw error;
    });
    return this.#transport;
  }

  async #open() {
    let transport;
    try {
      transport = await openWorker(this.#source, this.#onMessage, this.#onCrash);
    } catch (error) {
      if (!error.workerDidNotStart) throw error; // the wasm itself failed to load
      if (this.inWorker !== false) {
        console.warn(`article-analyzer: no analysis worker (${error.message}); analyzing on the page's thread, which blocks it on long texts.`);
      }
      transport = await openHere(this.#source, this.#onMessage);
    }
    this.inWorker = transport.inWorker;
    return transport;
  }
}

/** A transport to a new worker; rejects with `workerDidNotStart` when none can start. */
function openWorker(source, onMessage, onCrash) {
  return new Promise((resolve, reject) => {
    const didNotStart = (error) => reject(Object.assign(error, { workerDidNotStart: true }));
    let worker;
    let started;
    try {
      ({ worker, started } = newWorker());
      worker.postMessage({ id: 0, type: 'init', source: postable(source) });
    } catch (error) {
      worker?.terminate();
      didNotStart(error); // no Worker here, or a source that cannot be posted (a Response)
      return;
    }
    let ready = false;
    const transport = { inWorker: true, post: (message) => worker.postMessage(message), terminate: () => worker.terminate() };
    worker.addEventListener('message', ({ data }) => {
      if (ready) return onMessage(data);
      if (data.id !== 0) return;
      started();
      if (data.error) {
        worker.terminate();
        reject(errorFrom(data.error));
      } else {
        ready = true;
        resolve(transport);
      }
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      const error = new Error(event.message || 'the worker script could not be loaded');
      if (ready) return onCrash(error);
      started();
      worker.terminate();
      didNotStart(error);
    });
  });
}

/** Starts the package's worker; `started()` releases what starting it needed. */
function newWorker() {
  if (typeof Worker !== 'function') throw new Error('this page has no Worker');
  const here = new URL(import.meta.url);
  if (here.origin === globalThis.location?.origin) {
    // This exact form (a literal URL beside this module) is what bundlers look for.
    const worker = new Worker(new URL('./article-analysis-worker.js', import.meta.url), { type: 'module' });
    return { worker, started: () => {} };
  }
  // A page may not start a worker from another origin, but it may start a same-origin
  // blob: module that imports one (with CORS, as a CDN serves it).
  const script = new URL('article-analysis-worker.js', here).href;
  const blob = URL.createObjectURL(new Blob([`import ${JSON.stringify(script)};\n`], { type: 'text/javascript' }));
  return { worker: new Worker(blob, { type: 'module' }), started: () => URL.revokeObjectURL(blob) };
}

/** A transport that answers on this thread, through the same protocol. */
async function openHere(source, onMessage) {
  const init = await new Promise((resolve) => answer({ id: 0, type: 'init', source }, resolve));
  if (init.error) throw errorFrom(init.error);
  return { inWorker: false, post: (message) => answer(message, onMessage), terminate: () => {} };
}

/** A wasm source as a worker can receive it: a relative URL means relative to the page. */
function postable(source) {
  if (typeof source === 'string') return new URL(source, globalThis.document?.baseURI ?? globalThis.location?.href).href;
  if (source instanceof URL) return source.href;
  return source;
}

function errorFrom({ name, message }) {
  const Type = { TypeError, RangeError }[name];
  return Type ? new Type(message) : Object.assign(new Error(message), { name });
}

function abortError(message) {
  return new DOMException(`article-analyzer: ${message}`, 'AbortError');
}
