// Mocha entry loaded by the extension host (extensionTestsPath): the @vscode/test-electron contract.
// Per-test lines and totals go to the file named by PM_TEST_RESULTS so the runner can print them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000 });
  const grep = process.env.PM_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const f of fs.readdirSync(__dirname).sort()) if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  const resultsFile = process.env.PM_TEST_RESULTS;
  const lines: string[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify({ passes: runner.stats?.passes ?? 0, failures, lines }, null, 1));
      if (failures > 0) reject(new Error(`${failures} tests failed.`));
      else resolve();
    });
    runner.on('pass', (t) => lines.push(`ok - ${t.fullTitle()} (${t.duration ?? 0} ms)`));
    runner.on('fail', (t, err: Error) => lines.push(`not ok - ${t.fullTitle()}: ${err?.message}`));
  });
}
