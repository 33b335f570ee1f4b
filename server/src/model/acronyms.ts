// Acronyms as a fact of the model, computed once: every acronym the prose uses, where, and the expansion the
// document gives for it (inline "Service Level Objective (SLO)", "SLO (Service Level Objective)", or a Glossary
// entry). The reader view's glossary and the undefined-acronym rule both read this. Pure: reads only the model.
import type { Postmortem, Section } from './types';
import { plainProse, proseText, sectionsOf } from './facts';
import { NOT_ACRONYMS } from './acronym-lists';

/** One use of an acronym in the prose (document offsets), with what surrounds it. */
export interface AcronymUse {
  start: number;
  end: number;
  /** Written as a plural ("PRs"): `end` stops before the "s". */
  plural: boolean;
  /** In a heading line. */
  heading: boolean;
  /** In a link's text ("[ADR-12](…)", "[SRE book](…)"). */
  link: boolean;
  /** In the Glossary section (a definition, not a use). */
  glossary: boolean;
  /** In a table row. */
  table: boolean;
  /** In a blockquote or a "quoted" span: someone else's words (a chat log, an error message). */
  quoted: boolean;
  /** The block is only acronyms ("- RF, PW, EC": people's initials). */
  onlyAcronyms: boolean;
}

export interface Acronym {
  term: string;
  /** Uses outside the Glossary section, in document order. */
  uses: AcronymUse[];
  expansion?: string;
  /** Where the expansion came from: the Glossary section or an inline expansion. */
  source?: 'glossary' | 'inline';
}

export interface AcronymFacts {
  /** Acronyms and Glossary terms, keyed by term (terms the Glossary defines that are not acronyms included). */
  byTerm: Map<string, Acronym>;
  /** The Glossary section (top-most), where an entry would go. */
  glossarySection?: Section;
  /** Lower-case words of the prose (to tell SHOUTING from acronyms: "CRITICAL" next to "critical"). */
  lowerWords: Set<string>;
}

