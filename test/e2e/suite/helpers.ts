// Event-driven helpers for the suite: wait on onDidChangeDiagnostics / onDidChangeTextDocument, never on a sleep.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'lean-dockerfile.lean-dockerfile';
export const SOURCE = 'lean-dockerfile';
/** The Docker DX extension's id; the runner's second configuration installs a stub with it. */
export const DOCKER_EXTENSION = 'docker.docker';
/** Filled by the tests, reported to the runner (milliseconds). */
export const timings: Record<string, number> = {};

/** The suite is bundled to out/test/suite.js; fixtures stay in test/e2e/fixtures/. */
const fixtures = join(__dirname, '..', '..', 'test', 'e2e', 'fixtures');

export function expectedText(name: string): string {
  return readFileSync(join(fixtures, 'expected', name), 'utf8');
}

export function wsUri(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is open');
  return vscode.Uri.joinPath(folder.uri, rel);
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  return typeof c === 'object' && c ? String(c.value) : c === undefined ? undefined : String(c);
}

export function hrefOf(d: vscode.Diagnostic): vscode.Uri | undefined {
  const c = d.code;
  return typeof c === 'object' && c ? c.target : undefined;
}

export function withCode(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return ours(uri).filter((d) => codeOf(d) === code);
}

export function describeDiagnostics(ds: readonly vscode.Diagnostic[]): string {
  if (!ds.length) return '(none)';
  const r = (d: vscode.Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
  return ds.map((d) => `${r(d)} ${codeOf(d)} ${d.message}`).join('\n  ');
}

/** Resolves with our diagnostics of `uri` once `ok` holds for them (checked now and on every change). */
export function waitForDiagnostics(
  uri: vscode.Uri,
  ok: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    const check = () => {
      const ds = ours(uri);
      if (!ok(ds)) return;
      done();
      resolve(ds);
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) check();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} on ${uri.path}; diagnostics now:\n  ${describeDiagnostics(ours(uri))}`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      sub.dispose();
    };
    check();
  });
}

/** Resolves once the document's text satisfies `ok` (checked now and on every change). */
export function waitForText(doc: vscode.TextDocument, ok: (text: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!ok(doc.getText())) return;
      done();
      resolve(doc.getText());
    };
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc) check();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; text now:\n${doc.getText()}`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      sub.dispose();
    };
    check();
  });
}

export async function open(rel: string): Promise<{ uri: vscode.Uri; doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const uri = wsUri(rel);
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  assert.equal(doc.languageId, 'dockerfile', `${rel} opens as a Dockerfile`);
  return { uri, doc, editor };
}

/** Puts a document back to its text on disk (tests share nothing). */
export async function revert(doc: vscode.TextDocument): Promise<void> {
  if (!doc.isDirty) return;
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.equal(doc.isDirty, false, `${doc.uri.path} reverted`);
}

export function assertRange(d: vscode.Diagnostic, [sl, sc, el, ec]: readonly number[], what: string): void {
  const r = d.range;
  assert.deepEqual(
    [r.start.line, r.start.character, r.end.line, r.end.character],
    [sl, sc, el, ec],
    `${what}: range (0-based line:char) is the offending word, not the line`,
  );
}

/** Normalises EOLs for comparing a document with an expected file checked out on any platform. */
export function lf(s: string): string {
  return s.replace(/\r\n/g, '\n');
}

/**
 * The palette refactors send an edit that needs confirmation: VS Code shows it in the Refactor Preview with its
 * changes unchecked. Once the preview has opened its document, this ticks the changes and applies them, as a user would.
 */
export function confirmRefactorPreview(timeoutMs = 20_000): Promise<void> {
  const isPreview = (d: vscode.TextDocument) => d.uri.scheme === 'vscode-bulkeditpreview-editor';
  return new Promise((resolve, reject) => {
    const go = async () => {
      done();
      try {
        await vscode.commands.executeCommand('refactorPreview.focus');
        await vscode.commands.executeCommand('list.focusFirst');
        await vscode.commands.executeCommand('refactorPreview.toggleCheckedState');
        await vscode.commands.executeCommand('refactorPreview.apply');
        resolve();
      } catch (e) {
        reject(e);
      }
    };
    const sub = vscode.workspace.onDidOpenTextDocument((d) => void (isPreview(d) && go()));
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`the Refactor Preview did not open within ${timeoutMs} ms`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      sub.dispose();
    };
  });
}

/**
 * Resolves with `probe()`'s answer once `ok` holds: asked now and again after every `event` that `relevant` accepts
 * (one probe at a time; an event during a probe asks once more after it). Rejects after `timeoutMs` with the last answer.
 */
export function retryOnEvent<T, E>(
  probe: () => Promise<T>,
  ok: (answer: T) => boolean,
  event: vscode.Event<E>,
  relevant: (e: E) => boolean,
  what: string,
  describe: (answer: T) => string,
  timeoutMs = 20_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let last: T | undefined;
    let running = false;
    let again = false;
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sub.dispose();
      f();
    };
    const attempt = async (): Promise<void> => {
      if (settled) return;
      if (running) return void (again = true);
      running = true;
      try {
        last = await probe();
        if (ok(last)) return settle(() => resolve(last as T));
      } catch (e) {
        return settle(() => reject(e));
      } finally {
        running = false;
      }
      if (again) {
        again = false;
        await attempt();
      }
    };
    const sub = event((e) => void (relevant(e) && attempt()));
    const timer = setTimeout(
      () => settle(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last answer: ${last === undefined ? '(none)' : describe(last)}`))),
      timeoutMs,
    );
    void attempt();
  });
}
