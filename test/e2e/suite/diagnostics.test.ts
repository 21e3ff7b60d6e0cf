// Each rule's diagnostic as VS Code holds it: code, precise range, source, severity and the link to the rule's doc.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { CASES } from './cases';
import { SOURCE, assertRange, describeDiagnostics, hrefOf, open, waitForDiagnostics, withCode } from './helpers';

describe('diagnostics', () => {
  for (const c of CASES) {
    it(`${c.rule}: code, range, source, severity and docs link`, async () => {
      const { uri } = await open(c.file);
      await waitForDiagnostics(uri, () => withCode(uri, c.rule).length > 0, `a ${c.rule} diagnostic`);
      const ds = withCode(uri, c.rule);
      assert.equal(ds.length, 1, `exactly one ${c.rule} diagnostic:\n  ${describeDiagnostics(ds)}`);
      const [d] = ds;
      assertRange(d, c.range, c.rule);
      assert.equal(d.source, SOURCE);
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning, `${c.rule} is a warning`);
      assert.ok(d.message.length > 10, `${c.rule} has a message: ${d.message}`);
      const href = hrefOf(d);
      assert.ok(href, `${c.rule} links to its documentation (codeDescription.href)`);
      assert.ok(href.path.endsWith(`/${c.rule}.md`), `the link names the rule's doc: ${href.toString()}`);
      if (href.scheme === 'file') assert.ok(existsSync(href.fsPath), `the linked doc exists: ${href.fsPath}`);
    });
  }
});
