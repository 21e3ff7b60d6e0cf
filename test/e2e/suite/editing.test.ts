// Live analysis while editing: typing a USER line clears root-user (undo brings it back); turning rules off in the
// settings removes their diagnostics, and turning them back on restores them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, open, revert, waitForDiagnostics, withCode, ours } from './helpers';

describe('editing', () => {
  it('typing a USER line clears root-user; undo brings it back', async () => {
    const { uri, doc, editor } = await open('editing/typing/Dockerfile');
    try {
      await waitForDiagnostics(uri, () => withCode(uri, 'root-user').length === 1, 'the root-user diagnostic');
      const cmdLine = doc.getText().split('\n').findIndex((l) => l.startsWith('CMD'));
      assert.ok(cmdLine > 0, 'the fixture has a CMD line');
      editor.selection = new vscode.Selection(cmdLine, 0, cmdLine, 0);
      for (const ch of 'USER 65532\n') await vscode.commands.executeCommand('type', { text: ch });
      assert.equal(doc.lineAt(cmdLine).text, 'USER 65532', 'the typed line is in the document');
      await waitForDiagnostics(uri, () => withCode(uri, 'root-user').length === 0, 'root-user to clear after typing USER');
      while (doc.getText().includes('USER 65532')) await vscode.commands.executeCommand('undo');
      await waitForDiagnostics(uri, () => withCode(uri, 'root-user').length === 1, 'root-user to come back after undo');
    } finally {
      await revert(doc);
    }
  });

  it('leanDockerfile.rules set to off removes those diagnostics; removing the setting restores them', async () => {
    const { uri } = await open('editing/settings/Dockerfile');
    const config = () => vscode.workspace.getConfiguration('leanDockerfile', uri);
    const ds = await waitForDiagnostics(uri, (x) => x.length >= 1, 'diagnostics');
    const ids = [...new Set(ds.map((d) => codeOf(d)!))];
    try {
      await config().update('rules', Object.fromEntries(ids.map((id) => [id, 'off'])), vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(uri, (x) => x.length === 0, `no diagnostics once ${ids.join(', ')} are off`);
    } finally {
      await config().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    const back = await waitForDiagnostics(uri, (x) => x.length === ds.length, 'the diagnostics to come back');
    assert.deepEqual(back.map(codeOf).sort(), ds.map(codeOf).sort());
    assert.deepEqual(ours(uri).length, ds.length);
  });
});
