// Action items: lists, tables and bold-labelled lists under action-items (or deferred) sections, then the status
// their surroundings give them. Fills model.actionItems in document order.
import type { List, Paragraph, Root, RootContent } from 'mdast';
import type { ActionItem, Postmortem, Section, SectionKind } from '../types';
import { endOf, isCommentNode, plain, startOf, type ParseContext } from './common';
import { attachSubList, listItems } from './lists';
import { isAlternativesList, isCausesOrRulesLead, isEditorNote, isMustRule, isFailureAccount, isFixLinkList, isHindsight, isStandingRule, isOngoingPledge, isLesson, isLessonsLead, isPastNarrative, isOtherWriteUpPointer, isStrategyList, isLegendList, isOptionList, isRuleList, isAdviceList, isElaborationList, isBehaviourSpec, isReferenceList } from './list-kinds';
import { tableItems } from './tables';
import { collectLabels } from './labels';
import { boldLabelKind } from './label-kinds';
import { isLeadIn, itemLines, lineItems, paragraphItem, paragraphRuns, statusLabel } from './paragraphs';
import { commitmentItems } from './commitments';
import { applyContextStatus, applyLinkedFixStatus, markDoneLeadList, markInPlaceList, markLabelDone, markPlannedList } from './status';
import { blockItems } from './reuse';
import { closedParagraphItems } from './closing-notes';
import { reflowedTable } from './reflowed-tables';
import { linkedFollowUps } from './linked-follow-ups';
import { blankComments, pushAll } from '../scan';
import { looksCompleted } from '../completed';
import { matchSection, normalizeHeading } from '../sections';
import { NAME_LINE_RE } from '../plain-line-sections';
import { sectionAt } from '../facts';
import { dropRestatedProse, mergeExtendedWork, mergeRestatedItems } from './restated';
import { dropFindingAdvice, dropRestatedLists } from './restated-lists';
import { measuresTaken } from './measures-taken';
import { stateThenPlans } from './state-then-plans';
import { markFixedBySameChange } from './same-change';
import { markDoneInResolution } from './done-in-resolution';
import { markVerifiedCorrections } from './verified-corrections';
import { isPracticeList, maximEntries } from './practice-lists';
import { followUpLabels } from './follow-up-labels';
import { doneSoFarItems } from './told-done-lists';
import { markDrivenFollowUps } from './driven-follow-ups';
import { finishedSentences } from './finished-sentences';
import { closingProposal } from './commit-sentence';
import { announcedLinkLists } from './link-lists';
import { nodeSections } from './node-sections';
import { collectFiledTickets, collectOutside } from './outside-sections';
import { collectResolutionCommitments } from './resolution-commitments';
import { applyGroupPriority } from './group-priority';
import { isCheckQuestion } from './check-questions';

/** Options weighed after the sentence that weighs them, alternatives set aside, a standing strategy, or standing rules after "For any … :": not items. */
const explainedList = (list: List, before: string | undefined, text: string): boolean => isOptionList(list, before) || isAlternativesList(list, before) || isStrategyList(list, before) || isRuleList(list, before) || isAdviceList(list, before) || isElaborationList(list, before) || isBehaviourSpec(list, before) || isReferenceList(list, before) || isPracticeList(list, text);

