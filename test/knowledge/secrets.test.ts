import { test } from 'node:test';
import assert from 'node:assert/strict';
import { credentialKind, isCredentialName, isNonSecretDefault, nameWords } from '../../server/src/knowledge/secrets';

test('credential names, BuildKit-like with a wider allow-list', () => {
  const yes = ['NPM_TOKEN', 'GITHUB_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'apiKey', 'API_KEY', 'DB_PWD', 'DB_PASS', 'SSH_PRIVATE_KEY', 'NPMTOKEN', 'clientSecret', 'NPM_AUTH_TOKEN', 'KEY', 'GOOGLE_APPLICATION_CREDENTIALS', 'PASSWORD'];
  const no = ['TOKEN_FILE', 'PUBLIC_KEY', 'AWS_ACCESS_KEY_ID', 'PWD', 'GPG_KEY', 'AUTHOR', 'BYPASS', 'PASSWORD_FILE', 'CACHE_KEY', 'NODE_VERSION', 'MONKEY', 'TOKENIZER', 'SECRET_NAME', 'AUTH_URL', 'KEYSERVER', 'FASTCGI_PASS', 'PROXY_PASS'];
  for (const n of yes) assert.ok(isCredentialName(n), n);
  for (const n of no) assert.ok(!isCredentialName(n), n);
  assert.deepEqual(nameWords('NPMToken_x-y.z'), ['npm', 'token', 'x', 'y', 'z']);
});

test('credential values by format, never echoing them', () => {
  assert.equal(credentialKind('ghp_' + 'a1'.repeat(18)), 'a GitHub token');
  assert.equal(credentialKind('AKIA' + 'ABCDEFGHIJKLMNOP'), 'an AWS access key');
  assert.equal(credentialKind('https://u:hunter2@git.example.com/r.git'), 'a URL with a password');
  assert.equal(credentialKind('https://u:${PASS}@git.example.com/r.git'), undefined);
  assert.equal(credentialKind('-----BEGIN OPENSSH PRIVATE KEY-----\nabc'), 'a private key');
  assert.equal(credentialKind('1.2.3'), undefined);
  assert.equal(credentialKind(undefined), undefined);
});

test('defaults that show a variable is not a credential', () => {
  for (const v of ['/run/secrets/token', './token.txt', 'false', 'true', '0', 'off']) assert.ok(isNonSecretDefault(v), v);
  for (const v of [undefined, 'changeme', 'abc123']) assert.ok(!isNonSecretDefault(v), String(v));
});
