// The CLI's JIT settings, imported first by the binary's entry (cli/bin.ts) so that it holds before the linter's code
// is loaded. A CLI run is short: over the 80-file corpus about half of its CPU time went on warming up (the same files
// linted again in the same process took half as long), and a third of a cold run's CPU was on V8's background threads,
// most of it optimising compiles of functions that had run only a few times. V8 asks its optimising compiler for a
// function once the function has run through its "interrupt budget" of bytecode; a budget 8× V8's default (66 KB)
// leaves the compiler the functions that stay hot, such as the parser's, and spares it those that a run reaches only
// for a few files. Measured on dist/cli.js against the same build without it (alternated runs in separate processes,
// median CPU time, a shared 2-core machine at load 8–11): the 80-file corpus 3.54 → 2.32 s (--jobs 1), 2,000
// generated postmortems 15.7 → 11.9 s (--jobs 1) and 21.0 → 17.7 s (--jobs 2). Budgets of 16× and 32× measured the
// same within the noise; a lower limit on inlining (--max-inlined-bytecode-size-cumulative) added nothing clear.
// V8 also compiles each regular expression twice by default: to bytecode for its first match, then to machine code
// from its second ("regexp tier-up"). The linter's expressions are many and large (Unicode classes, long alternations),
// and a run matches most of them more than once, so the first compile was wasted work: each is compiled once, to
// machine code, with --no-regexp-tier-up (what every match after the first ran already, so the matches are the same).
// Measured on dist/cli.js (alternated runs in separate processes, median CPU time, a shared 2-core machine at load
// 12–14): one 3 KB postmortem 0.555 → 0.505 s (10 runs each), the 80-file corpus 2.43 → 2.32 s (5 each); a 1 MB
// postmortem alike within the noise. Leaving them interpreted longer (--regexp-tier-up-ticks=10 or 100) helped one
// file as much but not the corpus, whose common expressions then ran in the interpreter.
// V8's flags are the process's, so the worker threads (cli-worker.ts) run with them too. The language server, which
// runs for hours, keeps V8's defaults.
import { setFlagsFromString } from 'node:v8';

export const INTERRUPT_BUDGET = 528_000;

try {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  setFlagsFromString('--no-regexp-tier-up');
} catch {
  // a runtime without the flag lints as before
}
