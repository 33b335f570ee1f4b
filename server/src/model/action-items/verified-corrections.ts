// "## Corrective Action" above "- 新增 `internal/lock.go`：…", "- 重构 `worker_loop` 为容量驱动循环", then "## Verification"
// with "`go test ./…` → `ok`" / "4 passed". Chinese, Japanese and Korean have no tense: "新增 X" is "add X" in a plan and
// "added X" in a report, and the done-words (model/completed.ts) cannot tell which. Here the document tells: a later
// section named for verification reports the checks passing, so the corrective actions above it were carried out and
// verified. A reader counts them done and asks no owner or date of them. Read by index.ts.
import type { ActionItem, Postmortem, Section } from '../types';
import type { ParseContext } from './common';
import { normalizeHeading } from '../sections';
import { startsImperative } from '../verbs';

/** Marks done the open corrective actions written in a tenseless script that a later verification section proves. */
export function markVerifiedCorrections(items: readonly ActionItem[], model: Postmortem, ctx: ParseContext): void {
  let verified: Section | null | undefined;
  for (const item of items) {
    if (!isCandidate(item)) continue;
    verified ??= verificationAfter(model, ctx, item.section) ?? null;
    if (!verified || verified.titleRange.start.offset < item.range.end.offset) continue;
    item.status = 'done';
    item.statusField = { value: 'done', text: verified.title.trim(), range: verified.titleRange };
  }
}

/** An open item with nothing of its own that says open (status, checkbox, owner, date), told in a tenseless script. */
function isCandidate(item: ActionItem): boolean {
  if (item.status !== 'open' || item.statusField || item.deferred || item.format === 'checkbox') return false;
  if (item.owners.length || item.due || !CORRECTIVE_RE.test(normalizeHeading(item.section.title))) return false;
  return TENSELESS_RE.test(item.text) && !startsImperative(item.text);
}

/** The first section named for verification whose text reports the checks passing, or undefined. */
function verificationAfter(model: Postmortem, ctx: ParseContext, after: Section): Section | undefined {
  return model.allSections.find((s) => {
    if (s.headingRange.start.offset < after.headingRange.start.offset || !VERIFICATION_RE.test(normalizeHeading(s.title))) return false;
    return PASSED_RE.test(ctx.text.slice(s.ownContentRange.start.offset, s.ownContentRange.end.offset));
  });
}

const CORRECTIVE_RE = /^(?:corrective (?:actions?|changes?|measures?)|fix(?:es)? applied|纠正措施|糾正措施|修复措施|修復措施|整改措施|是正(?:措置|処置)|시정 조치)$/u;
const VERIFICATION_RE = /^(?:verification|validation|regression tests?|验证|驗證|回归测试|回歸測試|検証|검증)$/u;
/** "5 passed", "→ `ok`", "tests pass", "测试通过": a check reported passing. */
const PASSED_RE = /\b\d+ passed\b|→\s*`?ok\b|\btests? pass(?:ed|es)?\b|通过|通過|合格|통과/iu;
/** Han, kana or hangul (scripts whose verbs carry no tense), or the full-width punctuation written with them: "Controller（…）：". */
const TENSELESS_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60]/u;
