// The postmortem model and the contracts between parser, rules and runner.
// Pure: no vscode, no vscode-languageserver, no fs. Every face (LSP, CLI, reader view) consumes these types.

/** A position in the document: 0-based line, 0-based UTF-16 character, and absolute UTF-16 offset. */
export interface Position {
  line: number;
  character: number;
  offset: number;
}

/** A half-open source range [start, end). */
export interface Range {
  start: Position;
  end: Position;
}

/** A value parsed out of the text together with the exact text it came from. */
export interface Field<T = string> {
  value: T;
  /** The source text the value was read from (e.g. "@alice", "Feb 1, 2026", "next sprint"). */
  text: string;
  range: Range;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export type SectionKind =
  | 'summary'
  | 'impact'
  | 'timeline'
  | 'contributing-causes'
  | 'detection'
  | 'resolution'
  | 'action-items'
  | 'lessons-learned'
  | 'glossary'
  | 'deferred';

export interface Section {
  /** Heading text without the leading #s, numbering kept as written. */
  title: string;
  /** Heading depth 1–6. */
  depth: number;
  /** The canonical kind this heading matched, if any. */
  kind?: SectionKind;
  /** The kind that applies to content here: own kind, else the nearest ancestor's. */
  effectiveKind?: SectionKind;
  /** Range of the whole heading line. */
  headingRange: Range;
  /** Range of the heading's text (after the #s). */
  titleRange: Range;
  /** From the end of the heading line to the next heading of the same or lower depth (or end of file). */
  bodyRange: Range;
  /** From the end of the heading line to the next heading of any depth: the section's own content. */
  ownContentRange: Range;
  /** Nested sections (deeper headings until the next heading of the same or lower depth). */
  children: Section[];
  parent?: Section;
}

export type ActionItemFormat = 'bullet' | 'numbered' | 'checkbox' | 'table-row' | 'paragraph';
/**
 * 'unknown': a status was written where one belongs (a status cell) but could not be read ("Partly, see thread"):
 * the engine doesn't guess, so no rule checks the item and the hover quotes what was written.
 */
export type ActionItemStatus = 'open' | 'done' | 'not-doing' | 'unknown';

/** A parsed due value: an absolute date, or the non-date phrase found where a date was expected. */
export type DueField =
  | (Field<string> & { kind: 'date'; /** ISO yyyy-mm-dd */ iso: string; /** e.g. 03/04/2026: day and month order unclear */ ambiguous: boolean })
  | (Field<string> & { kind: 'phrase' });

export interface Priority {
  /** 0 (highest) … 4 (lowest). High/critical → 0–1, medium → 2, low/nice-to-have → 3–4. */
  level: number;
  /** True for priorities that "never rise high enough to get done": P3, P4, low, nice-to-have, … */
  low: boolean;
}

/** Where the item's parts live, so that fixes can write in the item's own format. */
export interface TableInfo {
  /** Column role → column index. Roles: action, owner, due, priority, status, ticket. */
  columns: Partial<Record<'action' | 'owner' | 'due' | 'priority' | 'status' | 'ticket', number>>;
  /** Range of each cell's content in this row (trimmed). Empty cells have an empty range at the cell's middle. */
  cells: Range[];
  /** Range of the header row of the table. */
  headerRange: Range;
  /** Header cell texts. */
  header: string[];
}

export interface ActionItem {
  /** Plain text of the item (the action), without the checkbox marker, sub-bullets or trailing metadata. */
  text: string;
  /** Whole item: list item incl. sub-bullets, or the table row. */
  range: Range;
  /** The range of the main text (first paragraph of a list item; action cell of a table row). */
  textRange: Range;
  format: ActionItemFormat;
  owners: Field<string>[];
  /** A placeholder found where an owner was expected (TBD, ???, someone, team). */
  ownerPlaceholder?: Field<string>;
  due?: DueField;
  priority?: Field<Priority>;
  status: ActionItemStatus;
  statusField?: Field<ActionItemStatus>;
  tickets: Field<string>[];
  /** The sub-heading group the item sits under inside the action items section (Detect, Mitigate, Prevent…). */
  group?: string;
  /** The section holding the item (its nearest heading). */
  section: Section;
  /** True when the item sits in a Deferred / Not doing / Won't do / Parking lot section. */
  deferred: boolean;
  /** Ranges of sub-bullets attached to the item. */
  subItems: Range[];
  /** Present for table rows. */
  table?: TableInfo;
  /** Position just after the main text where inline metadata (" — @owner, due …") can be appended. */
  appendAt: Position;
  /** Indentation (spaces) of sub-bullets for this item, when it is a list item. */
  childIndent?: string;
  /**
   * Set when the item is a sentence of prose: one that commits to work ("We will be introducing …", "The foundation
   * is exploring …"), read because no list says what the follow-ups are, or a ticket filed with someone else ("I've
   * opened a support ticket with …"), or work told as set up already ("We have begun monitoring … and will receive an
   * alert …"), read as a done follow-up, or a "What went wrong" bullet that ends by pointing at the issue tracking its
   * follow-up ("We should provide finer grained controls, see <issue>").
   */
  fromProse?: 'commitment' | 'ticket' | 'finished' | 'linked';
}

export interface LabeledSection {
  kind: SectionKind;
  /** The label as written, without a trailing colon. */
  title: string;
  /** The label's text, inside its `**`. */
  titleRange: Range;
  /** From the end of the label to the end of the blocks it heads. */
  bodyRange: Range;
}

export interface FrontMatter {
  /** Parsed YAML mapping, or undefined when broken or not a mapping. */
  data?: Record<string, unknown>;
  /** Parse error, when the YAML is broken. */
  error?: string;
  range: Range;
}

export interface Postmortem {
  text: string;
  title?: Field<string>;
  frontMatter?: FrontMatter;
  /** Incident date from front matter (ISO), if any. */
  date?: string;
  severity?: string;
  status?: string;
  /** internal | business | public (front matter `audience`). */
  audience?: string;
  /** Top-level sections in document order (with children nested). */
  sections: Section[];
  /** Every section, flattened in document order. */
  allSections: Section[];
  /** All action items in document order, deferred ones included (check `deferred`). */
  actionItems: ActionItem[];
  /**
   * Prose between the title and the first section heading (at least one real paragraph): a reader takes it as the
   * summary, whatever it is called. Undefined when the document starts with a section or has no such prose.
   */
  intro?: Range;
  /** Section kinds written as bold labels instead of headings (`- **Impact**: …`, `**Timeline:**`). */
  labeledKinds: SectionKind[];
  /**
   * Sections written as a bold label heading a block (`- **Key events**` over a nested list, `**Timeline:**` before a
   * list): the label's text range (inside the emphasis) and the blocks it heads. A label inside a hard-wrapped
   * paragraph counts in labeledKinds only.
   */
  labeledSections: LabeledSection[];
  /** Headings of action-items sections (kind 'action-items', top-most of each nesting). */
  actionItemSections: Section[];
  /** Bold labels that stand in for an action-items heading (`- **Review actions**:` with a nested list), with their items. */
  actionItemLabels: { title: string; range: Range; items: ActionItem[] }[];
  /** Suppression directives found in HTML comments. */
  directives: Directive[];
  /** Ranges of code blocks, HTML blocks and comments, and code spans over several lines: never items, never prose. */
  opaqueRanges: Range[];
  /**
   * HTML blocks read as structure (model/html-blocks.ts): their headings, lists and paragraphs are the model's sections,
   * items and prose; their tags, comments and code are in opaqueRanges. A fix never writes markdown inside one.
   */
  htmlBlocks: Range[];
  /** Maps offsets to positions. */
  lines: LineIndex;
}

export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file' | 'configure-file';
  /** Rule ids; empty means all rules. */
  rules: string[];
  /** For configure-file: the parsed JSON. */
  config?: unknown;
  range: Range;
  /** Parse problem with the directive (bad JSON), reported by the runner. */
  error?: string;
}

