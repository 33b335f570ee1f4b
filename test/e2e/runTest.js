// Route 1 entry: the standard @vscode/test-electron runTests(), pointed at code-shim.sh instead of a downloaded
// VS Code. The suite (test/e2e/suite/*.test.ts, bundled to out/e2e/suite by test/e2e/build.mjs) runs under mocha
// inside the real extension host of code-server's VS Code, with test/e2e/workspace (a fresh copy) as the folder.
const path = require('node:path');
const { runTests } = require('@vscode/test-electron');

(async () => {
  const root = path.resolve(__dirname, '../..');
  try {
    await runTests({
      vscodeExecutablePath: path.join(__dirname, 'code-shim.sh'),
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out/e2e/suite/index'),
      launchArgs: [path.join(__dirname, 'workspace')],
    });
  } catch (err) {
    console.error('extension-host tests failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  }
})();
