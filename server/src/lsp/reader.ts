// Reader view requests: the reader model (+ rendered HTML) and a small summary for the status bar. Thin: get the
// cached lint result for the document's current version; the reader model and HTML are built in the lint thread.
import type { ServerContext } from './context';
import {
  READER_MODEL_REQUEST,
  READER_SUMMARY_REQUEST,
  type ReaderModelParams,
  type ReaderModelResult,
  type ReaderSummary,
  type ReaderSummaryParams,
} from '../protocol';
import { actionItemsOf, countFindings } from '../reader/model';
import { readerView, type ReaderViewOptions } from '../reader/view';

function fileNameOf(uri: string): string | undefined {
  try {
    const name = decodeURIComponent(new URL(uri).pathname.split('/').pop() ?? '');
    return name || undefined;
  } catch {
    return undefined;
  }
}

export function registerReaderRequests(ctx: ServerContext): void {
  const log = (m: string) => ctx.connection.console.error(`[reader] ${m}`);

  ctx.connection.onRequest(READER_MODEL_REQUEST, async (params: ReaderModelParams): Promise<ReaderModelResult | null> => {
    try {
      if (!params || typeof params.uri !== 'string') return null;
      const got = await ctx.getResult(params.uri);
      if (!got) return null;
      const remoteImages = (await ctx.getSettings(params.uri).catch(() => undefined))?.loadRemoteImages === true;
      const options: ReaderViewOptions = { today: ctx.today(), uri: params.uri, version: got.version, fileName: fileNameOf(params.uri), remoteImages, render: params.render };
      // built in the lint thread, next to the analysis's markdown tree: a long document does not hold up hover here
      const built = await ctx.readerInThread(params.uri, got.result.model.text, options);
      if (built) return built;
      // here, from the analysis as it is now: a newer model that came meanwhile moved the items the two share
      // (lsp/model-delta-apply.ts), so the one asked for before the wait is read no more
      const now = await ctx.getResult(params.uri);
      return now ? readerView(now.result, { ...options, version: now.version }) : null;
    } catch (e) {
      log(`reader model for ${params?.uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return null;
    }
  });

  ctx.connection.onRequest(READER_SUMMARY_REQUEST, async (params: ReaderSummaryParams): Promise<ReaderSummary | null> => {
    try {
      if (!params || typeof params.uri !== 'string') return null;
      const got = await ctx.getResult(params.uri);
      if (!got) return null;
      const { result } = got;
      const { counts } = actionItemsOf(result, ctx.today());
      return {
        uri: params.uri,
        version: got.version,
        isPostmortem: result.isPostmortem,
        counts: result.isPostmortem ? counts : { total: 0, open: 0, done: 0, noOwner: 0, noDate: 0, overdue: 0, deferred: 0 },
        sectionKinds: [...new Set(result.model.allSections.map((s) => s.kind).filter((k): k is NonNullable<typeof k> => !!k))],
        findingCounts: countFindings(result.findings),
      };
    } catch (e) {
      log(`reader summary for ${params?.uri} failed: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  });
}
