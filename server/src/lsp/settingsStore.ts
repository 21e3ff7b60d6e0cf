import { dirname, relative, isAbsolute, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { findConfig, loadConfig, type LoadedConfig } from '../node/config';
import { DEFAULT_EDITOR_SETTINGS, mergeSettings, readEditorSettings, type EditorSettings, type ResolvedSettings } from './settings';

export const SECTION = 'leanDockerfile';

export interface SettingsStoreOptions {
  /** The client answers workspace/configuration (settings per resource). */
  pullConfiguration: boolean;
  /** Workspace folder paths: the project file is searched up to the folder holding the document. */
  workspaceRoots(): string[];
  knownRuleIds: ReadonlySet<string>;
  log(message: string): void;
}

/**
 * Settings per document: the client's `leanDockerfile` section for that resource merged over the nearest
 * `.lean-dockerfile.yaml`. Cached until the settings or a project file change; `generation` counts changes.
 */
export class SettingsStore {
  private perUri = new Map<string, Promise<ResolvedSettings>>();
  private configs = new Map<string, LoadedConfig>();
  private pushed: EditorSettings = DEFAULT_EDITOR_SETTINGS;
  generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly options: SettingsStoreOptions,
  ) {}

  get(uri: string): Promise<ResolvedSettings> {
    let p = this.perUri.get(uri);
    if (!p) {
      p = this.resolve(uri);
      this.perUri.set(uri, p);
    }
    return p;
  }

  /** didChangeConfiguration: for clients that push settings, the pushed section. */
  settingsChanged(pushed?: unknown): void {
    if (!this.options.pullConfiguration && pushed && typeof pushed === 'object') {
      this.pushed = readEditorSettings((pushed as Record<string, unknown>)[SECTION]);
    }
    this.perUri.clear();
    this.generation++;
  }

  /** A project file was created, changed or deleted. */
  configsChanged(): void {
    this.configs.clear();
    this.perUri.clear();
    this.generation++;
  }

  forget(uri: string): void {
    this.perUri.delete(uri);
  }

  private async resolve(uri: string): Promise<ResolvedSettings> {
    let editor = this.pushed;
    if (this.options.pullConfiguration) {
      try {
        const scopeUri = uri.startsWith('untitled:') ? undefined : uri;
        editor = readEditorSettings(await this.connection.workspace.getConfiguration({ scopeUri, section: SECTION }));
      } catch (e) {
        this.options.log(`Could not read the settings: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    const path = filePath(uri);
    if (!path) return mergeSettings(editor);
    const dir = dirname(path);
    const configPath = findConfig(dir, this.rootOf(dir));
    if (!configPath) return mergeSettings(editor);
    let loaded = this.configs.get(configPath);
    if (!loaded) {
      loaded = loadConfig(configPath, this.options.knownRuleIds);
      this.configs.set(configPath, loaded);
      for (const p of loaded.problems) {
        this.options.log(`${configPath}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.severity}: ${p.message}`);
      }
    }
    return mergeSettings(editor, loaded.config, configPath);
  }

  /** The deepest workspace folder holding a directory. */
  private rootOf(dir: string): string | undefined {
    let best: string | undefined;
    for (const root of this.options.workspaceRoots()) {
      const rel = relative(root, dir);
      const inside = !isAbsolute(rel) && rel !== '..' && !rel.startsWith('..' + sep);
      if (inside && (!best || root.length > best.length)) best = root;
    }
    return best;
  }
}

export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
