import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { ensureBundles, ROOT } from '../lsp/bundle';
import { makeProject, SCENARIOS, SECRET_VALUE } from '../lsp/projects';
import { cli } from './run';

const CLEAN = 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nUSER nonroot:nonroot\nENTRYPOINT ["/app"]\n';
const LINE = /^(\S+):(\d+):(\d+) (error|warning|info|hint) \[([a-z0-9-]+)\] (.+)$/;

describe('cli: check', () => {
  before(() => ensureBundles());

  test('--help and --version exit 0', () => {
    const h = cli(ROOT, ['--help']);
    assert.equal(h.status, 0);
    assert.match(h.stdout, /^Usage: lean-dockerfile check/);
    const v = cli(ROOT, ['--version']);
    assert.equal(v.status, 0);
    assert.equal(v.stdout.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  test('usage errors exit 2 with a clear message and write nothing', () => {
    const dir = makeProject(SCENARIOS['copy-before-install'].files);
    for (const args of [[], ['lint', '.'], ['check', '--format', 'xml', '.'], ['check', '--bogus'], ['check', '--unsafe-fixes', '.'], ['check', '--failure-threshold', 'style', '.'], ['check', '--diff', '--format', 'json', '.']]) {
      const r = cli(dir, args);
      assert.equal(r.status, 2, `${args.join(' ')} → 2`);
      assert.match(r.stderr, /^lean-dockerfile: .+\nRun 'lean-dockerfile --help' for usage\.\n$/);
      assert.equal(r.stdout, '');
    }
    assert.equal(readFileSync(join(dir, 'Dockerfile'), 'utf8'), SCENARIOS['copy-before-install'].files.Dockerfile);
  });

  test('--format json prints exactly the documented shape, 0-based, paths as given or found', () => {
    const dir = makeProject({});
    for (const [id, s] of Object.entries(SCENARIOS)) for (const [p, t] of Object.entries(s.files)) {
      mkdirSync(join(dir, 'proj', id, ...p.split('/').slice(0, -1)), { recursive: true });
      writeFileSync(join(dir, 'proj', id, p), t);
    }
    const r = cli(dir, ['check', '--format', 'json', 'proj', 'proj/root-user/Dockerfile']);
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(out), ['version', 'files']);
    assert.equal(out.version, 1);
    const paths = out.files.map((f: { path: string }) => f.path);
    assert.deepEqual(paths, ['proj/copy-before-install/Dockerfile', 'proj/root-user/Dockerfile', 'proj/secret-in-build-arg/Dockerfile', 'proj/single-stage-build/Dockerfile']);
    for (const [i, id] of ['copy-before-install', 'root-user', 'secret-in-build-arg', 'single-stage-build'].entries()) {
      const file = out.files[i];
      assert.deepEqual(Object.keys(file), ['path', 'findings']);
      const f = file.findings.find((x: { rule: string }) => x.rule === id);
      assert.ok(f, `${id} in ${file.path}`);
      assert.equal(f.range.start.line, SCENARIOS[id].line);
      for (const x of file.findings) {
        assert.deepEqual(Object.keys(x), ['rule', 'severity', 'message', 'range', 'fixes']);
        assert.match(x.severity, /^(error|warning|info|hint)$/);
        assert.equal(typeof x.message, 'string');
        assert.deepEqual(Object.keys(x.range), ['start', 'end']);
        for (const p of [x.range.start, x.range.end]) {
          assert.deepEqual(Object.keys(p), ['line', 'character']);
          assert.ok(Number.isInteger(p.line) && p.line >= 0 && Number.isInteger(p.character) && p.character >= 0);
        }
        for (const fx of x.fixes) {
          assert.deepEqual(Object.keys(fx), ['title', 'safe']);
          assert.equal(typeof fx.title, 'string');
          assert.equal(typeof fx.safe, 'boolean');
        }
      }
    }
    assert.ok(!r.stdout.includes(SECRET_VALUE) && !r.stderr.includes(SECRET_VALUE));
  });

  test('text format: path:line:col severity [id] message, a summary, colour only when asked', () => {
    const dir = makeProject(SCENARIOS['root-user'].files);
    const r = cli(dir, ['check', 'Dockerfile']);
    assert.equal(r.status, 1);
    const lines = r.stdout.trimEnd().split('\n');
    const findings = lines.filter((l) => LINE.test(l));
    assert.ok(findings.some((l) => LINE.exec(l)![5] === 'root-user' && LINE.exec(l)![1] === 'Dockerfile' && LINE.exec(l)![2] === '1'));
    assert.match(lines[lines.length - 1], /^Found \d+ problems? \(.+\) in 1 of 1 file\./);
    assert.ok(!r.stdout.includes('\x1b['), 'no colour when stdout is not a terminal');
    const colored = cli(dir, ['check', 'Dockerfile'], { FORCE_COLOR: '1' });
    assert.ok(colored.stdout.includes('\x1b['));
    assert.ok(!cli(dir, ['check', '--no-color', 'Dockerfile'], { FORCE_COLOR: '1' }).stdout.includes('\x1b['));
  });

  test('exit 0 without findings, thresholds like hadolint', () => {
    const dir = makeProject({ Dockerfile: CLEAN, '.dockerignore': '*\n!app\n' });
    const r = cli(dir, ['check', '.']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^No problems found in 1 file\.$/m);
    const warn = makeProject(SCENARIOS['copy-before-install'].files);
    const j = JSON.parse(cli(warn, ['check', '--format', 'json', '.']).stdout);
    const severities = new Set<string>(j.files.flatMap((f: { findings: { severity: string }[] }) => f.findings.map((x) => x.severity)));
    assert.ok(severities.size > 0);
    assert.equal(cli(warn, ['check', '--failure-threshold', 'none', '.']).status, 0);
    assert.equal(cli(warn, ['check', '--failure-threshold', 'hint', '.']).status, 1);
    const rank = ['hint', 'info', 'warning', 'error'];
    const top = Math.max(...[...severities].map((s) => rank.indexOf(s)));
    if (top < 3) assert.equal(cli(warn, ['check', '--failure-threshold', rank[top + 1], '.']).status, 0, 'findings below the threshold pass');
    assert.equal(cli(warn, ['check', '--failure-threshold', rank[top], '.']).status, 1);
  });

  test('unreadable, binary and non-UTF-8 files: a clear error each, the others still checked, exit 2', () => {
    const dir = makeProject(SCENARIOS['root-user'].files);
    writeFileSync(join(dir, 'bin.Dockerfile'), Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, 'latin1.Dockerfile'), Buffer.from('FROM debian\n# caf\xe9\n', 'latin1'));
    const r = cli(dir, ['check', '--format', 'json', '.', 'missing/Dockerfile']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /bin\.Dockerfile: binary file/);
    assert.match(r.stderr, /latin1\.Dockerfile: not valid UTF-8/);
    assert.match(r.stderr, /missing\/Dockerfile: no such file or directory/);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.files.map((f: { path: string }) => f.path), ['Dockerfile']);
  });

  test('directories: Dockerfile, Containerfile, *.Dockerfile, Dockerfile.*; not node_modules, .git, .gitignored or *.dockerignore', () => {
    const dir = makeProject({
      'Dockerfile': CLEAN,
      'Containerfile': CLEAN,
      'api.Dockerfile': CLEAN,
      'Dockerfile.prod': CLEAN,
      'Dockerfile.dockerignore': '*\n',
      'README.md': '# x\n',
      'node_modules/pkg/Dockerfile': CLEAN,
      '.git/Dockerfile': CLEAN,
      'build/Dockerfile': CLEAN,
      'sub/.gitignore': 'ignored.Dockerfile\n',
      'sub/ignored.Dockerfile': CLEAN,
      'sub/kept.Dockerfile': CLEAN,
      '.gitignore': 'build/\n',
    });
    const r = cli(dir, ['check', '--format', 'json', '.']);
    const paths = JSON.parse(r.stdout).files.map((f: { path: string }) => f.path);
    assert.deepEqual(paths, ['Containerfile', 'Dockerfile', 'Dockerfile.prod', 'api.Dockerfile', 'sub/kept.Dockerfile']);
    const given = JSON.parse(cli(dir, ['check', '--format', 'json', 'build/Dockerfile']).stdout).files.map((f: { path: string }) => f.path);
    assert.deepEqual(given, ['build/Dockerfile'], 'a file named on the command line is always checked');
  });

  test('standard input: `-`', () => {
    const dir = makeProject({});
    const r = cli(dir, ['check', '--format', 'json', '-'], {}, SCENARIOS['root-user'].files.Dockerfile);
    const out = JSON.parse(r.stdout);
    assert.equal(out.files[0].path, '-');
    assert.ok(out.files[0].findings.some((f: { rule: string }) => f.rule === 'root-user'));
  });

  test('no secret value in any output format', () => {
    const dir = makeProject(SCENARIOS['secret-in-build-arg'].files);
    for (const format of ['text', 'json', 'sarif']) {
      const r = cli(dir, ['check', '--format', format, '.']);
      assert.equal(r.status, 1);
      assert.ok(!r.stdout.includes(SECRET_VALUE) && !r.stderr.includes(SECRET_VALUE), format);
    }
    const d = cli(dir, ['check', '--diff', '--unsafe-fixes', '.']);
    assert.ok(d.stdout.includes('-ARG NPM_TOKEN=***'), d.stdout);
    assert.ok(!d.stdout.includes(SECRET_VALUE) && !d.stderr.includes(SECRET_VALUE), 'the diff masks it');
    assert.ok(statSync(join(dir, 'Dockerfile')).size > 0);
  });
});
