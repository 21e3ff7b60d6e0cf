import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTokens, isPlaceholder, looksLikeSecret, shannonEntropy, tokenKind } from '../../server/src/knowledge/tokenFormats';

// Built at run time so that this file holds no token-shaped literal.
const gh = 'ghp_' + 'a1B2'.repeat(9);
const aws = 'AKIA' + 'IOSFODNN7EXAMPL1'.toUpperCase();

test('known formats give a kind and the exact offsets of the secret', () => {
  assert.equal(tokenKind(gh), 'a GitHub token');
  assert.equal(tokenKind(aws), 'an AWS access key');
  assert.equal(tokenKind('glpat-' + 'x1Y2z3'.repeat(4)), 'a GitLab token');
  assert.equal(tokenKind('xoxb-123456789012-' + 'aB3'.repeat(8)), 'a Slack token');
  assert.equal(tokenKind('-----BEGIN OPENSSH PRIVATE KEY-----'), 'a private key');
  assert.equal(tokenKind('-----BEGIN PGP PUBLIC KEY BLOCK-----'), undefined);
  const text = `curl https://deploy:${'s3cr3t-Pa55'}@git.example.com/x.git`;
  const [m] = findTokens(text);
  assert.equal(m.kind, 'a password in a URL');
  assert.equal(text.slice(m.start, m.end), 's3cr3t-Pa55');
  const two = `A=${gh} B=${aws}`;
  assert.deepEqual(findTokens(two).map((t) => two.slice(t.start, t.end)), [gh, aws]);
});

test('URL passwords that are variables or placeholders are not credentials', () => {
  for (const u of ['https://u:${PASS}@h/x', 'https://u:$PASS@h/x', 'https://user:password@h/x', 'https://u:<token>@h/x', 'https://u:xxx@h/x']) {
    assert.equal(tokenKind(u), undefined, u);
  }
});

test('placeholders', () => {
  for (const v of ['changeme', 'CHANGE_ME', '<token>', 'your-token-here', 'xxxxxxxx', '', '{{ token }}', 'example-key', 'replace_me', '***']) assert.ok(isPlaceholder(v), v);
  for (const v of ['k3J9xQ2mP7vL4nR8', 'hunter2']) assert.ok(!isPlaceholder(v), v);
});

test('looksLikeSecret: random enough, not a checksum, key id, UUID, version, path or word', () => {
  for (const v of ['k3J9xQ2mP7vL4nR8tW1yZ5bC6dF0gH', 'Tr0ub4dor&3xQ9!', '9f86d081884c7d659a2feaa0c55ad015x']) assert.ok(looksLikeSecret(v), v);
  const no = [
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', // sha256
    'B42F6819007F00F88E364FD4036A9C25BF357DD4', // GPG fingerprint
    '0x9DC858229FC7DD38854AE2D88D81803C0EBFCD88',
    '123e4567-e89b-12d3-a456-426614174000',
    '1.22.3-alpine', '/run/secrets/token', '$TOKEN', '${TOKEN}', 'changeme', 'postgres', 'short', 'my-secret-value',
    'https://example.com/x',
  ];
  for (const v of no) assert.ok(!looksLikeSecret(v), v);
});

test('entropy', () => {
  assert.equal(shannonEntropy(''), 0);
  assert.equal(shannonEntropy('aaaa'), 0);
  assert.equal(shannonEntropy('abcd'), 2);
});
