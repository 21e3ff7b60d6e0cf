import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextIndex } from '../../server/src/core/text';
import { extractScript } from '../../server/src/core/script';
import { dockerfile, mutatedDockerfile } from './generators';

const SEED = Number(process.env.FC_SEED ?? 20240601);
const anyText = fc.oneof(dockerfile, mutatedDockerfile, fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: fc.constantFrom('a', '\r', '\n', '\\', '`', ' ', '#', '😀'), maxLength: 60 }));

test('TextIndex: lines with their breaks rebuild the text; offsets and positions round-trip', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const ix = new TextIndex(text);
      let rebuilt = '';
      for (let l = 0; l < ix.lineCount; l++) rebuilt += ix.lineText(l) + text.slice(ix.lineContentEnd(l), ix.lineEnd(l));
      assert.equal(rebuilt, text);
      for (let o = 0; o <= text.length; o++) {
        const insideCrlf = text[o - 1] === '\r' && text[o] === '\n';
        const p = ix.positionAt(o);
        if (!insideCrlf) assert.equal(ix.offsetAt(p), o, `offset ${o}`);
        assert.ok(p.line < ix.lineCount && p.character >= 0);
      }
      for (let l = 0; l < ix.lineCount; l++) {
        const len = ix.lineText(l).length;
        for (const c of [0, len >> 1, len]) assert.deepEqual(ix.positionAt(ix.offsetAt({ line: l, character: c })), { line: l, character: c });
        assert.equal(ix.offsetAt({ line: l, character: len + 5 }), ix.lineContentEnd(l), 'clamped to the line end');
      }
      assert.equal(ix.offsetAt({ line: ix.lineCount + 3, character: 0 }), text.length);
      assert.ok(['\n', '\r\n', '\r'].includes(ix.eol));
    }),
    { numRuns: 400, seed: SEED },
  );
});

test('extractScript: every script character keeps its Dockerfile offset; without escapes the script is the slice', () => {
  fc.assert(
    fc.property(anyText, fc.constantFrom('\\', '`'), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (text, escape, a, b) => {
      const start = Math.floor(Math.min(a, b) * text.length);
      const end = Math.floor(Math.max(a, b) * text.length);
      const { script, offsets } = extractScript(text, start, end, escape);
      assert.equal(offsets.length, script.length + 1);
      assert.equal(offsets[script.length], end);
      for (let k = 0; k < script.length; k++) {
        assert.equal(script[k], text[offsets[k]], `char ${k}`);
        assert.ok(offsets[k] >= start && offsets[k] < end);
        if (k) assert.ok(offsets[k] > offsets[k - 1], 'offsets increase');
      }
      if (!text.slice(start, end).includes(escape)) assert.equal(script, text.slice(start, end));
    }),
    { numRuns: 1000, seed: SEED },
  );
});
