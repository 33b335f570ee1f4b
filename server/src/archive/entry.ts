// A postmortem as the archive sees it: title, incident date, severity and each action item's facts. Pure: built
// from the engine's model and model/items.ts, shared by the workspace index (LSP) and `postmortem-lint report`.
import type { ActionItem, Config, Finding, Postmortem } from '../model/types';
import { isArchived, isIgnored, lint, withoutFixes } from '../lint/lint';
import { lightRead } from './light';
import { isUnfilledTemplate } from '../model/template-text';
import { itemGaps } from '../model/items';
import { duePhraseVerdict } from '../model/due';
import { words } from '../model/action-words';
import type { ArchiveItem, ArchivePostmortem } from '../protocol';

/** The item's facts as of `today` (ISO yyyy-mm-dd). */
export function archiveItem(model: Postmortem, item: ActionItem, today: string): ArchiveItem {
  const gaps = itemGaps(item, today);
  const r = item.textRange;
  const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
  return {
    text: words(model, item),
    location: { line: r.start.line, character: r.start.character, endLine: r.end.line, endCharacter: r.end.character },
    owner: item.owners.length ? item.owners.map((o) => oneLine(o.text)).join(', ') : undefined,
    due: gaps.dueIso ?? (item.due ? oneLine(item.due.text) : undefined),
    dueIsDate: gaps.dueIso !== undefined,
    dueProblem: gaps.dueIso === undefined && item.due?.kind === 'phrase' ? duePhraseVerdict(item.due.text) : undefined,
    overdueDays: gaps.overdueDays,
    priority: item.priority ? oneLine(item.priority.text) : undefined,
    priorityLevel: item.priority?.value.level,
    status: item.status,
    deferred: item.deferred,
    ticket: item.tickets.length ? item.tickets.map((t) => oneLine(t.text)).join(', ') : undefined,
    noOwner: gaps.noOwner,
    noDate: gaps.noDate,
  };
}

/** The postmortem's archive record; `fallbackTitle` (the file name) when it has no title. */
export function archivePostmortem(model: Postmortem, file: string, fallbackTitle: string, today: string): ArchivePostmortem {
  return {
    file,
    title: model.title?.value.replace(/\s+/g, ' ').trim() || fallbackTitle,
    date: model.date,
    severity: model.severity,
    items: model.actionItems.map((i) => archiveItem(model, i, today)),
  };
}

export interface ArchiveReadOptions {
  /** What the record calls its file (the LSP: a file:// URI). */
  file: string;
  filePath?: string;
  rootDir?: string;
  config?: Config;
  today: string;
  /** Run every rule too (workspace diagnostics): the record and the findings come from the same analysis. */
  findings?: boolean;
}

export interface ArchiveRead {
  /** Undefined when the text is not a postmortem, or ignored. */
  entry?: ArchivePostmortem;
  /** With `findings`: the postmortem's findings ([] when it is not one). */
  findings?: Finding[];
  /** With `entry`: the owners its action items name, as read (one per item and owner), for owner suggestions. */
  owners?: string[];
}

/** The owners a postmortem's action items name, as read: one per item and owner (the most used come up most). */
export const ownersOf = (model: Postmortem): string[] => model.actionItems.flatMap((a) => a.owners.map((o) => o.value));

const fallbackTitle = (options: ArchiveReadOptions) => {
  const base = (options.filePath ?? options.file).split(/[\\/]/).pop() ?? options.file;
  return base.replace(/\.(md|markdown|mdown|mkd)$/i, '');
};

/**
 * Reads one markdown text as the archive does: detection and `ignore` as for linting. Without `findings`, the light
 * reading (archive/light.ts: front matter, headings and action-item sections) where it gives the same record, else the
 * `lint` call with no rules; with `findings`, one full lint whose model makes the record.
 */
export function readArchive(text: string, options: ArchiveReadOptions): ArchiveRead {
  const at = { filePath: options.filePath, rootDir: options.rootDir, config: options.config };
  if (!options.findings) {
    if (isIgnored(at)) return {};
    const light = lightRead(text, at);
    // a postmortem with no item in its action-item sections may have its follow-ups elsewhere (commitments under
    // Resolution when a report has no other items): only the whole parse reads those. A template's example rows are
    // no items (the runner's verdict, lint/lint.ts): the whole parse gives its record
    if (light && (!light.model || (light.model.actionItems.length > 0 && !isUnfilledTemplate(light.model)))) {
      return light.model ? { entry: archivePostmortem(light.model, options.file, fallbackTitle(options), options.today), owners: ownersOf(light.model) } : {};
    }
  }
  const result = lint(text, { ...at, today: options.today, rules: options.findings ? undefined : [] });
  if (!result.isPostmortem || result.ignored) return options.findings ? { findings: [] } : {};
  // a blank template keeps its one finding in the Problems panel, and is not listed among the postmortems
  if (!isArchived(result)) return options.findings ? { findings: result.findings.map(withoutFixes) } : {};
  const entry = archivePostmortem(result.model, options.file, fallbackTitle(options), options.today);
  // no fixes: the workspace's closed files offer none (and building them would cost a fifth of the rules' time)
  const owners = ownersOf(result.model);
  return options.findings ? { entry, findings: result.findings.map(withoutFixes), owners } : { entry, owners };
}

/**
 * Reads one markdown text as the archive does, from the whole parse: detection and `ignore` as for linting (the same
 * `lint` call, with no rules run: the archive needs the model, not the findings). Undefined when it is not a
 * postmortem or ignored. (readArchive gives the same record, faster.)
 */
export function readArchiveEntry(
  text: string,
  options: { file: string; filePath?: string; rootDir?: string; config?: Config; today: string },
): ArchivePostmortem | undefined {
  const result = lint(text, { filePath: options.filePath, rootDir: options.rootDir, config: options.config, today: options.today, rules: [] });
  if (!isArchived(result)) return undefined;
  return archivePostmortem(result.model, options.file, fallbackTitle(options), options.today);
}