export function collectActionItems(tree: Root, model: Postmortem, ctx: ParseContext): void {
  // Blocks grouped by their section; only sections whose effective kind is action-items or deferred.
  const sections = nodeSections(tree, model);
  const bySection = new Map<Section, RootContent[]>();
  // "Lessons Learned" on a line of its own inside the follow-ups, over what was learned, then "Action Items" over the
  // items: the blocks under the lessons line are no follow-ups
  let lessonsOf: Section | undefined;
  tree.children.forEach((node, at) => {
    const sec = sections[at];
    if (node.type === 'heading' || !sec || (sec.effectiveKind !== 'action-items' && sec.effectiveKind !== 'deferred') || forReaders(sec)) return;
    const named = node.type === 'paragraph' ? plainNameKind(node, ctx.text) : undefined;
    if (named) lessonsOf = named === 'lessons-learned' ? sec : undefined;
    if (lessonsOf === sec) return;
    const arr = bySection.get(sec) ?? [];
    arr.push(node);
    bySection.set(sec, arr);
  });
  const lone: [Section, Paragraph[]][] = [];
  const prose = new Map<Section, Paragraph[][]>();
  for (const [section, nodes] of bySection) {
    const deferred = section.effectiveKind === 'deferred';
    const hasTable = nodes.some((n) => n.type === 'table');
    // "… (filed <issue>)", "… (fixed by …)": paragraphs that say what became of them are items of their own
    const closed = section.effectiveKind === 'action-items' ? closedParagraphItems(nodes, ctx, section) : new Map<Paragraph, ActionItem>();
    pushAll(model.actionItems, closed.values());
    // a table a formatter reflowed into a paragraph, where it reads exactly
    const reflowed = new Map<Paragraph, NonNullable<ReturnType<typeof reflowedTable>>>();
    for (const n of nodes) {
      const t = n.type === 'paragraph' ? reflowedTable(n, ctx) : undefined;
      if (t) reflowed.set(n as Paragraph, t);
    }
    const runs = paragraphRuns(nodes, (n) => !closed.has(n) && !reflowed.has(n) && !isLeadIn(n) && !boldLabelKind(n) && !statusLabel(n));
    prose.set(section, runs);
    if (nodes.every((n) => n.type === 'paragraph' || n.type === 'html') && runs.length === 1 && !itemLines(runs[0], ctx.text)) lone.push([section, runs[0]]);
    let lastNumbered: ActionItem | undefined;
    let afterList = false;
    for (const node of nodes) {
      // "Finally, …, we should further restrict access for …" after a follow-up list: the list's last proposal
      if (node.type === 'paragraph' && afterList && section.effectiveKind === 'action-items' && closingProposal(plain(node))) {
        const item = paragraphItem(node, ctx, section, false);
        if (item) model.actionItems.push(item);
      }
      if (node.type !== 'paragraph' && node.type !== 'html') afterList = node.type === 'list';
      const table = node.type === 'paragraph' ? reflowed.get(node) : undefined;
      if (table) {
        pushAll(model.actionItems, tableItems(table.table, table.ctx, section, deferred));
        lastNumbered = undefined;
      } else if (node.type === 'paragraph' && statusLabel(node)) {
        const item = paragraphItem(node, ctx, section, deferred);
        if (item) model.actionItems.push(item);
        lastNumbered = undefined;
      } else if (node.type === 'table') {
        pushAll(model.actionItems, blockItems(node, section, deferred, () => tableItems(node, ctx, section, deferred)));
        lastNumbered = undefined;
      } else if (node.type === 'list' && !(hasTable && isLegendList(node)) && !isFixLinkList(node, section) && !explainedList(node, paragraphBefore(nodes, node), ctx.text)) {
        if (!node.ordered && lastNumbered) {
          // Bullets written flush under "1. Item" (no indent) are that item's sub-bullets, not new items.
          attachSubList(lastNumbered, node, ctx);
          continue;
        }
        const lead = paragraphNodeBefore(nodes, node);
        const leadText = lead && plain(lead);
        let items = blockItems(node, section, deferred, () => listItems(node, ctx, section, deferred, undefined));
        if (isLessonsLead(leadText) || isCausesOrRulesLead(leadText)) items = items.filter((item) => !isLesson(item));
        items = items.filter((item) => !isOtherWriteUpPointer(item) && !isCheckQuestion(item, leadText) && !isMustRule(item));
        const maxims = maximEntries(node, ctx.text);
        if (maxims.size) items = items.filter((item) => !maxims.has(item.range.start.offset));
        if (lead && leadText) {
          // "Completed:" / "Done:" alone above the list: its items are done ("Open:" above the next list keeps those open)
          const label = /^([^:\n]{2,40}):$/.exec(leadText.trim())?.[1];
          if (label && label.split(/\s+/).length <= 3) markLabelDone(items, label, ctx.range(startOf(lead), endOf(lead)));
          markInPlaceList(items, leadText, ctx.range(startOf(lead), endOf(lead)));
          markDoneLeadList(items, leadText, ctx.range(startOf(lead), endOf(lead)));
          markPlannedList(items, leadText, ctx.range(startOf(lead), endOf(lead)));
        }
        pushAll(model.actionItems, items);
        lastNumbered = node.ordered ? items[items.length - 1] : undefined;
      } else if (node.type !== 'paragraph') {
        lastNumbered = undefined;
      }
    }
  }
  // Follow-ups written as prose in an action-items section that holds no list or table items: one to a line of a
  // paragraph ("Future Improvements" written without bullets), else the only follow-up written as one paragraph under
  // "Corrective and Preventative Measures" / "Recommendations:".
  // the sections holding an item, with every section above them (kept up to date as items are added below)
  const holding = holdingSections(model.actionItems);
  const proseOnly = [...prose.entries()].filter(([section]) => section.effectiveKind === 'action-items' && !holding().has(proseScope(section)));
  for (const [section, runs] of proseOnly) {
    for (const run of runs) {
      const lines = lineItems(run, ctx, section, false);
      // the one paragraph written on one line, each of its sentences committing to work of its own
      const split = lines.length === 1 && runs.length === 1 && lines[0].status === 'open' ? everySentenceCommits(run, lines[0], ctx, section) : [];
      // several paragraphs of prose: the sentences that commit to work ("A new process will be created …") or are
      // written as to-dos ("Enforce a standard of using Tailscale company-wide.")
      pushAll(model.actionItems, split.length ? split : lines.length || runs.length === 1 ? lines : commitmentItems(run, ctx, section, 'to-dos'));
    }
  }
  // "## Remediation" opening with "Octopus takes service availability seriously. … we fully review and remediate any
  // outages that occur." over "### Cloud provider relationship", "### Internal monitoring", each with its follow-up:
  // the section's own paragraph introduces the sub-sections that hold the follow-ups
  const loneSections = new Set(lone.map(([section]) => section));
  const followUpsBelow = (section: Section): boolean => section.children.some((c) => loneSections.has(c) || holding().has(c) || followUpsBelow(c));
  for (const [section, run] of lone) {
    if (section.effectiveKind !== 'action-items' || holding().has(proseScope(section)) || followUpsBelow(section)) continue;
    // one paragraph to a reader, even where a disable comment splits it in the tree
    const p = run[0];
    const item = paragraphItem(p, ctx, section, false, undefined, run.length > 1 ? endOf(run[run.length - 1]) : undefined);
    // the lesson drawn ("None of this would have happened had we …"), not a follow-up
    if (item && isHindsight(item)) continue;
    // the rule every later change follows ("A new package lands in its manifest … in the same change"), not work
    if (item && isStandingRule(item)) continue;
    // the author's note about the page ("Note: this is a rough first draft, more to come later."), not work
    if (item && isEditorNote(item)) continue;
    // "… and we will continue to extend these checks into the future": carrying on is the lesson kept, unless another
    // sentence of it commits to work
    if (item && isOngoingPledge(item) && !commitmentItems(run, ctx, section).length) continue;
    // "A temporary exclusion was added. This exclusion will be removed when …": the done work is context, the
    // sentence that commits to work is the follow-up
    const commitments = item && (item.status === 'done' || (!item.statusField && looksCompleted(item.text))) ? commitmentItems(run, ctx, section) : item && item.status === 'open' ? everySentenceCommitsOrStateThenPlans(run, item, ctx, section) : [];
    if (commitments.length) pushAll(model.actionItems, commitments);
    else if (item) {
      // "The seed is still influenced by … To dilute that, we implemented …": the finished work told in it, done
      const finished = item.status === 'open' && !item.statusField && !item.owners.length && !item.due && !looksCompleted(item.text) ? finishedSentences(run, ctx, section) : [];
      if (finished.length) pushAll(model.actionItems, finished);
      // "### Validation": how the changes were checked, told in the past ("Real reboots of both nodes on 2026-04-14.
      // … started cleanly."): an account, not work
      else if (!(CHECKED_TITLE_RE.test(normalizeHeading(section.title)) && isPastNarrative(item))) model.actionItems.push(item);
    }
  }
  collectOutside(tree, sections, model, ctx);
  collectLabels(tree, model, ctx, (offset) => sectionAt(model, offset));
  if (!model.actionItems.length) collectResolutionCommitments(tree, sections, model, ctx);
  collectFiledTickets(tree, sections, model, ctx);
  pushAll(model.actionItems, announcedLinkLists(tree, sections, ctx));
  pushAll(model.actionItems, linkedFollowUps(tree, model, ctx));
  pushAll(model.actionItems, followUpLabels(tree, model, ctx));
  pushAll(model.actionItems, doneSoFarItems(tree, model, ctx));
  pushAll(model.actionItems, measuresTaken(tree, sections, ctx, model.actionItems));
  // a box written as a question ("- [ ] Does the migration have a rollback?"), wherever it was read: a check to make,
  // and an entry telling what went wrong ("The Security Team did not properly plan the reboot schedule …"): an account
  model.actionItems = model.actionItems.filter((item) => !isCheckQuestion(item) && !(item.format !== 'table-row' && isFailureAccount(item)));
  applyContextStatus(model.actionItems, ctx);
  markDrivenFollowUps(model.actionItems);
  markFixedBySameChange(model.actionItems, ctx);
  markDoneInResolution(model.actionItems, model, ctx, tree);
  markVerifiedCorrections(model.actionItems, model, ctx);
  applyLinkedFixStatus(model.actionItems, tree, ctx);
  model.actionItems.sort((a, b) => a.range.start.offset - b.range.start.offset);
  model.actionItems = dropRestatedProse(dropFindingAdvice(dropRestatedLists(mergeExtendedWork(mergeRestatedItems(model.actionItems)))));
  applyGroupPriority(model.actionItems, ctx);
}

