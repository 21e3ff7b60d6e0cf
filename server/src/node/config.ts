import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep, isAbsolute } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import type { Range, RuleLevel, Settings } from '../core/types';

/**
 * The project file `.lean-dockerfile.yaml`, shared by the CLI and the language server:
 *
 *   rules: { copy-before-install: warning, root-user: off }
 *   trustedRuntimeBases: [ my-registry/base ]
 *   secretMountStyle: file
 *   fixOnSave: { unsafe: false }
 */
export const CONFIG_NAMES = ['.lean-dockerfile.yaml', '.lean-dockerfile.yml'] as const;

export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'error', 'warning', 'info', 'hint'];
const KEYS = ['rules', 'trustedRuntimeBases', 'secretMountStyle', 'fixOnSave'] as const;
const MAX_CONFIG = 256 * 1024;

export interface ProjectConfig {
  settings: Settings;
  fixOnSaveUnsafe: boolean;
}

export interface ConfigProblem {
  /** error: the file (or that key) is unusable; warning: e.g. a rule id this version does not know. */
  severity: 'error' | 'warning';
  message: string;
  /** 0-based, LSP-style. */
  range: Range;
}

export interface ParsedConfig {
  config: ProjectConfig;
  problems: ConfigProblem[];
}

export interface LoadedConfig extends ParsedConfig {
  path: string;
}

/** Whether a file name is one of the project file's names. */
export function isConfigFileName(name: string): boolean {
  return (CONFIG_NAMES as readonly string[]).includes(name);
}

/**
 * Parses and validates the project file. Never throws: what is valid is kept, everything else is a problem
 * with the place it was found.
 */
export function parseConfig(text: string, knownRuleIds?: ReadonlySet<string>): ParsedConfig {
  const lines = new LineCounter();
  const problems: ConfigProblem[] = [];
  const config: ProjectConfig = { settings: {}, fixOnSaveUnsafe: false };
  const at = (offsets: readonly number[] | null | undefined): Range => {
    const [s, e] = offsets ?? [0, 0];
    const pos = (o: number) => {
      const p = lines.linePos(o);
      return { line: p.line - 1, character: p.col - 1 };
    };
    return { start: pos(s), end: pos(Math.max(s, e)) };
  };
  const problem = (node: YamlNode | Pair | null | undefined, message: string, severity: 'error' | 'warning' = 'error') =>
    problems.push({ severity, message, range: at(rangeOf(node)) });

  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  for (const e of doc.errors) problems.push({ severity: 'error', message: `Invalid YAML: ${firstLine(e.message)}`, range: at(e.pos) });
  if (doc.errors.length) return { config, problems };
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { config, problems };
  if (!isMap(root)) {
    problem(root, 'The configuration must be a mapping of keys (rules, trustedRuntimeBases, secretMountStyle, fixOnSave).');
    return { config, problems };
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const value = pair.value as YamlNode | null;
    switch (key) {
      case 'rules': {
        if (!isMap(value)) {
          problem(value ?? (pair.key as YamlNode), '`rules` must map rule ids to one of: ' + RULE_LEVELS.join(', ') + '.');
          break;
        }
        const rules: Record<string, RuleLevel> = {};
        for (const r of value.items) {
          const id = isScalar(r.key) ? String(r.key.value) : '';
          const level = isScalar(r.value) ? r.value.value : undefined;
          if (typeof level !== 'string' || !(RULE_LEVELS as readonly string[]).includes(level)) {
            problem((r.value as YamlNode) ?? (r.key as YamlNode), `The level of rule '${id}' must be one of: ${RULE_LEVELS.join(', ')}.`);
            continue;
          }
          if (knownRuleIds && !knownRuleIds.has(id)) {
            problem(r.key as YamlNode, `Unknown rule '${id}'.` + didYouMean(id, knownRuleIds), 'warning');
          }
          rules[id] = level as RuleLevel;
        }
        config.settings.rules = rules;
        break;
      }
      case 'trustedRuntimeBases': {
        const items = isSeq(value) ? value.items : undefined;
        const bad = !items || items.some((i) => !isScalar(i) || typeof i.value !== 'string' || !i.value.trim());
        if (bad) problem(value ?? (pair.key as YamlNode), '`trustedRuntimeBases` must be a list of image names, e.g. [gcr.io/distroless/static].');
        else config.settings.trustedRuntimeBases = items!.map((i) => String((i as { value: unknown }).value).trim());
        break;
      }
      case 'secretMountStyle': {
        const v = isScalar(value) ? value.value : undefined;
        if (v === 'env' || v === 'file') config.settings.secretMountStyle = v;
        else problem(value ?? (pair.key as YamlNode), '`secretMountStyle` must be `env` or `file`.');
        break;
      }
      case 'fixOnSave': {
        if (!isMap(value)) {
          problem(value ?? (pair.key as YamlNode), '`fixOnSave` must be a mapping, e.g. `fixOnSave: { unsafe: false }`.');
          break;
        }
        for (const f of value.items) {
          const k = isScalar(f.key) ? String(f.key.value) : '';
          const v = isScalar(f.value) ? f.value.value : undefined;
          if (k !== 'unsafe') problem(f.key as YamlNode, `Unknown key 'fixOnSave.${k}' (expected: unsafe).`);
          else if (typeof v !== 'boolean') problem((f.value as YamlNode) ?? (f.key as YamlNode), '`fixOnSave.unsafe` must be true or false.');
          else config.fixOnSaveUnsafe = v;
        }
        break;
      }
      default:
        problem(pair.key as YamlNode, `Unknown key '${key ?? '?'}' (expected one of: ${KEYS.join(', ')}).` + didYouMean(key ?? '', KEYS));
    }
  }
  return { config, problems };
}

