// One analysis per document revision, shared by every face (diagnostics, code actions, code lens, symbols, hover,
// completion, reader view), run off the main thread.
// - A request for the current revision joins the analysis already running or queued for it; it never starts a second.
// - A newer revision supersedes older queued work for the same document: those waiters get the newer analysis, so
//   a burst of keystrokes costs one lint for the latest text, not one per keystroke.
// - Lint runs in a worker thread (dist/lint-worker.js) when there is one, in-process otherwise (tests from source,
//   POSTMORTEM_LINT_WORKER=0; lsp/lint-thread.ts); the main thread stays free for hover and code actions.
import type { LintOptions, LintResult } from '../lint/lint';
import type { ArchiveRead, ArchiveReadOptions } from '../archive/entry';
import { answerFixQuery, type FixAnswer, type FixQuery } from '../lint/fix-query';

/**
 * A lint's result was dropped by the lint thread because a newer lint of the same document came in after its
 * findings (its model would only have held up that newer lint).
 */
export class Superseded extends Error {
  constructor() {
    super('superseded by a newer revision');
  }
}

export interface Analysis {
  /** The server's own count of changes to the document (versions can go backwards; revisions never do). */
  revision: number;
  version: number;
  text: string;
  /** Its findings build their fixes when asked, where the lint ran: `Analyzer.fixes`. */
  result: LintResult;
  /** The options it was linted with (to lint it again for its fixes when the lint thread no longer keeps it). */
  options: LintOptions;
}

/** What a lint says before its model is there: the findings and whether the document is a postmortem. */
export type EarlyResult = Omit<LintResult, 'model' | 'tree'>;

/**
 * An analysis as far as diagnostics and code actions need it: its findings may come before its model (see Linter's
 * `early`); the fixes are built where the lint ran (`Analyzer.fixes`).
 */
export interface EarlyAnalysis {
  revision: number;
  version: number;
  text: string;
  result: EarlyResult;
  options: LintOptions;
}

/**
 * Whether anyone waits for a lint's model (hover, code lens, symbols, the reader view): until someone does, the lint
 * thread holds the model back a little (lint-worker.ts MODEL_DELAY_MS), so that while the user types on, each
 * keystroke's model is dropped for the next one before it is copied across (at 200 KB the copy cost nearly as much CPU
 * as the lint). `want` sends it at once.
 */
export class ModelDemand {
  wanted = false;
  private readonly listeners: (() => void)[] = [];

  want(): void {
    if (this.wanted) return;
    this.wanted = true;
    for (const l of this.listeners.splice(0)) l();
  }

  /** `fn` is called once, when the model is first wanted (not if it already was). */
  onWant(fn: () => void): void {
    if (!this.wanted) this.listeners.push(fn);
  }
}

/**
 * Lints `text`; `doc` names the document so that its next version can reuse the parse of unchanged sections. `early`
 * hears the findings as soon as they are known, when they come before the whole result (the lint thread). `demand`:
 * without it, or once wanted, the model comes as soon as it can; otherwise the lint thread may hold it back until then.
 */
export type Linter = (text: string, options: LintOptions, doc?: string, early?: (result: EarlyResult) => void, demand?: ModelDemand) => Promise<LintResult>;
/**
 * Builds the fixes `query` asks for from the analysis of `text` by `doc` (whose result is `result`): where the lint ran,
 * since the result that crossed from the lint thread has no fixes.
 */
export type Fixer = (doc: string, text: string, options: LintOptions, result: EarlyResult | LintResult, query: FixQuery) => Promise<FixAnswer>;
/** Fixes from a result linted on this thread: its findings build them on first read. */
export const localFixer: Fixer = (_doc, _text, _options, result, query) => Promise.resolve().then(() => answerFixQuery(result, query));
/** Reads a file for the workspace index (archive/entry.ts readArchive), off the main thread when it can. */
export type ArchiveReader = (text: string, options: ArchiveReadOptions) => Promise<ArchiveRead>;

