import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FrameReader, readMessage } from '../../../server/src/lsp/framing';

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const bodies = (frames: ReturnType<FrameReader['push']>) => frames.map((f) => ('body' in f ? f.body.toString('utf8') : `ERROR ${f.error}`));

describe('framing: reading JSON-RPC from an untrusted byte stream', () => {
  test('messages split at every byte, or many in one chunk, come out whole and in order', () => {
    const input = Buffer.from(frame('{"a":"é"}') + frame('{}') + frame('[1]'));
    const r = new FrameReader();
    const out = [...input].flatMap((b) => bodies(r.push(Buffer.from([b]))));
    assert.deepEqual(out, ['{"a":"é"}', '{}', '[1]']);
    assert.deepEqual(bodies(new FrameReader().push(input)), ['{"a":"é"}', '{}', '[1]']);
  });

  test('other headers are allowed, names are case-insensitive', () => {
    const r = new FrameReader();
    const got = r.push(Buffer.from('content-type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 2\r\n\r\n{}'));
    assert.deepEqual(bodies(got), ['{}']);
  });

  test('a broken header gives one error, then the next message is read', () => {
    for (const junk of ['Content-Length: ten\r\n\r\n{}', 'garbage\r\n\r\n', 'Content-Type: x\r\n\r\n{}', 'XYZ', 'Content-Length: -1\r\n\r\n']) {
      const out = bodies(new FrameReader().push(Buffer.from(junk + frame('{"ok":1}'))));
      assert.equal(out.filter((o) => o.startsWith('ERROR')).length, 1, `${JSON.stringify(junk)}: ${out}`);
      assert.equal(out[out.length - 1], '{"ok":1}', JSON.stringify(junk));
    }
  });

  test('a header that never ends and a length over the limit are refused without buffering', () => {
    const r = new FrameReader(1000);
    assert.match(bodies(r.push(Buffer.from('x'.repeat(9000))))[0], /too long/);
    assert.deepEqual(bodies(r.push(Buffer.from(frame('{}')))), ['{}']);
    const out = bodies(r.push(Buffer.from('Content-Length: 5000\r\n\r\n' + frame('{}'))));
    assert.match(out[0], /exceeds the limit/);
    assert.equal(out[out.length - 1], '{}');
  });

  test('readMessage: valid messages pass, the rest get the JSON-RPC error they deserve', () => {
    const ok = ['{"jsonrpc":"2.0","id":1,"method":"m"}', '{"jsonrpc":"2.0","method":"n","params":null}', '{"jsonrpc":"2.0","id":"x","result":null}', '{"jsonrpc":"2.0","id":null,"error":{"code":1,"message":"m"}}'];
    for (const m of ok) assert.ok('message' in readMessage(Buffer.from(m)), m);
    const bad: [string, number, number | string | null][] = [
      ['{"jsonrpc":"2.0",', -32700, null],
      ['{"jsonrpc":"1.0","id":3,"method":"m"}', -32600, 3],
      ['{"jsonrpc":"2.0","id":4}', -32600, 4],
      ['{"jsonrpc":"2.0","id":5,"method":5}', -32600, 5],
      ['{"jsonrpc":"2.0","id":true,"method":"m"}', -32600, null],
      ['{"jsonrpc":"2.0","id":null,"method":"m"}', -32600, null],
      ['{"jsonrpc":"2.0","id":6,"method":"m","params":"p"}', -32600, 6],
      ['[{"jsonrpc":"2.0","id":7,"method":"m"}]', -32600, null],
      ['"text"', -32600, null],
    ];
    for (const [m, code, id] of bad) {
      const r = readMessage(Buffer.from(m));
      assert.ok('reply' in r, m);
      assert.equal(r.reply.error?.code, code, m);
      assert.equal(r.reply.id, id, m);
      assert.equal(r.reply.jsonrpc, '2.0');
    }
  });
});
