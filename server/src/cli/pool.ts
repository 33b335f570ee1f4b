// The lint threads of `postmortem-lint`: the main thread and `size - 1` worker threads take files one at a time from
// one queue until none is left (the main thread has the linter loaded and warmed up already, and has little else
// to do: the output is printed as files finish, which is cheap).
// A worker that stops (a crash, running out of memory) costs the file it had: that file gets one error line, a new
// worker takes the rest. Each stop consumes a file, so a worker that cannot even start cannot loop.
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

export function lintInThreads(
  tasks: { index: number; task: FileTask }[],
  size: number,
  workerFile: string,
  onOutcome: (index: number, outcome: FileOutcome) => void,
): Promise<void> {
  const queue = [...tasks];
  let pending = tasks.length;
  return new Promise<void>((resolve) => {
    if (pending === 0) return resolve();
    const deliver = (index: number, outcome: FileOutcome) => {
      onOutcome(index, outcome);
      if (--pending === 0) resolve();
    };
    const start = () => {
      let current: { index: number; task: FileTask } | undefined;
      let lastError = '';
      let done = false;
      let w: Worker;
      try {
        w = new Worker(workerFile);
      } catch {
        // no thread to be had (resource limits): the main thread lints what is left
        return;
      }
      const feed = () => {
        current = queue.shift();
        if (current) w.postMessage({ index: current.index, task: current.task } satisfies WorkerRequest);
        else {
          done = true;
          void w.terminate();
        }
      };
      w.on('message', (reply: WorkerReply) => {
        if (!current || reply.index !== current.index) return;
        deliver(reply.index, reply.outcome);
        feed();
      });
      w.on('error', (e) => {
        lastError = e instanceof Error ? e.message : String(e);
      });
      w.on('exit', (code) => {
        if (done) return;
        done = true;
        const lost = current;
        current = undefined;
        if (lost) deliver(lost.index, crashed(lost.task, `the lint thread stopped (exit code ${code}${lastError ? `: ${lastError}` : ''})`));
        if (queue.length) start();
      });
      feed();
    };
    for (let i = 0; i < Math.min(size - 1, queue.length - 1); i++) start();
    // the main thread's share, one file at a time, letting the workers' replies in between
    const mainThread = () => {
      const t = queue.shift();
      if (!t) return;
      deliver(t.index, lintFile(t.task));
      setImmediate(mainThread);
    };
    mainThread();
  });
}

function crashed(task: FileTask, why: string): FileOutcome {
  const line = `postmortem-lint: internal error while linting ${task.display}: ${why.replace(/\s*\n\s*/g, ' ')}; the other files were linted (please report this with the file)\n`;
  return { out: [{ stream: 'stderr', text: line }], failed: true };
}