interface Job {
  uri: string;
  revision: number;
  key: string;
  version: number;
  text: string;
  options: () => Promise<LintOptions>;
  promise: Promise<Analysis | undefined>;
  resolve: (a: Analysis | undefined | Promise<Analysis | undefined>) => void;
  /** Resolved with the findings as soon as they are known (at the latest with `promise`). */
  early: Promise<EarlyAnalysis | undefined>;
  resolveEarly: (a: EarlyAnalysis | undefined | Promise<EarlyAnalysis | undefined>) => void;
  /** Set when a newer revision was asked for while this job ran: its waiters get that newer analysis instead. */
  supersededBy?: Job;
  /** Resolved when `supersededBy` is set. */
  superseded: Promise<void>;
  resolveSuperseded: () => void;
  /** Whether anyone waits for this analysis's model (see ModelDemand). */
  demand: ModelDemand;
}

export class Analyzer {
  /** The newest job asked for, per document. */
  private readonly latest = new Map<string, Job>();
  /** The newest finished analysis, per document. */
  private readonly done = new Map<string, Analysis & { key: string }>();
  private readonly queue: Job[] = [];
  private busy = false;
  private running: Job | undefined;
  private readonly finishWaiters = new Map<string, (() => void)[]>();

  constructor(
    private readonly linter: Linter,
    /** Debug trace: one line per analysis started / finished (POSTMORTEM_LINT_TRACE=1); tests count them. */
    private readonly trace?: (line: string) => void,
    private readonly log: (line: string) => void = () => undefined,
    /** The document closed: its parse cache can go. */
    private readonly release: (uri: string) => void = () => undefined,
    private readonly fixer: Fixer = localFixer,
  ) {}

  /** The fixes `query` asks for, from the analysis `a` of `uri` (its findings are enough: they are built where it ran). */
  fixes(uri: string, a: EarlyAnalysis, query: FixQuery): Promise<FixAnswer> {
    return this.fixer(uri, a.text, a.options, a.result, query);
  }

  /**
   * The analysis of `uri` at `revision` under configuration `key`. Joins a matching one (running, queued or finished);
   * otherwise queues one, superseding older queued work for the same document. `urgent` (the default): the model is
   * wanted now (a hover, a code lens); otherwise (the workspace index) it may come when the user pauses.
   */
  analyze(uri: string, revision: number, version: number, text: string, key: string, options: () => Promise<LintOptions>, urgent = true): Promise<Analysis | undefined> {
    const job = this.job(uri, revision, version, text, key, options);
    if (urgent) job.demand?.want();
    return job.promise;
  }

  /** Like `analyze`, but resolved as soon as the findings are known (diagnostics need no more). */
  findings(uri: string, revision: number, version: number, text: string, key: string, options: () => Promise<LintOptions>): Promise<EarlyAnalysis | undefined> {
    return this.job(uri, revision, version, text, key, options).early;
  }

