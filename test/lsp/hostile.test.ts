// The hostile client (issue 6 item 3): one server process takes malformed JSON-RPC, unknown methods,
// out-of-order versions, out-of-range edits, a 10 MB document, binary content, 1,000 rapid edits,
// cancellations and a didClose during analysis — and must stay up, answer with well-formed errors, publish
// only current versions, and give its memory back. Every wait is on an event, bounded by a timeout.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bigDockerfile, Docs } from './hostile/documents';
import { RawClient, type Message } from './hostile/rawClient';

const MB = 1024 * 1024;
const REQUEST_CANCELLED = -32800;
const PING = { textDocument: { uri: 'file:///hostile/nothing/Dockerfile' }, position: { line: 0, character: 0 } };
const SMALL = 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nUSER node\nCMD ["node", "index.js"]\n';

describe('language server: hostile client', { timeout: 180_000 }, () => {
  let c: RawClient;
  let docs: Docs;
  let baseline = 0;

  /** A request the server must answer: proof that it is up and that everything sent before was read. */
  const ping = async () => assert.deepEqual((await c.request('textDocument/hover', PING)).result, null);
  const nullIdErrors = () => c.responses.get(null)?.length ?? 0;
  const assertErrorShape = (m: Message, code?: number) => {
    assert.equal(m.jsonrpc, '2.0');
    assert.ok(m.error && Number.isInteger(m.error.code) && typeof m.error.message === 'string', `an error response: ${JSON.stringify(m)}`);
    if (code !== undefined) assert.equal(m.error.code, code, m.error.message);
    assert.equal('result' in m, false);
  };

  before(async () => {
    // --expose-gc only lets the memory check ask for a collection; the server never calls gc itself.
    c = RawClient.spawn(['--expose-gc']);
    docs = new Docs(c);
    await c.initialize();
    const uri = 'file:///hostile/warm/Dockerfile';
    docs.open(uri, SMALL);
    await c.diagnostics(uri, (p) => p.version === 1, 0);
    await ping();
    baseline = c.rss();
  });

  after(async () => {
    if (c.alive) assert.equal(await c.stop(), 0, 'shutdown + exit ends the server with 0');
  });

  test('malformed JSON-RPC: each gets a well-formed error and the stream stays in sync', async () => {
    const cases: [string, () => void, number | string | null, number][] = [
      ['truncated JSON', () => c.send('{"jsonrpc":"2.0","id":901,'), null, -32700],
      ['not JSON at all', () => c.send('hello'), null, -32700],
      ['wrong jsonrpc version', () => c.send({ jsonrpc: '1.0', id: 902, method: 'textDocument/hover', params: PING }), 902, -32600],
      ['no jsonrpc member', () => c.send({ id: 903, method: 'textDocument/hover', params: PING }), 903, -32600],
      ['missing method', () => c.send({ jsonrpc: '2.0', id: 904, params: {} }), 904, -32600],
      ['method not a string', () => c.send({ jsonrpc: '2.0', id: 905, method: 42 }), 905, -32600],
      ['params not structured', () => c.send({ jsonrpc: '2.0', id: 906, method: 'textDocument/hover', params: 7 }), 906, -32600],
      ['an id that is an object', () => c.send({ jsonrpc: '2.0', id: { x: 1 }, method: 'textDocument/hover' }), null, -32600],
      ['a batch', () => c.send([{ jsonrpc: '2.0', id: 907, method: 'textDocument/hover', params: PING }]), null, -32600],
      ['JSON null', () => c.send('null'), null, -32600],
      ['Content-Length not a number', () => c.write('Content-Length: ten\r\n\r\n{"jsonrpc":"2.0"}'), null, -32700],
      ['no Content-Length', () => c.write('Content-Type: application/json\r\n\r\n{}'), null, -32700],
      ['header line without a colon', () => c.write('garbage\r\n\r\n'), null, -32700],
      ['a header that never ends', () => c.write('X'.repeat(20_000)), null, -32700],
      ['Content-Length over the limit', () => c.write('Content-Length: 999999999999\r\n\r\n'), null, -32700],
    ];
    for (const [name, send, id, code] of cases) {
      const before = id === null ? nullIdErrors() : 0;
      send();
      await ping();
      const got = id === null ? (c.responses.get(null) ?? []).slice(before) : (c.responses.get(id) ?? []);
      assert.equal(got.length, 1, `${name}: one error response (got ${JSON.stringify(got)})`);
      assertErrorShape(got[0], code);
    }
    // A Content-Length shorter than the body: the rest is junk until the next header, which is read again.
    c.write('Content-Length: 2\r\n\r\n{}{"jsonrpc":"2.0","method":"x"}');
    await ping();
    // A request with a valid frame but params that do not fit the method: an error, not a crash.
    const bad = await c.request('textDocument/hover', { position: 'nowhere' });
    assertErrorShape(bad);
    assert.deepEqual(c.badFrames, [], 'everything the server wrote is valid JSON-RPC');
  });

  test('unknown methods: a request gets MethodNotFound, a notification is ignored', async () => {
    assertErrorShape(await c.request('lean/doesNotExist', {}), -32601);
    assertErrorShape(await c.request('$/doesNotExist', {}), -32601);
    const before = nullIdErrors();
    c.notify('lean/doesNotExist', { a: 1 });
    c.notify('$/doesNotExist');
    await ping();
    assert.equal(nullIdErrors(), before, 'no answer to a notification');
  });

  test('out-of-order versions: a change older than the document is ignored, never published', async () => {
    const uri = 'file:///hostile/versions/Dockerfile';
    docs.open(uri, SMALL);
    await c.diagnostics(uri, (p) => p.version === 1, 0);
    docs.replace(uri, SMALL + 'USER root\n', 5);
    const since = c.published.length;
    // Stale versions (lower than 5, and 5 again) carrying other text.
    for (const v of [3, 4, 5]) c.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: 'FROM scratch\n' }] });
    await ping();
    const five = await c.diagnostics(uri, (p) => p.version === 5, 0);
    assert.ok(five.diagnostics.some((d: any) => d.code === 'root-user' && d.range.start.line === 6), 'version 5 text is kept');
    // The next change applies to the version 5 text, as the client expects.
    const v = docs.append(uri, 'USER node\n');
    const last = await c.diagnostics(uri, (p) => p.version === v, since);
    assert.ok(!last.diagnostics.some((d: any) => d.code === 'root-user'), 'USER node after USER root: not root');
    assert.deepEqual(docs.violations(c.published.filter((p) => p.uri === uri)), []);
    assert.ok(!c.published.some((p) => p.uri === uri && (p.version === 3 || p.version === 4)));
  });

  test('edits with out-of-range positions: clamped when past the end, refused whole when malformed', async () => {
    const uri = 'file:///hostile/ranges/Dockerfile';
    docs.open(uri, SMALL);
    await c.diagnostics(uri, (p) => p.version === 1, 0);
    // Past the end of the document and of a line: the LSP clamps (our copy, the library's TextDocument, too).
    docs.edit(uri, { start: { line: 1000, character: 5 }, end: { line: 2000, character: 0 } }, 'USER root\n');
    docs.edit(uri, { start: { line: 0, character: 500 }, end: { line: 0, character: 900 } }, ' ');
    const clamped = await c.diagnostics(uri, (p) => p.version === docs.version(uri), 0);
    assert.ok(clamped.diagnostics.some((d: any) => d.code === 'root-user' && d.range.start.line === 6), JSON.stringify(clamped));
    // Malformed changes: nothing of the list is applied, the version does not move.
    const at = docs.version(uri) + 1;
    const malformed: unknown[][] = [
      [{ range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } }, text: 'X' }],
      [{ range: { start: { line: 0, character: 1.5 }, end: { line: 0, character: 2 } }, text: 'X' }],
      [{ range: { start: { line: 0, character: 0 } }, text: 'X' }],
      [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'X' }, { range: null, text: 'Y' }],
      [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: null }],
      [{ text: 'X', rangeLength: 3 }],
      ['not a change'],
    ];
    for (const changes of malformed) c.notify('textDocument/didChange', { textDocument: { uri, version: at }, contentChanges: changes });
    c.notify('textDocument/didChange', { textDocument: { uri, version: at }, contentChanges: 'nope' });
    c.notify('textDocument/didChange', { textDocument: { uri }, contentChanges: [{ text: 'FROM scratch\n' }] });
    c.notify('textDocument/didChange', { textDocument: { uri: 42, version: at } });
    c.notify('textDocument/didOpen', { textDocument: { uri: 'file:///hostile/ranges/Other', languageId: 'dockerfile', version: 'one', text: 7 } });
    await ping();
    // A reversed range is well-formed (start and end swap), and the text is still the client's.
    docs.edit(uri, { start: { line: 6, character: 9 }, end: { line: 6, character: 5 } }, 'node');
    const after = await c.diagnostics(uri, (p) => p.version === docs.version(uri), 0);
    assert.equal(docs.version(uri), at);
    assert.ok(!after.diagnostics.some((d: any) => d.code === 'root-user'), `USER node again: ${JSON.stringify(after.diagnostics)}`);
    assert.equal(docs.text(uri).split('\n')[6], 'USER node');
    assert.deepEqual(docs.violations(c.published.filter((p) => p.uri === uri)), []);
    assert.ok(!c.published.some((p) => p.uri === 'file:///hostile/ranges/Other'), 'a malformed didOpen opens nothing');
  });

  test('a 10 MB document: not analysed (one notice), edited, queried, closed — and its memory given back', async () => {
    const uri = 'file:///hostile/big/Dockerfile';
    const text = bigDockerfile(10 * MB);
    docs.open(uri, text);
    const first = await c.diagnostics(uri, (p) => p.version === 1, 0, 60_000);
    assert.equal(first.diagnostics.length, 1);
    assert.match((first.diagnostics[0] as { message: string }).message, /larger than/);
    docs.append(uri, 'USER root\n');
    docs.edit(uri, { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } }, '');
    await c.diagnostics(uri, (p) => p.version === docs.version(uri), 0, 60_000);
    const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 100_000, character: 3 } });
    assert.equal(hover.error, undefined);
    const actions = await c.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: docs.end(uri) },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions.result, []);
    const peak = c.rss();
    docs.close(uri);
    await c.diagnostics(uri, (p) => p.diagnostics.length === 0, 0);
    await ping();
    const settled = await settledRss(c, baseline + 50 * MB);
    assert.ok(settled < baseline + 50 * MB, `RSS ${mib(settled)} after closing (baseline ${mib(baseline)}, with the document ${mib(peak)})`);
  });

  test('binary content: NUL bytes, lone surrogates, invalid UTF-8 — analysed, queried, answered in valid JSON', async () => {
    const uri = 'file:///hostile/binary/Dockerfile';
    const text = `\ufeffFROM node:20\u0000-slim\nRUN echo "\ud800 \udfff \uffff"\u0000\n\u0000\u0000\u0000\nENV A=\udc00b\nCOPY . .\nRUN npm ci\n`;
    docs.open(uri, text);
    await c.diagnostics(uri, (p) => p.version === 1, 0);
    // Raw bytes that are not UTF-8 (a lone continuation byte, an overlong NUL, a cut 4-byte sequence) in a change.
    const body = Buffer.from(JSON.stringify({
      jsonrpc: '2.0', method: 'textDocument/didChange',
      params: { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: 'RUN @@@@\n' }] },
    }));
    const at = body.indexOf('@@@@');
    Buffer.from([0x80, 0xc0, 0x80, 0xf0]).copy(body, at);
    c.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
    docs.noteChange(uri, text.replace('COPY', 'RUN \ufffd\nCOPY'), 2);
    const published = await c.diagnostics(uri, (p) => p.version === 2, 0);
    const lines = text.split('\n').length + 1;
    for (const d of published.diagnostics as { range: { start: { line: number }; end: { line: number } } }[]) {
      assert.ok(d.range.start.line >= 0 && d.range.end.line < lines, `range inside the document: ${JSON.stringify(d.range)}`);
    }
    // Split a surrogate pair with an edit, then query every line.
    docs.open('file:///hostile/binary/Pair', 'FROM alpine\nRUN echo \ud83d\udc33\n');
    await c.diagnostics('file:///hostile/binary/Pair', (p) => p.version === 1, 0);
    docs.edit('file:///hostile/binary/Pair', { start: { line: 1, character: 10 }, end: { line: 1, character: 11 } }, '');
    for (let line = 0; line < lines; line++) {
      const h = await c.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 1 } });
      assert.equal(h.error, undefined, JSON.stringify(h));
    }
    const actions = await c.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } },
      context: { diagnostics: published.diagnostics },
    });
    assert.equal(actions.error, undefined, JSON.stringify(actions));
    await c.diagnostics('file:///hostile/binary/Pair', (p) => p.version === 2, 0);
    assert.deepEqual(c.badFrames, []);
  });

  test('1,000 rapid edits: debounced, and the text ends exactly as the client typed it', async () => {
    const uri = 'file:///hostile/typing/Dockerfile';
    docs.open(uri, 'FROM node:20-slim\n');
    await c.diagnostics(uri, (p) => p.version === 1, 0);
    const since = c.published.length;
    const typed = 'WORKDIR /app\nCOPY . .\nRUN npm ci\nENV NODE_ENV=production\nUSER root\nCMD ["node", "index.js"]\n';
    let n = 0;
    while (n < 1000) for (const ch of typed) if (n++ < 1000) docs.append(uri, ch);
    const final = await c.diagnostics(uri, (p) => p.version === 1001, since, 60_000);
    // The same text opened fresh gives the same diagnostics.
    const twin = 'file:///hostile/typing/Twin';
    docs.open(twin, docs.text(uri));
    const expected = await c.diagnostics(twin, (p) => p.version === 1, 0);
    assert.deepEqual(final.diagnostics, expected.diagnostics);
    const publishes = c.published.slice(since).filter((p) => p.uri === uri);
    assert.ok(publishes.length < 100, `debounced: ${publishes.length} publishes for 1,000 edits`);
    assert.deepEqual(docs.violations(publishes), []);
  });

  test('cancellation mid-request: a pending hover and code action answer RequestCancelled', async () => {
    const uri = 'file:///hostile/cancel/Dockerfile';
    let release!: () => void;
    c.configGate = new Promise((r) => (release = r));
    const asked = c.waitFor('configuration', () => true, 20_000, 'a configuration request');
    docs.open(uri, SMALL);
    await asked; // the analysis of the new document is now waiting for its settings
    const hover = c.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 1 } });
    const action = c.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } }, context: { diagnostics: [] },
    });
    const kept = c.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 1 } });
    c.notify('$/cancelRequest', { id: hover });
    c.notify('$/cancelRequest', { id: action });
    c.notify('$/cancelRequest', { id: 123456 }); // unknown: ignored
    c.notify('$/cancelRequest', { id: { bad: true } }); // malformed: ignored
    c.configGate = undefined;
    release();
    assertErrorShape(await c.response(hover), REQUEST_CANCELLED);
    assertErrorShape(await c.response(action), REQUEST_CANCELLED);
    assert.equal((await c.response(kept)).error, undefined, 'the request that was not cancelled is answered');
    await c.diagnostics(uri, (p) => p.version === 1, 0);
    await ping();
  });

  test('didClose during analysis: nothing is published after the empty publish of the close', async () => {
    // The analysis waits for settings when the close arrives.
    const held = 'file:///hostile/close/held/Dockerfile';
    let release!: () => void;
    c.configGate = new Promise((r) => (release = r));
    const asked = c.waitFor('configuration', () => true, 20_000, 'a configuration request');
    docs.open(held, SMALL + 'USER root\n');
    await asked;
    docs.close(held);
    c.configGate = undefined;
    release();
    await c.diagnostics(held, (p) => p.diagnostics.length === 0, 0);
    // A large document closed right after it is opened and changed (the analysis is queued or running).
    const busy = 'file:///hostile/close/busy/Dockerfile';
    docs.open(busy, bigDockerfile(MB));
    docs.append(busy, 'USER root\n');
    docs.close(busy);
    const analysed = 'file:///hostile/close/analysed/Dockerfile';
    docs.open(analysed, bigDockerfile(32 * 1024));
    await c.diagnostics(analysed, (p) => p.version === 1, 0, 60_000);
    docs.append(analysed, 'USER root\n');
    docs.close(analysed);
    await c.diagnostics(analysed, (p) => p.diagnostics.length === 0, 0, 60_000);
    await c.diagnostics(busy, (p) => p.diagnostics.length === 0, 0, 60_000);
    await ping();
    // Quiet period: a stale publish would come from an analysis finishing or a debounce timer (150 ms) firing.
    await new Promise((r) => setTimeout(r, 600));
    for (const uri of [held, busy, analysed]) assert.deepEqual(docs.violations(c.published.filter((p) => p.uri === uri)), []);
  });

  test('after all that: the server is up, every document ends on its current version, and more work retains no memory', async () => {
    await ping();
    await docs.settled();
    // Quiet period for late publishes (debounce 150 ms) before the final check.
    await new Promise((r) => setTimeout(r, 600));
    assert.deepEqual(docs.violations(c.published), []);
    assert.deepEqual(c.badFrames, []);
    assert.ok(c.alive);
    // Memory: V8 keeps the heap it grew for the work above, so RSS after it says little about leaks. What
    // must hold is that the same work again retains nothing: close all, collect (a large close does, under
    // --expose-gc), measure; one more round of the heaviest work; close, collect, measure again.
    const round = async (n: number) => {
      for (const uri of [...docs.docs.keys()]) docs.close(uri);
      const last = `file:///hostile/last/${n}/Dockerfile`;
      docs.open(last, bigDockerfile(2 * MB));
      docs.close(last);
      await c.diagnostics(last, (p) => p.diagnostics.length === 0, 0);
      await ping();
      return settledRss(c, 0, 6);
    };
    const first = await round(1);
    const big = 'file:///hostile/again/big/Dockerfile';
    docs.open(big, bigDockerfile(10 * MB));
    docs.append(big, 'USER root\n');
    const work = 'file:///hostile/again/work/Dockerfile';
    docs.open(work, bigDockerfile(32 * 1024));
    for (let i = 0; i < 200; i++) docs.append(work, i % 20 === 19 ? '\n' : 'x');
    await docs.settled();
    const second = await round(2);
    assert.deepEqual(docs.violations(c.published), []);
    assert.ok(second < first + 30 * MB, `RSS ${mib(first)} after the battery, ${mib(second)} after one more round (baseline ${mib(baseline)})`);
  });
});

const mib = (b: number) => `${(b / MB).toFixed(0)} MiB`;

/**
 * The server's RSS once it has had the chance to collect: idle rounds (a ping each) until it is under `limit`
 * or `rounds` have passed. Memory is measured from /proc, not reported by the server.
 */
async function settledRss(c: RawClient, limit: number, rounds = 10): Promise<number> {
  let rss = c.rss();
  for (let round = 0; round < rounds && rss >= limit; round++) {
    await new Promise((r) => setTimeout(r, 250));
    await c.request('textDocument/hover', PING);
    rss = c.rss();
  }
  return rss;
}
