// The workspace index: every postmortem in the workspace folders with its action items, built in the background
// and kept current file by file. Detection and `ignore` are the linter's (archive/entry.ts → lint with no rules);
// .gitignore and node_modules are skipped (index/walk.ts). No LSP here: the host (lsp/archive.ts, or a test) says
// where the folders are, which configuration applies, what an open document holds, and where progress goes.
// Bad input never stops the index: an unreadable, huge or vanished file or a symlink loop is one log line.
import * as fs from 'node:fs';
import type { Config, Finding } from '../model/types';
import { readArchive, type ArchiveRead, type ArchiveReadOptions } from '../archive/entry';
import { pushAll } from '../model/scan';
import type { ArchiveItemsResult, ArchivePostmortem } from '../protocol';
import { MARKDOWN_RE, walkMarkdown } from './walk';

/** Files larger than this are not read (a postmortem is rarely over 100 KB; a 50 MB log dump is not one). */
export const MAX_INDEXED_BYTES = 2_000_000;

export interface IndexHost {
  /** Absolute paths of the workspace folders. */
  roots(): string[];
  /** The configuration for a file on disk and the folder its globs are relative to. */
  configFor(filePath: string): Promise<{ config: Config; rootDir?: string }>;
  /**
   * The record of a document open in the editor (its unsaved text wins over the disk): a record, null when the
   * open document is not a postmortem, undefined when it is not open.
   */
  openEntry?(filePath: string): Promise<ArchivePostmortem | null | undefined>;
  /** What a record calls its file (the LSP uses file:// URIs). Default: the path. */
  fileId?(filePath: string): string;
  /** "Today", ISO: overdue days are counted against it. */
  today(): string;
  log(msg: string): void;
  /** Build progress: (0, total) first, then as files are read, (total, total) last. */
  progress?(done: number, total: number): void;
  /** The index changed: these files (their fileId) were added, changed or removed; undefined after a build. */
  changed?(files?: string[]): void;
  /** Let other work run (the LSP yields to incoming messages between files). Default: setImmediate. */
  yieldNow?(): Promise<void>;
  /** Reads a file. Default: fs.readFileSync as UTF-8. */
  readFile?(filePath: string): Promise<string>;
  /** Reads a file's text into its record (the LSP: in the lint thread). Default: readArchive here. */
  read?(text: string, options: ArchiveReadOptions): Promise<ArchiveRead>;
  /** A build read every file and is about to be announced complete (the LSP collects the reads' garbage). */
  settle?(): Promise<void>;
  /** A build found this many markdown files and is about to read them (workspace diagnostics decide on "auto"). */
  building?(files: number): void | Promise<void>;
  /** Whether reads from disk should lint with every rule too (workspace diagnostics). Default: no. */
  wantsFindings?(): boolean;
  /**
   * The index's record of a file changed, and it is the newest read of that file: read from disk (`findings` when
   * they were asked for), taken from the open document, or gone (not a postmortem any more, ignored, unreadable,
   * deleted). Called with the file's fileId.
   */
  recorded?(fileId: string, from: 'disk' | 'open' | 'none', findings?: Finding[]): void;
}

export type FileChange = { path: string; type: 'created' | 'changed' | 'deleted' };

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

export class WorkspaceIndex {
  private readonly entries = new Map<string, ArchivePostmortem>();
  /** The owners each file read from disk names (its fileId → owners; files open in the editor are not here). */
  private readonly ownerLists = new Map<string, string[]>();
  /** A record's file (its fileId) → its path in `entries` (kept when the record goes: entries is checked). */
  private readonly pathOf = new Map<string, string>();
  /** Markdown files looked at (postmortems or not), so that `scanned` counts them. */
  private readonly known = new Set<string>();
  /** Bumped on each change of a path: a slower read that started earlier must not overwrite a newer one. */
  private readonly stamps = new Map<string, number>();
  private readonly logged = new Set<string>();
  private generation = 0;
  private building: Promise<void> | undefined;
  private complete = false;
  /** The "today" the records were computed with; a new day means a rebuild (overdue days changed). */
  builtFor: string | undefined;

  constructor(private readonly host: IndexHost) {}

  /** (Re)builds the whole index in the background; resolves when this build is done or superseded. */
  build(): Promise<void> {
    const generation = ++this.generation;
    this.complete = false;
    this.building = this.run(generation).catch((e: unknown) => this.logOnce(`build`, `indexing stopped: ${e instanceof Error ? e.message : String(e)}`));
    return this.building;
  }

  /** Resolves when the current build (if any) has finished. */
  async ready(): Promise<void> {
    while (this.building) {
      const b = this.building;
      await b;
      if (b === this.building) break;
    }
  }

  get isComplete(): boolean {
    return this.complete;
  }

  private async run(generation: number): Promise<void> {
    const today = this.host.today();
    const cancelled = () => generation !== this.generation;
    const files: string[] = [];
    for (const root of this.host.roots()) {
      pushAll(files, await walkMarkdown(root, { log: (m) => this.logOnce(m, m), yieldNow: () => this.yieldNow(), cancelled }));
      if (cancelled()) return;
    }
    const unique = [...new Set(files)];
    await this.host.building?.(unique.length);
    if (cancelled()) return;
    this.host.progress?.(0, unique.length);
    const fresh = new Set(unique);
    for (const p of [...this.known]) if (!fresh.has(p)) this.forget(p);
    for (let i = 0; i < unique.length; i++) {
      if (cancelled()) return;
      await this.readInto(unique[i], today);
      this.host.progress?.(i + 1, unique.length);
      await this.yieldNow();
    }
    if (cancelled()) return;
    await this.host.settle?.();
    if (cancelled()) return;
    this.builtFor = today;
    this.complete = true;
    this.host.changed?.();
  }