/** Offset ↔ position mapping for one text. */
export interface LineIndex {
  positionAt(offset: number): Position;
  offsetAt(line: number, character: number): number;
  lineCount: number;
  /** Offset of the start of a 0-based line. */
  lineStart(line: number): number;
  /** Offset of the end of a 0-based line, before its line break. */
  lineEnd(line: number): number;
}

// ---------------------------------------------------------------------------------------------
// Findings and fixes

export interface TextEdit {
  range: Range;
  newText: string;
}

/**
 * A fix a rule proposes. Edits are relative to the linted text.
 * When `prompt` is set, the edit contains `prompt.placeholder` which a client may replace with an answer
 * asked from the user (e.g. an owner's name); clients that cannot ask insert the edit as it is.
 */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes need no human answer and are applied by fix-all. */
  safe: boolean;
  /** Marks the one fix an editor should prefer (Ctrl+. then Enter). */
  preferred?: boolean;
  /**
   * The edit writes a template whose `<…>` parts are for the writer to fill: an editor that can insert snippets makes
   * each one a tab stop (and a trailing ` (was: …)` note the last one, selected for deletion).
   */
  template?: boolean;
  prompt?: {
    kind: 'owner' | 'date' | 'text';
    /** Text inside the edits' newText to be replaced by the user's answer. */
    placeholder: string;
    /** What to ask. */
    question: string;
    /**
     * Suggested answers (e.g. owners already used in the document, ISO dates). A client that cannot ask offers each
     * choice as a fix of its own, titled `title` ("Set due date: 2026-12-14 (in 2 weeks)", "Assign to @dana").
     */
    choices?: { label: string; value: string; description?: string; title?: string; /** The one a picker focuses first. */ default?: boolean }[];
    /** Owner prompts: 'handle' when the item's format needs an @handle (inline text), 'name' for a cell or sub-bullet. */
    ownerForm?: 'handle' | 'name';
  };
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  /**
   * The fixes, built on first read (lint/lint.ts): most findings' fixes are never asked for, and building them all on
   * every keystroke cost a fifth of the rules' time. Read it only when the fixes are wanted (a spread reads it too).
   */
  fixes?: Fix[];
}