/** Reads and parses a project file; an unreadable file is one error problem. Never throws. */
export function loadConfig(path: string, knownRuleIds?: ReadonlySet<string>): LoadedConfig {
  const none: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new Error('not a file');
    if (st.size > MAX_CONFIG) throw new Error(`larger than ${MAX_CONFIG / 1024} KB`);
    return { path, ...parseConfig(readFileSync(path, 'utf8'), knownRuleIds) };
  } catch (e) {
    const reason = e instanceof Error ? ((e as NodeJS.ErrnoException).code ?? e.message) : String(e);
    return {
      path,
      config: { settings: {}, fixOnSaveUnsafe: false },
      problems: [{ severity: 'error', message: `Cannot read the configuration file: ${reason}`, range: none }],
    };
  }
}

/**
 * The project file that applies to a Dockerfile: beside it, else in its parents up to `stopDir` (inclusive).
 * When the file is not under `stopDir` (or there is none), only its own directory is searched.
 */
export function findConfig(fileDir: string, stopDir?: string): string | undefined {
  let dir = resolve(fileDir);
  const stop = stopDir ? resolve(stopDir) : undefined;
  const rel = stop ? relative(stop, dir) : undefined;
  const under = rel !== undefined && !isAbsolute(rel) && rel !== '..' && !rel.startsWith('..' + sep);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const p = join(dir, name);
      if (existsSync(p)) return p;
    }
    if (!under || dir === stop) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function rangeOf(node: YamlNode | Pair | null | undefined): readonly number[] | undefined {
  if (!node) return undefined;
  const r = (node as { range?: readonly number[] | null }).range;
  if (r) return [r[0], r[1]];
  const k = (node as Pair).key as YamlNode | undefined;
  return k && (k as { range?: number[] }).range ? [(k as { range: number[] }).range[0], (k as { range: number[] }).range[1]] : undefined;
}

function firstLine(s: string): string {
  return s.split('\n')[0];
}

/** " Did you mean 'x'?" for a near miss (edit distance ≤ 2), else ''. */
function didYouMean(word: string, candidates: Iterable<string>): string {
  let best: string | undefined;
  let bestD = 3;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best ? ` Did you mean '${best}'?` : '';
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
