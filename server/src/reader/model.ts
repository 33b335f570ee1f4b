// The reader model: what a reader who joins a year after the incident needs first, built from the linter's parsed
// model and findings. Pure (no fs, no LSP): the LSP request, the HTML export and the CLI's `render` all call this.
import type { Root, RootContent } from 'mdast';
import type { ActionItem, Finding, Postmortem, Range, Rule, Section, SectionKind } from '../model/types';
import type { LintResult } from '../lint/lint';
import { parseMarkdown } from '../model/parse';
import { itemGaps } from '../model/items';
import { words } from '../model/action-words';
import type { ReaderActionItem, ReaderAudience, ReaderAudienceView, ReaderCounts, ReaderGap, ReaderModel } from '../protocol';
import businessImpact from '../rules/business-impact';
import publicInternalDetail from '../rules/public-internal-detail';
import publicSections from '../rules/public-sections';
import { mdastToSafeHtml, sliceRoot } from './html';
import { buildGlossary, impactFigures, nodesIn, proseBlocks, toLocation, visibleText } from './extract';
import { statedDuration, timelineDuration } from './duration';
import { timelineZones } from '../model/timezones';

export interface ReaderModelOptions {
  /** "Today" as ISO yyyy-mm-dd (for overdue marks). */
  today: string;
  uri?: string;
  version?: number;
  /** Shown as the title when the document has none. */
  fileName?: string;
  /** The mdast tree of the same text, when the caller already has one. */
  tree?: Root;
  /** Show images from other hosts (setting postmortemLint.loadRemoteImages, render --remote-images); else placeholders. */
  remoteImages?: boolean;
}

/** Findings a future reader cares about: missing context rather than action-item hygiene. */
export const CONTEXT_GAP_RULES = new Set([
  'missing-section',
  'empty-section',
  'outcome-without-context',
  'relative-date',
  'root-cause-vague',
  'timeline-starts-at-detection',
  'timeline-timezone',
  'undefined-acronym',
  'impact-without-numbers',
  'business-impact',
  'public-internal-detail',
  'public-sections',
]);
/** Item findings already shown as marks in the action items table. */
const FLAGGED_RULES = new Set(['action-item-owner', 'action-item-due-date', 'action-item-overdue']);
const MAX_GAPS = 15;

function firstSection(model: Postmortem, kind: SectionKind): Section | undefined {
  return model.allSections.find((s) => s.kind === kind);
}

function readerItem(item: ActionItem, findings: Finding[], model: Postmortem, today: string): ReaderActionItem {
  const gaps = itemGaps(item, today);
  const dueIso = gaps.dueIso;
  const dueIsDate = dueIso !== undefined;
  const overdueDays = gaps.overdueDays;
  const s = item.range.start.offset;
  const e = item.range.end.offset;
  return {
    text: words(model, item),
    owner: item.owners.length ? item.owners.map((o) => o.text.trim()).join(', ') : undefined,
    ownerPlaceholder: item.ownerPlaceholder?.text,
    due: dueIso ?? item.due?.text,
    dueIsDate,
    priority: item.priority?.text,
    lowPriority: item.priority?.value.low ?? false,
    status: item.status,
    tickets: item.tickets.map((t) => t.text),
    group: item.group,
    overdue: overdueDays !== undefined,
    overdueDays,
    noOwner: gaps.noOwner,
    noDate: gaps.noDate,
    findings: findings
      .filter((f) => !FLAGGED_RULES.has(f.ruleId) && f.range.start.offset >= s && f.range.start.offset < Math.max(e, s + 1))
      .map((f) => ({ ruleId: f.ruleId, message: f.message })),
    location: toLocation(model.lines, item.textRange.start.offset, item.textRange.end.offset),
  };
}

export function countItems(items: ReaderActionItem[], deferred: number): ReaderCounts {
  return {
    total: items.length,
    open: items.filter((i) => i.status === 'open').length,
    done: items.filter((i) => i.status === 'done').length,
    noOwner: items.filter((i) => i.noOwner).length,
    noDate: items.filter((i) => i.noDate).length,
    overdue: items.filter((i) => i.overdue).length,
    deferred,
  };
}

