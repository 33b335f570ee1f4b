// Entry point of the postmortem-lint binary (bundled to dist/cli.js).
// first: the JIT setting of a short run, before the linter's code is loaded
import './tier-up';
import { runCli } from './run';

// `postmortem-lint … | head` closes the pipe early: stop quietly instead of crashing with EPIPE.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: process.stdout.isTTY,
}).then(
  (code) => {
    // Let pending output drain instead of calling process.exit(), which can cut off piped output.
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`postmortem-lint: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
