import init from 'article-analyzer';
import { createApp } from 'vue';
import App from './App.vue';

// The wasm is fetched once; `analyze` works from here on.
await init();
createApp(App).mount('#app');
