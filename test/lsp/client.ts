// A small LSP test client: spawns `node dist/server.js --stdio`, speaks JSON-RPC over its stdio, answers the
// server's requests (workspace/configuration, client/registerCapability, window/showDocument) and records what the
// server pushes, so tests can await the notification they expect instead of sleeping.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  CodeAction,
  CodeActionParams,
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
  ShowDocumentParams,
  ShowMessageParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
/** Fixed "today" for every test: overdue judgements must not depend on the day the tests run. */
export const TODAY = '2026-03-15';

export const fileUri = (p: string): string => pathToFileURL(p).href;

/** Diagnostic.message as text (LSP 3.18 allows MarkupContent; this server always sends a string). */
export const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

export interface StartOptions {
  /** Defaults: configuration pull, dynamic watcher registration, showDocument, versioned workspace edits. */
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  workspaceFolders?: string[];
  env?: Record<string, string>;
  /** Node flags for the server process (the benchmarks pass SERVER_EXEC_ARGV, as the VS Code client does). */
  execArgv?: readonly string[];
  /** The `postmortemLint` settings answered to workspace/configuration (per scope URI). */
  settings?: (scopeUri: string | undefined) => unknown;
  /** Rewrites the initialize params before they are sent (protocol-abuse tests). */
  initializeParams?: (params: Record<string, unknown>) => unknown;
}

export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
  },
  window: { showDocument: { support: true } },
  textDocument: {
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: { dataSupport: true, isPreferredSupport: true },
  },
};

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly showDocuments: ShowDocumentParams[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly logs: string[] = [];
  settings: (scopeUri: string | undefined) => unknown = () => ({});
  configurationRequests = 0;
  /** postmortemLint/configChanged notifications received (sent only to a client that asks for them). */
  configChanged = 0;
  /** $/progress notifications (token, value) in order. */
  readonly progress: { token: unknown; value: { kind: string; title?: string; message?: string; percentage?: number } }[] = [];
  /** postmortemLint/archiveChanged notifications in order. */
  readonly archiveChanged: { files?: string[]; complete: boolean }[] = [];
  initializeResult!: InitializeResult;
  private readonly waiters: (() => void)[] = [];
  private readonly versions = new Map<string, number>();

  private constructor(
    readonly proc: ChildProcess,
    readonly connection: MessageConnection,
  ) {}

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const proc = spawn(process.execPath, [...(options.execArgv ?? []), SERVER, '--stdio'], {
      env: { ...process.env, POSTMORTEM_LINT_TODAY: TODAY, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const connection = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new TestClient(proc, connection);
    proc.stderr!.on('data', (b: Buffer) => client.logs.push(b.toString()));
    if (options.settings) client.settings = options.settings;
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.published.push(p);
      client.notify();
    });
    connection.onNotification('window/showMessage', (p: ShowMessageParams) => {
      client.messages.push(p);
      client.notify();
    });
    connection.onNotification('postmortemLint/configChanged', () => {
      client.configChanged++;
      client.notify();
    });
    connection.onNotification('$/progress', (p: TestClient['progress'][number]) => {
      client.progress.push(p);
      client.notify();
    });
    connection.onNotification('postmortemLint/archiveChanged', (p: TestClient['archiveChanged'][number]) => {
      client.archiveChanged.push(p);
      client.notify();
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      client.logs.push(p.message);
      client.notify();
    });
    connection.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) => {
      client.configurationRequests++;
      return p.items.map((i) => (i.section === 'postmortemLint' ? client.settings(i.scopeUri) : null));
    });
    connection.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      client.registrations.push(...p.registrations);
      client.notify();
      return null;
    });
    connection.onRequest('window/showDocument', (p: ShowDocumentParams) => {
      client.showDocuments.push(p);
      client.notify();
      return { success: true };
    });
    connection.onRequest('window/showMessageRequest', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();

    const folders = options.workspaceFolders ?? [];
    const params: Record<string, unknown> = {
      processId: process.pid,
      rootUri: folders[0] ? fileUri(folders[0]) : null,
      workspaceFolders: folders.length ? folders.map((f) => ({ uri: fileUri(f), name: path.basename(f) })) : null,
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: options.initializationOptions,
    };
    client.initializeResult = await connection.sendRequest('initialize', options.initializeParams ? options.initializeParams(params) : params);
    await connection.sendNotification('initialized', {});
    return client;
  }

  private notify(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves with the first value `probe` returns (checked now and after every recorded event), or rejects on timeout. */
  waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\nserver log:\n${this.logs.join('')}`)), timeoutMs);
      const check = () => {
        let v: T | undefined;
        try {
          v = probe();
        } catch (e) {
          clearTimeout(timer);
          reject(e as Error);
          return;
        }
        if (v !== undefined) {
          clearTimeout(timer);
          resolve(v);
        } else {
          this.waiters.push(check);
        }
      };
      check();
    });
  }

  publishedFor(uri: string): PublishDiagnosticsParams[] {
    return this.published.filter((p) => p.uri === uri);
  }

  /** The first publish for `uri` after `after` publishes (by count) that satisfies `pred`. */
  diagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true, after = 0): Promise<PublishDiagnosticsParams> {
    return this.waitFor(`diagnostics for ${uri}`, () => this.publishedFor(uri).slice(after).find(pred));
  }

  /** Diagnostics for the given version of `uri`. */
  diagnosticsFor(uri: string, version: number): Promise<Diagnostic[]> {
    return this.diagnostics(uri, (p) => p.version === version).then((p) => p.diagnostics);
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  async open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Sends one change (incremental when given ranges) and returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = this.version(uri) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** `triggerKind` 2: asked by the editor on its own (VS Code's light bulb as the cursor moves), not by the user. */
  codeActions(uri: string, diagnostics: Diagnostic[], only?: string[], range = diagnostics[0]?.range, triggerKind?: 1 | 2): Promise<CodeAction[]> {
    const params: CodeActionParams = {
      textDocument: { uri },
      range: range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics, ...(only ? { only } : {}), ...(triggerKind ? { triggerKind } : {}) },
    };
    return this.connection.sendRequest('textDocument/codeAction', params) as Promise<CodeAction[]>;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null || this.proc.signalCode !== null) resolve();
      else this.proc.once('exit', () => resolve());
    });
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}
