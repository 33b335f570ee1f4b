// A short report in another language (30 to 99 words) is read as that language: no missing-section warning asks
// for English section names, and no English-only rule guesses at its words. Under 30 words there is too little to tell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/lint/lint';
import { parsePostmortem } from '../../server/src/model/parse';
import { readsAsEnglish } from '../../server/src/model/facts';

const french =
  "# Postmortem – Panne du portail client\n\n## Résumé\n\nLe certificat du portail client a expiré le 9 mars 2026 à 23:00, un dimanche soir.\n\n" +
  "## Impact\n\nLes clients ne pouvaient plus se connecter au portail pendant trois heures.\n\n" +
  "## Actions préventives\n\n| Action | Responsable | Échéance |\n|---|---|---|\n| Renouveler les certificats automatiquement | Julie | 2026-04-01 |\n";

test('a short French report is not read as English: no missing-section or impact-without-numbers finding', () => {
  assert.equal(readsAsEnglish(parsePostmortem(french)), false);
  const rules = lint(french, { today: '2026-03-01' }).findings.map((f) => f.ruleId);
  assert.ok(!rules.includes('missing-section') && !rules.includes('impact-without-numbers'), rules.join(', '));
});

test('a short English report, even a terse one, is still read as English', () => {
  const english =
    '# Postmortem: customer portal down\n\n## Summary\n\nThe portal certificate expired on 2026-03-09 at 23:00 and we renewed it by hand.\n\n' +
    '## Impact\n\nCustomers could not sign in to the portal for three hours.\n\n## Action items\n\n- Renew certificates automatically — @julie, due 2026-04-01\n';
  assert.equal(readsAsEnglish(parsePostmortem(english)), true);
  assert.ok(lint(english, { today: '2026-03-01' }).findings.some((f) => f.ruleId === 'missing-section'));
});
