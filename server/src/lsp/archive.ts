// The workspace index in the language server: built in the background after `initialized`, with
// window/workDoneProgress ("Indexing postmortems 120/2,000"), kept current by workspace/didChangeWatchedFiles and
// open-document edits (the document's cached lint result, so an edit is not parsed twice), and answered through
// ARCHIVE_ITEMS_REQUEST. Changes are announced with ARCHIVE_CHANGED_NOTIFICATION, naming the files that changed.
// Workspace diagnostics (postmortemLint.lintWorkspace): the index's read of a file that is not open lints it with every
// rule in the same pass (in the lint thread), and its findings are published for that file. Only the newest read of a
// file publishes; opening the file hands over to the editor's diagnostics; a file that is deleted, ignored or no
// longer a postmortem, or the setting going off, clears them.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType, type FileEvent, type WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { archivePostmortem } from '../archive/entry';
import { isArchived } from '../lint/lint';
import type { Config, Finding } from '../model/types';
import type { ArchiveReader } from './analysis';
import { capDiagnostics, toDiagnostic } from './convert';
import type { LintWorkspaceSetting } from './context';
import { WorkspaceIndex } from '../index/workspace-index';
import { ARCHIVE_CHANGED_NOTIFICATION, ARCHIVE_ITEMS_REQUEST, type ArchiveChangedParams, type ArchiveItemsParams, type ArchiveItemsResult } from '../protocol';
import type { ServerContext } from './context';

export interface ArchiveHost {
  ctx: ServerContext;
  roots(): string[];
  /** .postmortemrc ← editor settings of the file's workspace folder, as for linting. */
  configForFile(filePath: string): Promise<{ config: Config; rootDir?: string }>;
  uriToPath(uri: string): string | undefined;
  /** Whether the client accepts window/workDoneProgress/create. */
  canReportProgress(): boolean;
  log(msg: string): void;
  /** Reads a file for the index (in the lint thread). */
  readArchive: ArchiveReader;
  /** The build read every file: collect what the reads left behind (lsp/gc.ts), before the build is announced. */
  settle?(): Promise<void>;
  /** postmortemLint.lintWorkspace, 'off' when linting is disabled. */
  lintWorkspace(): Promise<LintWorkspaceSetting>;
}

/** "auto" lints the files that are not open when the workspace folders hold at most this many markdown files. */
export const LINT_WORKSPACE_AUTO_MAX = 500;

/** Whether files that are not open get linted, for a workspace with this many markdown files. */
export function lintsClosedFiles(setting: LintWorkspaceSetting, markdownFiles: number): boolean {
  return setting === 'on' || (setting === 'auto' && markdownFiles <= LINT_WORKSPACE_AUTO_MAX);
}

export interface ArchiveService {
  index: WorkspaceIndex;
  /** Start (or restart, after a configuration change) the background build. */
  rebuild(): void;
  /** Markdown files created, changed or deleted on disk. */
  watchedFilesChanged(changes: FileEvent[]): void;
  /** Whether the files that are not open are being linted (workspace diagnostics), as of the last build. */
  readonly lintsClosedFiles: boolean;
}

const PROGRESS_EVERY_MS = 150;

