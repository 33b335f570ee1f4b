// A postmortem as the archive sees it: title, incident date, severity and each action item's facts. Pure: built
// from the engine's model and engine/items.ts, shared by the workspace index (LSP) and `postmortem-lint report`.
import type { ActionItem, Config, Postmortem } from '../engine/types';
import { lint } from '../engine/lint';
import { actionText, itemGaps } from '../engine/items';
import type { ArchiveItem, ArchivePostmortem } from '../protocol';

/** The item's facts as of `today` (ISO yyyy-mm-dd). */
export function archiveItem(item: ActionItem, today: string): ArchiveItem {
  const gaps = itemGaps(item, today);
  const r = item.textRange;
  const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
  return {
    text: oneLine(actionText(item)),
    location: { line: r.start.line, character: r.start.character, endLine: r.end.line, endCharacter: r.end.character },
    owner: item.owners.length ? item.owners.map((o) => oneLine(o.text)).join(', ') : undefined,
    due: gaps.dueIso ?? (item.due ? oneLine(item.due.text) : undefined),
    dueIsDate: gaps.dueIso !== undefined,
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
    items: model.actionItems.map((i) => archiveItem(i, today)),
  };
}

/**
 * Reads one markdown text as the archive does: detection and `ignore` as for linting (the same `lint` call, with
 * no rules run: the archive needs the model, not the findings). Undefined when it is not a postmortem or ignored.
 */
export function readArchiveEntry(
  text: string,
  options: { file: string; filePath?: string; rootDir?: string; config?: Config; today: string },
): ArchivePostmortem | undefined {
  const result = lint(text, { filePath: options.filePath, rootDir: options.rootDir, config: options.config, today: options.today, rules: [] });
  if (!result.isPostmortem || result.ignored) return undefined;
  const base = (options.filePath ?? options.file).split(/[\\/]/).pop() ?? options.file;
  return archivePostmortem(result.model, options.file, base.replace(/\.(md|markdown|mdown|mkd)$/i, ''), options.today);
}
