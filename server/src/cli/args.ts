import { parseArgs } from 'node:util';
import type { Severity } from '../core/types';

export type Format = 'text' | 'json' | 'sarif';
export type Threshold = Severity | 'none';

export interface CheckOptions {
  format: Format;
  fix: boolean;
  unsafeFixes: boolean;
  diff: boolean;
  config?: string;
  failureThreshold: Threshold;
  /** undefined: colour when stdout is a terminal (and NO_COLOR is unset). */
  color?: boolean;
  paths: string[];
}

export type Parsed =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'check'; options: CheckOptions }
  | { kind: 'error'; message: string };

const FORMATS: readonly Format[] = ['text', 'json', 'sarif'];
const THRESHOLDS: readonly Threshold[] = ['error', 'warning', 'info', 'hint', 'none'];

export const USAGE = `Usage: lean-dockerfile check [options] <file|dir>...

Finds what bloats and endangers the image a Dockerfile builds, and fixes it.
Directories are searched for Dockerfile, Containerfile, *.Dockerfile and Dockerfile.*
(skipping node_modules, .git and what .gitignore ignores). With no path: the current directory.

Options:
  --format <text|json|sarif>   output format (default: text)
  --fix                        apply safe fixes in place
  --unsafe-fixes               with --fix or --diff, apply unsafe fixes too
  --diff                       print the fixes as a unified diff; write nothing (even with --fix)
  --config <file>              use this .lean-dockerfile.yaml instead of the nearest one
  --failure-threshold <level>  exit 1 only for findings at or above error|warning|info|hint
                               (default: hint), or never: none
  --no-color                   no colours (also NO_COLOR=1); colour is used on a terminal only
  -h, --help                   show this help
  -v, --version                show the version

Exit status: 0 no findings, 1 findings remain, 2 usage, configuration or I/O error.`;

/** Parses the command line; never throws. */
export function parseCliArgs(argv: string[]): Parsed {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        fix: { type: 'boolean' },
        'unsafe-fixes': { type: 'boolean' },
        diff: { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        'failure-threshold': { type: 'string', short: 't' },
        'no-color': { type: 'boolean' },
        color: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    return { kind: 'error', message: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  }
  const v = parsed.values;
  if (v.help) return { kind: 'help' };
  if (v.version) return { kind: 'version' };
  const [command, ...paths] = parsed.positionals;
  if (command === undefined) return { kind: 'error', message: 'missing command: lean-dockerfile check <file|dir>...' };
  if (command === 'help') return { kind: 'help' };
  if (command !== 'check') {
    return { kind: 'error', message: `unknown command '${command}' (did you mean: lean-dockerfile check ${command}?)` };
  }
  const format = (v.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) return { kind: 'error', message: `--format must be one of ${FORMATS.join(', ')} (got '${v.format}')` };
  const failureThreshold = (v['failure-threshold'] ?? 'hint') as Threshold;
  if (!THRESHOLDS.includes(failureThreshold)) {
    return { kind: 'error', message: `--failure-threshold must be one of ${THRESHOLDS.join(', ')} (got '${v['failure-threshold']}')` };
  }
  if (v.diff && format !== 'text') return { kind: 'error', message: `--diff prints a unified diff; it cannot be combined with --format ${format}` };
  if (v['unsafe-fixes'] && !v.fix && !v.diff) return { kind: 'error', message: '--unsafe-fixes needs --fix or --diff' };
  if (v.config !== undefined && !v.config) return { kind: 'error', message: '--config needs a file' };
  if (paths.includes('-') && v.fix && !v.diff) return { kind: 'error', message: '--fix cannot write to standard input; use --diff' };
  const color = v['no-color'] ? false : v.color ? true : undefined;
  return {
    kind: 'check',
    options: {
      format,
      fix: !!v.fix,
      unsafeFixes: !!v['unsafe-fixes'],
      diff: !!v.diff,
      config: v.config,
      failureThreshold,
      color,
      paths: paths.length ? paths : ['.'],
    },
  };
}