  private job(uri: string, revision: number, version: number, text: string, key: string, options: () => Promise<LintOptions>): Pick<Job, 'promise' | 'early'> & { demand?: ModelDemand } {
    const finished = this.done.get(uri);
    if (finished && finished.revision === revision && finished.key === key) return { promise: Promise.resolve(finished), early: Promise.resolve(finished) };
    const pending = this.latest.get(uri);
    if (pending && pending.revision === revision && pending.key === key) return pending;
    let resolve!: Job['resolve'];
    const promise = new Promise<Analysis | undefined>((r) => (resolve = r));
    let resolveEarly!: Job['resolveEarly'];
    const early = new Promise<EarlyAnalysis | undefined>((r) => (resolveEarly = r));
    let resolveSuperseded!: () => void;
    const superseded = new Promise<void>((r) => (resolveSuperseded = r));
    const job: Job = { uri, revision, key, version, text, options, promise, resolve, early, resolveEarly, superseded, resolveSuperseded, demand: new ModelDemand() };
    this.latest.set(uri, job);
    // Older queued work for this document is superseded: whoever waited for it gets this newer analysis (and whoever
    // wanted its model wants this one's).
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const old = this.queue[i];
      if (old.uri !== uri) continue;
      this.queue.splice(i, 1);
      this.trace?.(`analysis superseded ${uri} v${old.version}`);
      if (old.demand.wanted) job.demand.want();
      old.resolve(promise);
      old.resolveEarly(early);
    }
    // The running job for this document still finishes (its result answers hovers meanwhile), but whoever waits for
    // it wants the document as it is now: they get this newer analysis.
    if (this.running?.uri === uri && this.running.revision < revision) {
      this.running.supersededBy = job;
      this.running.resolveSuperseded();
      if (this.running.demand.wanted) job.demand.want();
      this.trace?.(`analysis superseded ${uri} v${this.running.version} (running)`);
    }
    // another document's analysis waits behind the running one's model: that model is not held back
    if (this.running && this.running.uri !== uri) this.running.demand.want();
    this.queue.push(job);
    void this.pump();
    return job;
  }

  /** Resolved when the next analysis of `uri` finishes (or the document closes). */
  nextFinished(uri: string): Promise<void> {
    return new Promise((resolve) => {
      const list = this.finishWaiters.get(uri);
      if (list) list.push(resolve);
      else this.finishWaiters.set(uri, [resolve]);
    });
  }

  private wakeFinishWaiters(uri: string): void {
    const list = this.finishWaiters.get(uri);
    this.finishWaiters.delete(uri);
    for (const w of list ?? []) w();
  }

  /** The newest finished analysis of `uri`, whatever its revision (for answers that may use a slightly older one). */
  lastFinished(uri: string): Analysis | undefined {
    return this.done.get(uri);
  }

  /** The document closed: drop its results and queued work (waiters get undefined). */
  forget(uri: string): void {
    this.release(uri);
    this.wakeFinishWaiters(uri);
    this.done.delete(uri);
    this.latest.delete(uri);
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].uri === uri) this.queue.splice(i, 1)[0].resolve(undefined);
    }
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (let job = this.queue.shift(); job; job = this.queue.shift()) {
        this.running = job;
        let analysis: Analysis | undefined;
        try {
          const options = await job.options();
          this.trace?.(`analysis start ${job.uri} v${job.version}`);
          const current = job;
          let heard!: () => void;
          const findingsHeard = new Promise<void>((r) => (heard = r));
          // another document's analysis already waits behind this one: its model is not held back
          if (this.queue.some((j) => j.uri !== current.uri)) current.demand.want();
          const linted = this.linter(
            job.text,
            options,
            job.uri,
            (r) => {
              heard();
              // when a newer revision came in meanwhile, its waiters wait for that one's findings
              if (!current.supersededBy) current.resolveEarly({ revision: current.revision, version: current.version, text: current.text, result: r, options });
            },
            current.demand,
          ).then(
            (result) => {
              analysis = { revision: current.revision, version: current.version, text: current.text, result, options };
              this.finished(current, analysis);
            },
            (e: unknown) => {
              if (!(e instanceof Superseded)) this.log(`lint of ${current.uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
            },
          );
          // Once the findings are in, a newer revision of the same document need not wait for this one's model to
          // cross from the lint thread: the lint thread drops it when that newer lint comes in, and this job's waiters
          // get the newer analysis. (Before the findings, the newer one waits: queued, it is superseded in turn by the
          // next keystroke, so a burst costs one lint.)
          await Promise.race([linted, Promise.all([findingsHeard, job.superseded])]);
        } catch (e) {
          this.log(`lint of ${job.uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        }
        this.running = undefined;
        job.resolve(job.supersededBy?.promise ?? analysis);
        job.resolveEarly(job.supersededBy?.early ?? analysis);
      }
    } finally {
      this.busy = false;
      this.running = undefined;
    }
  }

  /** Keeps a finished analysis unless the document closed meanwhile or a newer revision already finished. */
  private finished(job: Job, analysis: Analysis): void {
    this.trace?.(`analysis done ${job.uri} v${job.version}`);
    const prev = this.done.get(job.uri);
    if (this.latest.has(job.uri) && (!prev || prev.revision <= job.revision)) this.done.set(job.uri, { ...analysis, key: job.key });
    this.wakeFinishWaiters(job.uri);
  }
}
