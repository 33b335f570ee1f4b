// A review question answered by a page that already exists ("How would the team escalate …? Runbook page [here](…)") is
// done; one answered by a ticket raised stays open, and so does a task that only mentions a runbook.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePostmortem } from '../../server/src/model/parse';

const statusOf = (line: string) => parsePostmortem(`# Proxy outage\n\n## Summary\n\nThe proxy certificate expired.\n\n## Action items\n\n- ${line}\n`).actionItems[0];

test('a question answered by an existing page is done, with the pointer as its status', () => {
  const item = statusOf('Who gets told when a certificate is about to expire? Runbook page [here](https://example.org/runbooks/certs)');
  assert.equal(item.status, 'done');
  assert.equal(item.statusField?.text, 'Runbook page here');
  assert.equal(statusOf('How do we rotate the proxy key? See the runbook for the steps.').status, 'done');
});

test('a question with a ticket raised, or a task that names a runbook, stays open', () => {
  assert.equal(statusOf('Can we renew the certificate automatically? Ticket raised [#512](https://example.org/issues/512), runbook page here').status, 'open');
  assert.equal(statusOf('Write the runbook page at the usual place for certificate renewals').status, 'open');
});
