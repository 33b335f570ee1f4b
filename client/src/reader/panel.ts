// The reader view panel: one webview per document, rendered by the server (READER_MODEL_REQUEST) and updated as the
// document changes. The webview runs only our nonce'd script; links and "show in editor" go through VS Code.
import * as vscode from 'vscode';
import { READER_MODEL_REQUEST, type ReaderModelParams, type ReaderModelResult } from '../../../server/src/protocol';
import { escapeHtml, makeNonce } from '../../../server/src/reader/markup';
import type { ServerHost } from '../server-host';
import { baseName, coalesce, findDocument } from '../util';

export const READER_VIEW_TYPE = 'postmortemLint.reader';

export interface ReaderState {
  uri?: string;
  scrollY?: number;
}

type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; line: number; character?: number; endLine?: number; endCharacter?: number }
  | { type: 'open'; href: string };

function int(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : fallback;
}

export class ReaderPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private loaded = false;
  private shownVersion: number | undefined;
  /** Version rendered into `webview.html` (what a re-created webview shows before our first update). */
  private htmlVersion: number | undefined;
  readonly refresh: () => Promise<void>;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;

  private currentUri: vscode.Uri;
  /**
   * The untitled document's last text: a closed document's text is gone by the time the close event arrives, and
   * it is how the document saved under a name is recognised (Save As).
   */
  untitledText: string | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    uri: vscode.Uri,
    private readonly host: ServerHost,
    private readonly extensionUri: vscode.Uri,
  ) {
    this.currentUri = uri;
    panel.webview.options = ReaderPanel.webviewOptions(extensionUri);
    panel.title = `Reader: ${baseName(uri)}`;
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
    this.refresh = coalesce(() => this.update());
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromWebview) => void this.onMessage(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() !== this.uri.toString()) return;
        if (e.document.isUntitled) this.untitledText = e.document.getText();
        void this.refresh();
      }),
      panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.visible) void this.refresh();
      }),
      host.onDidChange(() => void this.refresh()),
      // a first request the server could not answer yet (the document reached it after the request): its findings
      // coming in say it can now
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (!this.loaded && e.uris.some((u) => u.toString() === this.uri.toString())) void this.refresh();
      }),
      host.onDidChangeConfig(() => {
        this.shownVersion = undefined; // same text, other findings (context gaps)
        void this.refresh();
      }),
    );
    this.showPlaceholder('Loading the reader view…');
    void this.refresh();
  }

  /** The document shown: changes when an untitled postmortem is saved under a name. */
  get uri(): vscode.Uri {
    return this.currentUri;
  }

  /** Follow the document to its new name (Save As): same panel, same scroll position, updates from the new document. */
  retarget(uri: vscode.Uri): void {
    this.currentUri = uri;
    this.shownVersion = undefined;
    this.panel.title = `Reader: ${baseName(uri)}`;
    void this.refresh();
  }

  static webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'media'), vscode.Uri.joinPath(extensionUri, 'media')],
    };
  }

  private showPlaceholder(message: string): void {
    const w = this.panel.webview;
    const style = w.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'reader.css'));
    w.html =
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">` +
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${w.cspSource};">` +
      `<link rel="stylesheet" href="${style}"></head><body class="pm-reader"><main id="reader-root">` +
      `<p class="note">${escapeHtml(message)}</p></main></body></html>`;
    this.loaded = false;
  }

  private async update(): Promise<void> {
    if (!this.panel.visible && this.loaded) return; // refreshed when shown again
    const doc = findDocument(this.uri);
    if (!doc) {
      // Closed documents keep their last rendering; a restored panel opens its document first.
      if (!this.loaded) {
        try {
          await vscode.workspace.openTextDocument(this.uri);
        } catch {
          this.showPlaceholder(`${baseName(this.uri)} could not be opened.`);
          return;
        }
      } else return;
    }
    const current = findDocument(this.uri);
    if (current?.isUntitled) this.untitledText = current.getText();
    const version = current?.version;
    if (this.loaded && version !== undefined && version === this.shownVersion) return;
    const w = this.panel.webview;
    const params: ReaderModelParams = { uri: this.uri.toString() };
    if (!this.loaded) {
      params.render = {
        standalone: false,
        nonce: makeNonce(),
        cspSource: w.cspSource,
        scriptUri: w.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'media', 'reader.js')).toString(),
        styleUri: w.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'reader.css')).toString(),
      };
    }
    const result = await this.host.request<ReaderModelParams, ReaderModelResult>(READER_MODEL_REQUEST, params);
    if (!result) {
      if (!this.loaded) {
        this.showPlaceholder(
          this.host.running
            ? `The language server has no model for ${baseName(this.uri)} yet.`
            : 'The Postmortem Lint server is not running (is postmortemLint.enable off?). Run "Postmortem: Restart Server".',
        );
      }
      return;
    }
    if (!this.loaded && result.html) {
      w.html = result.html;
      this.loaded = true;
      this.htmlVersion = result.model.version;
    } else {
      await w.postMessage({ type: 'update', html: result.bodyHtml, version: result.model.version, title: result.model.title, uri: this.uri.toString() });
    }
    this.shownVersion = result.model.version;
    this.panel.title = `Reader: ${result.model.title.length > 40 ? baseName(this.uri) : result.model.title}`;
  }

  private async onMessage(m: FromWebview): Promise<void> {
    if (!m || typeof m !== 'object') return;
    if (m.type === 'ready') {
      // A webview re-created after being hidden shows the first page we set: bring it up to date.
      if (this.htmlVersion !== findDocument(this.uri)?.version || this.htmlVersion !== this.shownVersion) {
        this.shownVersion = undefined;
        await this.refresh();
      }
    } else if (m.type === 'reveal') {
      await this.reveal(int(m.line, 0), int(m.character, 0), int(m.endLine, int(m.line, 0)), int(m.endCharacter, int(m.character, 0)));
    } else if (m.type === 'open' && typeof m.href === 'string') {
      await this.openLink(m.href);
    }
  }

  private async reveal(line: number, character: number, endLine: number, endCharacter: number): Promise<void> {
    const doc = findDocument(this.uri) ?? (await vscode.workspace.openTextDocument(this.uri));
    const range = doc.validateRange(new vscode.Range(line, character, endLine, endCharacter));
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
    const column = visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** http(s)/mailto open outside; relative paths open the file next to the document; other schemes are ignored. */
  private async openLink(href: string): Promise<void> {
    const trimmed = href.trim();
    if (/^(https?|mailto):/i.test(trimmed)) {
      await vscode.env.openExternal(vscode.Uri.parse(trimmed, true));
      return;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) return; // command:, file:, vscode:, …
    const [pathPart] = trimmed.split(/[?#]/);
    if (!pathPart) return;
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathPart);
    } catch {
      decoded = pathPart;
    }
    let base: vscode.Uri;
    if (decoded.startsWith('/')) {
      base = vscode.workspace.getWorkspaceFolder(this.uri)?.uri ?? vscode.Uri.joinPath(this.uri, '..');
    } else {
      base = vscode.Uri.joinPath(this.uri, '..');
    }
    const target = vscode.Uri.joinPath(base, decoded.replace(/^\/+/, ''));
    // `..` may not climb out of the workspace folder (or, outside a workspace, the document's folder).
    const root = vscode.workspace.getWorkspaceFolder(this.uri)?.uri ?? vscode.Uri.joinPath(this.uri, '..');
    const rootPath = root.path.endsWith('/') ? root.path : `${root.path}/`;
    if (target.scheme !== root.scheme || target.authority !== root.authority || !(target.path + '/').startsWith(rootPath)) {
      void vscode.window.showWarningMessage(`The link ${decoded} leads outside the workspace folder, so it was not opened.`);
      return;
    }
    try {
      const stat = await vscode.workspace.fs.stat(target);
      if (stat.type & vscode.FileType.Directory) {
        await vscode.commands.executeCommand('revealInExplorer', target);
        return;
      }
    } catch {
      void vscode.window.showWarningMessage(`The link target ${decoded} does not exist next to ${baseName(this.uri)}.`);
      return;
    }
    if (/\.(md|markdown|txt|json|ya?ml)$/i.test(target.path)) {
      await vscode.window.showTextDocument(target, { viewColumn: vscode.ViewColumn.One });
    } else {
      await vscode.commands.executeCommand('vscode.open', target);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
    this.disposed.fire();
    this.disposed.dispose();
  }
}
