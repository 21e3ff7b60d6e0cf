// The lightbulb path: vscode.executeCodeActionProvider offers each rule's fix on its diagnostic; applying it gives
// exactly the expected text (build-context files included) and the diagnostic goes away.
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { CASES } from './cases';
import { describeDiagnostics, expectedText, open, revert, waitForDiagnostics, withCode } from './helpers';

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value,
  );
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
}

export async function applyAction(a: vscode.CodeAction): Promise<void> {
  if (a.edit) assert.equal(await vscode.workspace.applyEdit(a.edit), true, `"${a.title}" applies`);
  if (a.command) await vscode.commands.executeCommand(a.command.command, ...(a.command.arguments ?? []));
  assert.ok(a.edit || a.command, `"${a.title}" has an edit or a command`);
}

describe('quick fixes', () => {
  for (const c of CASES) {
    it(`${c.rule}: "${c.fix}" gives the expected text and clears the diagnostic`, async () => {
      const { uri, doc } = await open(c.file);
      const created = Object.keys(c.files ?? {}).map((p) => vscode.Uri.joinPath(uri, '..', p));
      try {
        const [d] = await waitForDiagnostics(uri, () => withCode(uri, c.rule).length === 1, `one ${c.rule} diagnostic`)
          .then(() => withCode(uri, c.rule));
        const actions = await quickFixes(uri, d.range);
        const titles = actions.map((a) => a.title);
        const fix = actions.find((a) => a.title === c.fix);
        assert.ok(fix, `"${c.fix}" is offered on the ${c.rule} diagnostic; offered: ${JSON.stringify(titles)}`);
        assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `"${c.fix}" is a quickfix`);
        await applyAction(fix);
        assert.equal(doc.getText(), expectedText(c.expected), `${c.rule}: the text after "${c.fix}"`);
        for (const [i, p] of Object.keys(c.files ?? {}).entries()) {
          assert.equal(readFileSync(created[i].fsPath, 'utf8'), c.files![p], `${p} after "${c.fix}"`);
        }
        await waitForDiagnostics(uri, () => withCode(uri, c.rule).length === 0, `the ${c.rule} diagnostic to clear`);
        assert.deepEqual(withCode(uri, c.rule), [], describeDiagnostics(withCode(uri, c.rule)));
      } finally {
        await revert(doc);
        for (const f of created) rmSync(f.fsPath, { force: true });
      }
    });
  }

  it('offers nothing on a line without a finding', async () => {
    const { uri } = await open('root-user/Dockerfile');
    await waitForDiagnostics(uri, () => withCode(uri, 'root-user').length === 1, 'the root-user diagnostic');
    const line = new vscode.Range(2, 0, 2, 0); // COPY hello.sh …: nothing to report there
    const fixes = (await quickFixes(uri, line)).filter((a) => a.diagnostics?.length);
    assert.deepEqual(fixes.map((a) => a.title), [], 'no quick fix away from a diagnostic');
  });
});
