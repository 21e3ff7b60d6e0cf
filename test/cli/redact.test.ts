import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redact, redactLine } from '../../server/src/cli/redact';

test('credential values of ARG/ENV are masked, names and other values kept', () => {
  assert.equal(redactLine('-ARG NPM_TOKEN=abc123def').text, '-ARG NPM_TOKEN=***');
  assert.equal(redactLine('-ENV DB_PASSWORD="p a s s" MODE=prod').text, '-ENV DB_PASSWORD=*** MODE=prod');
  assert.equal(redactLine(' ARG VERSION=1.2.3').text, ' ARG VERSION=1.2.3');
  assert.equal(redactLine(' ARG TOKEN_FILE=/run/secrets/t').masked, false, 'a path is no credential');
  assert.equal(redactLine('+RUN --mount=type=secret,id=npm-token,env=NPM_TOKEN npm ci').masked, false);
  assert.equal(redactLine(' ENV API_KEY=${API_KEY}').masked, false, 'a variable reference is no value');
});

test('token-shaped values are masked wherever they appear', () => {
  const gh = 'ghp_' + 'a'.repeat(36);
  const r = redactLine(`-RUN git clone https://x:${gh}@github.com/o/r && echo ${gh}`);
  assert.ok(!r.text.includes(gh), r.text);
  assert.ok(r.masked);
  const multi = redact(`--- a/Dockerfile\r\n-ARG NPM_TOKEN=npm_${'b'.repeat(36)}\r\n+# ok\r\n`);
  assert.equal(multi.text, '--- a/Dockerfile\r\n-ARG NPM_TOKEN=***\r\n+# ok\r\n');
});
