import init from 'article-analyzer';
import { mount } from 'svelte';
import App from './App.svelte';

// The wasm is fetched once; `analyze` works from here on.
await init();
mount(App, { target: document.getElementById('app') });
