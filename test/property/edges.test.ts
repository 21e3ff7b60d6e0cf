import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { ready } from '../helpers/setup';
import { memoryContext } from '../../server/src/core/memoryContext';
import { rules } from '../../server/src/rules';
import { checkDockerfile } from '../corpus/checkFile';
import { probeRules } from './probeRules';

const context = memoryContext({ 'package.json': '{}', 'package-lock.json': '{}' });

// Found by the corpus sweep and the property tests: a file that ends inside a line continuation (the README
// of the corpus lists it among real oddities). A line inserted after its last instruction becomes part of it.
for (const text of ['FROM node:20\nCOPY . .\nRUN npm ci \\\n', 'FROM node:20\nCOPY . .\nRUN npm ci \\', 'FROM node:20\r\nCOPY . .\r\nRUN npm ci \\\r\n\r\n']) {
  test(`fixes after a last instruction that ends inside a continuation keep it: ${JSON.stringify(text)}`, async () => {
    await ready;
    const problems = checkDockerfile(text, { rules: [...rules, ...probeRules], context }).map((p) => `${p.kind} ${p.ruleId} (${p.safety} fix): ${p.detail}`);
    assert.deepEqual(problems, []);
  });
}

// Documented parser limits (see docs/performance.md and the sweep's report); each test pins the behaviour
// so that a parser upgrade that lifts the limit shows up here.
test('parser limit: with lone-CR line endings dockerfile-ast reads only the first parser directive', () => {
  const df = DockerfileParser.parse('# syntax=docker/dockerfile:1\r# escape=`\rFROM a');
  assert.deepEqual(df.getDirectives().map((d) => d.getName()), ['syntax']);
  assert.equal(df.getEscapeCharacter(), '\\');
});

test('parser limit: dockerfile-ast takes `<<++EOS` inside a quoted string for a heredoc and swallows the rest of the file', () => {
  const df = DockerfileParser.parse('FROM alpine\nRUN printf "cat <<++EOS\\nx\\n++EOS\\n" | sh\nCMD ["sh"]\n');
  assert.deepEqual(df.getInstructions().map((i) => i.getKeyword()), ['FROM', 'RUN']);
});

test('validator limit: dockerfile-utils validate overflows its stack on a BOM and a variable before any FROM', () => {
  assert.throws(() => validate('\ufeffRUN echo $A'), RangeError);
});
