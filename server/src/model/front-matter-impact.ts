// The impact written as a front-matter field: `slo_impact: full control-plane outage — no kubectl, no scheduling`,
// `impact: none (caught in pre-prod)`. A record kept as YAML fields plus prose sections states what was lost (or that
// nothing user-facing was) there, and a reviewer reading it would not ask for an "## Impact" heading. Pure.
import type { Postmortem } from './types';

/** `impact`, `slo_impact`, `user-impact`, `customer_impact`, `impact_summary`: a field named for the impact. */
const KEY_RE = /^(?:(?:slo|sla|user|users|customer|customers|business|service|client)[_ -])?impact(?:[_ -](?:summary|description|statement))?$/i;
/** A value still waiting to be written: "TBD", "<describe>", "…", "n/a", "?" */
const UNWRITTEN_RE = /^(?:tbd|tbc|todo|n\/?a|unknown|\?+|…|\.{3}|-+)$|^<[^<>]*>$|^\[[^[\]]*\]$|^\{\{[^{}]*\}\}$/i;

/** The front-matter field that states the impact in words (two at least), as `key: value`; undefined without one. */
export function impactInFrontMatter(model: Postmortem): { key: string; value: string } | undefined {
  const data = model.frontMatter?.data;
  if (!data) return undefined;
  for (const [key, raw] of Object.entries(data)) {
    if (!KEY_RE.test(key.trim())) continue;
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (!UNWRITTEN_RE.test(value) && (value.match(/[\p{L}\p{N}]+/gu) ?? []).length >= 2) return { key, value };
  }
  return undefined;
}
