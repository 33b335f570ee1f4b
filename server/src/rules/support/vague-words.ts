// The words and phrase shapes action-item-vague weighs: verb classes (deliberating, researching, improving,
// producing), abstract and generic objects, concrete anchors (numbers with units, code, files, proper names), the
// normalising of an item's text (lemmas, labels, the subject before "will"), a research item's question, an object
// and what qualifies it, a purpose clause and a finish line. Pure functions of the text.
import { replaceHtmlComments } from '../../model/scan';
import { ALL_VERBS, DELIBERATE, IMPROVE, lemma, PEOPLE, PRODUCE, RESEARCH } from '../../model/verbs';

// the verb classes live in the model (an item written as a to-do is a fact of the model); re-exported for the rule
export { ALL_VERBS, DELIBERATE, IMPROVE, lemma, PEOPLE, PRODUCE, RESEARCH };

// ------------------------------------------------------------------------------------------------
// Word classes

/** Nouns that name a kind of work rather than a thing: need something concrete attached. */
const ABSTRACT = new Set([
  'monitoring', 'alerting', 'alerts', 'alarms', 'testing', 'tests', 'checks', 'process', 'processes', 'procedures',
  'communication', 'communications', 'documentation', 'docs', 'observability', 'visibility', 'resilience',
  'reliability', 'robustness', 'stability', 'durability', 'availability', 'coverage', 'guardrails', 'safeguards',
  'safety', 'quality', 'tooling', 'tools', 'automation', 'validation', 'strategy', 'strategies', 'approach', 'approaches', 'plan',
  'practices', 'culture', 'awareness', 'techniques', 'handling', 'response', 'processes', 'security', 'posture',
  'readiness', 'hygiene', 'governance', 'oversight', 'ownership', 'standards', 'things', 'improvements', 'measures',
  'controls', 'review', 'reviews', 'capabilities', 'capacity', 'performance', 'efficiency', 'maturity',
  // "Build a better system to provide status updates": which system, and better by how much
  'system', 'systems', 'solution', 'solutions',
]);
/** Objects so general that they name nothing: "issues", "the system", "everything". */
export const GENERIC_OBJECT_RE =
  /^(?:(?:the|our|all|any|every|similar|such|these|those|future|potential|possible|other|remaining|previously \w+|various|general|overall|more|better)\s+)*(?:issues?|problems?|failures?|failure modes?|incidents?|errors?|things?|stuff|events?(?: such as this)?|the system|systems?|infrastructure|services?|components?|platform|everything|anything|cases?|scenarios?|this|it|them|areas?|bottlenecks?|gaps?|weaknesses|risks?|application and infrastructure|application|applications|end[- ]to[- ]end)\b/i;
export const ASPIRATION_RE =
  /\b(?:be|is|are|become|becomes|remain|stay|get)\s+(?:more\s+|much\s+|very\s+)?(?:easy|easier|robust|resilient|reliable|stable|mature|modern|better|generic|high[- ]quality|careful|safer|faster|simpler|visible|transparent|proactive|aware)\b|\bhigh[- ]quality\b|\beasy to (?:understand|maintain|use|expand|validate)\b|\bmake (?:it|this|them|things|everything|the \w+|our \w+(?: \w+)?)\s+(?:more|less|better)\b|\bmore (?:mature|modern|robust|resilient|reliable|generic|careful|thorough|comprehensive|visible|stable|efficient)\b|\bmore closely (?:mirror|match|resemble|reflect|follow|track)\w*\b|\b(?:going forward|in the future|from now on),? (?:we|the team)\b.{0,40}\b(?:more|better)\b/i;
/** "more tests", "better alerting", "additional monitoring", "more thorough testing". */
export const COMPARATIVE_ABSTRACT_RE = new RegExp(
  `\\b(?:more|better|improved|additional|extra|stronger|further|increased|proper|enhanced|greater|comprehensive|smarter|clearer|more robust)\\s+(?:[a-z-]+\\s+){0,2}?(${[...ABSTRACT].join('|')})\\b`,
  'i',
);

