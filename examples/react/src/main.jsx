import init from 'article-analyzer';
import { createRoot } from 'react-dom/client';
import { App } from './App.jsx';

// The wasm is fetched once; `analyze` works from here on.
await init();
createRoot(document.getElementById('root')).render(<App />);
