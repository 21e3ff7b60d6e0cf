#!/usr/bin/env node
// npm run test:desktop — the same VS Code API suite (test/e2e/suite) in desktop VS Code through @vscode/test-electron.
// It downloads VS Code from Microsoft, so it needs the internet (not available in CI here; CI runs the suite in
// code-server instead, see run.mjs). Set VSCODE_VERSION (default: stable) to pick a version.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { runTests } from '@vscode/test-electron';
import { bundleSuite, copyWorkspace, root, suiteBundle } from './lib/apiSuite.mjs';

const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
await bundleSuite();
const ws = copyWorkspace();
let code = 1;
try {
  code = await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: suiteBundle,
    launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
} catch (e) {
  console.error(`test:desktop: ${e.message ?? e}`);
} finally {
  rmSync(ws, { recursive: true, force: true });
}
process.exit(code ? 1 : 0);