export function registerArchive(host: ArchiveHost): ArchiveService {
  const { ctx } = host;
  const { connection, documents } = ctx;
  let progress: WorkDoneProgressServerReporter | undefined;
  let lastReport = 0;

  // ---- workspace diagnostics -------------------------------------------------------------------------------------
  let lintClosed = false;
  /** Files (fileId) that have workspace diagnostics published. */
  const published = new Set<string>();
  const publish = (uri: string, findings: Finding[]) => {
    // not tied to a document version (the file is not open); fixes are offered once it is open
    const diagnostics = capDiagnostics(findings.map((f) => toDiagnostic(f, -1)));
    void connection.sendDiagnostics({ uri, diagnostics }).catch(() => undefined);
  };
  const clearAll = () => {
    for (const uri of published) publish(uri, []);
    published.clear();
  };
  const isOpen = (fileId: string) => {
    const p = host.uriToPath(fileId);
    return !!p && !!openUri(p);
  };
  const recorded = (fileId: string, from: 'disk' | 'open' | 'none', findings?: Finding[]) => {
    // an open document read from disk (its lint result was not available) is still the editor's to publish
    if (from === 'open' || (from === 'disk' && isOpen(fileId))) {
      // the editor's diagnostics for this file replace these (the open document publishes its own)
      published.delete(fileId);
      return;
    }
    if (from === 'disk' && findings && lintClosed) {
      if (findings.length || published.has(fileId)) publish(fileId, findings);
      if (findings.length) published.add(fileId);
      else published.delete(fileId);
      return;
    }
    if (published.delete(fileId)) publish(fileId, []);
  };

  const openUri = (filePath: string): string | undefined => documents.all().find((d) => host.uriToPath(d.uri) === filePath)?.uri;

  const index = new WorkspaceIndex({
    roots: host.roots,
    configFor: host.configForFile,
    fileId: (p) => pathToFileURL(p).href,
    today: ctx.today,
    log: (m) => host.log(m),
    openEntry: async (p) => {
      const uri = openUri(p);
      if (!uri) return undefined;
      // not urgent: while the user types on, the index takes the analysis of the text they pause at
      const r = await ctx.getResult(uri, false);
      if (!r) return undefined;
      const { result } = r;
      if (!isArchived(result)) return null;
      return archivePostmortem(result.model, uri, path.basename(p).replace(/\.(md|markdown|mdown|mkd)$/i, ''), ctx.today());
    },
    progress: (done, total) => {
      const now = Date.now();
      const message = `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`;
      const percentage = total ? Math.floor((done / total) * 100) : 100;
      if (done === 0) {
        lastReport = now;
        progress?.report(0, message);
      } else if (done === total) {
        progress?.done();
        progress = undefined;
      } else if (now - lastReport >= PROGRESS_EVERY_MS) {
        lastReport = now;
        progress?.report(percentage, message);
      }
    },
    read: host.readArchive,
    settle: host.settle,
    building: async (files) => {
      let setting: LintWorkspaceSetting = 'auto';
      try {
        setting = await host.lintWorkspace();
      } catch (e) {
        host.log(`lintWorkspace setting: ${e instanceof Error ? e.message : String(e)}`);
      }
      lintClosed = lintsClosedFiles(setting, files);
      if (!lintClosed) clearAll();
    },
    wantsFindings: () => lintClosed,
    recorded,
    changed: (files) => {
      const params: ArchiveChangedParams = { files, complete: index.isComplete };
      void connection.sendNotification(ARCHIVE_CHANGED_NOTIFICATION, params).catch(() => undefined);
    },
  });

  const rebuild = () => {
    void (async () => {
      progress?.done();
      progress = undefined;
      if (host.canReportProgress()) {
        try {
          progress = await connection.window.createWorkDoneProgress();
          progress.begin('Indexing postmortems', 0, undefined, false);
        } catch (e) {
          host.log(`progress: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      await index.build();
      // a build that found nothing to read ends without a (total, total) report
      progress?.done();
      progress = undefined;
    })();
  };

  connection.onRequest(ARCHIVE_ITEMS_REQUEST, async (params: ArchiveItemsParams | undefined): Promise<ArchiveItemsResult> => {
    try {
      // overdue days are counted against the day the records were made: a new day means reading them again
      if (index.isComplete && index.builtFor !== ctx.today()) rebuild();
      return index.snapshot(Array.isArray(params?.files) ? params.files : undefined);
    } catch (e) {
      host.log(`archive request failed: ${e instanceof Error ? e.message : String(e)}`);
      return { complete: false, scanned: 0, postmortems: [] };
    }
  });

  const onDocument = (uri: string) => {
    const p = host.uriToPath(uri);
    if (p) void index.documentChanged(p).catch((e: unknown) => host.log(`index update failed: ${String(e)}`));
  };
  documents.onDidChangeContent((e) => onDocument(e.document.uri));
  // after close the document is gone from `documents`: read the file from disk again (unsaved edits are dropped)
  documents.onDidClose((e) => setImmediate(() => onDocument(e.document.uri)));

  return {
    index,
    rebuild,
    get lintsClosedFiles() {
      return lintClosed;
    },
    watchedFilesChanged: (changes) => {
      const list = changes
        .map((c) => ({ path: host.uriToPath(c.uri), type: c.type === FileChangeType.Deleted ? ('deleted' as const) : c.type === FileChangeType.Created ? ('created' as const) : ('changed' as const) }))
        .filter((c): c is { path: string; type: 'created' | 'changed' | 'deleted' } => !!c.path);
      if (list.length) void index.filesChanged(list).catch((e: unknown) => host.log(`index update failed: ${String(e)}`));
    },
  };
}
