// The postmortem-lint command in process: runs the CLI on process.argv and sets the exit code. Called by the binary's
// loader (bin.ts) once the bundle (dist/cli-core.js) is loaded.
import { runCli } from './run';

export function main(): void {
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
}