/** The section kind a paragraph names when it is only a section's name on one line ("Lessons Learned", "Action Items"). */
function plainNameKind(p: Paragraph, text: string): SectionKind | undefined {
  // asked of every paragraph of the follow-ups on every lint: a long one is no name line, and is not copied
  if (endOf(p) - startOf(p) > 64) return undefined;
  const line = text.slice(startOf(p), endOf(p)).trim();
  return NAME_LINE_RE.test(line) ? matchSection(line) : undefined;
}

/**
 * "The bug will be fixed in this PR, and once merged, it will undergo tests on the devnet. Additionally, we will
 * re-execute the transaction … Once all tests are completed, it will be applied to mainnet …": one paragraph under a
 * follow-up heading in which every sentence commits to work is several follow-ups, one a sentence. Only with no
 * owner or date written in it (they would belong to one of them) and when the sentences cover the whole paragraph
 * (one that explains or states is one follow-up with its context, as before). None, or at least two items.
 */
function everySentenceCommits(run: Paragraph[], item: ActionItem, ctx: ParseContext, section: Section): ActionItem[] {
  if (item.owners.length || item.due?.kind === 'date' || item.priority) return [];
  const items = commitmentItems(run, ctx, section);
  // "The installers will live at …. The wiki will remain locked until then.": what the one change leaves in place
  if (items.length < 2 || items.some((i) => STATE_WILL_RE.test(i.text))) return [];
  // "… a script will automatically test uninstallation … and alerts the team. And afterwards container will be
  // updated …": a sentence opening on "And" or "Then" carries on the one before, the same follow-up
  if (items.slice(1).some((i) => CARRIES_ON_RE.test(i.text))) return [];
  // the words no sentence read holds (comments, a disable directive among them, are not words)
  const s0 = startOf(run[0]);
  let rest = ctx.text.slice(s0, endOf(run[run.length - 1]));
  for (const i of [...items].reverse()) rest = rest.slice(0, i.textRange.start.offset - s0) + rest.slice(i.textRange.end.offset - s0);
  return /[\p{L}\p{N}]/u.test(blankComments(rest)) ? [] : items;
}

