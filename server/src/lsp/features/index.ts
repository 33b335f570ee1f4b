// Wires the editor-help features (hover, completion, document symbols, code lens) to the connection. Each handler
// is: get the lint result for the current version → call a pure function → answer. Handlers never throw: a failure
// is logged and answered with "nothing here".
import type { ServerContext, ServerSettings } from '../context';
import { hoverAt } from './hover';
import { completionsAt } from './completion';
import { documentSymbols } from './symbols';
import { codeLenses } from './codelens';

export { hoverAt, describeItem, itemProblems } from './hover';
export { completionsAt, dateChoices, SECTION_PURPOSE } from './completion';
export { documentSymbols, itemDetail } from './symbols';
export { codeLenses, countItems, lensTitle } from './codelens';

export function registerFeatures(ctx: ServerContext): void {
  const { connection } = ctx;
  const log = (name: string, e: unknown) => {
    try {
      connection.console.error(`postmortem-lint: ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    } catch {
      // nothing left to tell
    }
  };
  const safely = async <T>(name: string, fallback: T, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      log(name, e);
      return fallback;
    }
  };
  /** Settings, or the defaults when they cannot be read: a settings failure must not take the features down. */
  const settingsFor = async (uri: string): Promise<Partial<ServerSettings>> => {
    try {
      return (await ctx.getSettings(uri)) ?? {};
    } catch (e) {
      log('settings', e);
      return {};
    }
  };
  /** The lint result of the document's current version, when the features are enabled for it. */
  const current = async (uri: string, nearLine?: number) => {
    if (!ctx.documents.get(uri)) return undefined;
    const settings = await settingsFor(uri);
    if (settings.enable === false) return undefined;
    const r = nearLine === undefined ? await ctx.getResult(uri) : await ctx.getResultNear(uri, nearLine);
    return r ? { ...r, settings } : undefined;
  };

  connection.onHover((params) =>
    safely('hover', null, async () => {
      const line = params?.position?.line;
      const r = await current(params.textDocument.uri, typeof line === 'number' && line >= 0 ? line : undefined);
      return r ? hoverAt(r.result, params.position, ctx.today()) : null;
    }),
  );

  connection.onCompletion((params) =>
    safely('completion', [], async () => {
      // Owners are looked up only when they can be offered (they walk every open document and the index's records);
      // before the analysis is asked for: it is read at once (a newer model moves the items it shares with it)
      const before = lineBefore(ctx, params.textDocument.uri, params.position);
      const afterAt = /@[\p{L}\p{N}\p{M}_.-]*$/u.test(before);
      // Read before the owners: an index finishing in between must not mark a list complete that missed its files.
      const ownersComplete = !afterAt || ctx.ownersComplete();
      const knownOwners = afterAt
        ? await ctx.knownOwners(params.textDocument.uri).catch((e: unknown) => {
            log('knownOwners', e);
            return [] as string[];
          })
        : [];
      const r = await current(params.textDocument.uri);
      if (!r) return [];
      const items = completionsAt({ result: r.result, position: params.position, today: ctx.today(), knownOwners });
      // While the workspace index is still read, the owner list is partial: an incomplete list makes the client ask
      // again as the user types on, instead of filtering this one (LSP CompletionList.isIncomplete).
      return ownersComplete || items.length === 0 ? items : { isIncomplete: true, items };
    }),
  );

  connection.onDocumentSymbol((params) =>
    safely('documentSymbol', [], async () => {
      const r = await current(params.textDocument.uri);
      return r ? documentSymbols(r.result, ctx.today()) : [];
    }),
  );

  connection.onCodeLens((params) =>
    safely('codeLens', [], async () => {
      const r = await current(params.textDocument.uri);
      return r ? codeLenses(r.result, ctx.today(), { codeLens: r.settings.codeLens !== false }) : [];
    }),
  );
}

function lineBefore(ctx: ServerContext, uri: string, position: { line: number; character: number }): string {
  const doc = ctx.documents.get(uri);
  if (!doc) return '';
  return doc.getText({ start: { line: position.line, character: 0 }, end: position });
}
