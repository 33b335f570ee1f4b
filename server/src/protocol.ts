// The one protocol file shared by the VS Code client and the language server (custom requests, commands,
// initialization options). Keep it free of runtime imports from either side: types and constants only.
import type { Fix } from './model/types';

export type { Fix };

/** Sent by the VS Code client in `initializationOptions`. */
export interface InitializationOptions {
  /** The client can ask the user for an answer (owner, date) and run PROMPT_FIX_COMMAND. Other editors get plain edits. */
  promptFixes?: boolean;
  /** The client wants CONFIG_CHANGED_NOTIFICATION (other editors don't know it, so it is not sent to them). */
  configChangedNotification?: boolean;
}

/**
 * Server → client, after the settings or a .postmortemrc changed and every open document was scheduled for re-linting.
 * Views built from findings (the reader view's context gaps) re-render: the text did not change, the findings did.
 */
/**
 * Node flags for the language server process (the client starts it with these; the benchmarks too). A small young
 * generation: the server's work is many small short-lived trees, and V8's default semi-spaces (up to 16 MB each) held
 * tens of MB of RSS across the server and its lint thread. The flag is the whole process's: lsp/lint-thread.ts unsets
 * it before it starts the lint thread, whose young generation is its resourceLimits' (6 MB).
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=1'];

export const CONFIG_CHANGED_NOTIFICATION = 'postmortemLint/configChanged';

/** Client-side command: ask the user for `fix.prompt`, substitute the answer for the placeholder, apply the edits. */
export const PROMPT_FIX_COMMAND = 'postmortemLint.applyFixWithPrompt';
export interface PromptFixArgs {
  uri: string;
  /** Document version the fix was computed for; the client refuses to apply it to another version. */
  version: number;
  fix: Fix;
}

/**
 * Client-side command (VS Code): ask once for an owner and once for a due date, and write them into every item that
 * lacks one (the owner fixes and the date fixes of the document's findings, each with its prompt).
 */
export const FIX_ALL_WITH_DEFAULTS_COMMAND = 'postmortemLint.fixAllWithDefaults';
export interface FixAllWithDefaultsArgs {
  uri: string;
  version: number;
  owner: Fix[];
  date: Fix[];
}

/** Server-side command (workspace/executeCommand): opens the rule's docs page via window/showDocument. */
export const SHOW_RULE_DOCS_COMMAND = 'postmortemLint.showRuleDocs';
export type ShowRuleDocsArgs = [ruleId: string];

/**
 * What a diagnostic of ours stands for, read back from it: the version it was published for and its rule. On the wire
 * Diagnostic.data is the version alone (a number; -1 for a closed file's) and the rule is Diagnostic.code: ~120
 * diagnostics of a 20 KB document were ~10% of publishDiagnostics' bytes as `{ version, ruleId }` (perf36).
 */
export interface DiagnosticData {
  version: number;
  ruleId: string;
}

/** Custom request: the reader-view model of a document (defined by the reader view). */
export const READER_MODEL_REQUEST = 'postmortemLint/readerModel';

// ---------------------------------------------------------------------------------------------
// Reader view (owned by the reader view: server/src/reader, client/src/reader)

export interface ReaderModelParams {
  uri: string;
  /** Also render the page on the server (same renderer as the CLI's `render`). */
  render?: ReaderRenderRequest;
}

export interface ReaderRenderRequest {
  /** Self-contained HTML (inline CSS, no script) for export; otherwise the webview page. */
  standalone: boolean;
  nonce?: string;
  cspSource?: string;
  scriptUri?: string;
  styleUri?: string;
}

export interface ReaderModelResult {
  model: ReaderModel;
  /** The inner HTML of `#reader-root` (what the webview swaps in on updates). */
  bodyHtml: string;
  /** The full page, when `render` was asked for. */
  html?: string;
}

