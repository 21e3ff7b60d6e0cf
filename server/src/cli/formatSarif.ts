import { readFileSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Rule } from '../core/rule';
import type { Finding, Range, Severity } from '../core/types';
import { ruleDocPath } from '../lsp/docs';
import type { FileReport } from './check';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export interface SarifOptions {
  rules: readonly Rule[];
  version: string;
  cwd: string;
}

/**
 * SARIF 2.1.0 for GitHub code scanning and friends: `tool.driver.rules[]` from the rule metadata (with the
 * rule doc as help), one result per finding, `fixes` for safe fixes only, unreadable files as notifications.
 */
export function formatSarif(reports: FileReport[], options: SarifOptions): string {
  const index = new Map(options.rules.map((r, i) => [r.meta.id, i]));
  const rules: Sarif.ReportingDescriptor[] = options.rules.map((r) => describeRule(r));
  const results: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];
  for (const rep of reports) {
    const location = artifact(rep, options.cwd);
    if (rep.error) {
      notifications.push({ level: 'error', message: { text: `${rep.display}: ${rep.error}` }, locations: [{ physicalLocation: { artifactLocation: location } }] });
    }
    for (const f of rep.findings) results.push(toResult(f, rep, location, index.get(f.ruleId), options.cwd));
    for (const e of rep.ruleErrors) {
      notifications.push({ level: 'error', message: { text: `Rule ${e.ruleId} failed on ${rep.display}` }, associatedRule: { id: e.ruleId } });
    }
  }
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'lean-dockerfile',
            semanticVersion: options.version,
            version: options.version,
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(options.cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: !reports.some((r) => r.error), toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function describeRule(r: Rule): Sarif.ReportingDescriptor {
  const m = r.meta;
  const doc = ruleDocPath(m.id);
  let markdown: string | undefined;
  try {
    markdown = doc ? readFileSync(doc, 'utf8') : undefined;
  } catch {
    markdown = undefined;
  }
  const related = Object.entries(m.related ?? {}).flatMap(([tool, ids]) => (ids ?? []).map((id) => `${tool}:${id}`));
  return {
    id: m.id,
    name: m.id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: m.summary },
    ...(doc ? { helpUri: pathToFileURL(doc).href } : {}),
    help: { text: m.summary, ...(markdown ? { markdown } : {}) },
    defaultConfiguration: { level: LEVEL[m.severity] },
    properties: { tags: ['dockerfile', ...related], fixable: m.fix },
  };
}

function toResult(f: Finding, rep: FileReport, location: Sarif.ArtifactLocation, ruleIndex: number | undefined, cwd: string): Sarif.Result {
  const result: Sarif.Result = {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: location, region: region(f.range) } }],
  };
  const fixes = f.fixes
    .filter((x) => x.safety === 'safe')
    .map((x): Sarif.Fix => {
      const changes: Sarif.ArtifactChange[] = [];
      if (x.edits.length) {
        changes.push({
          artifactLocation: location,
          replacements: x.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
        });
      }
      for (const fe of x.fileEdits ?? []) {
        const existing = fe.kind === 'append' ? (rep.context?.readFile(fe.path) ?? '') : '';
        changes.push({
          artifactLocation: artifact({ ...rep, path: rep.path === '-' ? fe.path : siblingPath(rep.path, fe.path) }, cwd),
          replacements: [{ deletedRegion: { charOffset: existing.length, charLength: 0 }, insertedContent: { text: fe.text } }],
        });
      }
      return { description: { text: x.title }, artifactChanges: changes };
    })
    .filter((x) => x.artifactChanges.length);
  if (fixes.length) result.fixes = fixes;
  return result;
}

/** SARIF regions are 1-based; end columns point just past the region, as LSP's do. */
function region(r: Range): Sarif.Region {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

function artifact(rep: Pick<FileReport, 'path' | 'display'>, cwd: string): Sarif.ArtifactLocation {
  if (rep.path === '-') return { uri: 'stdin' };
  const rel = relative(cwd, rep.path);
  if (rel && !isAbsolute(rel) && !rel.startsWith('..' + sep) && rel !== '..') return { uri: encodeURI(rel.split(sep).join('/')), uriBaseId: '%SRCROOT%' };
  return { uri: pathToFileURL(rep.path).href };
}

function siblingPath(dockerfile: string, rel: string): string {
  return dockerfile.slice(0, dockerfile.lastIndexOf(sep) + 1) + rel.split('/').join(sep);
}
