import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lineEdits } from '../../server/src/lsp/lineEdits';

const apply = (before: string, after: string) => TextDocument.applyEdits(TextDocument.create('x', 'dockerfile', 0, before), lineEdits(before, after));

describe('lineEdits: a fix-all result as a few line-range edits', () => {
  test('applying the edits gives the new text exactly (generated line soups, LF/CRLF, with and without final EOL)', () => {
    const line = fc.constantFrom('FROM node:20', 'RUN npm ci', 'COPY . .', '', 'USER node', '# c', 'RUN a \\', '  && b', 'é😀');
    const text = fc.tuple(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([ls, eol, last]) => ls.join(eol) + (last && ls.length ? eol : ''));
    fc.assert(fc.property(text, text, (a, b) => apply(a, b) === b), { numRuns: 500 });
  });

  test('untouched lines are outside every edit; each run of changed lines is one edit', () => {
    const before = 'FROM node:20\r\nWORKDIR /app\r\nCOPY . .\r\nRUN npm ci\r\nCMD ["node"]\r\n';
    const after = '# syntax=docker/dockerfile:1\r\nFROM node:20\r\nWORKDIR /app\r\nCOPY package.json ./\r\nRUN npm ci\r\nCOPY . .\r\nCMD ["node"]\r\n';
    const edits = lineEdits(before, after);
    assert.deepEqual(
      edits.map((e) => [e.range.start.line, e.range.end.line, e.newText]),
      [
        [0, 0, '# syntax=docker/dockerfile:1\r\n'],
        [2, 3, 'COPY package.json ./\r\n'],
        [4, 4, 'COPY . .\r\n'],
      ],
    );
    assert.equal(apply(before, after), after);
    assert.deepEqual(lineEdits(before, before), []);
  });

  test('a last line without EOL is replaced within the document', () => {
    const edits = lineEdits('FROM a\nCMD x', 'FROM a\nCMD y');
    assert.deepEqual(edits, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } }, newText: 'CMD y' }]);
  });
});
