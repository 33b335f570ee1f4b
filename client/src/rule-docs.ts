// Rule pages, rendered: the packaged docs/rules/<id>.md opened in VS Code's markdown preview. The server links each
// finding to the page as a file URI (what any LSP client can open); in VS Code the link becomes a command URI so a
// click shows the rendered page instead of editable source, and "Show documentation" does the same.
import * as vscode from 'vscode';

export const OPEN_RULE_DOCS_COMMAND = 'postmortemLint.openRuleDocs';

const RULE_ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DOCS_PATH_RE = /\/docs\/rules\/([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

/** The rule id of a docs page URI (file:///…/docs/rules/<id>.md), or undefined. */
export function ruleIdOfDocsUri(uri: string | vscode.Uri): string | undefined {
  const p = typeof uri === 'string' ? safeParse(uri)?.path : uri.path;
  return p ? DOCS_PATH_RE.exec(p)?.[1] : undefined;
}

function safeParse(s: string): vscode.Uri | undefined {
  try {
    return vscode.Uri.parse(s, true);
  } catch {
    return undefined;
  }
}

/** `command:postmortemLint.openRuleDocs?["<id>"]`: what a diagnostic's code links to in VS Code. */
export function ruleDocsCommandUri(ruleId: string): vscode.Uri {
  return vscode.Uri.parse(`command:${OPEN_RULE_DOCS_COMMAND}?${encodeURIComponent(JSON.stringify([ruleId]))}`);
}

export function ruleDocsFile(extensionUri: vscode.Uri, ruleId: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`);
}

/** Opens the rule's page rendered (markdown preview), from the extension's own copy. */
export async function openRuleDocs(extensionUri: vscode.Uri, ruleId: unknown): Promise<boolean> {
  if (typeof ruleId !== 'string' || !RULE_ID_RE.test(ruleId)) return false;
  const file = ruleDocsFile(extensionUri, ruleId);
  try {
    await vscode.workspace.fs.stat(file);
  } catch {
    void vscode.window.showWarningMessage(`Postmortem Lint has no documentation page for "${ruleId}".`);
    return false;
  }
  await vscode.commands.executeCommand('markdown.showPreview', file);
  return true;
}

/** In place: every diagnostic code linked to a rule page links to the rendered page instead. */
export function linkCodesToPreview(diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
  for (const d of diagnostics) {
    const code = d.code;
    if (!code || typeof code !== 'object' || !code.target) continue;
    const ruleId = ruleIdOfDocsUri(code.target);
    if (ruleId) d.code = { value: code.value, target: ruleDocsCommandUri(ruleId) };
  }
  return diagnostics;
}
