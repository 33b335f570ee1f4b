// The reader view's answer for one analysed document: the reader model, the inner HTML the webview swaps in, and the
// whole page when asked. One function for the lint thread (where the markdown tree of the analysis is at hand) and
// for the main thread's fallback.
import type { LintResult } from '../lint/lint';
import type { ReaderModelResult, ReaderRenderRequest } from '../protocol';
import { buildReaderModel, type ReaderModelOptions } from './model';
import { renderReaderBody, renderReaderHtml } from './render';

export type ReaderViewOptions = Omit<ReaderModelOptions, 'tree'> & { render?: ReaderRenderRequest };

export function readerView(result: LintResult, options: ReaderViewOptions): ReaderModelResult {
  const { render, ...modelOptions } = options;
  const model = buildReaderModel(result, modelOptions);
  const standalone = render?.standalone ?? false;
  const bodyHtml = renderReaderBody(model, { standalone });
  const html = render
    ? renderReaderHtml(model, {
        standalone,
        nonce: render.nonce,
        cspSource: render.cspSource,
        scriptUri: render.scriptUri,
        styleUri: render.styleUri,
        remoteImages: modelOptions.remoteImages === true,
      }, bodyHtml)
    : undefined;
  return { model, bodyHtml, html };
}