export function countFindings(findings: Finding[]): ReaderModel['findingCounts'] {
  const c = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) if (f.severity in c) c[f.severity]++;
  return c;
}

/** Items and counts only (cheap): for the status bar. */
export function actionItemsOf(result: LintResult, today: string): { items: ReaderActionItem[]; deferred: ReaderActionItem[]; counts: ReaderCounts } {
  const { model, findings } = result;
  const items: ReaderActionItem[] = [];
  const deferred: ReaderActionItem[] = [];
  for (const it of model.actionItems) (it.deferred ? deferred : items).push(readerItem(it, findings, model, today));
  return { items, deferred, counts: countItems(items, deferred.length) };
}

function sectionHtml(tree: Root, section: Section | undefined, remoteImages: boolean): string | undefined {
  if (!section) return undefined;
  const nodes = nodesIn(tree, section.bodyRange.start.offset, section.bodyRange.end.offset);
  if (!nodes.length) return undefined;
  const html = mdastToSafeHtml(sliceRoot(tree, nodes), { remoteImages });
  return html.trim() ? html : undefined;
}

function contextGaps(result: LintResult): { gaps: ReaderGap[]; more: number } {
  const { model } = result;
  const gaps: ReaderGap[] = result.findings
    .filter((f) => CONTEXT_GAP_RULES.has(f.ruleId))
    .map((f) => ({ ruleId: f.ruleId, message: f.message, location: toLocation(model.lines, f.range.start.offset, f.range.end.offset) }));
  if (result.isPostmortem && !model.date) {
    const at = model.frontMatter?.range ?? model.title?.range;
    gaps.unshift({
      ruleId: 'incident-date',
      message:
        'No incident date: a reader next year cannot tell when this happened or how old the action items are. Add "date: YYYY-MM-DD" to the front matter.',
      location: at ? toLocation(model.lines, at.start.offset, at.end.offset) : { line: 0, character: 0, endLine: 0, endCharacter: 0 },
    });
  }
  return { gaps: gaps.slice(0, MAX_GAPS), more: Math.max(0, gaps.length - MAX_GAPS) };
}

/** The rules that depend on who reads the document (front matter `audience`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const AUDIENCE_RULES: Rule<any>[] = [businessImpact, publicInternalDetail, publicSections];
const AUDIENCES: ReaderAudience[] = ['internal', 'business', 'public'];

/**
 * What each audience would get: for the document's own audience, the findings as linted (its configuration and
 * suppressions apply); for the others, the sharing rules run with their defaults on the model as if its front matter
 * named that audience. The findings are computed by the rules themselves: the switch shows exactly what they'd say.
 */
function audienceViews(result: LintResult, today: string): { views: ReaderAudienceView[]; leaks: Range[] } {
  const { model } = result;
  const ids = new Set(AUDIENCE_RULES.map((r) => r.id));
  let leaks: Range[] = [];
  const views = AUDIENCES.map((audience): ReaderAudienceView => {
    let found: { ruleId: string; message: string; range: Range }[] = [];
    if (model.audience === audience) found = result.findings.filter((f) => ids.has(f.ruleId));
    else {
      const as = { ...model, audience };
      for (const rule of AUDIENCE_RULES) {
        if (rule.defaultSeverity === 'off') continue;
        try {
          rule.check({ model: as, options: rule.defaultOptions, today, report: (f) => found.push({ ruleId: rule.id, message: f.message, range: f.range }) });
        } catch {
          // a rule that fails here fails in the linter too, where it is reported
        }
      }
    }
    const leaking = found.filter((f) => f.ruleId === publicInternalDetail.id);
    if (audience === 'public') leaks = leaking.map((f) => f.range);
    return {
      audience,
      findings: found.map((f) => ({ ruleId: f.ruleId, message: f.message, location: toLocation(model.lines, f.range.start.offset, f.range.end.offset) })),
      leaks: leaking.length,
    };
  });
  return { views, leaks };
}