/** Fixes as a rule reports them: a function, called when (and if) a face asks for them, on the same model. */
export type LazyFixes = () => Fix[];

// ---------------------------------------------------------------------------------------------
// Rules

export interface RuleContext<O> {
  model: Postmortem;
  options: O;
  /** "Today" as ISO yyyy-mm-dd; injectable for tests. */
  today: string;
  /**
   * `fixes` is called only when the fixes are asked for (code action, fix-all, CLI --fix), on this same model and
   * options: it must read nothing that changes after the rule ran.
   */
  report(f: { range: Range; message: string; fixes?: LazyFixes; severity?: Severity }): void;
}

export interface Rule<O extends object = Record<string, unknown>> {
  id: string;
  /** One line for docs, settings and the rule list. */
  description: string;
  defaultSeverity: Severity | 'off';
  defaultOptions: O;
  /** JSON schema (draft-07) of the options object; used for .postmortemrc validation and VS Code settings. */
  optionsSchema: { type: 'object'; properties: Record<string, unknown>; additionalProperties?: boolean };
  check(ctx: RuleContext<O>): void;
}

// ---------------------------------------------------------------------------------------------
// Configuration

export type RuleSetting = 'off' | Severity | [Severity | 'off', Record<string, unknown>?];

export interface Config {
  rules?: Record<string, RuleSetting>;
  /** Globs (matched against the path relative to the config root or workspace) that mark postmortems. */
  postmortemGlobs?: string[];
  /** Globs (relative like postmortemGlobs) of files never linted, not even with --all: templates, drafts, vendored docs. */
  ignore?: string[];
}

/** A problem with configuration, reported with the file and key it concerns. */
export interface ConfigProblem {
  file: string;
  key?: string;
  message: string;
  /** This entry stands for that many further problems that were counted but not listed ("… and N more"). */
  omitted?: number;
}
