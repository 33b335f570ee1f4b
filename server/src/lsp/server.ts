// The LSP adapter: documents → settings + .postmortemrc → lint → pushed diagnostics, code actions, and the
// ServerContext that feature modules (hover, completion, symbols, code lens, reader requests) build on.
// Every handler is get document → resolve settings → call the engine → convert; none of them throws.
import { pathToFileURL } from 'node:url';
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, MessageType, ShowMessageNotification, TextDocuments } from 'vscode-languageserver';
import type { ClientCapabilities, Connection, InitializeParams, InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { localToday, type LintOptions, type LintResult } from '../lint/lint';
import type { Rule } from '../model/types';
import { invalidateConfigCache } from '../config/load';
import type { ResolvedConfig } from '../config/resolve';
import { rules as registry } from '../rules/index';
import { CONFIG_CHANGED_NOTIFICATION, type InitializationOptions } from '../protocol';
import type { CurrentFindings, CurrentResult, ServerContext, ServerSettings } from './context';
import type { FixQuery } from '../lint/fix-query';
import { findingDiagnostics } from './convert';
import { DiagnosticsPublisher, type Computed } from './diagnostics';
import { Analyzer, type Analysis, type EarlyAnalysis } from './analysis';
import { defaultWorkerFile, inProcessThread, lintThread } from './lint-thread';
import type { IncomingGuard } from './guard';
import { SettingsStore } from './settings';
import { registerFeatures } from './features/index';
import { registerReaderRequests } from './reader';
import { registerArchive, type ArchiveService } from './archive';
import { OwnerDirectory } from './owners';
import { registerActionRequests } from './requests';
import { isConfigFile, ServerConfig } from './server-config';
import { MARKDOWN_RE } from '../index/walk';
import { errorText, initializeResult, isMarkdown, MAX_DOCUMENT_CHARS, uriToPath } from './documents';

const RULES = registry as readonly Rule<object>[];

export interface ServerOptions {
  /** Overrides "today" (ISO); else env POSTMORTEM_LINT_TODAY, else the local date. */
  today?: string;
  /** The incoming-message guard main.ts installed on the connection (told which documents are open). */
  guard?: IncomingGuard;
  /** Lint in a worker thread (default: unless env POSTMORTEM_LINT_WORKER=0). */
  worker?: boolean;
}

export { MAX_DOCUMENT_CHARS, uriToPath } from './documents';

export function startServer(connection: Connection, options: ServerOptions = {}): ServerContext {
  const documents = new TextDocuments(TextDocument);
  let capabilities: ClientCapabilities = {};
  let initOptions: InitializationOptions = {};
  let workspaceRoots: string[] = [];
  let configGeneration = 0;

  const log = (msg: string) => connection.console.error(`postmortem-lint: ${msg}`);
  /** Runs a handler and turns an exception into a log line and a harmless answer. */
  const guard = <T>(name: string, fallback: T, fn: () => T | Promise<T>): Promise<T> =>
    Promise.resolve()
      .then(fn)
      .catch((e: unknown) => {
        log(`${name} failed: ${errorText(e)}`);
        return fallback;
      });

  const canPullSettings = () => !!capabilities.workspace?.configuration;
  const settings = new SettingsStore(connection, canPullSettings);

  const envToday = process.env.POSTMORTEM_LINT_TODAY;
  const today = (): string => {
    const t = options.today ?? envToday;
    return t && /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : localToday();
  };

  const serverConfig = new ServerConfig(connection, settings, () => workspaceRoots, RULES);
  const configFor = (uri: string, s: ServerSettings): ResolvedConfig => serverConfig.configFor(uri, uriToPath(uri), s);
  const workspaceRootOf = (filePath: string) => serverConfig.workspaceRootOf(filePath);

  // ---- one analysis per document revision, in a worker thread -------------------------------------------------------
  // Revisions count changes as the server saw them: a client's version may go backwards, a revision never does.
  const revisions = new Map<string, number>();
  const lastVersion = new Map<string, number>();
  // didOpen fires onDidChangeContent too: every new text is one revision (kept across close, so a reopen is newer).
  // Registered before every other listener (the workspace index, the publisher): whoever reacts to a change and asks
  // for its analysis must already see the new revision, not get the previous text's analysis back.
  documents.onDidChangeContent((e) => {
    const { uri, version } = e.document;
    const before = lastVersion.get(uri);
    if (before !== undefined && version <= before) log(`the version of ${uri} went backwards (${before} → ${version}); linting the new text`);
    lastVersion.set(uri, version);
    revisions.set(uri, (revisions.get(uri) ?? 0) + 1);
  });
  const trace = process.env.POSTMORTEM_LINT_TRACE === '1' ? (line: string) => connection.console.log(`postmortem-lint trace: ${line}`) : undefined;
  const useWorker = options.worker ?? process.env.POSTMORTEM_LINT_WORKER !== '0';
  const thread = useWorker ? lintThread(defaultWorkerFile(), log) : inProcessThread;
  const analyzer = new Analyzer(thread.lint, trace, log, (uri) => thread.forget(uri), thread.fixes);
  const tooBigShown = new Set<string>();
  const tooBig = (doc: TextDocument): boolean => {
    const size = doc.getText().length;
    if (size <= MAX_DOCUMENT_CHARS) return false;
    if (!tooBigShown.has(doc.uri)) {
      tooBigShown.add(doc.uri);
      const name = decodeURIComponent(doc.uri.split('/').pop() ?? doc.uri);
      const message = `Postmortem Lint: ${name} has ${(size / 1e6).toFixed(1)} M characters; past 2 M it is not linted as you type. Run postmortem-lint on it.`;
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
    }
    return true;
  };

  const lintOptions = async (uri: string): Promise<LintOptions> => {
    const s = await settings.get(uri);
    const { config, rootDir, problems } = configFor(uri, s);
    serverConfig.reportProblems(problems);
    return { filePath: uriToPath(uri) ?? undefined, rootDir, config, today: today() };
  };
  const getAnalysis = (uri: string, urgent = true): Promise<Analysis | undefined> => {
    const doc = documents.get(uri);
    if (!doc || tooBig(doc)) return Promise.resolve(undefined);
    const revision = revisions.get(uri) ?? 0;
    const key = `${settings.version}:${configGeneration}`;
    return analyzer.analyze(uri, revision, doc.version, doc.getText(), key, () => lintOptions(uri), urgent);
  };
  /** The findings of the current text, without waiting for its model to cross from the lint thread. */
  const getFindings = (uri: string): Promise<EarlyAnalysis | undefined> => {
    const doc = documents.get(uri);
    if (!doc || tooBig(doc)) return Promise.resolve(undefined);
    return analyzer.findings(uri, revisions.get(uri) ?? 0, doc.version, doc.getText(), `${settings.version}:${configGeneration}`, () => lintOptions(uri));
  };
  const getResult = (uri: string, urgent = true): Promise<CurrentResult | undefined> =>
    getAnalysis(uri, urgent).then((a) => (a ? { version: a.version, result: a.result, fixes: (q: FixQuery) => analyzer.fixes(uri, a, q) } : undefined), () => undefined);
  /** The current findings and their fixes, without waiting for the model (code actions). */
  const getCurrentFindings = (uri: string): Promise<CurrentFindings | undefined> =>
    getFindings(uri).then((a) => (a ? { version: a.version, result: a.result, fixes: (q: FixQuery) => analyzer.fixes(uri, a, q) } : undefined), () => undefined);

  /**
   * The newest finished analysis when it still describes the text up to the end of `line` (the text before it is
   * unchanged), else the current one: hover need not wait for a re-lint caused by typing further down. Right after a
   * document opened, the first analysis's model may still be crossing from the lint thread: that one is awaited.
   */
  const getResultNear = async (uri: string, line: number): Promise<{ version: number; result: LintResult } | undefined> => {
    const doc = documents.get(uri);
    if (!doc) return getResult(uri);
    let last = analyzer.lastFinished(uri);
    let current: Promise<CurrentResult | undefined> | undefined;
    if (!last) {
      current = getResult(uri);
      await Promise.race([analyzer.nextFinished(uri), current]);
      last = analyzer.lastFinished(uri);
    }
    if (last) {
      if (last.revision === revisions.get(uri)) return { version: last.version, result: last.result };
      const end = doc.offsetAt({ line: line + 1, character: 0 });
      const text = doc.getText();
      if (end <= last.text.length && text.charCodeAt(end - 1) === last.text.charCodeAt(end - 1) && text.startsWith(last.text.slice(0, end))) {
        return { version: last.version, result: last.result };
      }
    }
    return current ?? getResult(uri);
  };

  const computeDiagnostics = async (uri: string): Promise<Computed | undefined> => {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const revision = revisions.get(uri) ?? 0;
    const filePath = uriToPath(uri);
    if (isConfigFile(filePath)) return { version: doc.version, revision, diagnostics: serverConfig.configFileDiagnostics(doc, filePath) };
    if (!isMarkdown(doc) || tooBig(doc)) return { version: doc.version, revision, diagnostics: [] };
    const s = await settings.get(uri);
    const a = await getFindings(uri);
    if (!a) return undefined;
    const diagnostics = s.enable && a.result.isPostmortem ? findingDiagnostics(a.result.findings, a.version) : [];
    return { version: a.version, revision: a.revision, diagnostics };
  };

  const publisher = new DiagnosticsPublisher(connection, (uri) => (documents.get(uri) ? revisions.get(uri) : undefined), computeDiagnostics);
  const relintAll = () => {
    for (const d of documents.all()) publisher.schedule(d.uri);
  };
  /** After a settings or .postmortemrc change: re-lint, and tell a client that asked for it (its reader views re-render). */
  const configChanged = () => {
    relintAll();
    if (initOptions.configChangedNotification === true) void connection.sendNotification(CONFIG_CHANGED_NOTIFICATION).catch(() => undefined);
  };

  // ---- owners across open documents and the workspace's postmortems (for completion and "Assign an owner…") -------
  const owners = new OwnerDirectory({
    documents,
    roots: () => workspaceRoots,
    rules: RULES,
    isMarkdown,
    getResult,
    lastResult: (uri) => analyzer.lastFinished(uri),
    log,
    indexed: () => archive?.index.owners() ?? [],
    indexComplete: () => !archive || workspaceRoots.length === 0 || archive.index.isComplete,
  });
  const knownOwners = (uri: string) => owners.known(uri);

  const ctx: ServerContext = {
    connection,
    documents,
    getResult,
    getFindings: getCurrentFindings,
    getResultNear,
    readerInThread: (uri, text, options) => thread.reader(uri, text, options),
    getSettings: (uri) => settings.get(uri),
    knownOwners,
    ownersComplete: () => owners.isComplete,
    today,
  };

  // ---- lifecycle ---------------------------------------------------------------------------------------------------
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities ?? {};
    const io = params.initializationOptions as InitializationOptions | undefined;
    initOptions = io && typeof io === 'object' ? io : {};
    const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceRoots = roots.map(uriToPath).filter((p): p is string => !!p);
    if (workspaceRoots.length === 0 && params.rootPath) workspaceRoots = [params.rootPath];
    return initializeResult();
  });

  // ---- the workspace index (action items across every postmortem; lsp/archive.ts) -----------------------------------
  let archive: ArchiveService | undefined;
  try {
    archive = registerArchive({
      ctx,
      roots: () => workspaceRoots,
      configForFile: async (filePath) => {
        const root = workspaceRootOf(filePath);
        const uri = pathToFileURL(filePath).href;
        const s = await settings.get(root ? pathToFileURL(root).href : uri);
        const { config, rootDir } = configFor(uri, s);
        return { config, rootDir };
      },
      uriToPath,
      canReportProgress: () => !!capabilities.window?.workDoneProgress,
      log,
      readArchive: thread.readArchive,
      settle: thread.settle,
      lintWorkspace: async () => {
        const root = workspaceRoots[0];
        const s = await settings.get(root ? pathToFileURL(root).href : '');
        return s.enable ? s.lintWorkspace : 'off';
      },
    });
  } catch (e) {
    log(`registering the workspace index failed: ${errorText(e)}`);
  }

  connection.onInitialized(() => {
    if (workspaceRoots.length) archive?.rebuild();
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'postmortemLint' }).catch((e: unknown) => log(`register didChangeConfiguration: ${errorText(e)}`));
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.postmortemrc*' }, { globPattern: '**/*.{md,markdown,mdown,mkd}' }] })
        .catch((e: unknown) => log(`register file watcher: ${errorText(e)}`));
    }
  });

  connection.onDidChangeConfiguration((change) => {
    try {
      settings.changed(change?.settings);
      configChanged();
      if (workspaceRoots.length) archive?.rebuild();
    } catch (e) {
      log(`didChangeConfiguration: ${errorText(e)}`);
    }
  });

  connection.onDidChangeWatchedFiles((params) => {
    try {
      // markdown files feed the workspace index; anything else (.postmortemrc) is configuration
      const all = params.changes ?? [];
      const markdown = all.filter((c) => MARKDOWN_RE.test(c.uri));
      for (const c of markdown) owners.changedOnDisk(c.uri);
      archive?.watchedFilesChanged(markdown);
      const other = all.filter((c) => !MARKDOWN_RE.test(c.uri));
      if (all.length && !other.length) return;
      for (const change of other) {
        const p = uriToPath(change.uri);
        invalidateConfigCache(p);
      }
      if (!all.length) invalidateConfigCache();
      configGeneration++;
      configChanged();
      if (workspaceRoots.length) archive?.rebuild();
    } catch (e) {
      log(`didChangeWatchedFiles: ${errorText(e)}`);
    }
  });

  if (options.guard) options.guard.isOpen = (uri) => documents.get(uri) !== undefined;
  documents.onDidChangeContent((e) => publisher.schedule(e.document.uri));
  documents.onDidClose((e) => {
    if (isMarkdown(e.document)) owners.closed(e.document.uri, e.document.getText(), analyzer.lastFinished(e.document.uri));
    analyzer.forget(e.document.uri);
    lastVersion.delete(e.document.uri);
    tooBigShown.delete(e.document.uri);
    settings.forget(e.document.uri);
    publisher.clear(e.document.uri);
  });

  registerActionRequests(ctx, { capabilities: () => capabilities, initOptions: () => initOptions, guard, trace });

  try {
    registerFeatures(ctx);
  } catch (e) {
    log(`registering editor features failed: ${errorText(e)}`);
  }
  try {
    registerReaderRequests(ctx);
  } catch (e) {
    log(`registering reader requests failed: ${errorText(e)}`);
  }

  documents.listen(connection);
  return ctx;
}
