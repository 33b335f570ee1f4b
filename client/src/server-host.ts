// Starts, stops and restarts the bundled language server (dist/server.js over IPC), following `postmortemLint.enable`.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ARCHIVE_CHANGED_NOTIFICATION, CONFIG_CHANGED_NOTIFICATION, SERVER_EXEC_ARGV, type ArchiveChangedParams, type InitializationOptions } from '../../server/src/protocol';
import { linkCodesToPreview, openRuleDocs, ruleIdOfDocsUri } from './rule-docs';

export const CLIENT_ID = 'postmortemLint';

export class ServerHost implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<void> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the server started or stopped. */
  readonly onDidChange = this.changed.event;
  private readonly configChanged = new vscode.EventEmitter<void>();
  /** Fires when the server re-linted after a settings or .postmortemrc change (findings may differ for the same text). */
  readonly onDidChangeConfig = this.configChanged.event;
  private readonly archiveChanged = new vscode.EventEmitter<ArchiveChangedParams>();
  /** Fires when the server's workspace index changed (the files named, or everything). */
  readonly onDidChangeArchive = this.archiveChanged.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly output: vscode.LogOutputChannel,
  ) {}

  get running(): boolean {
    return !!this.client?.isRunning();
  }

  enabled(): boolean {
    return vscode.workspace.getConfiguration('postmortemLint').get<boolean>('enable', true) !== false;
  }

  async start(): Promise<void> {
    if (this.client || !this.enabled()) return;
    if (this.starting) return this.starting;
    this.starting = this.doStart().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async doStart(): Promise<void> {
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'] } },
    };
    const initializationOptions: InitializationOptions = { promptFixes: true, configChangedNotification: true };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'markdown' },
        { scheme: 'untitled', language: 'markdown' },
        { scheme: 'file', pattern: '**/.postmortemrc{,.json,.yaml,.yml}' },
      ],
      initializationOptions,
      // No `configurationSection`: the server pulls `postmortemLint` with workspace/configuration and registers for
      // didChangeConfiguration itself; synchronising it here too sent every settings change twice (two re-lints).
      synchronize: {
        fileEvents: vscode.workspace.createFileSystemWatcher('**/.postmortemrc{,.json,.yaml,.yml}'),
      },
      outputChannel: this.output,
      middleware: {
        // a finding's code opens its rule page rendered, not the packaged markdown as editable source
        handleDiagnostics: (uri, diagnostics, next) => next(uri, linkCodesToPreview(diagnostics)),
        window: {
          // "Show documentation" (a server command) asks for the same page through window/showDocument
          showDocument: async (params, token, next) => {
            const ruleId = ruleIdOfDocsUri(params.uri);
            if (ruleId && (await openRuleDocs(this.context.extensionUri, ruleId))) return { success: true };
            return next(params, token);
          },
        },
        // VS Code's markdown extension already gives the Outline, breadcrumbs and Go to Symbol every heading: ours
        // would list each heading a second time under a second provider. Plain LSP clients keep the server's symbols.
        provideDocumentSymbols: () => undefined,
      },
    };
    const client = new LanguageClient(CLIENT_ID, 'Postmortem Lint', serverOptions, clientOptions);
    this.client = client;
    try {
      client.onNotification(CONFIG_CHANGED_NOTIFICATION, () => this.configChanged.fire());
      client.onNotification(ARCHIVE_CHANGED_NOTIFICATION, (p: ArchiveChangedParams) => this.archiveChanged.fire(p ?? { complete: false }));
      await client.start();
      this.output.appendLine(`Postmortem Lint server started (${module}).`);
    } catch (e) {
      this.client = undefined;
      this.output.appendLine(`Postmortem Lint server failed to start: ${e instanceof Error ? e.message : String(e)}`);
      void vscode.window.showErrorMessage('Postmortem Lint: the language server failed to start. See the "Postmortem Lint" output for details.');
    }
    this.changed.fire();
  }

  async stop(): Promise<void> {
    await this.starting;
    const client = this.client;
    this.client = undefined;
    if (client) {
      try {
        await client.stop();
      } catch {
        // already stopped
      }
      this.output.appendLine('Postmortem Lint server stopped.');
    }
    this.changed.fire();
  }

  async restart(): Promise<void> {
    await this.stop();
    if (!this.enabled()) {
      void vscode.window.showInformationMessage('Postmortem Lint is disabled (postmortemLint.enable is false), so the server was not started.');
      return;
    }
    await this.start();
  }

  /** Follow `postmortemLint.enable`. */
  async syncWithSetting(): Promise<void> {
    if (this.enabled()) await this.start();
    else await this.stop();
  }

  /** Send a custom request; undefined when the server is not running or the request fails. */
  async request<P, R>(method: string, params: P): Promise<R | undefined> {
    await this.starting;
    const client = this.client;
    if (!client?.isRunning()) return undefined;
    try {
      return ((await client.sendRequest(method, params)) ?? undefined) as R | undefined;
    } catch (e) {
      this.output.appendLine(`${method} failed: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  dispose(): void {
    void this.stop();
    this.changed.dispose();
    this.configChanged.dispose();
    this.archiveChanged.dispose();
  }
}
