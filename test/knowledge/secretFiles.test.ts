import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isNotSecretName, matchSecretFile, matchSecretGlob, TRUST_DIRS } from '../../server/src/knowledge/secretFiles';

test('credential files by name', () => {
  const cases: [string, string][] = [
    ['.npmrc', 'npmrc'], ['config/.pypirc', 'pypirc'], ['.netrc', 'netrc'], ['keys/id_rsa', 'ssh-key'], ['id_ed25519', 'ssh-key'],
    ['.git-credentials', 'git-credentials'], ['.aws/credentials', 'aws-credentials'], ['.docker/config.json', 'docker-config'],
    ['server.key', 'private-key'], ['privkey.pem', 'private-key'], ['.env', 'dotenv'], ['.env.production', 'dotenv'],
    ['my-project-service-account.json', 'gcp-key'], ['.ssh', 'ssh'], ['cert.p12', 'key-store'],
  ];
  for (const [p, id] of cases) assert.equal(matchSecretFile(p)?.id, id, p);
});

test('generic names count only under their directory (source or destination)', () => {
  assert.equal(matchSecretFile('credentials'), undefined);
  assert.equal(matchSecretFile('credentials', '/root/.aws/')?.id, 'aws-credentials');
  assert.equal(matchSecretFile('config.json'), undefined);
  assert.equal(matchSecretFile('config.json', '/root/.docker')?.id, 'docker-config');
});

test('public keys, certificates, templates and signing keys are not credential files', () => {
  for (const p of ['id_rsa.pub', '.env.example', '.env.sample', '.env.template', 'ca.pem', 'fullchain.pem', 'cert.pem', 'server.crt', 'nginx_signing.key', 'repo.key', 'apt.key', 'dhparam.pem', 'public.pem', 'KEYS', '.npmrc.example']) {
    assert.equal(matchSecretFile(p), undefined, p);
  }
  assert.ok(isNotSecretName('id_ed25519.pub'));
  assert.ok(!isNotSecretName('id_ed25519'));
  assert.ok(TRUST_DIRS.test('/usr/local/share/ca-certificates/corp.crt'));
  assert.ok(!TRUST_DIRS.test('/etc/nginx/ssl/'));
});

test('specific globs', () => {
  assert.equal(matchSecretGlob('*.key')?.id, 'private-key');
  assert.equal(matchSecretGlob('ssh/id_*')?.id, 'ssh-key');
  assert.equal(matchSecretGlob('.env*')?.id, 'dotenv');
  assert.equal(matchSecretGlob('*.json'), undefined);
  assert.equal(matchSecretGlob('*'), undefined);
});
