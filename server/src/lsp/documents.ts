// What the server says it can do, and the small questions about a document every part of it asks (is it markdown,
// its path, is it too long to lint as you type). No state.
import { fileURLToPath } from 'node:url';
import { CodeActionKind, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SHOW_RULE_DOCS_COMMAND } from '../protocol';
import { FIX_ALL_KIND } from './code-actions';

/**
 * Past this many characters a document is not linted as you type (about 1 GB of memory and tens of seconds per lint
 * at this size); the server says so once per document. The CLI lints any size.
 */
export const MAX_DOCUMENT_CHARS = 2_000_000;

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function isMarkdown(doc: TextDocument): boolean {
  return doc.languageId === 'markdown' || /\.(md|markdown|mdx|mdown|mkd)$/i.test(doc.uri);
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.stack ?? e.message : String(e);
}


/** The answer to `initialize`: the server's capabilities. */
export function initializeResult(): InitializeResult {
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      executeCommandProvider: { commands: [SHOW_RULE_DOCS_COMMAND] },
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['@', ' ', '|', '#'] },
      documentSymbolProvider: true,
      codeLensProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'postmortem-language-server' },
  };
}
