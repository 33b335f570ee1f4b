// The lint threads of `postmortem-lint`: the main thread and `size - 1` worker threads take files from one queue until
// none is left (the main thread has the linter loaded already, and has little else to do: the output is printed as
// files finish, which is cheap). The main thread lints one file at a time and answers the workers between its files,
// so each worker is handed a few files ahead (AHEAD) and never waits for the main thread's file to end.
// A worker gets its first files once it has loaded the linter: files are not held by a thread still starting, and a
// run the main thread finishes first never waits for one. A worker that stops (a crash, running out of memory) costs
// the file it was linting: that file gets one error line, the files it had not started go back to the queue and a new
// worker takes the rest; one that stops before it is ready is not replaced (the main thread lints what is left), so a
// worker that cannot start cannot loop.
import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { lintFile, type FileOutcome, type FileTask } from './lint-file';
import type { WorkerReply, WorkerRequest } from './cli-worker';

/** dist/cli-worker.js beside the bundled CLI (dist/cli.js); undefined when absent (running from source). */
export function cliWorkerFile(): string | undefined {
  const file = path.join(__dirname, 'cli-worker.js');
  return fs.existsSync(file) ? file : undefined;
}

/**
 * Lints the tasks on `size` threads: the main thread and size - 1 workers (or `size` workers with `mainThread: false`),
 * calling onOutcome once per task, in the order they finish. Resolves when every task has its outcome.
 */
export function lintInThreads(
  tasks: { index: number; task: FileTask }[],
  size: number,
  workerFile: string,
  onOutcome: (index: number, outcome: FileOutcome) => void,
  { mainThread = true }: { mainThread?: boolean } = {},
): Promise<void> {
  const queue = [...tasks];
  let pending = tasks.length;
  const live = new Set<() => void>();
  return new Promise<void>((resolve) => {
    if (pending === 0) return resolve();
    const deliver = (index: number, outcome: FileOutcome) => {
      onOutcome(index, outcome);
      if (--pending > 0) return;
      // workers still loading would hold the process open until they are ready: stop them now
      for (const stop of [...live]) stop();
      resolve();
    };
    const start = () => {
      // the files sent and not yet answered, in the order the worker lints them
      const sent: { index: number; task: FileTask }[] = [];
      let lastError = '';
      let ready = false;
      let done = false;
      let w: Worker;
      try {
        w = new Worker(workerFile);
      } catch {
        // no thread to be had (resource limits): the main thread lints what is left
        return;
      }
      const stop = () => {
        done = true;
        live.delete(stop);
        void w.terminate();
      };
      live.add(stop);
      const feed = () => {
        while (sent.length < AHEAD) {
          const t = queue.shift();
          if (!t) break;
          sent.push(t);
          w.postMessage({ index: t.index, task: t.task } satisfies WorkerRequest);
        }
        if (sent.length === 0) stop();
      };
      w.on('message', (reply: WorkerReply) => {
        if ('ready' in reply) {
          ready = true;
          return feed();
        }
        if (sent[0]?.index !== reply.index) return;
        sent.shift();
        deliver(reply.index, reply.outcome);
        if (!done) feed();
      });
      w.on('error', (e) => {
        lastError = e instanceof Error ? e.message : String(e);
      });
      w.on('exit', (code) => {
        if (done) return;
        done = true;
        live.delete(stop);
        // the file it was linting is lost; the ones it had not started go back to the front of the queue
        const lost = sent.shift();
        queue.unshift(...sent.splice(0));
        if (lost) deliver(lost.index, crashed(lost.task, `the lint thread stopped (exit code ${code}${lastError ? `: ${lastError}` : ''})`));
        // a worker that stopped before it was ready is not replaced; if none is left (or none could start), the main
        // thread lints the rest (a second round of it while the first still runs only shares the queue)
        if (queue.length && ready) start();
        if (queue.length && live.size === 0) lintOnMain();
      });
    };
    const workers = mainThread ? Math.min(size - 1, queue.length - 1) : Math.min(size, queue.length);
    for (let i = 0; i < workers; i++) start();
    // the main thread's share, one file at a time, letting the workers' replies in between
    const lintOnMain = () => {
      const t = queue.shift();
      if (!t) return;
      deliver(t.index, lintFile(t.task));
      setImmediate(lintOnMain);
    };
    if (mainThread || live.size === 0) lintOnMain();
  });
}

/**
 * Files a worker holds at a time. With one, a worker spent 15 of 39 s idle over the bench's 2,000 files (--jobs 2):
 * each answer waited for the main thread's own file to end. With 4, 2 s (on a machine at load 9).
 */
const AHEAD = 4;

function crashed(task: FileTask, why: string): FileOutcome {
  const line = `postmortem-lint: internal error while linting ${task.display}: ${oneLine(why)}; the other files were linted (please report this with the file)\n`;
  return { out: [{ stream: 'stderr', text: line }], failed: true };
}

/** The reason on one line (a stack or a multi-line message would break the one-line-per-file promise). */
function oneLine(s: string): string {
  return s
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
}
