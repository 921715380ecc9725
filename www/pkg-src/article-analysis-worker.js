// The package's Web Worker: loads the wasm once and answers client.js's requests
// (protocol in requests.js), so a multi-megabyte article never blocks the page. Started
// by client.js, for the page and for <article-analysis> alike.

import { answer } from './requests.js';

self.addEventListener('message', (event) => answer(event.data, (message) => self.postMessage(message)));
