// Entry point of the postmortem-lint binary (bundled to dist/cli.js): a small loader. The linter is a bundle of its own,
// dist/cli-core.js (core.ts), loaded with V8's code cache (code-cache.ts), so that a run does not compile again the
// code that the previous runs compiled; the lint threads load the same bundle the same way (worker-bin.ts).
// first: the JIT setting of a short run, before the linter's code is compiled
import './tier-up';
import * as path from 'node:path';
import { loadCore } from './code-cache';

const { core, save } = loadCore(path.join(__dirname, 'cli-core.js'));
process.once('exit', save);
core.main();