/** A place in the document the reader view can link back to (0-based line/character). */
export interface ReaderLocation {
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

export interface ReaderImpactFigure {
  /** As written: "2,300 users", "45 minutes", "$12k", "38% of requests". */
  text: string;
  /** The words around it, as written: "SLA credits owed to 3 enterprise customers". */
  context: string;
  location: ReaderLocation;
}

export interface ReaderDuration {
  minutes: number;
  /** As the writer put it ("47 minutes"), or computed ("47 min", "3 h 5 min", "2 d 4 h"). */
  label: string;
  /** Where the figure came from: "as written in Impact: “during 47 minutes”" or "computed from the timeline: …". */
  source: string;
}

export interface ReaderActionItem {
  text: string;
  owner?: string;
  /** True when an owner placeholder (TBD, team, ???) stands where an owner should be. */
  ownerPlaceholder?: string;
  /** ISO date, or the phrase written where a date belongs ("next sprint"). */
  due?: string;
  dueIsDate: boolean;
  /** What is wrong with a due phrase, as every face says it: "is not a date", "has no year" ("Feb 12"). */
  dueProblem?: string;
  priority?: string;
  lowPriority: boolean;
  /** 'unknown': a status was written that the linter can't read; the item is neither open nor done. */
  status: 'open' | 'done' | 'not-doing' | 'unknown';
  tickets: string[];
  group?: string;
  overdue: boolean;
  /** Days past the due date, when overdue. */
  overdueDays?: number;
  noOwner: boolean;
  noDate: boolean;
  /** Findings on this item (rule id + message), e.g. vague wording. */
  findings: { ruleId: string; message: string }[];
  location: ReaderLocation;
}

export interface ReaderCounts {
  /** Items that count (not deferred). */
  total: number;
  open: number;
  done: number;
  noOwner: number;
  noDate: number;
  overdue: number;
  deferred: number;
}

export interface ReaderGap {
  ruleId: string;
  message: string;
  location: ReaderLocation;
}

export interface ReaderGlossaryEntry {
  term: string;
  expansion?: string;
  /**
   * Where the expansion came from: the Glossary section, an inline "Service Level Objective (SLO)", or the reader
   * view's list of widely known acronyms (HTTP, UTC) when the document gives none.
   */
  source?: 'glossary' | 'inline' | 'common';
  /** First use in the text. */
  location?: ReaderLocation;
  uses: number;
}

export type ReaderAudience = 'internal' | 'business' | 'public';

/** What one audience would get: the findings of the sharing rules as if the document were written for it. */
export interface ReaderAudienceView {
  audience: ReaderAudience;
  findings: { ruleId: string; message: string; location: ReaderLocation }[];
  /** What would leak (public-internal-detail): highlighted in the document when this audience is chosen. */
  leaks: number;
}

export interface ReaderModel {
  uri?: string;
  version?: number;
  isPostmortem: boolean;
  detectedBy?: string;
  /** The path matches the configuration's `ignore` globs. */
  ignored?: boolean;
  title: string;
  header: {
    date?: string;
    severity?: string;
    status?: string;
    audience?: string;
    duration?: ReaderDuration;
    impact: ReaderImpactFigure[];
  };
  /** Sanitised HTML of the Summary section's body. */
  summaryHtml?: string;
  /** Sanitised HTML of the Contributing causes section's body. */
  causesHtml?: string;
  /** Sanitised HTML of the whole document (front matter and the title heading left out). */
  documentHtml: string;
  actionItems: ReaderActionItem[];
  deferredItems: ReaderActionItem[];
  counts: ReaderCounts;
  contextGaps: ReaderGap[];
  /** Gaps not listed (the list is kept short). */
  moreGaps: number;
  glossary: ReaderGlossaryEntry[];
  /** Internal, business and public: what each would get (the switch starts on the document's own audience). */
  audiences: ReaderAudienceView[];
  /** Section kinds present in the document (for Insert Section…). */
  sectionKinds: string[];
  /** Number of findings by severity (for the status bar tooltip). */
  findingCounts: Record<'error' | 'warning' | 'information' | 'hint', number>;
}

/** Small custom request for the status bar and the editor-title button: counts without the rendered HTML. */
export const READER_SUMMARY_REQUEST = 'postmortemLint/readerSummary';
export interface ReaderSummaryParams {
  uri: string;
}
export interface ReaderSummary {
  uri: string;
  version: number;
  isPostmortem: boolean;
  counts: ReaderCounts;
  sectionKinds: string[];
  findingCounts: Record<'error' | 'warning' | 'information' | 'hint', number>;
}

// ---------------------------------------------------------------------------------------------
// Archive: action items across every postmortem in the workspace (owned by server/src/archive, server/src/index,
// client/src/tree.ts). The same records feed the `postmortem-lint report` command.

/** One action item of the archive, with the facts the engine worked out (model/items.ts). */
export interface ArchiveItem {
  /** The action's words, without the inline metadata. */
  text: string;
  /** Where the item's text sits (0-based). */
  location: ReaderLocation;
  /** Owners as written, joined with ", "; undefined when none. */
  owner?: string;
  /** ISO date, or the phrase written where a date belongs ("next sprint"). */
  due?: string;
  dueIsDate: boolean;
  /** What is wrong with a due phrase, as every face says it: "is not a date", "has no year" ("Feb 12"). */
  dueProblem?: string;
  /** Days past the due date, for live items that are overdue. */
  overdueDays?: number;
  /** As written: "P1", "high". */
  priority?: string;
  /** 0 (highest) … 4 (lowest). */
  priorityLevel?: number;
  /** 'unknown': a status was written that the linter can't read ("Partly, see thread"): neither open nor done. */
  status: 'open' | 'done' | 'not-doing' | 'unknown';
  /** In a Deferred / Not doing section: not counted as open. */
  deferred: boolean;
  /** Tickets as written, joined with ", ". */
  ticket?: string;
  /** Open, not deferred, and no owner. */
  noOwner: boolean;
  /** Open, not deferred, and no absolute due date. */
  noDate: boolean;
}

/** One postmortem of the archive. */
export interface ArchivePostmortem {
  /** file:// URI in the language server; a path relative to the working directory in the CLI. */
  file: string;
  title: string;
  /** Incident date from the front matter, as written (ISO when it is one). */
  date?: string;
  severity?: string;
  items: ArchiveItem[];
}

/** Custom request: every postmortem of the workspace index with its action items. */
export const ARCHIVE_ITEMS_REQUEST = 'postmortemLint/archiveItems';
export interface ArchiveItemsParams {
  /** Only these files (as named in ArchiveChangedParams.files); the rest of the answer is left out. Default: all. */
  files?: string[];
}
export interface ArchiveItemsResult {
  /** False while the first build is still running (the list is then partial). */
  complete: boolean;
  /** Files looked at so far (markdown files in the workspace folders, ignored ones excluded). */
  scanned: number;
  postmortems: ArchivePostmortem[];
}

/**
 * Server → client: the index changed. With `files`, only those files changed (ask for them with
 * ArchiveItemsParams.files; a file missing from the answer is no longer a postmortem); without, ask for everything.
 */
export const ARCHIVE_CHANGED_NOTIFICATION = 'postmortemLint/archiveChanged';
export interface ArchiveChangedParams {
  files?: string[];
  complete: boolean;
}
