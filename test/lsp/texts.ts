// Documents the LSP tests open. Written for these tests (never copied from the corpus).

/** A postmortem by front matter with action items that lack an owner, a date, or both. */
export const POSTMORTEM = `---
type: postmortem
title: Checkout outage
date: 2026-02-10
---
# Checkout outage on 2026-02-10

## Summary

Checkout returned 502 errors for 40 minutes after a connection-pool change.

## Impact

About 12,000 orders failed between 14:05 and 14:45 UTC.

## Timeline

- 14:05 UTC: deploy of payments-api 4.2 starts
- 14:45 UTC: rollback completes

## Contributing causes

The pool size was lowered from 50 to 5 by a typo in the Helm values.

## Action items

- [ ] Add a CI check that rejects pool sizes below 20 in payments-api Helm values — @maria, due 2026-04-01, P1
- [ ] Alert when checkout 5xx rate exceeds 2% for 5 minutes, due 2026-04-15, P1
- [ ] Write a runbook for rolling back payments-api — @li, next sprint, P2
- [ ] Improve monitoring
`;

export const README = `# Project

A tool for things.

## Roadmap

- [ ] Add dark mode
- [ ] Improve monitoring
`;

/** A blank template whose action table carries example rows, as many do to show the format. */
export const TEMPLATE = [
  '# {Incident title}',
  '',
  '## Summary',
  '',
  '{One or two sentences: what broke, for whom, for how long.}',
  '',
  '## Impact',
  '',
  '{Who was affected, and how many}',
  '',
  '## Root causes',
  '',
  '{The conditions that made it possible}',
  '',
  '## Action items',
  '',
  '| Action | Owner | Due |',
  '| --- | --- | --- |',
  '| Add an alert on queue depth | [Owner] | YYYY-MM-DD |',
  '| Document the failover steps | <owner> | YYYY-MM-DD |',
  '',
].join('\n');
