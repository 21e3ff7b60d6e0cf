// Entry of the VS Code API suite: the extension host (code-server's, or desktop VS Code's under @vscode/test-electron)
// requires the bundle (out/test/suite.js) and awaits run(). Mocha runs the tests in the order imported below; the
// runner reads the line `LD_E2E_RESULT {...}` from the console for counts and timings.
import Mocha from 'mocha';
import { format } from 'node:util';
import * as vscode from 'vscode';
import { DOCKER_EXTENSION, timings } from './helpers';

/** Printed before every line of the suite's output, so the runner tells it from the workbench's console noise. */
const MARK = 'LD_E2E| ';
const log = (...args: unknown[]) => console.log(MARK + format(...args));

export async function run(): Promise<void> {
  (Mocha.reporters.Base as unknown as { consoleLog: typeof log }).consoleLog = log;
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  // Bundled tests register through mocha's bdd globals, installed here before they load.
  mocha.suite.emit('pre-require', globalThis, 'suite.js', mocha);
  await import('./startup.test');
  await import('./diagnostics.test');
  await import('./quickFixes.test');
  await import('./commands.test');
  await import('./editing.test');
  await import('./editorFeatures.test');
  const stats = await new Promise<{ passes: number; failures: number; pending: number }>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? { passes: 0, failures: 1, pending: 0 }));
  });
  // Which configuration ran, so the runner can check it got the one it started (test/e2e/run.mjs).
  const dockerExtension = !!vscode.extensions.getExtension(DOCKER_EXTENSION);
  const result = { passed: stats.passes, failed: stats.failures + stats.pending, timings, dockerExtension };
  log(`LD_E2E_RESULT ${JSON.stringify(result)}`);
  if (result.failed || !result.passed) throw new Error(`${result.failed} e2e test(s) failed`);
}
