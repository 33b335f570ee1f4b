// undefined-acronym: a postmortem is read a year later by people who were not in the room, often from other teams.
// An acronym the team uses every day ("the PDB let every pod restart", "the ODS lagged") stops them cold. Each
// acronym the document never expands, inline or in a Glossary, and that is not on the well-known list, is reported
// once, at its first use in the prose; the fix adds a Glossary entry for the writer to fill.
import type { Fix, Postmortem, Rule } from '../model/types';
import { rangeOf } from '../model/lines';
import { proseText } from '../model/facts';
import { acronymsOf, type Acronym } from '../model/acronyms';
import { WELL_KNOWN_ACRONYMS } from '../model/acronym-lists';

interface Options {
  /** Acronyms every reader knows, on top of the built-in list (HTTP, DNS, API, CPU, SLO…). */
  known: string[];
  /** Use the built-in list of well-known acronyms. */
  builtinKnown: boolean;
}

/**
 * Uses a reader stumbles on: the writer's prose and tables; not headings (often product names), link texts, quoted
 * words (a chat log, an error message) or lists of initials ("- RF, PW, EC").
 */
function readerUses(a: Acronym) {
  return a.uses.filter((u) => !u.heading && !u.link && !u.quoted && !u.onlyAcronyms);
}

/**
 * Terms the rule stays quiet on, where it cannot tell an acronym from something else: two letters (initials, country
 * codes, time zones), five letters or more (shouted words: URGENT, OUTER), a letter repeated (XXX, ZZZ placeholders).
 */
function ambiguous(term: string): boolean {
  const letters = term.replace(/[^A-Z]/g, '');
  if (/^[A-Z]{2}$/.test(term) || /^[A-Z]{5,}$/.test(term)) return true;
  return /^(.)\1+$/.test(letters);
}

/** The edit that adds "- TERM: <…>" to the Glossary section, or a Glossary section at the end. */
function glossaryFix(model: Postmortem, term: string): Fix {
  const { glossarySection } = acronymsOf(model);
  const text = model.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const placeholder = `<what ${term} stands for, and what it is here>`;
  let at: number;
  let newText: string;
  if (glossarySection) {
    // after the last non-blank line of the section's own content (or right after its heading)
    const own = glossarySection.ownContentRange;
    // the prose, so that a trailing HTML comment or code block is not where the entry lands after
    const body = proseText(model).slice(own.start.offset, own.end.offset);
    const trimmed = body.trimEnd();
    at = own.start.offset + trimmed.length;
    const lastLine = trimmed.slice(trimmed.lastIndexOf('\n') + 1);
    if (/^\s*\|/.test(lastLine)) {
      const columns = Math.max(2, lastLine.trim().replace(/^\||\|$/g, '').split('|').length);
      newText = `${eol}| ${term} | ${placeholder} |${' |'.repeat(columns - 2)}`;
    } else {
      newText = trimmed.trim() ? `${eol}- ${term}: ${placeholder}` : `${eol}${eol}- ${term}: ${placeholder}`;
    }
  } else {
    const depth = model.allSections.find((s) => s.kind)?.depth ?? 2;
    const trimmed = text.trimEnd();
    at = trimmed.length;
    newText = `${trimmed.length ? eol + eol : ''}${'#'.repeat(depth)} Glossary${eol}${eol}- ${term}: ${placeholder}${eol}`;
  }
  const pos = rangeOf(model.lines, at, glossarySection ? at : text.length);
  return { title: `Add '${term}' to the Glossary`, edits: [{ range: pos, newText }], safe: false, preferred: true, template: true };
}

const rule: Rule<Options> = {
  id: 'undefined-acronym',
  description: 'Every acronym a reader may not know is expanded once, inline or in a Glossary section.',
  // off by default: see the docs page (whether a reader knows an acronym is a judgement a list cannot make)
  defaultSeverity: 'off',
  defaultOptions: { known: [], builtinKnown: true },
  optionsSchema: {
    type: 'object',
    properties: {
      known: {
        type: 'array',
        items: { type: 'string' },
        description: 'Acronyms your readers know without an expansion, on top of the built-in list (HTTP, DNS, API, CPU, SLO…).',
      },
      builtinKnown: { type: 'boolean', description: 'Use the built-in list of well-known acronyms.' },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const { model } = ctx;
    const facts = acronymsOf(model);
    const known = new Set([...(ctx.options.builtinKnown === false ? [] : WELL_KNOWN_ACRONYMS), ...(ctx.options.known ?? [])].map((k) => String(k).toUpperCase()));
    for (const a of facts.byTerm.values()) {
      if (a.expansion || known.has(a.term.toUpperCase()) || ambiguous(a.term)) continue;
      // "CAT1", "ERC20": a numbered form of a term that is known or expanded
      const base = a.term.replace(/\d+$/, '');
      if (base !== a.term && (known.has(base) || facts.byTerm.get(base)?.expansion || ambiguous(base) || base.length < 2)) continue;
      const uses = readerUses(a);
      if (!uses.length) continue;
      // "CRITICAL" next to "critical", or a long word used once: shouting, not an acronym
      if (/^[A-Z]+$/.test(a.term) && facts.lowerWords.has(a.term.toLowerCase())) continue;
      const first = uses[0];
      ctx.report({
        range: rangeOf(model.lines, first.start, first.end),
        message: `'${a.term}' is never expanded: spell it out on first use or add it to a Glossary.`,
        fixes: () => [glossaryFix(model, a.term)],
      });
    }
  },
};

export default rule;
