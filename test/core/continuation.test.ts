import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ready } from '../helpers/setup';
import { applyFixes, buildModel, insertLinesAfter } from '../../server/src/core';
import { closeDanglingContinuation } from '../../server/src/core/continuation';

function insertAfterLast(text: string): string {
  const model = buildModel(text);
  const ins = model.instructions[model.instructions.length - 1];
  // insertLinesAfter closes a dangling continuation itself (one edit), so rules need not remember to.
  const edits = [insertLinesAfter(model, ins, ['USER app'])];
  return applyFixes(text, [{ title: 't', safety: 'unsafe', edits }]).text;
}

test('a dangling continuation at the end of the file is closed before inserting after it', async () => {
  await ready;
  const out = insertAfterLast('FROM a\nRUN apt-get update && \\\n    apt-get clean; \\\n\n# trailing comment\n');
  assert.equal(buildModel(out).instructions.map((i) => i.keyword).join(','), 'FROM,RUN,USER');
  assert.match(out, /apt-get clean;\n/);
  const crlf = insertAfterLast('# escape=`\r\nFROM a\r\nRUN echo a `\r\n');
  assert.equal(crlf, '# escape=`\r\nFROM a\r\nRUN echo a\r\nUSER app\r\n');
});

test('an instruction that ends cleanly is left alone', async () => {
  await ready;
  const model = buildModel('FROM a\nRUN echo a \\\n  b\n# c \\\n');
  assert.equal(closeDanglingContinuation(model, model.instructions[1]), undefined);
  assert.equal(insertAfterLast('FROM a\nRUN echo "a\\\\"\n'), 'FROM a\nRUN echo "a\\\\"\nUSER app\n');
});

test('a tail of lines holding only the escape dangles as a whole: every escape goes, comments between stay', async () => {
  await ready;
  const out = insertAfterLast('FROM a\nRUN set -e; \\\n\tmake; \\\n\t\\\n\n\n');
  assert.equal(buildModel(out).instructions.map((i) => i.keyword).join(','), 'FROM,RUN,USER');
  assert.equal(out, 'FROM a\nRUN set -e; \\\n\tmake;\n\n\nUSER app\n');
  const commented = insertAfterLast('FROM a\r\nRUN make \\\r\n# keep me\r\n  \\\r\n');
  assert.equal(commented, 'FROM a\r\nRUN make\r\n# keep me\r\nUSER app\r\n');
});
