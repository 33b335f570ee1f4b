// The workspace index in the language server: built in the background after `initialized`, with
// window/workDoneProgress ("Indexing postmortems 120/2,000"), kept current by workspace/didChangeWatchedFiles and
// open-document edits (the document's cached lint result, so an edit is not parsed twice), and answered through
// ARCHIVE_ITEMS_REQUEST. Changes are announced with ARCHIVE_CHANGED_NOTIFICATION, naming the files that changed.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType, type FileEvent, type WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { archivePostmortem } from '../archive/entry';
import type { Config } from '../engine/types';
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
}

export interface ArchiveService {
  index: WorkspaceIndex;
  /** Start (or restart, after a configuration change) the background build. */
  rebuild(): void;
  /** Markdown files created, changed or deleted on disk. */
  watchedFilesChanged(changes: FileEvent[]): void;
}

const PROGRESS_EVERY_MS = 150;

export function registerArchive(host: ArchiveHost): ArchiveService {
  const { ctx } = host;
  const { connection, documents } = ctx;
  let progress: WorkDoneProgressServerReporter | undefined;
  let lastReport = 0;

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
      const r = await ctx.getResult(uri);
      if (!r) return undefined;
      const { result } = r;
      if (!result.isPostmortem || result.ignored) return null;
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
    watchedFilesChanged: (changes) => {
      const list = changes
        .map((c) => ({ path: host.uriToPath(c.uri), type: c.type === FileChangeType.Deleted ? ('deleted' as const) : c.type === FileChangeType.Created ? ('created' as const) : ('changed' as const) }))
        .filter((c): c is { path: string; type: 'created' | 'changed' | 'deleted' } => !!c.path);
      if (list.length) void index.filesChanged(list).catch((e: unknown) => host.log(`index update failed: ${String(e)}`));
    },
  };
}
