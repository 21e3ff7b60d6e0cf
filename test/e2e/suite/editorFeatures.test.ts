// The editor comforts taken from dockerfile-language-service (completion, hover on instructions, formatting) behind
// `leanDockerfile.editorFeatures`. The runner starts the suite twice: without a Docker extension they are ours; with
// the `docker.docker` stub (test/e2e/fixtures/extensions/) "auto" leaves them to it, so nothing shows twice, and
// "on" brings them back live. Each switch is awaited on the providers' answers, re-asked on every diagnostics
// publication of the file (the server republishes after (un)registering them), never after a sleep.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DOCKER_EXTENSION, SOURCE, assertRange, codeOf, describeDiagnostics, open, retryOnEvent, waitForDiagnostics, withCode } from './helpers';

const FILE = 'editor-features/Dockerfile';
/** `EXPOSE 80/tcpx`: the service's syntax check (dockerfile-utils) reports the protocol; root-user is reported too. */
const SYNTAX_FILE = 'editor-features/syntax/Dockerfile';
const SYNTAX_SOURCE = 'dockerfile-utils';
const BLANK_LINE = new vscode.Position(3, 0); // the empty line before CMD: an instruction may start here
const ON_FROM = new vscode.Position(0, 2); // inside the keyword FROM (no finding there)
const ON_IMAGE = new vscode.Position(0, 10); // inside node:20-bookworm-slim: the root-user finding
/** What the language service says about FROM (its hover text and its documentation link). */
const FROM_DOC = /Set the `baseImage` to use for subsequent instructions[\s\S]*docs\.docker\.com\/engine\/reference\/builder\/#from/;
const KEYWORDS = ['FROM', 'RUN', 'COPY', 'WORKDIR', 'HEALTHCHECK', 'USER'];
const FORMATTED = 'FROM node:20-bookworm-slim\nWORKDIR /app\nCOPY server.js .\n\nCMD ["node", "server.js"]\n';

interface Answers {
  keywords: string[];
  labels: string[];
  fromHovers: string[];
  imageHovers: string[];
  edits: vscode.TextEdit[];
}

const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
const hoverText = (h: vscode.Hover) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');

/** Asks VS Code's providers what a user would get: completion on a blank line, hover on FROM and on the image, formatting. */
async function ask(uri: vscode.Uri): Promise<Answers> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, BLANK_LINE);
  const labels = (list?.items ?? []).map(labelOf);
  const keywords = KEYWORDS.filter((k) => labels.some((l) => l === k || l.startsWith(`${k} `)));
  const hovers = async (p: vscode.Position) =>
    ((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, p)) ?? []).map(hoverText);
  const edits =
    (await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', uri, { tabSize: 4, insertSpaces: true })) ?? [];
  return { keywords, labels, fromHovers: await hovers(ON_FROM), imageHovers: await hovers(ON_IMAGE), edits };
}

/** The document's text with the formatting edits applied (the document itself is left alone). */
function formatted(doc: vscode.TextDocument, edits: readonly vscode.TextEdit[]): string {
  let text = doc.getText();
  for (const e of [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start))) {
    text = text.slice(0, doc.offsetAt(e.range.start)) + e.newText + text.slice(doc.offsetAt(e.range.end));
  }
  return text;
}

const serviceOn = (a: Answers) => a.keywords.length === KEYWORDS.length && a.fromHovers.some((h) => FROM_DOC.test(h)) && a.edits.length > 0;
const serviceOff = (a: Answers) => a.keywords.length === 0 && !a.fromHovers.some((h) => FROM_DOC.test(h)) && a.edits.length === 0;
const summary = (a: Answers) =>
  `completion ${JSON.stringify(a.labels)}; hover on FROM ${JSON.stringify(a.fromHovers)}; formatting edits ${a.edits.length}`;

/** Re-asks on every diagnostics publication of the file until `ok` holds (bounded). */
function waitForAnswers(uri: vscode.Uri, ok: (a: Answers) => boolean, what: string): Promise<Answers> {
  return retryOnEvent(
    () => ask(uri),
    ok,
    vscode.languages.onDidChangeDiagnostics,
    (e) => e.uris.some((u) => u.toString() === uri.toString()),
    what,
    summary,
  );
}

function assertOurs(a: Answers, doc: vscode.TextDocument): void {
  assert.deepEqual(a.keywords, KEYWORDS, `completion on a blank line offers the instruction keywords; offered: ${JSON.stringify(a.labels)}`);
  assert.equal(a.fromHovers.filter((h) => FROM_DOC.test(h)).length, 1, `one hover on FROM explains it: ${JSON.stringify(a.fromHovers)}`);
  assert.equal(formatted(doc, a.edits), FORMATTED, 'formatting removes the indentation before COPY and nothing else');
}

/** Our own hover on a finding is always on, and shown once. */
function assertFindingHover(a: Answers): void {
  const ourHovers = a.imageHovers.filter((h) => h.includes('**Lean Dockerfile**') && h.includes('root-user'));
  assert.equal(ourHovers.length, 1, `one Lean Dockerfile hover on the root-user finding: ${JSON.stringify(a.imageHovers)}`);
}

