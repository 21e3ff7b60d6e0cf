/** Shared types of the analysis core. Positions are LSP-style: 0-based line, UTF-16 character. */

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** An edit to another file of the build context (path relative to the context root). */
export interface FileEdit {
  path: string;
  /** `create` writes the whole file (only when it does not exist); `append` adds text at its end. */
  kind: 'create' | 'append';
  text: string;
}

export type FixSafety = 'safe' | 'unsafe';

export interface Fix {
  title: string;
  /** safe keeps what the build produces; unsafe may change behaviour. */
  safety: FixSafety;
  edits: TextEdit[];
  fileEdits?: FileEdit[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
}

/**
 * The build context as the core sees it: files beside the Dockerfile. Paths are POSIX, relative to
 * the context root, without a leading `./`. Implementations must never throw.
 */
export interface BuildContext {
  /** Whether a file (not a directory) exists. */
  exists(path: string): boolean;
  /** The text of a file, or undefined when missing, unreadable or too large. */
  readFile(path: string): string | undefined;
  /** Names of the entries of a directory ('' = the root), or undefined when it cannot be listed. */
  listDir(path: string): string[] | undefined;
}

export type RuleLevel = 'off' | Severity;

export interface Settings {
  /** Per-rule severity override, or 'off'. */
  rules?: Record<string, RuleLevel>;
  /** Images the user accepts as minimal runtime bases (repository names or name:tag). */
  trustedRuntimeBases?: string[];
  /** How secret mounts are written: `env=` (BuildKit ≥ 1.10 frontends) or `file` (/run/secrets/<id>, portable). */
  secretMountStyle?: 'env' | 'file';
}
