// The labelled development set (test/eval/README.md): reading the label files and the documents they name.
// Shared by scripts/eval.ts (the scorer) and test/unit/eval.test.ts (the label files stay honest).
import { readFileSync, existsSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EVAL_DIR = dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = resolve(EVAL_DIR, '../..');
/** The shared corpus, read in place (never copied into the project). */
export const CORPUS_DIR = resolve(PROJECT_ROOT, '../shared/corpus/postmortems');

/**
 * Which labelled set: `dev` (documents.tsv / items.tsv: the development set the engine was tuned on), `heldout`
 * (heldout/: labelled before the engine was run on them; read while tuning by judge2's successors, so now development
 * data too), `heldout2` (heldout2/: a second held-out set, labelled before the engine ran on it; its disagreements were
 * read by judge4 while tuning, so development data now), `heldout3` (heldout3/: a third held-out set), `heldout4`
 * (heldout4/: a fourth held-out set with time-zone labels, tuned on by judge5 since), `heldout5` (heldout5/: a fifth
 * held-out set; its disagreements were read while tuning by judge7, so development data now) or `heldout6` (heldout6/: a
 * sixth held-out set, tuned on by judge8-11 since), `heldout7` (heldout7/: a seventh held-out set from new sources,
 * labelled before the engine ran on it; tuned on by judge12 since, so development data now), `heldout8` (heldout8/: an
 * eighth held-out set from four new sources, labelled before the engine ran on it; tuned on by its own helper since) or
 * `heldout9` (heldout9/: a ninth held-out set from three new sources, labelled before the engine ran on it; its first
 * run: heldout9/FIRST-RUN.md) or `heldout10` (heldout10/: a tenth held-out set from four new sources, labelled before the
 * engine ran on it; its first run: heldout10/FIRST-RUN.md) or `heldout11` (heldout11/: an eleventh held-out set from five
 * new sources, labelled before the engine ran on it; tuned on by its own helper since; its first run:
 * heldout11/FIRST-RUN.md) or `heldout12` (heldout12/: a twelfth held-out set from five new sources, blog posts and
 * Chinese post-mortems, labelled before the engine ran on it; tuned on by its own helper since; its first run:
 * heldout12/FIRST-RUN.md) or `heldout13` (heldout13/: a thirteenth held-out set from six new sources, an open-source
 * project's blog post-mortem, docs-site and status-page write-ups, a Korean follow-up table, labelled before the engine ran
 * on it; tuned on by its own helper since; its first run: heldout13/FIRST-RUN.md) or `heldout14` (heldout14/: a fourteenth
 * held-out set from seven new sources, Google-SRE-shaped design-system postmortems, follow-ups in prose and italic statuses,
 * Chinese failure reviews, labelled before the engine ran on it; tuned on by its own helper since; its first run:
 * heldout14/FIRST-RUN.md), `heldout15` (heldout15/: a fifteenth held-out set from six new sources, owners a-l: a
 * psychometrics site's and a start-up's post-mortems with finished Prevention work and prose follow-ups, a Russian incident
 * record under investigation, checked/unchecked corrective-action gates, Action | Type | Status tables with worded statuses,
 * a Portuguese post-mortem that is an architecture spec, labelled before the engine ran on it; tuned on by its own
 * helper since; its first run: heldout15/FIRST-RUN.md) or `heldout16` (heldout16/: a sixteenth held-out set from eight new sources whose owners start with
 * m-z (heldout15, built in parallel, takes a-l): a debugging bank's Action | Prevents | Status tables, bug postmortems with only
 * "How to avoid regressions" rules, Owner "-" / Status "Implemented" tables, checked and unchecked follow-ups, a Chinese
 * 行动项 record, and look-alikes from an investment "postmortem" to an incidents-folder runbook, labelled before the engine ran
 * on it; tuned on by its own helper since; its first run: heldout16/FIRST-RUN.md), `heldout17` (heldout17/: a seventeenth
 * held-out set from seven new sources whose owners start with a-l (heldout18, built in parallel, takes the rest): a Japanese
 * release-failure report, AI-agent-written CI postmortems with "Actions to take", training-run postmortems with Priority |
 * Action | Status tables and a "Timeline (Local Time)", Chinese and Russian post-mortems, and look-alikes from a drill report
 * written as a postmortem to Japanese runbooks, labelled before the engine ran on it; tuned on by its own helper since; its
 * first run: heldout17/FIRST-RUN.md) or `heldout18` (heldout18/: an eighteenth held-out
 * set from four new sources whose owners start with m-z (heldout17, built in parallel, takes a-l): bug post-mortems whose only
 * follow-ups are finished "Guardrails added" bullets, numbered CLI postmortems with header bullets and "Rules this produced",
 * blog-style correction post-mortems with prevention and review-finding tables, a rollback-drill postmortem with a zone-less
 * timeline and a filed-issue Action | Kind | Link table, labelled before the engine ran on it; tuned on by its own helper
 * since; its first run: heldout18/FIRST-RUN.md), `heldout19` (heldout19/: a nineteenth held-out set from four new
 * sources whose owners start with a-l or a digit (heldout20, built in parallel, takes the rest): a secret-exposure record
 * with a checked USER / AGENT remediation checklist and numbered corrective actions, Chinese and English bug postmortems
 * whose only follow-ups are "Guardrails" now in place, web-app post-mortems with "The fix" and a "Lesson" codified in an
 * ADR, a long self-found bug incident record, and incidents-folder READMEs and a feature pitch as look-alikes, labelled
 * before the engine ran on it; its first run: heldout19/FIRST-RUN.md) or `heldout20` (heldout20/: a twentieth held-out set from six new sources
 * whose owners start with m-z (heldout19, built in parallel, takes a-l): chaos game-day postmortems with team owners and
 * TODO / Done action tables, a hardware-freeze post-mortem with a "Still open" list, Chinese LLM-drafted defect postmortems,
 * dated Owner | Due | Status tables, "Timeline (UTC+7)" tables with PR-number statuses, and look-alikes from folder READMEs
 * to alert runbooks and a verification report, labelled before the engine ran on it; its first run: heldout20/FIRST-RUN.md)
 * or `heldout21` (heldout21/: a twenty-first held-out set from seven sources whose owners start with a-l or a digit (heldout22,
 * built in parallel, takes the rest): cState status-page entries with '*Investigating* -' logs, a blog war story with bold
 * '**Monday, 8am PST**' lines and no follow-ups, a dev-tool incident report with a zone-less timeline, Spanish and Chinese
 * incident records with fixes told as finished and '仍未做的' open lists, a lab drill with an Item | Owner | Status table, and
 * incidents-folder READMEs, status notices and an issue template as look-alikes, labelled before the engine ran on it; its
 * first run: heldout21/FIRST-RUN.md).

 * or `heldout22` (heldout22/: a twenty-second held-out set from four new postmortem sources whose owners start with m-z
 * (heldout21, built in parallel, takes a-l): lab RCAs with YAML front matter and a done `remediation:` list, a machine-written
 * RCA with a "Recommended follow-up" list, SaaS postmortems with '✅ Done' / '📅 Queued' Owner | Due | Status tables, an
 * exercise marked 'Status: example', an @handle-owned Action | Tracked In | Status table, and look-alikes from folder READMEs
 * to a status page and an incident-registry record, labelled before the engine ran on it; its first run: heldout22/FIRST-RUN.md)
 * or `heldout24` (heldout24/: a twenty-fourth held-out set, small (3 postmortems, 4 look-alikes), owners m-z (heldout23, built
 * in parallel, takes a-l): an agent-maintained game bot's incident write-ups with Immediate / Short-term / Long-term
 * checklists of issue numbers, '- [x]' immediate actions and bold numbered headings whose sub-bullets are the open items,
 * '1. ✅ **Deploy Fix**' done actions, and look-alikes from an incident tracking log and a troubleshooting guide to a folder
 * README and a CI SEV issue template, labelled before the engine ran on it; its first run: heldout24/FIRST-RUN.md).

 * or `heldout23` (heldout23/: a twenty-third held-out set from three postmortem sources whose owners start with a-l
 * (heldout24, built in parallel, takes the rest): a federal service's two-incident postmortem and its earlier single-incident
 * version with Item | Owner | Status tables under 'This Sprint' / 'Next 2 Weeks' / 'Next Quarter' headings, a short website
 * incident report without follow-ups, an HTML blog post-mortem with a <ul> of steps, and look-alikes from a status notice to a
 * Japanese authoring retrospective saved as POSTMORTEM.md, labelled before the engine ran on it; its first run:
 * heldout23/FIRST-RUN.md).

 * or `heldout25` (heldout25/: a twenty-fifth held-out set from five new sources: agent-written RCAs of an agent-coordination
 * tool with agent-named Owner columns and POLICY rows, an agent fleet's merge-pipeline RCAs whose 'Owner:' is a file path,
 * production incident reviews with Item | Tracking | Owner | Target tables ('next', 'post-reboot', 'v2.8'), and look-alikes
 * from RCA-folder READMEs and a task close-out note to a Portuguese postmortem guide and runbook, labelled before the engine
 * ran on it; its first run: heldout25/FIRST-RUN.md).

 * or `heldout26` (heldout26/: a twenty-sixth held-out set, small (6 postmortems, 6 look-alikes), owners m-z (heldout25 took
 * a-l): agent-written experiment and regression postmortems whose action-table owners are 'next session' / 'this week', a
 * 'Pick ONE' list of fix options with one ruled out, a homelab identity incident with an IANA zone and a Follow-up | Owner |
 * Acceptance criterion | Status table, a compromise report with a noun-phrase priorities list, and look-alikes from a folder
 * index with 'kind: postmortem' front matter and an experiment pre-mortem to a Spanish README and a mitigation checklist,
 * labelled before the engine ran on it; its first run: heldout26/FIRST-RUN.md).

 * or `heldout27` (heldout27/: a twenty-seventh held-out set, small (7 postmortems from two sources, 8 look-alikes): prediction-
 * ledger incident disclosures with numbered shipped fixes, and Spanish incident records of a game-server VPS written with a
 * coding agent (a Responsable | Fecha Límite corrective-action table finished by a later update, Próximos Pasos with horizons,
 * zone-less clock-time logs, an open connectivity issue), plus a planned-pause disclosure, a Spanish operations page and
 * incidents-folder READMEs as look-alikes, labelled before the engine ran on it; its first run: heldout27/FIRST-RUN.md).

 * or `heldout28` (heldout28/: a twenty-eighth held-out set (9 postmortems from four sources, 9 look-alikes): Chinese incident
 * reports of a trading-signal system (a blockquote header, zone-less 时间线 tables, 改进措施 / 修复方案 tables, a rejected first
 * fix), a one-page WordPress incident report, portfolio postmortems with '**Action Item**: … [Priority: High]' bullets, and a
 * price-index API's postmortems (YAML front matter, a CEST timeline, 'What changed' and 'Still open' with struck-through shipped
 * lines, [x] / [~] follow-ups), plus an incidents index, a changelog, a restore guide, a SEV drill record and a page of
 * postmortem links as look-alikes, labelled before the engine ran on it; its first run: heldout28/FIRST-RUN.md).

 * or `heldout29` (heldout29/: a twenty-ninth held-out set (6 postmortems, 9 look-alikes, 1 template): a data-science centre's
 * retrospectives (bold Summary / Impact / Status lines, dates-only timelines, prose 'Further Improvements'), a manuscript
 * pipeline's RCAs (Five whys, a guard table, a numbered Follow-up with a struck-through done item), a robot-arm CI RCA, an unused
 * mybinder report, plus restore updates, a breach commentary, a CVE advisory, incidents
 * READMEs, an empty tracker and a Czech outage notice as look-alikes, labelled before the engine ran on it; its first run:
 * heldout29/FIRST-RUN.md).

 * or `heldout30` (heldout30/: a thirtieth held-out set (8 postmortems, 6 look-alikes, 1 template): an AI gateway's docusaurus
 * incident reports (bold Date / Severity / Status lines, Remediation tables of Done / Planned rows, '**Timeline:**' step lists),
 * an example IOT outage postmortem with an Owner column of roles, vendors and teams, three unused Open Build Service
 * post-mortems, plus an engineering announcement, a design post, a sprint report, a year-end retrospective, a help page and a
 * collection README as look-alikes, labelled before the engine ran on it; first run by the lead: heldout30/FIRST-RUN.md).

 * or `heldout31` (heldout31/: a thirty-first held-out set (7 postmortems, 6 look-alikes): unused documents of four sources
 * earlier sets used — three Binder incident reports (stated-zone timelines, Action items under improvement subheadings), two
 * AI-gateway incident reports (Remediation tables of Done rows), the '[Active]' Holesky testnet post-mortem (two open remediation
 * proposals, an LLM-compiled UTC timeline), a three-paragraph Galaxy Europe news post — plus a testnet-guardian runbook with an
 * Owner(s) column, a disaster-recovery index, a town-hall recap, two security notices and a server-notice snippet as look-alikes,
 * labelled before the engine ran on it; first run by the lead: heldout31/FIRST-RUN.md).

 * or `heldout32` (heldout32/: a thirty-second held-out set (6 postmortems from two sources, 6 look-alikes, 1 template): Chinese
 * incident records of a landslide-monitoring project (a CAPA 'Action / Owner：repo / 验证' block, numbered 1) 影响 … 5) 预防措施
 * headings, YAML front matter), three unused Norwegian NAV dagpenger postmortems (an owned Aksjonspunkter row, an empty table,
 * zone-less Tidslinje lines), plus an incidents README, an ADR with Follow-ups, a risk register, a fault-injection test report
 * and a Korean incident-response runbook and readiness checklist as look-alikes, labelled before the engine ran on it; first
 * run by the lead: heldout32/FIRST-RUN.md).

 * or `heldout33` (heldout33/: a thirty-third held-out set (6 postmortems, 7 look-alikes): unused documents of three seen sources —
 * a PyPI blog incident report (Eastern Time day headings, the actions taken as opening bullets), two Binder incident reports
 * (PST / CEST timelines, items under area subheadings, template sample lines left in), three Norwegian NAV dagpenger
 * postmortems (empty Aksjonspunkter tables and Tidslinje headings, 'Løsning: TODO', placeholders left in) — plus an artsy
 * engineering-blog guide to outage post-mortems, a security advisory, announcements, an incident index, an operations page and
 * a how-to as look-alikes, labelled before the engine ran on it; first run by the lead: heldout33/FIRST-RUN.md).

 */
export type LabelSet = 'dev' | 'heldout' | 'heldout2' | 'heldout3' | 'heldout4' | 'heldout5' | 'heldout6' | 'heldout7' | 'heldout8' | 'heldout9' | 'heldout10' | 'heldout11' | 'heldout12' | 'heldout13' | 'heldout14' | 'heldout15' | 'heldout16' | 'heldout17' | 'heldout18' | 'heldout19' | 'heldout20' | 'heldout21' | 'heldout22' | 'heldout23' | 'heldout24' | 'heldout25' | 'heldout26' | 'heldout27' | 'heldout28' | 'heldout29' | 'heldout30' | 'heldout31' | 'heldout32' | 'heldout33';
export const LABEL_SETS: readonly LabelSet[] = ['dev', 'heldout', 'heldout2', 'heldout3', 'heldout4', 'heldout5', 'heldout6', 'heldout7', 'heldout8', 'heldout9', 'heldout10', 'heldout11', 'heldout12', 'heldout13', 'heldout14', 'heldout15', 'heldout16', 'heldout17', 'heldout18', 'heldout19', 'heldout20', 'heldout21', 'heldout22', 'heldout23', 'heldout24', 'heldout25', 'heldout26', 'heldout27', 'heldout28', 'heldout29', 'heldout30', 'heldout31', 'heldout32', 'heldout33'];
/** The held-out sets, each in its own folder of test/eval. */
export const HELDOUT_SETS: readonly Exclude<LabelSet, 'dev'>[] = ['heldout', 'heldout2', 'heldout3', 'heldout4', 'heldout5', 'heldout6', 'heldout7', 'heldout8', 'heldout9', 'heldout10', 'heldout11', 'heldout12', 'heldout13', 'heldout14', 'heldout15', 'heldout16', 'heldout17', 'heldout18', 'heldout19', 'heldout20', 'heldout21', 'heldout22', 'heldout23', 'heldout24', 'heldout25', 'heldout26', 'heldout27', 'heldout28', 'heldout29', 'heldout30', 'heldout31', 'heldout32', 'heldout33'];
const SET_PREFIX: Record<LabelSet, string> = {
  dev: '',
  heldout: 'heldout/',
  heldout2: 'heldout2/',
  heldout3: 'heldout3/',
  heldout4: 'heldout4/',
  heldout5: 'heldout5/',
  heldout6: 'heldout6/',
  heldout7: 'heldout7/',
  heldout8: 'heldout8/',
  heldout9: 'heldout9/',
  heldout10: 'heldout10/',
  heldout11: 'heldout11/',
  heldout12: 'heldout12/',
  heldout13: 'heldout13/',
  heldout14: 'heldout14/',
  heldout15: 'heldout15/',
  heldout16: 'heldout16/',
  heldout17: 'heldout17/',
  heldout18: 'heldout18/',
  heldout19: 'heldout19/',
  heldout20: 'heldout20/',
  heldout21: 'heldout21/',
  heldout22: 'heldout22/',
  heldout23: 'heldout23/',
  heldout24: 'heldout24/',
  heldout25: 'heldout25/',
  heldout26: 'heldout26/',
  heldout27: 'heldout27/',
  heldout28: 'heldout28/',
  heldout29: 'heldout29/',
  heldout30: 'heldout30/',
  heldout31: 'heldout31/',
  heldout32: 'heldout32/',
  heldout33: 'heldout33/',
};

export type DocKind = 'postmortem' | 'template' | 'lookalike';
export type Yes = 'yes' | 'no';
export const REQUIRED_SECTIONS = ['summary', 'impact', 'timeline', 'contributing-causes', 'action-items'] as const;
export type RequiredSection = (typeof REQUIRED_SECTIONS)[number];

export interface DocLabel {
  /** As written in documents.tsv: a corpus file name, or a path relative to test/eval (`lookalikes/x.md`). */
  file: string;
  kind: DocKind;
  /** Which canonical sections a reader can see (heading, bold label, or under another name). Postmortems only. */
  sections: Partial<Record<RequiredSection, boolean>>;
  /**
   * The optional `timezone` column, postmortems only: true when a reader expects a timeline-timezone finding (a
   * timeline with clock times and no time zone anywhere in the document), false when the timeline states a zone
   * however it is written or has no clock times, undefined without a timeline or where the set does not label it.
   */
  timezone?: boolean;
  note: string;
  line: number;
}

export interface ItemLabel {
  file: string;
  /** A short verbatim piece of the item's text, unique in the document (unless the note starts with `repeated`). */
  snippet: string;
  status: 'open' | 'done' | 'deferred';
  owner: boolean;
  due: boolean;
  vague: 'yes' | 'no' | 'unclear';
  note: string;
  line: number;
}

/**
 * A note starting with "repeated": the same item is written word for word in more than one place (under two headings
 * of the action items); every place is scored as that item, since a reader counts each where it stands.
 */
export const REPEATED_NOTE_RE = /^repeated\b/i;

/** Where a labelled snippet stands in its document: its one place, or every place when the note says it is repeated. */
export function snippetPlaces(text: string, label: ItemLabel): number[] {
  // a snippet not found verbatim keeps its label (at -1): the scorer then matches it by normalised text
  const first = text.indexOf(label.snippet);
  const out = [first];
  if (first < 0 || !REPEATED_NOTE_RE.test(label.note)) return out;
  for (let at = text.indexOf(label.snippet, first + 1); at >= 0; at = text.indexOf(label.snippet, at + 1)) out.push(at);
  return out;
}

export interface LabelProblem {
  where: string;
  message: string;
}

/** Where a labelled file lives: a bare name is a corpus file, a path with a slash is relative to test/eval. */
export function docPath(file: string): string {
  return file.includes('/') ? resolve(EVAL_DIR, file) : resolve(CORPUS_DIR, file);
}

/** Tab-separated rows; `#` lines and blank lines are comments; the first row is the header. */
function readTsv(name: string): { header: string[]; rows: { cells: string[]; line: number }[] } {
  const text = readFileSync(resolve(EVAL_DIR, name), 'utf8');
  const lines = text.split(/\r?\n/);
  let header: string[] | undefined;
  const rows: { cells: string[]; line: number }[] = [];
  lines.forEach((l, i) => {
    if (!l.trim() || l.startsWith('#')) return;
    const cells = l.split('\t');
    if (!header) header = cells.map((c) => c.trim());
    else rows.push({ cells, line: i + 1 });
  });
  return { header: header ?? [], rows };
}

const SECTION_COLUMNS: Record<string, RequiredSection> = {
  summary: 'summary',
  impact: 'impact',
  timeline: 'timeline',
  causes: 'contributing-causes',
  actions: 'action-items',
};

export interface Labels {
  docs: DocLabel[];
  items: ItemLabel[];
  problems: LabelProblem[];
}

/**
 * A labelled folder outside the project (`npm run eval -- --dir=PATH`): PATH/documents.tsv and PATH/items.tsv in the
 * sets' format, with each `file` relative to PATH (e.g. `postmortems/db-outage.md`). Postmortems a team keeps to
 * itself, or writing measured once and not kept in the project.
 */
export interface LabelDir {
  dir: string;
}

/**
 * Read documents.tsv and items.tsv of one set, or of a labelled folder (each `file` then made absolute, so docPath
 * finds it). Problems with the format are collected, not thrown.
 */
export function loadLabels(set: LabelSet | LabelDir = 'dev'): Labels {
  const problems: LabelProblem[] = [];
  const docs: DocLabel[] = [];
  const items: ItemLabel[] = [];
  const prefix = typeof set === 'string' ? SET_PREFIX[set] : resolve(set.dir) + '/';
  const fileOf = (file: string) => (typeof set === 'string' || !file ? file : resolve(set.dir, file));

  const d = readTsv(prefix + 'documents.tsv');
  const col = (h: string[], name: string) => h.indexOf(name);
  for (const { cells, line } of d.rows) {
    const where = `${prefix}documents.tsv:${line}`;
    const get = (name: string) => (cells[col(d.header, name)] ?? '').trim();
    const kind = get('kind');
    if (kind !== 'postmortem' && kind !== 'template' && kind !== 'lookalike') {
      problems.push({ where, message: `kind '${kind}' is not postmortem, template or lookalike` });
      continue;
    }
    const sections: DocLabel['sections'] = {};
    for (const [c, s] of Object.entries(SECTION_COLUMNS)) {
      const v = get(c);
      if (v === 'yes' || v === 'no') sections[s] = v === 'yes';
      else if (!(kind !== 'postmortem' && v === '-')) problems.push({ where, message: `${c} '${v}' is not yes/no${kind !== 'postmortem' ? ' or -' : ''}` });
    }
    const tz = get('timezone');
    let timezone: boolean | undefined;
    if (tz === 'yes' || tz === 'no') {
      if (kind === 'postmortem') timezone = tz === 'yes';
      else problems.push({ where, message: `timezone '${tz}' on a ${kind}: only postmortems are labelled ('-')` });
    } else if (tz !== '' && tz !== '-') problems.push({ where, message: `timezone '${tz}' is not yes/no/-` });
    docs.push({ file: fileOf(get('file')), kind, sections, timezone, note: get('note'), line });
  }

  const it = readTsv(prefix + 'items.tsv');
  for (const { cells, line } of it.rows) {
    const where = `${prefix}items.tsv:${line}`;
    const get = (name: string) => cells[col(it.header, name)] ?? '';
    const status = get('status').trim();
    const owner = get('owner').trim();
    const due = get('due').trim();
    const vague = get('vague').trim();
    if (status !== 'open' && status !== 'done' && status !== 'deferred') problems.push({ where, message: `status '${status}' is not open/done/deferred` });
    if (owner !== 'yes' && owner !== 'no') problems.push({ where, message: `owner '${owner}' is not yes/no` });
    if (due !== 'yes' && due !== 'no') problems.push({ where, message: `due '${due}' is not yes/no` });
    if (vague !== 'yes' && vague !== 'no' && vague !== 'unclear') problems.push({ where, message: `vague '${vague}' is not yes/no/unclear` });
    if (!get('snippet')) problems.push({ where, message: 'empty snippet' });
    items.push({
      file: fileOf(get('file').trim()),
      snippet: get('snippet'),
      status: status as ItemLabel['status'],
      owner: owner === 'yes',
      due: due === 'yes',
      vague: vague as ItemLabel['vague'],
      note: get('note').trim(),
      line,
    });
  }
  return { docs, items, problems };
}

/** Checks that need the documents: every file exists, every snippet is in its document exactly once. */
export function checkAgainstDocuments(labels: Labels): LabelProblem[] {
  const problems: LabelProblem[] = [];
  const known = new Map<string, DocLabel>();
  for (const d of labels.docs) {
    const where = `documents.tsv:${d.line}`;
    if (known.has(d.file)) problems.push({ where, message: `${d.file} is labelled twice` });
    known.set(d.file, d);
    if (!existsSync(docPath(d.file))) problems.push({ where, message: `${d.file}: no such file (${docPath(d.file)})` });
  }
  const seen = new Set<string>();
  for (const i of labels.items) {
    const where = `items.tsv:${i.line}`;
    const doc = known.get(i.file);
    if (!doc) {
      problems.push({ where, message: `${i.file} is not in documents.tsv` });
      continue;
    }
    if (!existsSync(docPath(i.file))) continue;
    const text = readFileSync(docPath(i.file), 'utf8');
    const first = text.indexOf(i.snippet);
    if (first < 0) problems.push({ where, message: `snippet not found verbatim in ${i.file}: ${JSON.stringify(i.snippet)}` });
    else if (text.indexOf(i.snippet, first + 1) >= 0) {
      if (!REPEATED_NOTE_RE.test(i.note)) problems.push({ where, message: `snippet occurs more than once in ${i.file}: ${JSON.stringify(i.snippet)}` });
    } else if (REPEATED_NOTE_RE.test(i.note)) problems.push({ where, message: `note says 'repeated' but the snippet occurs once: ${JSON.stringify(i.snippet)}` });
    const key = i.file + '\t' + i.snippet;
    if (seen.has(key)) problems.push({ where, message: `item labelled twice: ${JSON.stringify(i.snippet)}` });
    seen.add(key);
    if (doc.kind === 'lookalike') problems.push({ where, message: `${i.file} is a look-alike: it has no action items to label` });
  }
  return problems;
}

/** Lower-case, markdown punctuation and quotes dropped, whitespace collapsed: for snippet containment. */
export function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d'"`*_~[\]()<>#|\\]/g, ' ')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

export function yes(b: boolean): Yes {
  return b ? 'yes' : 'no';
}