/**
 * "Regular training for the engineering folks", "Regular communication and coordination between the relevant teams",
 * "Stricter backup validation": a practice with no schedule and no bar. Only activities (not "a formal regular process
 * for deploying security updates", which names its process); a number ("every 2 weeks") anchors it.
 */
export const REGULAR_ACTIVITY_RE = /\b(?:regular|stricter|tighter)\s+(?:[a-z-]+\s+)?(?:training|communication|coordination|reviews?|testing|tests|checks|validation|monitoring|audits?|controls)\b/i;

// ------------------------------------------------------------------------------------------------
// Concrete anchors

/** A measurable anchor: a number with a unit, a threshold, a before → after, a code span, a file or a command. */
export const MEASURABLE_RE =
  /`[^`]+`|"[^"\n]{4,}"|\b\d+(?:[.,]\d+)?\s*(?:%|ms|s|sec|secs|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|gb|mb|kb|tb|x|rps|qps|req\/s|replicas?|nodes?|pods?|connections?|retries|attempts|times)\b|(?<!\d)\d+\s*(?:→|->|to)\s*\d|[<>≤≥]=?\s*\d|\b(?:exceeds?|above|below|over|under|at least|at most)\s+\d|\bp(?:50|90|95|99|999)\b|(?<![\w-])[\w-]+\.(?:ya?ml|json|tf|ts|js|py|go|rb|sh|md|toml|ini|conf|cfg|sql)\b|(?:^|\s)\/[\w.-]+\/[\w./-]+/i;
/**
 * A phrase of four characters or more in curly quotes (“…”), part of the measurable anchors, read in one pass: as an
 * alternative of MEASURABLE_RE, `“[^”\n]{4,}”` rescanned the rest of the line from every opening quote.
 */
export function curlyQuoted(s: string): boolean {
  let open = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '”') {
      if (open >= 0 && i - open > 4) return true;
      open = -1;
    } else if (c === '\n') open = -1;
    else if (c === '“' && open < 0) open = i;
  }
  return false;
}
/**
 * An endpoint named by its path, also a measurable anchor: "check /metrics endpoint", "the /healthz route". Word by
 * word (a path alternative in MEASURABLE_RE made it quadratic).
 */
export function namedEndpoint(s: string): boolean {
  const words = s.split(/[\s(),;"“”]+/);
  return words.some((w, i) => w.length > 1 && w.length <= 60 && w[0] === '/' && /^[a-z]$/i.test(w[1]) && ENDPOINT_WORDS.has((words[i + 1] ?? '').toLowerCase()));
}
const ENDPOINT_WORDS = new Set(['endpoint', 'endpoints', 'route', 'path', 'url', 'handler']);
/** Proper names and identifiers: Kubernetes, KIAM, ADFS, priority-classes, `isDisabled`, pg_bouncer, eu-west-1. */
export function specificAnchors(s: string): string[] {
  const out: string[] = [];
  const words = s.split(/[\s(),;:"“”]+/).filter(Boolean);
  words.forEach((w, i) => {
    const clean = w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (!clean) return;
    if (/^[A-Z]{2,}s?$/.test(clean) && !/^(?:SRE|SRES|SLA|SLAS|SLO|SLOS|PR|PRS|QA|IT|OK|TBD|TODO|AND|OR|THE|ALL)$/.test(clean)) out.push(clean);
    else if (i > 0 && /^[A-Z][a-z]+[A-Z0-9]?\w*$/.test(clean) && !/^(?:We|I|The|This|That|It|In|For|To|If|Our|Also|And|Or|Then|When|Ensure|Team|Teams)$/.test(clean)) out.push(clean);
    else if (/^[a-z]+[A-Z]\w*$/.test(clean) || /\w_\w/.test(clean) || /^[a-z0-9]+(?:-[a-z0-9]+){1,}$/.test(clean) && /\d|[a-z]{3,}-[a-z]{3,}/.test(clean) && !/^(?:end-to-end|follow-up|long-term|short-term|day-to-day|up-to-date|real-time|on-call|in-depth|third-party|well-known|e2e)$/.test(clean)) out.push(clean);
  });
  return out;
}

// ------------------------------------------------------------------------------------------------
// Normalising the text

/** Strip status marks, checkboxes, links' destinations and emphasis; keep code spans (they are anchors). */
export function clean(md: string): string {
  return replaceHtmlComments(md, ' ')
    .replace(/!\[[^[\]]*\]\([^()]*\)/g, ' ')
    .replace(/\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/<(https?:[^<>]+)>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/^\s*(?:\[[ xX]?\]\s*)?(?:(?:✅|✔️?|☑️?|❌)\s*)*/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "**Label**: rest" → { label, rest }. */
export function splitLabel(s: string): { label?: string; rest: string } {
  const m = /^\*\*([^*]{2,80}?)\*\*\s*[:：]?\s*(.*)$/s.exec(s) ?? /^__([^_]{2,80}?)__\s*[:：]?\s*(.*)$/s.exec(s);
  if (m) return { label: m[1].replace(/[:：]\s*$/, '').trim(), rest: m[2].trim() };
  return { rest: s };
}

export const firstSentence = (s: string) => {
  const m = /^(.*?[.!?])(?=\s+[A-Z(])/s.exec(s.replace(/\b(?:e\.g|i\.e|etc|vs|aka)\./gi, (x) => x.replace(/\./g, '\u2024')));
  return (m ? m[1] : s).replace(/\u2024/g, '.');
};

/** "We should consider", "The IPS team is continuing to", "Cloud Platform will" → the words after the subject. */
const SUBJECT_RE =
  /^(?:(?:going forward|in the future|from now on|as a follow[- ]up|as part of (?:the )?remediation),?\s+)?(?:(?:[\w&'’-]+\s+){0,4}?)(?:will|shall|should|must|needs? to|have to|has to|(?:is|are|am)\s+(?:(?:obviously|certainly|clearly|also|definitely)\s+)?going to|plan(?:s)? to|want(?:s)? to|would like to|intends? to|(?:am|is|are) hoping to|hopes? to|(?:is|are) continuing to|(?:am|is|are|have been|has been|we've been|we have been)(?=\s+\w+ing\b)|'ll|can|could)\s+(?:also\s+|then\s+|now\s+|first\s+|definitely\s+)?(?:be able to\s+)?/i;
const SUBJECT_OK_RE = /^(?:going forward,?\s+|in the future,?\s+|from now on,?\s+|as a follow[- ]up,?\s+|as part of (?:the )?remediation,?\s+)?(?:(?:we|i|you|they|us|team|the|our|a|an|this|[A-Z][\w&'’-]*|[a-z]+)\s+){0,4}$/;
const CONCESSION_RE = /^(?:even if|even though|although|while)\s[^,]{3,80},\s+/i;
const SUBJECT_STOP = /\b(?:for|when|if|that|of|in|on|with|so|from|by|before|after|about|whether|how|why|what|which)\b/i;

export function stripSubject(told: string): string {
  // "We’re considering …", "I'm hoping to …": the contracted verb of the subject written out
  const s = told.replace(/^((?:(?:but|and|so)\s+)?[A-Za-z]+)['’](re|m)\s/i, (_, who: string, v: string) => `${who} ${v.toLowerCase() === 're' ? 'are' : 'am'} `);
  // "Even if we keep deleting at once, we should …": a concession before the subject is not the item
  const lead = CONCESSION_RE.exec(s);
  if (lead) {
    const rest = s.slice(lead[0].length);
    const stripped = stripSubject(rest);
    if (stripped !== rest) return stripped;
  }
  const m = SUBJECT_RE.exec(s);
  if (!m) return told;
  const head = s.slice(0, m[0].length).replace(/(?:will|shall|should|must|needs? to|have to|has to|(?:is|are|am)\s+(?:(?:obviously|certainly|clearly|also|definitely)\s+)?going to|plans? to|wants? to|would like to|intends? to|(?:am|is|are) hoping to|hopes? to|(?:is|are) continuing to|am|is|are|have been|has been|we've been|we have been|'ll|can|could)\s+(?:also\s+|then\s+|now\s+|first\s+|definitely\s+)?(?:be able to\s+)?$/i, '');
  if (SUBJECT_STOP.test(head) || !SUBJECT_OK_RE.test(head)) return told;
  const continuing = /continuing to\s*$|\bcontinue\b/i.test(s.slice(0, m[0].length));
  return (continuing ? 'continue to ' : '') + s.slice(m[0].length);
}

// ------------------------------------------------------------------------------------------------
// Research with a question

const QUESTION_WORDS = new Set(['whether', 'if', 'why', 'how', 'what', 'which', 'who', 'where', 'when']);
/** Words that carry no subject matter in a question: pronouns, auxiliaries, fillers, "the issue", "again". */
const QUESTION_FILLER = new Set([
  'this', 'that', 'these', 'those', 'it', 'its', 'they', 'them', 'their', 'we', 'our', 'us', 'you', 'he', 'she', 'there',
  'the', 'a', 'an', 'any', 'some', 'all', 'of', 'to', 'in', 'on', 'at', 'for', 'from', 'by', 'with', 'and', 'or', 'as',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'do', 'does', 'did', 'done', 'has', 'have', 'had', 'can',
  'could', 'should', 'would', 'will', 'shall', 'may', 'might', 'must', 'not', 'no', 'also', 'still', 'again', 'really',
  'issue', 'issues', 'problem', 'problems', 'incident', 'outage', 'happen', 'happened', 'happens', 'occur', 'occurred',
  'went', 'go', 'goes', 'wrong', 'cause', 'caused', 'causes', 'way', 'ways', 'thing', 'things', 'something', 'anything',
  'need', 'needs', 'needed', 'get', 'make', 'prevent', 'avoid', 'recur', 'so', 'such', 'more', 'less', 'better', 'best',
  'improve', 'improved', 'safer', 'faster', 'easier', 'future', 'next', 'time', 'here', 'now', 'same', 'other',
]);
/**
 * A question that leaves the finish line open: "how to make it better", "whether we could improve things", "which of
 * the scaling topics are useful for us" (a judgement of worth, with no criterion).
 */
const PREFERRED_RE = /\b(?:even better|better yet|better still|ideally)\b/gi;
const OPEN_ENDED_RE = /\b(?:better|improve|improved|improving|safer|faster|easier|more robust|more resilient|more reliable|smarter|more (?:actionable|useful|effective|helpful|efficient|accurate|usable)|(?:useful|relevant|worthwhile|valuable|helpful) (?:for|to) us)\b/i;

/**
 * A research item that asks a concrete question is a task: "Look into if this is also an issue in Traefik 2.x",
 * "Investigate whether the retry storm came from the batch importer", "Check why the kafka-exporter alert never
 * fired". Done when the question is answered. The question must name its subject: two words of subject matter, or
 * one proper name, identifier or number ("Investigate why this happened", "Look into how to do better" stay vague),
 * and be a clause: "how to monitor the CVEs" asks for options, not a fact.
 */
export function concreteQuestion(words: string[]): boolean {
  // the question word within the first words after the verb: "Investigate missing node metrics and see if …"
  const at = words.slice(1, 10).findIndex((w) => QUESTION_WORDS.has(w.toLowerCase().replace(/[^a-z]/g, '')));
  if (at < 0) return false;
  // the question ends at a clause break or where the item's metadata starts ("— @li, due 2026-04-01")
  const clause: string[] = [];
  for (const w of words.slice(at + 2)) {
    if (/^(?:[-–—|]+|[@(].*)$/.test(w)) break;
    clause.push(w);
    if (/[.;:,]$/.test(w)) break;
  }
  // "Figure out how to monitor the CVEs" looks for an approach, like "find ways to": a question needs a clause
  if (/^to$/i.test(clause[0] ?? '')) return false;
  // "how we can test or even better stop marshaling …": "even better" says which is preferred, not a vague goal
  const text = clause.join(' ').replace(PREFERRED_RE, ' ');
  if (!text || (OPEN_ENDED_RE.test(text) && specificAnchors(text).length === 0 && !MEASURABLE_RE.test(text))) return false;
  if (specificAnchors(text).length > 0 || MEASURABLE_RE.test(text)) return true;
  const content = clause.map((w) => w.toLowerCase().replace(/[^\p{L}\p{N}-]/gu, '')).filter((w) => w.length > 1 && !QUESTION_FILLER.has(w));
  return content.length >= 2;
}


// ------------------------------------------------------------------------------------------------
// Phrase shapes

/** Words after the verb up to the first preposition or clause break: the object, and what qualifies it. */
export function objectAfter(words: string[], from: number): { object: string; qualifier: string } {
  const rest = words.slice(from);
  const obj: string[] = [];
  let qualifier = '';
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i];
    const lw = w.toLowerCase();
    // "monitoring and alerting for X": coordinated abstract nouns share the qualifier
    if (/^(?:and|or|&|\/)$/.test(lw) && ABSTRACT.has((rest[i + 1] ?? '').toLowerCase().replace(/[^a-z]/g, ''))) {
      obj.push(w);
      continue;
    }
    if (/^(?:for|of|on|in|to|at|across|with|around|from|that|which|when|where|if|whenever|against|per)$/.test(lw)) {
      qualifier = rest.slice(i + 1).join(' ');
      break;
    }
    // "security and privacy trainings": two modifiers of one head noun, not two objects
    if (/^(?:and|&)$/.test(lw) && sharedHead(rest[i + 1], rest[i + 2], rest[i + 3])) {
      obj.push(w);
      continue;
    }
    if (/^(?:and|or|so|,|-|–|—|because|since|to)$/.test(lw)) break;
    obj.push(w);
    if (/[,.;:]$/.test(w)) break;
  }
  return { object: obj.join(' ').replace(/[,.;:]+$/, ''), qualifier };
}

/**
 * "X and <modifier> <noun>": the word after "and" modifies a noun that follows it, so X modifies that noun too. Neither
 * word is a verb ("Add alerts and fix the dashboard" stays two things), the second is no particle or pronoun ("apply
 * monitoring and follow up"), and the noun ends the phrase ("for all new engineers" may follow; "extract any relevant items"
 * is a second action).
 */
function sharedHead(modifier: string | undefined, head: string | undefined, after: string | undefined): boolean {
  if (!modifier || !head || /[,.;:]$/.test(modifier)) return false;
  // the head ends the noun phrase: the item ends, or punctuation or a preposition follows
  if (after !== undefined && !/[,.;:]$/.test(head) && !/^(?:for|of|on|in|to|at|across|with|around|from|by|within)$/i.test(after)) return false;
  const m = modifier.toLowerCase();
  const h = head.toLowerCase().replace(/[,.;:]+$/, '');
  if (!/^[a-z-]+$/.test(m) || !/^[a-z-]+$/.test(h)) return false;
  if (ALL_VERBS.has(lemma(m)) || GENERIC_MODIFIER.has(m)) return false;
  return !/^(?:for|of|on|in|to|at|across|with|around|from|that|which|when|where|if|and|or|the|a|an|our|their|its|so|by|as|up|down|out|off|over|through|back|again|too|also|now|then|later|soon|it|them|this|that|any|all|some|every|each|no|more|other)$/.test(h);
}

export const GENERIC_MODIFIER = new Set([
  'the', 'our', 'a', 'an', 'all', 'any', 'some', 'more', 'better', 'new', 'proper', 'additional', 'extra', 'general',
  'overall', 'good', 'improved', 'enhanced', 'comprehensive', 'robust', 'adequate', 'appropriate', 'relevant', 'necessary',
  'further', 'existing', 'current', 'clear', 'clearer', 'stronger', 'strong', 'automated', 'automatic', 'formal', 'basic',
  'regular', 'sufficient', 'thorough', 'detailed', 'various', 'same', 'and', 'or', '&', 'of', 'its', 'their', 'my', 'your',
  // how good, not what is watched: "Implement proactive alerts", "Add smarter monitoring"
  'proactive', 'smart', 'smarter', 'effective', 'meaningful', 'actionable', 'timely', 'early', 'earlier', 'useful',
]);
export const isAbstractObject = (object: string) => {
  const ws = object.toLowerCase().replace(/[^a-z\s/-]/g, ' ').split(/[\s/]+/).filter(Boolean);
  const head = ws[ws.length - 1];
  return head !== undefined && ABSTRACT.has(head) && ws.length <= 4;
};

/** Where a purpose clause starts: "… in order to …", "… so (that) the team is aware", "… to make sure …", "… to identify …". */
const PURPOSE_RE = /\s(?:in order to|so as to|so that|so|to make sure|to ensure|to validate|to verify|to check|to catch|to detect|to confirm|to identify)\s/i;
export const hasPurpose = (text: string) => PURPOSE_RE.test(text);
/** The words before a purpose clause: the task itself. */
export const mainClause = (text: string) => {
  const m = PURPOSE_RE.exec(text);
  return m ? text.slice(0, m.index) : text;
};
const PURPOSE_OBJECT_RE = /\s(?:to|in order to) (?:validate|verify|check|catch|detect|confirm|test|reproduce)\s+(?!\s)(.+)$/i;
/**
 * Where PURPOSE_OBJECT_RE can match: its object runs to the end of the text on one line, so the clause starts in the
 * last line or just before the blanks that hold the last line break (22 characters: " in order to reproduce").
 * Searching from there keeps it linear: from every " to test" of a long line, `(.+)$` read on to the line break.
 */
function lastLineStart(text: string): number {
  let i = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'), text.lastIndexOf('\u2028'), text.lastIndexOf('\u2029'));
  if (i < 0) return 0;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  return Math.max(0, i - 22);
}
/** A purpose that names what is checked: "to validate connection pool behavior under contention". */
export function concretePurpose(text: string): boolean {
  const m = PURPOSE_OBJECT_RE.exec(text.slice(lastLineStart(text)));
  if (!m) return false;
  const { object } = objectAfter(m[1].split(/\s+/), 0);
  const ws = m[1].split(/\s+/).filter((w) => !GENERIC_MODIFIER.has(w.toLowerCase()));
  return ws.length >= 2 && !GENERIC_OBJECT_RE.test(m[1]) && !isAbstractObject(object);
}

const FINISH_START_RE = /\b(?:so |such that |until )[\w-]+?\b/gi;
const FINISH_WHEN_RE = /\b(?:when|if|after|before|within|unless)\b/gi;
const FINISH_END_RE = /\b(?:twice|once|\d+|fails?|exceeds?|is (?:down|unreachable|missing|full))\b/gi;
/**
 * "… so it stops when the health check fails twice": within one line, a purpose ("so", "such that", "until" and a
 * word), then a condition word, then a count or a failure. One pass per line: each part is looked for after the
 * earliest end of the one before (a chain `.*\b…\b.*\b…` rescanned the rest of the line from every candidate).
 */
export function hasFinishLine(text: string): boolean {
  for (const line of text.split(/[\n\r\u2028\u2029]/)) {
    let at = 0;
    for (const re of [FINISH_START_RE, FINISH_WHEN_RE, FINISH_END_RE]) {
      re.lastIndex = at;
      const m = re.exec(line);
      if (!m) {
        at = -1;
        break;
      }
      at = m.index + m[0].length;
    }
    if (at >= 0) return true;
  }
  return false;
}
