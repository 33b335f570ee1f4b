// The postmortem template and section snippets come from one source: snippets/postmortem.code-snippets in the
// extension folder (the same file VS Code offers as completions). Read at runtime.
import * as vscode from 'vscode';
import { parseJsonc, snippetEntries, type SnippetEntry } from './snippet-file';

export { fullTemplate, sectionSnippets } from './snippet-file';

export async function loadSnippets(extensionUri: vscode.Uri): Promise<SnippetEntry[]> {
  const file = vscode.Uri.joinPath(extensionUri, 'snippets', 'postmortem.code-snippets');
  const raw = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  return snippetEntries(parseJsonc(raw));
}
