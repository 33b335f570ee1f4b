// The "Postmortem" commands: reader view, new postmortem, insert section, export, restart, problems.
import * as vscode from 'vscode';
import {
  FIX_ALL_WITH_DEFAULTS_COMMAND,
  PROMPT_FIX_COMMAND,
  READER_MODEL_REQUEST,
  READER_SUMMARY_REQUEST,
  type ReaderModelParams,
  type ReaderModelResult,
  type ReaderSummary,
  type ReaderSummaryParams,
} from '../../server/src/protocol';
import type { ServerHost } from './server-host';
import type { ReaderPanels } from './reader/panels';
import { applyFixAllWithDefaults, applyPromptFix } from './prompt-fix';
import { fullTemplate, loadSnippets, sectionSnippets } from './snippets';
import { sectionPlacement } from './snippet-file';
import { SHOW_PROBLEMS_COMMAND, showProblemsForActiveFile } from './status-bar';
import { baseName, isMarkdown, targetDocumentUri } from './util';

export const COMMANDS = {
  openReader: 'postmortemLint.openReader',
  openReaderToSide: 'postmortemLint.openReaderToSide',
  newPostmortem: 'postmortemLint.newPostmortem',
  insertSection: 'postmortemLint.insertSection',
  exportHtml: 'postmortemLint.exportHtml',
  restartServer: 'postmortemLint.restartServer',
  showProblems: SHOW_PROBLEMS_COMMAND,
  promptFix: PROMPT_FIX_COMMAND,
  fixAllWithDefaults: FIX_ALL_WITH_DEFAULTS_COMMAND,
} as const;

const FALLBACK_TEMPLATE = [
  '---',
  'title: "${1:What broke, for whom}"',
  'date: ${3:YYYY-MM-DD}',
  'severity: ${2|SEV1,SEV2,SEV3|}',
  'status: draft',
  'audience: internal',
  '---',
  '',
  '# ${1}',
  '',
  '## Summary',
  '',
  '## Impact',
  '',
  '## Timeline',
  '',
  '## Contributing causes',
  '',
  '## Action items',
  '',
  '| Action | Owner | Due | Priority | Ticket |',
  '| --- | --- | --- | --- | --- |',
  '| $0 | @owner | YYYY-MM-DD | P1 | |',
  '',
].join('\n');

export function registerCommands(context: vscode.ExtensionContext, host: ServerHost, panels: ReaderPanels): void {
  const activeReaderUri = () => panels.active()?.uri;
  const reg = (id: string, fn: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  const openReader = (toSide: boolean) => async (arg?: unknown) => {
    const uri = targetDocumentUri(arg, activeReaderUri);
    if (!uri) {
      void vscode.window.showInformationMessage('Open a markdown postmortem first, then run "Postmortem: Open Reader View".');
      return undefined;
    }
    await host.start();
    return panels.open(uri, toSide).panel;
  };
  reg(COMMANDS.openReader, openReader(false));
  reg(COMMANDS.openReaderToSide, openReader(true));

  reg(COMMANDS.newPostmortem, async () => {
    let body = FALLBACK_TEMPLATE;
    try {
      const t = fullTemplate(await loadSnippets(context.extensionUri));
      if (t) body = t.body;
    } catch (e) {
      host.output.appendLine(`Could not read the snippets file, using a minimal template: ${e instanceof Error ? e.message : String(e)}`);
    }
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    await editor.insertSnippet(new vscode.SnippetString(body), new vscode.Position(0, 0));
    return doc;
  });

  reg(COMMANDS.insertSection, async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isMarkdown(editor.document)) {
      void vscode.window.showInformationMessage('Open a markdown postmortem to insert a section.');
      return;
    }
    let sections: ReturnType<typeof sectionSnippets>;
    try {
      sections = sectionSnippets(await loadSnippets(context.extensionUri));
    } catch (e) {
      void vscode.window.showErrorMessage(`Postmortem Lint: could not read the section snippets (${e instanceof Error ? e.message : String(e)}).`);
      return;
    }
    const summary = await host.request<ReaderSummaryParams, ReaderSummary>(READER_SUMMARY_REQUEST, { uri: editor.document.uri.toString() });
    const present = new Set(summary?.sectionKinds ?? []);
    const picked = await vscode.window.showQuickPick(
      sections.map((s) => ({ label: s.label, description: present.has(s.kind) ? 'already in this document' : undefined, detail: s.description, snippet: s })),
      { title: 'Insert Section', placeHolder: 'Which section? (canonical order: Summary, Impact, Timeline, …)', matchOnDetail: true },
    );
    if (!picked) return;
    const pos = editor.selection.active;
    const line = editor.document.lineAt(pos.line);
    const previous = pos.line > 0 ? editor.document.lineAt(pos.line - 1).text : undefined;
    const place = sectionPlacement(line.text, previous);
    const at = place.atLineEnd ? line.range.end : line.range.start;
    const body = place.prefix + picked.snippet.body;
    await editor.insertSnippet(new vscode.SnippetString(body), at);
  });

  reg(COMMANDS.exportHtml, async (arg?: unknown) => {
    const uri = targetDocumentUri(arg, activeReaderUri);
    if (!uri) {
      void vscode.window.showInformationMessage('Open a markdown postmortem (or its reader view) to export it.');
      return undefined;
    }
    await host.start();
    const result = await host.request<ReaderModelParams, ReaderModelResult>(READER_MODEL_REQUEST, { uri: uri.toString(), render: { standalone: true } });
    if (!result?.html) {
      void vscode.window.showErrorMessage(`Postmortem Lint: could not render ${baseName(uri)}; is the server running? See the "Postmortem Lint" output.`);
      return undefined;
    }
    const name = baseName(uri).replace(/\.(md|markdown)$/i, '') || 'postmortem';
    const folder = uri.scheme === 'file' ? vscode.Uri.joinPath(uri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
    const defaultUri = folder ? vscode.Uri.joinPath(folder, `${name}.html`) : undefined;
    const target = arg && typeof arg === 'object' && 'target' in (arg as object) ? ((arg as { target: vscode.Uri }).target) : await vscode.window.showSaveDialog({
      defaultUri,
      filters: { HTML: ['html', 'htm'] },
      saveLabel: 'Export',
      title: 'Export Reader View as HTML',
    });
    if (!target) return undefined;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.html));
    void vscode.window.showInformationMessage(`Exported the reader view of ${baseName(uri)} to ${baseName(target)} (self-contained, no scripts).`);
    return target;
  });

  reg(COMMANDS.restartServer, async () => {
    await host.restart();
    if (host.running) void vscode.window.setStatusBarMessage('Postmortem Lint server restarted', 3000);
  });

  reg(COMMANDS.showProblems, () => showProblemsForActiveFile(context));
  reg(COMMANDS.promptFix, (args: unknown) => applyPromptFix(args));
  reg(COMMANDS.fixAllWithDefaults, (args: unknown) => applyFixAllWithDefaults(args));
}
