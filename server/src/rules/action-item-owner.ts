// action-item-owner: "if an action item doesn't have a name and a date, it's not real". An item nobody owns
// competes with feature work and loses; an item three people own is owned by none of them.
import type { ActionItem, Fix, Postmortem, Rule } from '../model/types';
import { rangeOf } from '../model/lines';
import { isPlaceholderOwner } from '../model/fields';
import { inHtmlBlock } from '../model/html-regions';
import { activeItems, fit, isOpen, headRange, quote, sliceOf, writeFieldEdit, words } from './support/util';

export interface OwnerOptions {
  /** Accept team handles (@sre-team, @payments-oncall) as owners. When false, a team alone is reported. */
  allowTeams: boolean;
}

const TEAM_RE = /(?:^|[-_.])(team|squad|group|oncall|on-call|crew|guild|sre|ops|devops|platform|eng|engineering)$/i;

export const PLACEHOLDER = '@owner';

const ownersByModel = new WeakMap<Postmortem, string[]>();

/** Distinct owners written anywhere in the document, in order of first use (computed once per model: every ownerless item's fix asks). */
export function documentOwners(model: Postmortem): string[] {
  const cached = ownersByModel.get(model);
  if (cached) return cached;
  const seen = new Map<string, string>();
  for (const i of model.actionItems) {
    for (const o of i.owners) {
      const k = o.value.toLowerCase().replace(/^@/, '');
      if (!seen.has(k)) seen.set(k, o.value);
    }
  }
  const owners = [...seen.values()];
  ownersByModel.set(model, owners);
  return owners;
}

/** A team written as an owner ("Email platform team", "@sre-team"): never offered as the one person. */
function isTeam(name: string): boolean {
  return TEAM_RE.test(name.replace(/^@/, '').trim().split(/\s+/).pop() ?? '');
}

/**
 * Owners to offer, as people wrote them: a person's name or handle, never a team, never a handle made up from a
 * multi-word cell. Inline text needs a handle to be read back as the owner, so there a bare one-word name gets an @
 * and a name of several words is left out.
 */
export function ownerChoices(owners: string[], form: 'handle' | 'name', description: string): { label: string; value: string; description: string; title: string }[] {
  const out: { label: string; value: string; description: string; title: string }[] = [];
  const seen = new Set<string>();
  for (const raw of owners) {
    const o = raw.trim();
    if (!o || isTeam(o) || isPlaceholderOwner(o)) continue;
    const value = form === 'name' || o.startsWith('@') ? o : /^[\p{L}\p{N}_.-]+$/u.test(o) ? '@' + o : undefined;
    if (!value || seen.has(value.toLowerCase().replace(/^@/, ''))) continue;
    seen.add(value.toLowerCase().replace(/^@/, ''));
    out.push({ label: value, value, description, title: `Assign to ${value}` });
  }
  return out;
}

/** "Assign an owner…": writes `@owner` (or the answer) where the item's format keeps its owner. */
export function ownerFix(model: Postmortem, item: ActionItem): Fix {
  const inTable = item.table && item.table.columns.owner !== undefined;
  const subBullet = !item.table && item.subItems.length > 0 && !inHtmlBlock(model, item.range.start.offset);
  const edit =
    item.ownerPlaceholder && !item.table
      ? { range: item.ownerPlaceholder.range, newText: PLACEHOLDER }
      : writeFieldEdit(model, item, 'owner', PLACEHOLDER, (v) => ` — ${v}`, 'Owner');
  const ownerForm = inTable || subBullet ? 'name' : 'handle';
  const choices = ownerChoices(documentOwners(model), ownerForm, 'already an owner in this postmortem');
  return {
    title: 'Assign an owner…',
    edits: [edit],
    safe: false,
    preferred: true,
    prompt: {
      kind: 'owner',
      placeholder: PLACEHOLDER,
      question: `Who owns "${quote(words(model, item), 50)}"? One person, e.g. @alice.`,
      choices,
      ownerForm,
    },
  };
}

const rule: Rule<OwnerOptions> = {
  id: 'action-item-owner',
  description: 'Every open action item names exactly one owner.',
  defaultSeverity: 'warning',
  defaultOptions: { allowTeams: true },
  optionsSchema: {
    type: 'object',
    properties: {
      allowTeams: {
        type: 'boolean',
        default: true,
        description: 'Accept a team handle (@sre-team) as the owner. Set to false to require a person.',
      },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const { model } = ctx;
    for (const item of activeItems(model)) {
      if (!isOpen(item)) continue;
      if (item.owners.length === 0) {
        if (item.ownerPlaceholder) {
          const ph = item.ownerPlaceholder.text || item.ownerPlaceholder.value;
          ctx.report({
            range: item.ownerPlaceholder.range.start.offset === item.ownerPlaceholder.range.end.offset ? headRange(model, item) : item.ownerPlaceholder.range,
            message: fit("'", ph, "' is not an owner: name the one person who will drive it, e.g. @alice."),
            fixes: () => [ownerFix(model, item)],
          });
        } else {
          ctx.report({
            range: headRange(model, item),
            message: 'No owner: name the one person who will drive it, e.g. @alice.',
            fixes: () => [ownerFix(model, item)],
          });
        }
        continue;
      }
      if (item.owners.length > 1) {
        const names = item.owners.map((o) => o.text || o.value);
        const first = item.owners[0].range;
        const last = item.owners[item.owners.length - 1].range;
        const range = first.start.line === last.end.line ? rangeOf(model.lines, first.start.offset, last.end.offset) : headRange(model, item);
        ctx.report({
          range,
          message: fit(`${names.length} owners (`, names.join(', '), '): pick the one who is accountable; the others can help.'),
        });
        continue;
      }
      if (!ctx.options.allowTeams) {
        const o = item.owners[0];
        if (TEAM_RE.test(o.value.replace(/^@/, ''))) {
          ctx.report({
            range: o.range,
            message: fit("'", sliceOf(model, o.range), "' is a team, not a person: name the one person who will drive it."),
          });
        }
      }
    }
  },
};

export default rule;
