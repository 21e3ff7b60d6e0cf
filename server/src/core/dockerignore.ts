import ignore, { type Ignore } from 'ignore';

/**
 * `.dockerignore` semantics on top of the `ignore` package (gitignore globbing).
 *
 * Docker (moby/patternmatcher) differs from .gitignore in three ways, handled here:
 * - every pattern is anchored to the context root (`*.log` matches `a.log`, not `logs/a.log`):
 *   each pattern is given to `ignore` with a leading `/`;
 * - lines are trimmed on both ends and cleaned like Go's `filepath.Clean` (`./a/` → `a`, `/a` → `a`);
 * - the last matching pattern wins even inside an excluded directory (`node_modules` then
 *   `!node_modules/keep` re-includes `keep`; git cannot): patterns are evaluated one by one, in order,
 *   each matching the path or any of its parent directories.
 */

export interface DockerignorePattern {
  /** The cleaned pattern, without `!`. */
  pattern: string;
  negated: boolean;
  /** 0-based line in the file. */
  line: number;
}

export interface DockerignoreMatch {
  excluded: boolean;
  /** The pattern that decided, if any. */
  by?: DockerignorePattern;
}

export interface Dockerignore {
  patterns: DockerignorePattern[];
  /** Whether a path (POSIX, relative to the context root) is left out of the context. */
  match(path: string): DockerignoreMatch;
  excludes(path: string): boolean;
}

export function parseDockerignore(text: string): Dockerignore {
  const patterns: DockerignorePattern[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, line) => {
    if (raw.startsWith('#')) return;
    let p = raw.trim();
    if (!p) return;
    const negated = p.startsWith('!');
    if (negated) p = p.slice(1).trim();
    p = cleanPath(p);
    if (!p || p === '.') return;
    patterns.push({ pattern: p, negated, line });
  });
  const matchers: (Ignore | undefined)[] = patterns.map((p) => toMatcher(p.pattern));
  const match = (path: string): DockerignoreMatch => {
    const target = cleanPath(path);
    if (!target || target === '.' || target.startsWith('../')) return { excluded: false };
    let result: DockerignoreMatch = { excluded: false };
    patterns.forEach((p, i) => {
      const m = matchers[i];
      if (m && safeIgnores(m, target)) result = { excluded: !p.negated, by: p };
    });
    return result;
  };
  return { patterns, match, excludes: (path) => match(path).excluded };
}

/** Go's `path.Clean` for relative POSIX paths, also dropping a leading `/`. */
export function cleanPath(p: string): string {
  const out: string[] = [];
  for (const part of p.replace(/\\(?=[/]|$)/g, '/').split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else out.push('..');
    } else out.push(part);
  }
  return out.join('/') || '.';
}

function toMatcher(pattern: string): Ignore | undefined {
  // `ignore` reads a leading `#` or `!` as syntax; escape them so they stay literal.
  const body = /^[#!]/.test(pattern) ? '\\' + pattern : pattern;
  try {
    return ignore({ ignorecase: false }).add('/' + body);
  } catch {
    return undefined;
  }
}

function safeIgnores(m: Ignore, path: string): boolean {
  try {
    return m.ignores(path);
  } catch {
    return false;
  }
}
