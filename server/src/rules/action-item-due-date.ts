// action-item-due-date: an action item needs an absolute date. "Next sprint" means nothing to the reader who
// opens this postmortem a year later, and an item without a date never gets scheduled.
import type { ActionItem, Fix, Postmortem, Rule } from '../model/types';
import { yearlessDay } from '../model/due';
import { activeItems, isOpen, dateChoices, exampleDueDate, fit, headRange, quote, writeFieldEdit, words } from './support/util';

export const DATE_PLACEHOLDER = 'YYYY-MM-DD';

/** "Set due date…": replaces a non-date phrase, fills the Due cell, or appends ", due YYYY-MM-DD". */
export function dueFix(model: Postmortem, item: ActionItem, today: string, title = 'Set due date…'): Fix {
  const edit =
    item.due && (item.due.kind === 'phrase' || item.due.kind === 'date')
      ? { range: item.due.range, newText: `${item.due.kind === 'phrase' && needsBy(model, item.due.range.start.offset) ? 'by ' : ''}${DATE_PLACEHOLDER}` }
      : writeFieldEdit(model, item, 'due', DATE_PLACEHOLDER, (v) => `, due ${v}`, 'Due');
  return {
    title,
    edits: [edit],
    safe: false,
    preferred: true,
    prompt: {
      kind: 'date',
      placeholder: DATE_PLACEHOLDER,
      question: `When is "${quote(words(model, item), 50)}" due? An absolute date (YYYY-MM-DD).`,
      choices: dateChoices(today).map((c) => ({ ...c, title: `Set due date: ${c.value} (${c.label})` })),
    },
  };
}

/**
 * A phrase in running text ("update all accounts in the near future by syncing", "fix it soon") needs "by" before the
 * date that replaces it; after "due" / "by" / "deadline:", in a table cell or at the start of a line it does not.
 */
function needsBy(model: Postmortem, at: number): boolean {
  const lineStart = model.text.lastIndexOf('\n', at - 1) + 1;
  const before = model.text.slice(lineStart, at);
  if (/(?:^|\|)\s*$/.test(before) || /^\s*(?:[-*+]|\d+[.)])\s*(?:\[[ xX]?\]\s*)?$/.test(before)) return false;
  // "due", "by: ", "deadline = (": a keyword, then only blanks, ":", "=" or an opening bracket (one class, read once)
  return !/\b(?:due(?: date| by| on)?|by|until|till|before|deadline|eta|target(?: date)?|no later than|when)[\s:=([]*$/i.test(before);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const spoken = (iso: string) => {
  const [, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]}`;
};

const rule: Rule<Record<string, never>> = {
  id: 'action-item-due-date',
  description: 'Every open action item has an absolute due date (not "next sprint" or "ASAP").',
  defaultSeverity: 'warning',
  defaultOptions: {},
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  check(ctx) {
    const { model, today } = ctx;
    const example = exampleDueDate(today);
    for (const item of activeItems(model)) {
      if (!isOpen(item)) continue;
      const due = item.due;
      if (!due) {
        ctx.report({
          range: headRange(model, item),
          message: `No due date: add an absolute date, e.g. 'due ${example}'.`,
          fixes: () => [dueFix(model, item, today)],
        });
      } else if (due.kind === 'phrase') {
        // "by Feb 12": a date, but a reader a year on cannot tell which year
        const day = yearlessDay(due.text);
        const withYear = day && `${today.slice(0, 4)}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
        ctx.report({
          range: due.range,
          message: withYear ? fit("'", due.text, `' has no year: write the full date, e.g. ${withYear}.`) : fit("'", due.text, `' is not a date: write an absolute date, e.g. ${example}.`),
          fixes: () => [dueFix(model, item, today)],
        });
      } else if (due.ambiguous) {
        const [y, m, d] = due.iso.split('-');
        const swapped = `${y}-${d}-${m}`;
        const fixes = (): Fix[] => [
          { title: `Write it as ${due.iso} (${spoken(due.iso)})`, edits: [{ range: due.range, newText: due.iso }], safe: false },
          { title: `Write it as ${swapped} (${spoken(swapped)})`, edits: [{ range: due.range, newText: swapped }], safe: false },
        ];
        ctx.report({
          range: due.range,
          severity: 'hint',
          message: fit("'", due.text, `' could be ${spoken(due.iso)} or ${spoken(swapped)}: write it as ISO (YYYY-MM-DD).`),
          fixes,
        });
      }
    }
  },
};

export default rule;
