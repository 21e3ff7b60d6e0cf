import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanPath, parseDockerignore } from '../../server/src/core/dockerignore';

test('patterns are anchored to the context root, unlike .gitignore', () => {
  const d = parseDockerignore('*.log\nnode_modules\n');
  assert.equal(d.excludes('a.log'), true);
  assert.equal(d.excludes('logs/a.log'), false);
  assert.equal(d.excludes('node_modules'), true);
  assert.equal(d.excludes('node_modules/x/package.json'), true);
  assert.equal(d.excludes('packages/a/node_modules'), false);
});

test('** matches any number of directories, including none', () => {
  const d = parseDockerignore('**/.env\n**/*.pem\n');
  assert.equal(d.excludes('.env'), true);
  assert.equal(d.excludes('apps/web/.env'), true);
  assert.equal(d.excludes('certs/deep/server.pem'), true);
  assert.equal(d.excludes('.envrc'), false);
});

test('the last matching pattern wins, also inside an excluded directory', () => {
  const d = parseDockerignore('node_modules\n!node_modules/keep\n*\n!src\n');
  assert.equal(d.excludes('node_modules/keep'), true, '`*` comes last and excludes it again');
  const e = parseDockerignore('node_modules\n!node_modules/keep\n');
  assert.equal(e.excludes('node_modules/keep/index.js'), false);
  assert.equal(e.excludes('node_modules/other'), true);
  const f = parseDockerignore('*\n!src\n!package.json\n');
  assert.equal(f.excludes('src/main.ts'), false);
  assert.equal(f.excludes('.git'), true);
  assert.equal(f.match('package.json').by?.negated, true);
});

test('lines are trimmed and cleaned; comments, blanks and BOM are skipped', () => {
  const d = parseDockerignore('\uFEFF# comment\r\n  ./build/  \r\n\r\n/.git\r\n ! .env \r\n.env\r\n');
  assert.deepEqual(
    d.patterns.map((p) => [p.negated ? '!' + p.pattern : p.pattern, p.line]),
    [['build', 1], ['.git', 3], ['!.env', 4], ['.env', 5]],
  );
  assert.equal(d.excludes('build/x.js'), true);
  assert.equal(d.excludes('.git/HEAD'), true);
  assert.equal(d.excludes('.env'), true);
});

test('matching is case-sensitive, like Docker on Linux', () => {
  const d = parseDockerignore('Dist\n');
  assert.equal(d.excludes('dist'), false);
  assert.equal(d.excludes('Dist'), true);
});

test('odd patterns never throw', () => {
  const d = parseDockerignore('[\n\\\n#x\n!\n..\n../x\n\\#literal\n');
  assert.equal(d.excludes('a'), false);
  assert.equal(d.excludes('../x'), false);
  assert.equal(d.excludes(''), false);
});

test('cleanPath behaves like Go path.Clean without the leading slash', () => {
  assert.equal(cleanPath('./a//b/../c/'), 'a/c');
  assert.equal(cleanPath('/x'), 'x');
  assert.equal(cleanPath('.'), '.');
  assert.equal(cleanPath('../a'), '../a');
});
