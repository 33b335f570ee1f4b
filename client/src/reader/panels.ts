// The reader panels: one per document, restored after a reload, and following an untitled document to the name it is
// saved under.
import * as vscode from 'vscode';
import type { ServerHost } from '../server-host';
import { ReaderPanel, READER_VIEW_TYPE, type ReaderState } from './panel';

/** One reader panel per document; restores panels after a reload. */
export class ReaderPanels implements vscode.Disposable, vscode.WebviewPanelSerializer<ReaderState> {
  private readonly panels = new Map<string, ReaderPanel>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly host: ServerHost,
    private readonly extensionUri: vscode.Uri,
  ) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(READER_VIEW_TYPE, this),
      // Save As of an untitled document: the named document opens (and is saved) with the untitled one's text,
      // and the untitled one closes; whichever VS Code reports first, the reader follows the named document
      vscode.workspace.onDidOpenTextDocument((doc) => this.followSaveAs(doc)),
      vscode.workspace.onDidSaveTextDocument((doc) => this.followSaveAs(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.scheme !== 'untitled' || !this.panels.has(doc.uri.toString())) return;
        for (const d of vscode.workspace.textDocuments) this.followSaveAs(d);
      }),
    );
  }

  /** If `doc` is an untitled postmortem with a reader, saved under a name, move that reader to it. */
  private followSaveAs(doc: vscode.TextDocument): void {
    if (doc.isClosed || doc.uri.scheme === 'untitled' || this.panels.has(doc.uri.toString())) return;
    let text: string | undefined;
    for (const panel of this.panels.values()) {
      if (panel.uri.scheme !== 'untitled' || !panel.untitledText?.trim()) continue;
      text ??= doc.getText();
      if (text === panel.untitledText) {
        this.retarget(panel, doc.uri);
        return;
      }
    }
  }

  private retarget(panel: ReaderPanel, uri: vscode.Uri): void {
    if (this.panels.get(panel.uri.toString()) === panel) this.panels.delete(panel.uri.toString());
    panel.retarget(uri);
    this.panels.set(uri.toString(), panel);
  }

  /** The panel that has focus (for Export). */
  active(): ReaderPanel | undefined {
    return [...this.panels.values()].find((p) => p.panel.active);
  }

  get(uri: vscode.Uri): ReaderPanel | undefined {
    return this.panels.get(uri.toString());
  }

  open(uri: vscode.Uri, toSide: boolean): ReaderPanel {
    const existing = this.panels.get(uri.toString());
    const column = toSide ? vscode.ViewColumn.Beside : (vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active);
    if (existing) {
      existing.panel.reveal(column, toSide);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      READER_VIEW_TYPE,
      `Reader: ${uri.path.split('/').pop()}`,
      { viewColumn: column, preserveFocus: toSide },
      ReaderPanel.webviewOptions(this.extensionUri),
    );
    return this.track(new ReaderPanel(panel, uri, this.host, this.extensionUri));
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: ReaderState | undefined): Promise<void> {
    let uri: vscode.Uri | undefined;
    try {
      uri = state?.uri ? vscode.Uri.parse(state.uri, true) : undefined;
    } catch {
      uri = undefined;
    }
    if (!uri) {
      panel.dispose();
      return;
    }
    const other = this.panels.get(uri.toString());
    if (other) other.panel.dispose();
    this.track(new ReaderPanel(panel, uri, this.host, this.extensionUri));
  }

  private track(p: ReaderPanel): ReaderPanel {
    this.panels.set(p.uri.toString(), p);
    p.onDidDispose(() => {
      const key = p.uri.toString();
      if (this.panels.get(key) === p) this.panels.delete(key);
    });
    return p;
  }

  dispose(): void {
    for (const p of this.panels.values()) p.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
