// A lint thread of the postmortem-lint binary (bundled to dist/cli-worker.js, started by pool.ts): loads the linter,
// dist/cli-core.js, as the binary's loader does (bin.ts; the JIT setting of tier-up.ts is the process's already), and
// serves the main thread's files.
import * as path from 'node:path';
import { ENOUGH_FILES, loadCore } from './code-cache';

const { core, save } = loadCore(path.join(__dirname, 'cli-core.js'));
// the run may end (and stop this thread) any time: the cache is written once the thread has linted enough
core.serveWorker(() => {
  if (core.filesLinted() === ENOUGH_FILES) save();
});