async function setEditorFeatures(value: 'on' | 'off' | undefined): Promise<void> {
  const changed = new Promise<void>((resolve) => {
    const sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('leanDockerfile.editorFeatures')) return;
      sub.dispose();
      resolve();
    });
  });
  await vscode.workspace.getConfiguration('leanDockerfile').update('editorFeatures', value, vscode.ConfigurationTarget.Workspace);
  await changed;
}

/** One publication carries our findings and the service's syntax diagnostics: once root-user is there, both are. */
function syntaxDiagnostics(uri: vscode.Uri, ok: (syntax: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  const now = async () => vscode.languages.getDiagnostics(uri);
  return retryOnEvent(
    now,
    (all) => all.some((d) => d.source === SOURCE && codeOf(d) === 'root-user') && ok(all.filter((d) => d.source === SYNTAX_SOURCE)),
    vscode.languages.onDidChangeDiagnostics,
    (e) => e.uris.some((u) => u.toString() === uri.toString()),
    what,
    describeDiagnostics,
  ).then((all) => all.filter((d) => d.source === SYNTAX_SOURCE));
}

function assertSyntaxDiagnostic(ds: vscode.Diagnostic[]): void {
  assert.equal(ds.length, 1, `one syntax diagnostic: ${describeDiagnostics(ds)}`);
  assertRange(ds[0], [1, 10, 1, 14], 'the invalid protocol');
  assert.match(ds[0].message, /tcpx/);
}

async function openFixture(): Promise<{ uri: vscode.Uri; doc: vscode.TextDocument }> {
  const { uri, doc } = await open(FILE);
  await waitForDiagnostics(uri, () => withCode(uri, 'root-user').length === 1, 'the root-user diagnostic');
  return { uri, doc };
}

const docker = vscode.extensions.getExtension(DOCKER_EXTENSION);

if (!docker) {
  describe('editor features, no Docker extension installed', () => {
    it('completion, hover on FROM and formatting come from our language service', async () => {
      const { uri, doc } = await openFixture();
      const a = await waitForAnswers(uri, serviceOn, 'the language service\'s completion, hover and formatting');
      assertOurs(a, doc);
      assertFindingHover(a);
    });

    it('syntax diagnostics come from our language service too', async () => {
      const { uri } = await open(SYNTAX_FILE);
      assertSyntaxDiagnostic(await syntaxDiagnostics(uri, (ds) => ds.length > 0, 'the syntax diagnostic'));
    });

    it('"off" removes them live; back to "auto" restores them', async () => {
      const { uri, doc } = await openFixture();
      try {
        await setEditorFeatures('off');
        const off = await waitForAnswers(uri, serviceOff, 'no completion, FROM hover or formatting once "off"');
        assertFindingHover(off);
      } finally {
        await setEditorFeatures(undefined);
      }
      assertOurs(await waitForAnswers(uri, serviceOn, 'the features back with "auto"'), doc);
    });
  });
} else {
  describe(`editor features, ${DOCKER_EXTENSION} installed (stub)`, () => {
    it('"auto" leaves completion, hover on FROM and formatting to it; our finding hover stays, once', async () => {
      const { uri } = await openFixture();
      const a = await ask(uri);
      assert.ok(serviceOff(a), `nothing from the language service beside ${DOCKER_EXTENSION}: ${summary(a)}`);
      assert.deepEqual(a.fromHovers, [], 'no hover on FROM at all');
      assertFindingHover(a);
    });

    it('"auto" leaves the syntax diagnostics to it; "on" brings them back live, "auto" removes them again', async () => {
      const { uri } = await open(SYNTAX_FILE);
      assert.deepEqual(await syntaxDiagnostics(uri, () => true, 'the root-user diagnostic'), [], `no ${SYNTAX_SOURCE} diagnostic beside ${DOCKER_EXTENSION}`);
      try {
        await setEditorFeatures('on');
        assertSyntaxDiagnostic(await syntaxDiagnostics(uri, (ds) => ds.length > 0, 'the syntax diagnostic with "on"'));
      } finally {
        await setEditorFeatures(undefined);
      }
      await syntaxDiagnostics(uri, (ds) => ds.length === 0, `the syntax diagnostic left to ${DOCKER_EXTENSION} again`);
    });

    it('"on" brings them back live; back to "auto" leaves them to it again', async () => {
      const { uri, doc } = await openFixture();
      try {
        await setEditorFeatures('on');
        const on = await waitForAnswers(uri, serviceOn, 'completion, hover and formatting with "on"');
        assertOurs(on, doc);
        assertFindingHover(on);
      } finally {
        await setEditorFeatures(undefined);
      }
      const auto = await waitForAnswers(uri, serviceOff, `the features left to ${DOCKER_EXTENSION} again`);
      assertFindingHover(auto);
    });
  });
}