/** Several follow-ups in one paragraph: every sentence commits, or a state already in place comes before the plans. */
function everySentenceCommitsOrStateThenPlans(run: Paragraph[], item: ActionItem, ctx: ParseContext, section: Section): ActionItem[] {
  const split = everySentenceCommits(run, item, ctx, section);
  return split.length ? split : stateThenPlans(run, item, ctx, section);
}

const CARRIES_ON_RE = /^(?:and|then|afterwards|after that|thereafter)\b/i;
const STATE_WILL_RE = /\bwill\s+(?:\w+ly\s+)?(?:remain|stay|live|reside|exist|continue|keep)\b/i;

/**
 * "### Community Action Item", "## What users should do": advice to the readers (upgrade, rotate your keys), not the
 * team's follow-ups; nobody on the team owns it. The section is still there for missing-section.
 */
function forReaders(section: Section): boolean {
  for (let s: Section | undefined = section; s; s = s.parent) if (FOR_READERS_RE.test(normalizeHeading(s.title))) return true;
  return false;
}
const FOR_READERS_RE =
  /^(?:community|users?|customers?|(?:node )?operators?|clients?|farmers?|ecosystem)\b.{0,30}\bactions?\b|^(?:recommended )?actions? (?:for|required (?:by|from|of)) (?:our |all )?(?:users?|customers?|the community|community|(?:node )?operators?|clients?)\b|^what (?:you|users|customers|operators) (?:should|need to|must|can) do\b/;

