import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { analyse, type RuleError } from '../core/analyse';
import { fixAll, type FixAllResult } from '../core/fix';
import type { Rule } from '../core/rule';
import type { BuildContext, Finding, Settings } from '../core/types';
import { fsBuildContext } from '../node/fsContext';
import { redact } from './redact';
import { describe, type Target } from './walk';

/** Larger files are reported, not analysed. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export interface FileReport {
  display: string;
  /** Absolute path of the Dockerfile (cwd-relative for standard input). */
  path: string;
  /** Findings of the file as it is now (after --fix: what is left). */
  findings: Finding[];
  applied: FixAllResult['applied'];
  /** Files of the build context created or extended (display paths). */
  written: string[];
  diff: string;
  /** Credential values were masked in the diff (so it may not apply as is). */
  diffMasked?: boolean;
  ruleErrors: RuleError[];
  context?: BuildContext;
  /** I/O or encoding problem: the file was not checked (or not written). */
  error?: string;
}

export interface CheckFileOptions {
  rules: readonly Rule[];
  settings: Settings;
  fix: boolean;
  unsafe: boolean;
  diff: boolean;
}

/** Reads a Dockerfile as UTF-8, keeping a BOM and every line ending. */
export function readDockerfile(path: string): { text: string } | { error: string } {
  let buf: Buffer;
  try {
    buf = path === '-' ? readFileSync(0) : readFileSync(path);
  } catch (e) {
    return { error: describe(e) };
  }
  if (buf.length > MAX_FILE_BYTES) return { error: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, not checked` };
  if (buf.subarray(0, 8192).includes(0)) return { error: 'binary file, not a Dockerfile' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf) };
  } catch {
    return { error: 'not valid UTF-8 text' };
  }
}

/** Checks one file; with `fix` writes it back (byte-exact outside the fixes); with `diff` writes nothing. */
export function checkFile(target: Target, options: CheckFileOptions): FileReport {
  const path = target.path === '-' ? '-' : resolve(target.path);
  const report: FileReport = { display: target.display, path, findings: [], applied: [], written: [], diff: '', ruleErrors: [] };
  const read = readDockerfile(target.path);
  if ('error' in read) return { ...report, error: read.error };
  const text = read.text;
  const dir = path === '-' ? process.cwd() : dirname(path);
  const context = fsBuildContext(dir);
  report.context = context;
  const base = { rules: options.rules, context, settings: options.settings };
  if (!options.fix && !options.diff) {
    const a = analyse(text, base);
    return { ...report, findings: a.findings, ruleErrors: a.ruleErrors };
  }
  const result = fixAll(text, { ...base, unsafe: options.unsafe });
  if (options.diff) {
    const a = analyse(text, base);
    report.findings = a.findings;
    report.ruleErrors = a.ruleErrors;
    // A diff quotes the lines it removes: credential values in them are masked (the CLI never prints one).
    const masked = redact(diffOf(target.display, text, result, dir));
    report.diff = masked.text;
    report.diffMasked = masked.masked;
    return report;
  }
  const after = analyse(result.text, base);
  report.findings = after.findings;
  report.ruleErrors = after.ruleErrors;
  try {
    if (result.text !== text) writeFileSync(path, result.text, 'utf8');
    report.applied = result.applied;
    for (const fe of result.fileEdits) {
      const full = inside(dir, fe.path);
      if (!full) throw new Error(`a fix wanted to write outside the build context (${fe.path})`);
      if (fe.kind === 'create') {
        if (existsSync(full)) continue;
        writeFileSync(full, fe.text, { encoding: 'utf8', flag: 'wx' });
      } else appendFileSync(full, fe.text, 'utf8');
      report.written.push(displayBeside(target.display, fe.path));
    }
  } catch (e) {
    report.error = `could not write the fixes: ${describe(e)}`;
  }
  return report;
}

function diffOf(display: string, before: string, result: FixAllResult, dir: string): string {
  let out = '';
  if (result.text !== before) out += patch(`a/${display}`, `b/${display}`, before, result.text);
  for (const fe of result.fileEdits) {
    const full = inside(dir, fe.path);
    if (!full) continue;
    const shown = displayBeside(display, fe.path);
    const old = existsSync(full) ? safeRead(full) : undefined;
    if (fe.kind === 'create' && old !== undefined) continue;
    out += patch(old === undefined ? '/dev/null' : `a/${shown}`, `b/${shown}`, old ?? '', (old ?? '') + fe.text);
  }
  return out;
}

function patch(a: string, b: string, before: string, after: string): string {
  // Drop jsdiff's "===" preamble so the output reads like `git diff` and applies with `patch -p1`.
  return createTwoFilesPatch(a, b, before, after, undefined, undefined, { context: 3 }).replace(/^=+\n/, '');
}

function safeRead(p: string): string | undefined {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

/** A path of the build context shown next to the Dockerfile's display path. */
export function displayBeside(display: string, rel: string): string {
  const d = display === '-' ? '' : display.includes('/') ? display.slice(0, display.lastIndexOf('/') + 1) : '';
  return d + rel;
}

function inside(root: string, p: string): string | undefined {
  if (!p || isAbsolute(p)) return undefined;
  const full = join(root, p);
  const rel = relative(root, full);
  return rel && rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel) ? full : undefined;
}