const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'to', 'in', 'on', 'a', 'an', 'as', 'at', 'by', 'with', '&']);
// Two or more capitals (digits allowed inside), an optional plural "s"; not inside a word, a path, a handle, a
// ticket key (PAY-881), a version (V2.1) or a domain (AWS.amazon.com). Each capital after the first ends one turn
// of the loop, so a run of capitals splits one way only (`[A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*` tried every split: quadratic).
const ACRONYM_RE = /(?<![\p{L}\p{N}_@#/.$-])([A-Z](?:[0-9&]*[A-Z])+[0-9]*)(s)?(?![\p{L}\p{N}_]|-\d|\.\w)/gu;

function isAcronym(term: string): boolean {
  if (term.length > 10 || NOT_ACRONYMS.has(term)) return false;
  if (/^(SEV|P|Q|H|V|CVE|RFC)\d*$/.test(term)) return false;
  if ((term.match(/[A-Z]/g) ?? []).length < 2) return false;
  return true;
}

function initials(words: string[], keepSmall: boolean): string {
  return words
    .filter((w) => keepSmall || !SMALL_WORDS.has(w.toLowerCase()))
    .flatMap((w) => w.split(/[-/]/))
    .filter(Boolean)
    .map((w) => w[0])
    .join('')
    .toUpperCase();
}

/** Does this run of words spell the acronym by initials (ignoring small words, or counting them)? */
function spells(words: string[], acronym: string): boolean {
  const target = acronym.replace(/[^A-Z]/g, '');
  if (!target) return false;
  return initials(words, false) === target || initials(words, true) === target;
}

/** "Service Level Objective (SLO)": the shortest run of words before the parenthesis that spells the acronym. */
function expansionBefore(before: string, acronym: string): string | undefined {
  const words = before.replace(/[*_`[\]]/g, '').trim().split(/\s+/).filter(Boolean).slice(-10);
  for (let k = 1; k <= words.length; k++) {
    const cand = words.slice(-k);
    if (!/^\p{L}/u.test(cand[0])) continue;
    if (spells(cand, acronym)) return cand.join(' ').replace(/^[^\p{L}]+/u, '');
  }
  return undefined;
}

/** A run of prose: a paragraph (its lines joined), a list item's first lines, a heading or a table row. */
export interface ProseBlock {
  start: number;
  end: number;
  kind: 'paragraph' | 'heading' | 'tableRow';
}

/** The prose blocks of a range of the document, read from the prose text (code, HTML, front matter blanked). */
export function proseBlocksOf(model: Postmortem, from = 0, to = model.text.length): ProseBlock[] {
  const prose = proseText(model);
  const out: ProseBlock[] = [];
  let open: ProseBlock | undefined;
  const first = model.lines.positionAt(from).line;
  for (let l = first; l < model.lines.lineCount; l++) {
    const s = model.lines.lineStart(l);
    if (s >= to) break;
    const e = Math.min(model.lines.lineEnd(l), to);
    const line = prose.slice(s, e);
    if (!line.trim()) {
      open = undefined;
      continue;
    }
    // a heading, a table row, or a line that is only bold text ("**My CH21 balance is wrong?**") acting as one
    if (/^\s{0,3}#{1,6}(?:\s|$)/.test(line) || /^\s*\|/.test(line) || /^\s*(?:\*\*|__)[^*_\n]+(?:\*\*|__)\s*$/.test(line)) {
      open = undefined;
      out.push({ start: s, end: e, kind: /^\s*\|/.test(line) ? 'tableRow' : 'heading' });
      continue;
    }
    if (!open || /^\s*(?:[-*+]|\d{1,9}[.)])\s/.test(line)) {
      open = { start: s, end: e, kind: 'paragraph' };
      out.push(open);
    } else open.end = e;
  }
  return out;
}

const GLOSSARY_LINE_RE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?([^:=—–]{1,60}?)(?:\*\*|__)?\s*(?:\(([^)]{1,80})\))?\s*(?::|=|—|–|\s-\s)\s*(.+)$/;

/** Terms defined in the Glossary section: "TERM: definition", "**TERM** — definition", table rows "| TERM | definition |". */
function glossaryDefinitions(model: Postmortem, section: Section | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!section) return out;
  const prose = proseText(model);
  for (const b of proseBlocksOf(model, section.bodyRange.start.offset, section.bodyRange.end.offset)) {
    const text = prose.slice(b.start, b.end);
    if (b.kind === 'heading') continue;
    if (b.kind === 'tableRow') {
      const cells = text.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.replace(/[*_`]/g, '').trim());
      if (cells.length < 2 || cells.every((c) => /^:?-{2,}:?$/.test(c) || !c)) continue;
      const term = cells[0];
      const def = cells.slice(1).filter(Boolean).join(' — ');
      if (term && def && !/^(term|acronym|abbreviation|name|word)s?$/i.test(term)) out.set(term, def);
      continue;
    }
    for (const line of text.split('\n')) {
      // whitespace runs collapsed: the expression's optional blanks around a ≤ 60-character term cannot multiply
      const m = GLOSSARY_LINE_RE.exec(line.replace(/\s+/g, ' '));
      if (!m) continue;
      const term = m[1].replace(/[*_`[\]]/g, '').trim();
      const def = (m[2] ? m[2] + ': ' : '') + m[3].trim();
      if (term && def && term.split(/\s+/).length <= 5) out.set(term, def);
      // "Service Level Objective (SLO): …" defines the acronym too
      if (m[2] && /^[A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*$/.test(m[2].trim()) && !out.has(m[2].trim())) out.set(m[2].trim(), term);
    }
  }
  return out;
}

const memo = new WeakMap<Postmortem, AcronymFacts>();

/** The acronyms of a document (memoised per model). */
export function acronymsOf(model: Postmortem): AcronymFacts {
  const hit = memo.get(model);
  if (hit) return hit;
  const value = compute(model);
  memo.set(model, value);
  return value;
}

function compute(model: Postmortem): AcronymFacts {
  const prose = proseText(model);
  const plain = plainProse(model);
  const byTerm = new Map<string, Acronym>();
  const glossarySection = sectionsOf(model, 'glossary')[0];
  const glossaries = sectionsOf(model, 'glossary');
  const inGlossary = (at: number) =>
    glossaries.some((s) => at >= s.bodyRange.start.offset && at < s.bodyRange.end.offset);
  // link texts, from the source: "[text](" (the prose keeps the text and blanks the destination)
  const links: [number, number][] = [];
  for (const m of model.text.matchAll(/\[([^\]\n]{0,300})\]\(/g)) links.push([m.index + 1, m.index + 1 + m[1].length]);
  const inLink = (at: number) => links.some(([s, e]) => at >= s && at < e);

  for (const b of proseBlocksOf(model)) {
    const text = prose.slice(b.start, b.end);
    // most blocks hold no capitalised term: the checks of the whole block below are only read for one that does
    const found = [...text.matchAll(ACRONYM_RE)];
    if (!found.length) continue;
    const letters = text.replace(/[^\p{L}]/gu, '');
    const lower = letters.replace(/[^\p{Ll}]/gu, '').length;
    // SHOUTED LINES ARE NOT FULL OF ACRONYMS
    if (letters.length > 12 && lower < letters.length / 4) continue;
    // every word in capitals (a plural "s" allowed): a list of initials, "RF, PW, EC"
    const onlyAcronyms = text.split(/[^\p{L}\p{N}&]+/u).every((w) => !/\p{Ll}/u.test(w.endsWith('s') ? w.slice(0, -1) : w));
    for (const m of found) {
      const term = m[1];
      if (!isAcronym(term)) continue;
      const at = b.start + m.index;
      let a = byTerm.get(term);
      if (!a) {
        a = { term, uses: [] };
        byTerm.set(term, a);
      }
      const glossary = inGlossary(at);
      if (!glossary) {
        const heading = b.kind === 'heading';
        const quoted = !heading && !plain.slice(at, at + term.length).trim();
        a.uses.push({ start: at, end: at + term.length, plural: !!m[2], heading, link: inLink(at), glossary, table: b.kind === 'tableRow', quoted, onlyAcronyms });
      }
      if (a.expansion) continue;
      const before = text.slice(0, m.index);
      // a definition follows within a line's reach: 300 characters bound the expressions below
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 300);
      // "Words (SLO)"
      if (/\(\s*$/.test(before) && /^\s*\)/.test(after)) {
        const exp = expansionBefore(before.replace(/\(\s*$/, ''), term);
        if (exp) {
          a.expansion = exp.replace(/\s+/g, ' ');
          a.source = 'inline';
          continue;
        }
      }
      // "Spacebucks (SBX)", "Stably USD (USDS)": a name and its abbreviation, even when not by initials
      if (/\(\s*$/.test(before) && /^\s*\)/.test(after)) {
        // up to five capitalised words right before the parenthesis, read word by word
        const tail = before.slice(-160).replace(/\(\s*$/, '').trim().split(/\s+/);
        const words: string[] = [];
        for (let i = tail.length - 1; i >= 0 && words.length < 5 && /^\p{Lu}[\p{L}\p{N}-]*$/u.test(tail[i]); i--) words.unshift(tail[i]);
        const name = words.join(' ');
        if (name && name !== term) {
          a.expansion = name;
          a.source = 'inline';
          continue;
        }
      }
      // "SLO: Service Level Objective", "IPS team: Infrastructure, Platforms, and Security", "a CAT is a Chia Asset
      // Token", "SLO stands for …"
      const defined = /^(?:\s+\p{L}+)?\s*(?::|=|—|–|\s-|,?\s+or|\s+is\s+(?:an?|the)|\s+stands\s+for|\s+means)\s+([^\n.;()]{3,120})/u.exec(after);
      if (defined) {
        const words = defined[1].replace(/[*_`,]/g, ' ').trim().split(/\s+/).slice(0, 10);
        for (let k = 1; k <= words.length; k++) {
          if (/^\p{Lu}/u.test(words[0]) && spells(words.slice(0, k), term)) {
            a.expansion = words.slice(0, k).join(' ');
            a.source = 'inline';
            break;
          }
        }
        if (a.expansion) continue;
      }
      // "SLO (Service Level Objective)"
      const paren = /^\s*\(([^()]{3,80})\)/.exec(after);
      if (paren) {
        const words = paren[1].replace(/[*_`]/g, '').trim().split(/\s+/);
        if (spells(words, term) || (words.length >= 2 && words[0][0]?.toUpperCase() === term[0] && /^\p{Lu}/u.test(words[0]))) {
          a.expansion = paren[1].replace(/\s+/g, ' ').trim();
          a.source = 'inline';
        }
      }
    }
  }

  for (const [term, def] of glossaryDefinitions(model, glossarySection)) {
    // a term of a glossary line is at most 60 characters; a table cell may be longer: only short ones are read
    const short = term.length <= 60 ? term : '';
    const acronymTerm = /^[A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*s?$/.test(short) ? term.replace(/s$/, '') : undefined;
    const key = acronymTerm && byTerm.has(acronymTerm) ? acronymTerm : acronymTerm ?? term;
    const a = byTerm.get(key) ?? { term: key, uses: [] };
    a.expansion = def;
    a.source = 'glossary';
    byTerm.set(key, a);
    // "SLO / Service Level Objective: …" defines the acronym too
    const inner = /\b([A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*)\b/.exec(short);
    if (inner && inner[1] !== key) {
      const b = byTerm.get(inner[1]);
      if (b && !b.expansion) {
        b.expansion = def;
        b.source = 'glossary';
      }
    }
  }

  const lowerWords = new Set<string>();
  for (const m of prose.matchAll(/\b\p{Ll}{2,}\b/gu)) lowerWords.add(m[0]);
  return { byTerm, glossarySection, lowerWords };
}