/** A sub-heading over how the changes were checked: "Validation", "Verification", "Testing the fix". */
const CHECKED_TITLE_RE = /^(?:validation|verification|testing(?: the fix(?:es)?)?|how (?:we|it was) (?:tested|verified|validated)(?: it)?)$/;

function topActionSection(section: Section): Section {
  let top = section;
  for (let s: Section | undefined = section; s; s = s.parent) if (s.kind === 'action-items') top = s;
  return top;
}

/**
 * Where list or table items make a section's prose explanation rather than follow-ups: the whole action-items
 * section, or only its own sub-heading when the prose sits under one ("### Repo2docker" holding one paragraph next
 * to a numbered list under "### Process": each project's follow-up is that paragraph).
 */
function proseScope(section: Section): Section {
  const top = topActionSection(section);
  return section !== top && section.kind !== 'action-items' ? section : top;
}

/**
 * The sections that hold one of `items` or have one below them: `section` is among them when some item is under it.
 * Read through the returned function, which first takes in the items added since (items are only appended here):
 * one walk up per item instead of a scan of every item per section (quadratic at 1 MB: ~20 ms a keystroke).
 */
function holdingSections(items: ActionItem[]): () => Set<Section> {
  const holding = new Set<Section>();
  let seen = 0;
  return () => {
    for (; seen < items.length; seen++) {
      for (let s: Section | undefined = items[seen].section; s && !holding.has(s); s = s.parent) holding.add(s);
    }
    return holding;
  };
}

/** The words of the paragraph right before `node` in its section (HTML comments between them skipped), if any. */
function paragraphNodeBefore(nodes: RootContent[], node: RootContent): Paragraph | undefined {
  let at = nodes.indexOf(node) - 1;
  while (at >= 0 && isCommentNode(nodes[at])) at--;
  const p = nodes[at];
  return p?.type === 'paragraph' ? p : undefined;
}

function paragraphBefore(nodes: RootContent[], node: RootContent): string | undefined {
  const p = paragraphNodeBefore(nodes, node);
  return p ? plain(p) : undefined;
}
