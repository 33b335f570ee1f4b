// Small helpers shared by the client's features.
import * as vscode from 'vscode';

/**
 * Run `fn` now, or, when a run is in flight, once more after it finishes (however many times it was asked).
 * This is the only "debounce": no timers, the previous request is awaited.
 */
export function coalesce(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await fn();
        } catch {
          // a failed refresh is retried on the next change
        }
      } while (again);
    })();
    try {
      await running;
    } finally {
      running = undefined;
    }
  };
  return run;
}

export function isMarkdown(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && doc.languageId === 'markdown' && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled');
}

export function findDocument(uri: string | vscode.Uri): vscode.TextDocument | undefined {
  const key = typeof uri === 'string' ? uri : uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

/** The markdown document a command should act on: an explicit URI, the active editor, or the active reader panel's. */
export function targetDocumentUri(arg: unknown, activeReaderUri: () => vscode.Uri | undefined): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string') {
    try {
      return vscode.Uri.parse(arg, true);
    } catch {
      /* fall through */
    }
  }
  const editor = vscode.window.activeTextEditor;
  if (isMarkdown(editor?.document)) return editor.document.uri;
  return activeReaderUri();
}

export function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}
