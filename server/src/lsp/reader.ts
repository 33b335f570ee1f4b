// Reader view requests: the reader model (+ rendered HTML) and a small summary for the status bar. Thin: get the
// cached lint result for the document's current version, build the reader model, render.
import type { ServerContext } from './context';
import {
  READER_MODEL_REQUEST,
  READER_SUMMARY_REQUEST,
  type ReaderModelParams,
  type ReaderModelResult,
  type ReaderSummary,
  type ReaderSummaryParams,
} from '../protocol';
import { actionItemsOf, buildReaderModel, countFindings } from '../reader/model';
import { renderReaderBody, renderReaderHtml } from '../reader/render';

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
      const model = buildReaderModel(got.result, { today: ctx.today(), uri: params.uri, version: got.version, fileName: fileNameOf(params.uri), remoteImages });
      const standalone = params.render?.standalone ?? false;
      const bodyHtml = renderReaderBody(model, { standalone });
      const html = params.render
        ? renderReaderHtml(model, {
            standalone,
            nonce: params.render.nonce,
            cspSource: params.render.cspSource,
            scriptUri: params.render.scriptUri,
            styleUri: params.render.styleUri,
            remoteImages,
          }, bodyHtml)
        : undefined;
      return { model, bodyHtml, html };
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
