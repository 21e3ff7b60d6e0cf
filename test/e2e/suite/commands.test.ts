// The two palette commands, run the way the palette runs them: on the active editor, no arguments.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { confirmRefactorPreview, describeDiagnostics, expectedText, open, revert, waitForDiagnostics, waitForText, withCode, ours } from './helpers';

describe('palette commands', () => {
  it('Lean Dockerfile: Split into build and runtime stages', async () => {
    const { uri, doc } = await open('commands/split/Dockerfile');
    try {
      await waitForDiagnostics(uri, () => withCode(uri, 'single-stage-build').length === 1, 'the single-stage-build diagnostic');
      const want = expectedText('commands-split.Dockerfile');
      const changed = waitForText(doc, (t) => t === want, 'the split Dockerfile');
      const ran = vscode.commands.executeCommand('leanDockerfile.splitStages');
      await confirmRefactorPreview();
      await ran;
      await changed;
      await waitForDiagnostics(uri, () => withCode(uri, 'single-stage-build').length === 0, 'single-stage-build to clear');
    } finally {
      await revert(doc);
    }
  });

  it('Lean Dockerfile: Fix all problems', async () => {
    const { uri, doc } = await open('commands/fix-all/Dockerfile');
    try {
      await waitForDiagnostics(uri, (ds) => ds.length >= 1, 'diagnostics');
      const before = ours(uri).length;
      const want = expectedText('commands-fix-all.Dockerfile');
      const changed = waitForText(doc, (t) => t === want, 'every safe fix applied');
      await vscode.commands.executeCommand('leanDockerfile.fixAll');
      await changed;
      const after = await waitForDiagnostics(uri, (ds) => ds.length < before, 'fewer diagnostics');
      assert.ok(after.length < before, describeDiagnostics(after));
    } finally {
      await revert(doc);
    }
  });
});
