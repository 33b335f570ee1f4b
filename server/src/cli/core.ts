// The CLI's linter, bundled to dist/cli-core.js: what the loaders (bin.ts for the command, worker-bin.ts for its lint
// threads) run once they have loaded it with V8's code cache (code-cache.ts). Importing it starts nothing.
export { main } from './main';
export { serveWorker } from './cli-worker';
export { filesLinted } from './lint-file';