  private yieldNow(): Promise<void> {
    return this.host.yieldNow ? this.host.yieldNow() : nextTick();
  }

  private logOnce(key: string, msg: string): void {
    if (this.logged.has(key)) return;
    this.logged.add(key);
    this.host.log(msg);
  }

  private forget(p: string): void {
    const id = this.host.fileId?.(p) ?? p;
    this.entries.delete(p);
    this.ownerLists.delete(p);
    if (this.known.delete(p)) this.host.recorded?.(id, 'none');
  }

  private inRoots(p: string): boolean {
    return this.host.roots().some((r) => p === r || p.startsWith(r.endsWith('/') || r.endsWith('\\') ? r : `${r}${r.includes('\\') ? '\\' : '/'}`));
  }

  /** Reads one file (the open document's text when it is open) and puts its record in the index, or takes it out. */
  private async readInto(p: string, today = this.host.today()): Promise<void> {
    const stamp = (this.stamps.get(p) ?? 0) + 1;
    this.stamps.set(p, stamp);
    const current = () => this.stamps.get(p) === stamp;
    const fileId = this.host.fileId?.(p) ?? p;
    const put = (entry: ArchivePostmortem | undefined, from: 'disk' | 'open' | 'none' = 'none', findings?: Finding[], owners?: string[]) => {
      if (!current()) return;
      this.known.add(p);
      if (entry && owners) this.ownerLists.set(p, owners);
      else this.ownerLists.delete(p);
      if (entry) {
        this.entries.set(p, entry);
        this.pathOf.set(entry.file, p);
      } else this.entries.delete(p);
      this.host.recorded?.(fileId, from, findings);
    };
    try {
      const open = await this.host.openEntry?.(p);
      if (open !== undefined) return put(open ?? undefined, 'open');
      // synchronous: a stat and a read of a file under 2 MB take microseconds, and their promise versions cost more
      // than the reading itself (5 s of 40 s for 1,100 files in a profile)
      const st = fs.statSync(p);
      if (!st.isFile()) return put(undefined);
      if (st.size > MAX_INDEXED_BYTES) {
        this.logOnce(`huge:${p}`, `skipped ${p}: ${(st.size / 1e6).toFixed(1)} MB is more than the ${MAX_INDEXED_BYTES / 1e6} MB the index reads`);
        return put(undefined);
      }
      const text = (this.host.readFile ? await this.host.readFile(p) : fs.readFileSync(p, 'utf8')).replace(/^\uFEFF/, '');
      if (!current()) return;
      const { config, rootDir } = await this.host.configFor(p);
      const options: ArchiveReadOptions = { file: fileId, filePath: p, rootDir, config, today, findings: this.host.wantsFindings?.() === true };
      const r = this.host.read ? await this.host.read(text, options) : readArchive(text, options);
      put(r.entry, 'disk', r.findings, r.owners);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        this.logOnce(`gone:${p}`, `${p} disappeared while it was being indexed`);
        if (current()) this.forget(p);
        return;
      }
      this.logOnce(`read:${p}`, `cannot index ${p}: ${code ?? (e instanceof Error ? e.message : String(e))}`);
      put(undefined);
    }
  }

  /** A file was created, changed or deleted on disk (workspace/didChangeWatchedFiles). A rename is a delete and a create. */
  async filesChanged(changes: FileChange[]): Promise<void> {
    const touched: string[] = [];
    for (const c of changes) {
      if (!MARKDOWN_RE.test(c.path) || !this.inRoots(c.path)) continue;
      touched.push(this.idOf(c.path));
      if (c.type === 'deleted') {
        this.stamps.set(c.path, (this.stamps.get(c.path) ?? 0) + 1);
        this.forget(c.path);
      } else await this.readInto(c.path);
    }
    if (touched.length) this.host.changed?.(touched);
  }

  /** An open document changed, opened or closed: read it again (its editor text, or the disk once it is closed). */
  async documentChanged(p: string): Promise<void> {
    if (!MARKDOWN_RE.test(p) || !this.inRoots(p)) return;
    await this.readInto(p);
    this.host.changed?.([this.idOf(p)]);
  }

  private idOf(p: string): string {
    return this.entries.get(p)?.file ?? this.host.fileId?.(p) ?? p;
  }

  /**
   * The owners named by each postmortem read from disk so far (the whole workspace once `isComplete`), by fileId; a
   * file open in the editor is left out (its analysis is the one to ask).
   */
  *owners(): IterableIterator<[string, string[]]> {
    for (const [p, owners] of this.ownerLists) yield [this.idOf(p), owners];
  }

  /** Every postmortem with its items, in file order; with `files` (fileIds), only those. */
  snapshot(files?: string[]): ArchiveItemsResult {
    let found: [string, ArchivePostmortem][];
    if (files) {
      // the tree asks for the files that just changed: look them up rather than sort the whole index
      const only = new Set(files);
      found = [];
      for (const f of only) {
        const p = this.pathOf.get(f);
        const e = p === undefined ? undefined : this.entries.get(p);
        if (e && e.file === f) found.push([p!, e]);
      }
    } else found = [...this.entries.entries()];
    const postmortems = found.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, e]) => e);
    return { complete: this.complete, scanned: this.known.size, postmortems };
  }
}
