import type { RuleLevel, Settings } from '../core/types';
import { RULE_LEVELS, type ProjectConfig } from '../node/config';

/** `leanDockerfile.*` as VS Code (or any client) sends it; anything malformed is ignored, never trusted. */
export interface EditorSettings {
  rules: Record<string, RuleLevel>;
  fixOnSaveUnsafe: boolean;
  trustedRuntimeBases: string[];
  /** `auto`: the project file's choice, else env. */
  secretMountStyle: 'auto' | 'env' | 'file';
}

/** What one document is analysed with. */
export interface ResolvedSettings {
  settings: Settings;
  fixOnSaveUnsafe: boolean;
  /** The project file that contributed, if any. */
  configPath?: string;
}

export const DEFAULT_EDITOR_SETTINGS: EditorSettings = {
  rules: {},
  fixOnSaveUnsafe: false,
  trustedRuntimeBases: [],
  secretMountStyle: 'auto',
};

/** Reads the `leanDockerfile` section, keeping only well-formed values. */
export function readEditorSettings(raw: unknown): EditorSettings {
  const out: EditorSettings = { ...DEFAULT_EDITOR_SETTINGS, rules: {}, trustedRuntimeBases: [] };
  if (!raw || typeof raw !== 'object') return out;
  const r = raw as Record<string, unknown>;
  if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) {
    for (const [id, level] of Object.entries(r.rules as Record<string, unknown>)) {
      if (typeof level === 'string' && (RULE_LEVELS as readonly string[]).includes(level)) out.rules[id] = level as RuleLevel;
    }
  }
  const fos = r.fixOnSave as Record<string, unknown> | undefined;
  if (fos && typeof fos === 'object' && typeof fos.unsafe === 'boolean') out.fixOnSaveUnsafe = fos.unsafe;
  // A flat key, as some clients send dotted settings unexpanded.
  if (typeof r['fixOnSave.unsafe'] === 'boolean') out.fixOnSaveUnsafe = r['fixOnSave.unsafe'] as boolean;
  if (Array.isArray(r.trustedRuntimeBases)) {
    out.trustedRuntimeBases = r.trustedRuntimeBases.filter((x): x is string => typeof x === 'string' && !!x.trim()).map((x) => x.trim());
  }
  if (r.secretMountStyle === 'env' || r.secretMountStyle === 'file' || r.secretMountStyle === 'auto') out.secretMountStyle = r.secretMountStyle;
  return out;
}

/**
 * Editor settings merged over the project file: rule levels per rule (the editor wins), trusted bases united,
 * the secret mount style from the editor unless `auto`, unsafe fix-on-save when either asks for it.
 */
export function mergeSettings(editor: EditorSettings, project?: ProjectConfig, configPath?: string): ResolvedSettings {
  const p = project?.settings ?? {};
  const settings: Settings = {};
  const rules = { ...(p.rules ?? {}), ...editor.rules };
  if (Object.keys(rules).length) settings.rules = rules;
  const bases = [...new Set([...(p.trustedRuntimeBases ?? []), ...editor.trustedRuntimeBases])];
  if (bases.length) settings.trustedRuntimeBases = bases;
  const style = editor.secretMountStyle !== 'auto' ? editor.secretMountStyle : p.secretMountStyle;
  if (style) settings.secretMountStyle = style;
  return { settings, fixOnSaveUnsafe: editor.fixOnSaveUnsafe || !!project?.fixOnSaveUnsafe, configPath };
}

/** A stable key of resolved settings, for memoising analyses. */
export function settingsKey(s: ResolvedSettings): string {
  return JSON.stringify([s.settings, s.fixOnSaveUnsafe]);
}