/** Drop the document's title heading (shown in the header card) from the full-document rendering. */
function withoutTitle(tree: Root, title: string): RootContent[] {
  const h1 = tree.children.find((n) => n.type === 'heading' && n.depth === 1);
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  const drop = h1 && norm(visibleText(h1)) === norm(title) ? h1 : undefined;
  return tree.children.filter((n) => n.type !== 'yaml' && n !== drop);
}

/** The LSP caches one lint result per document version: build each reader model once per (result, today). */
const cache = new WeakMap<LintResult, { key: string; value: ReaderModel }>();

export function buildReaderModel(result: LintResult, options: ReaderModelOptions): ReaderModel {
  const key = JSON.stringify([options.today, options.uri, options.version, options.fileName, options.remoteImages === true]);
  const hit = cache.get(result);
  if (hit && hit.key === key && !options.tree) return hit.value;
  const value = buildUncached(result, options);
  cache.set(result, { key, value });
  return value;
}

function buildUncached(result: LintResult, options: ReaderModelOptions): ReaderModel {
  const { model } = result;
  const text = model.text;
  const tree = options.tree ?? result.tree ?? parseMarkdown(text);
  const { items, deferred, counts } = actionItemsOf(result, options.today);

  const impactSection = firstSection(model, 'impact');
  const impactBlocks = impactSection
    ? proseBlocks(nodesIn(tree, impactSection.bodyRange.start.offset, impactSection.bodyRange.end.offset))
    : [];
  const summarySection = firstSection(model, 'summary');
  const summaryBlocks = summarySection
    ? proseBlocks(nodesIn(tree, summarySection.bodyRange.start.offset, summarySection.bodyRange.end.offset))
    : [];
  const timelineSection = firstSection(model, 'timeline');
  const timelineBlocks = timelineSection
    ? proseBlocks(nodesIn(tree, timelineSection.bodyRange.start.offset, timelineSection.bodyRange.end.offset))
    : [];

  const { gaps, more } = contextGaps(result);
  const { views, leaks } = result.isPostmortem ? audienceViews(result, options.today) : { views: [], leaks: [] };
  const fmTitle = model.frontMatter?.data?.title;
  const title = model.title?.value ?? (typeof fmTitle === 'string' ? fmTitle : undefined) ?? options.fileName ?? 'Untitled document';

  return {
    uri: options.uri,
    version: options.version,
    isPostmortem: result.isPostmortem,
    detectedBy: result.detectedBy,
    ignored: result.ignored,
    title,
    header: {
      date: model.date,
      severity: model.severity,
      status: model.status,
      audience: model.audience,
      // what the writer wrote wins over what the timeline computes (its first entry is often the trigger, not the impact)
      duration: statedDuration(impactBlocks, 'Impact') ?? statedDuration(summaryBlocks, 'Summary') ?? timelineDuration(timelineBlocks, model.date, timelineZones(model)[0]?.zone?.name),
      impact: impactFigures(impactBlocks, text, model.lines),
    },
    summaryHtml: result.isPostmortem ? sectionHtml(tree, firstSection(model, 'summary'), options.remoteImages === true) : undefined,
    causesHtml: result.isPostmortem ? sectionHtml(tree, firstSection(model, 'contributing-causes'), options.remoteImages === true) : undefined,
    documentHtml: mdastToSafeHtml(sliceRoot(tree, withoutTitle(tree, title)), {
      remoteImages: options.remoteImages === true,
      marks: leaks.map((r) => ({ start: r.start.offset, end: r.end.offset, className: 'leak', title: 'A public reader would see this' })),
      source: text,
    }),
    actionItems: result.isPostmortem ? items : [],
    deferredItems: result.isPostmortem ? deferred : [],
    counts: result.isPostmortem ? counts : countItems([], 0),
    contextGaps: gaps,
    moreGaps: more,
    glossary: buildGlossary(model),
    audiences: views,
    sectionKinds: [...new Set(model.allSections.map((s) => s.kind).filter((k): k is SectionKind => !!k))],
    findingCounts: countFindings(result.findings),
  };
}
