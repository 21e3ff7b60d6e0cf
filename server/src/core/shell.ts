import { Language, Parser, type Node as TsNode } from 'web-tree-sitter';

/**
 * Shell commands of RUN instructions, parsed with tree-sitter-bash (web-tree-sitter, WebAssembly).
 * Measured against mvdan-sh on 11,801 RUN instructions of the corpus: 382 ms vs 1,584 ms warm, so
 * tree-sitter it is (see docs/performance.md). The wasm bytes are handed in by the shells (LSP, CLI,
 * tests) so that the core never touches the file system.
 */

export interface ShellWord {
  /** The word as written in the script. */
  text: string;
  /** The word's value when it is static (quotes removed, no expansion), else undefined. */
  value?: string;
  /** Offsets in the Dockerfile text. */
  start: number;
  end: number;
}

/** Every offset field of these types must also be relocated in parseScript (its cache keeps script indices). */
export interface ShellCommand {
  /** The static command name (`npm`, `go`, `/usr/bin/make` → `make`), or '' when dynamic. */
  name: string;
  nameWord?: ShellWord;
  args: ShellWord[];
  /** Prefix assignments (`CGO_ENABLED=0 go build`). */
  assignments: { name: string; value?: string }[];
  /** Offsets in the Dockerfile text. */
  start: number;
  end: number;
}

export interface ShellVariableUse {
  name: string;
  start: number;
  end: number;
}

export interface ParsedScript {
  commands: ShellCommand[];
  variables: ShellVariableUse[];
  hasError: boolean;
}

export interface ShellWasm {
  /** web-tree-sitter's runtime (tree-sitter.wasm). */
  runtime: Uint8Array;
  /** The bash grammar (tree-sitter-bash.wasm). */
  bash: Uint8Array;
}

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

/** Loads the shell parser once; later calls return the same promise. */
export function initShellParser(wasm: ShellWasm): Promise<void> {
  loading ??= (async () => {
    await Parser.init({ wasmBinary: wasm.runtime });
    const language = await Language.load(wasm.bash);
    const p = new Parser();
    p.setLanguage(language);
    parser = p;
  })();
  return loading;
}

export function isShellParserReady(): boolean {
  return parser !== undefined;
}

const QUERY_TYPES = ['command', 'simple_expansion', 'expansion'];

/**
 * Parsed scripts by their text, with script-relative positions: re-analysing an edited file (every
 * keystroke in the editor, every fixAll round) re-parses only the RUNs whose script changed. Bounded LRU.
 */
const cache = new Map<string, ParsedScript>();
const CACHE_ENTRIES = 4096;
const CACHE_MAX_SCRIPT = 64 * 1024;

/** Empties the parse cache (benchmarks measure cold parses with it). */
export function clearShellCache(): void {
  cache.clear();
}

/**
 * Parses a script. `offsets[i]` is the Dockerfile offset of script character i, and
 * `offsets[script.length]` the offset just past the script.
 */
export function parseScript(script: string, offsets: Int32Array): ParsedScript {
  if (!parser) throw new Error('lean-dockerfile: the shell parser is not initialised (call initShellParser first)');
  let raw = cache.get(script);
  if (raw) {
    cache.delete(script);
    cache.set(script, raw);
  } else {
    raw = parseRaw(parser, script);
    if (script.length <= CACHE_MAX_SCRIPT) {
      cache.set(script, raw);
      if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
    }
  }
  const at = (i: number) => offsets[Math.max(0, Math.min(i, offsets.length - 1))];
  const word = (w: ShellWord): ShellWord => ({ ...w, start: at(w.start), end: at(w.end) });
  return {
    commands: raw.commands.map((c) => ({
      ...c,
      nameWord: c.nameWord && word(c.nameWord),
      args: c.args.map(word),
      assignments: c.assignments.map((a) => ({ ...a })),
      start: at(c.start),
      end: at(c.end),
    })),
    variables: raw.variables.map((v) => ({ ...v, start: at(v.start), end: at(v.end) })),
    hasError: raw.hasError,
  };
}

/** The parse with positions as script indices. */
function parseRaw(p: Parser, script: string): ParsedScript {
  const tree = p.parse(script);
  if (!tree) return { commands: [], variables: [], hasError: true };
  try {
    const root = tree.rootNode;
    const commands: ShellCommand[] = [];
    const variables: ShellVariableUse[] = [];
    const at = (i: number) => i;
    for (const node of root.descendantsOfType(QUERY_TYPES)) {
      if (!node) continue;
      if (node.type === 'command') {
        const cmd = toCommand(node, at);
        if (cmd) commands.push(cmd);
      } else {
        const nameNode = node.namedChildren.find((c) => c?.type === 'variable_name');
        if (nameNode) variables.push({ name: nameNode.text, start: at(node.startIndex), end: at(node.endIndex) });
      }
    }
    return { commands, variables, hasError: root.hasError };
  } finally {
    tree.delete();
  }
}

function toCommand(node: TsNode, at: (i: number) => number): ShellCommand | undefined {
  const assignments: ShellCommand['assignments'] = [];
  const args: ShellWord[] = [];
  let nameWord: ShellWord | undefined;
  for (const child of node.namedChildren) {
    if (!child) continue;
    switch (child.type) {
      case 'variable_assignment': {
        const n = child.childForFieldName('name');
        const v = child.childForFieldName('value');
        assignments.push({ name: n?.text ?? '', value: v ? staticValue(v) : '' });
        break;
      }
      case 'command_name': {
        const inner = child.firstNamedChild ?? child;
        nameWord = { text: child.text, value: staticValue(inner), start: at(child.startIndex), end: at(child.endIndex) };
        break;
      }
      case 'file_redirect':
      case 'heredoc_redirect':
      case 'herestring_redirect':
      case 'comment':
        break;
      default:
        if (nameWord) args.push({ text: child.text, value: staticValue(child), start: at(child.startIndex), end: at(child.endIndex) });
    }
  }
  if (!nameWord) return undefined;
  const value = nameWord.value ?? '';
  const slash = value.lastIndexOf('/');
  return {
    name: slash >= 0 ? value.slice(slash + 1) : value,
    nameWord,
    args,
    assignments,
    start: at(node.startIndex),
    end: at(node.endIndex),
  };
}

/** The value of a word when it holds no expansion; undefined otherwise. */
export function staticValue(node: TsNode): string | undefined {
  switch (node.type) {
    case 'word':
    case 'number':
      return node.text.includes('\\') ? node.text.replace(/\\(.)/gs, '$1') : node.text;
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'string': {
      let out = '';
      for (const c of node.namedChildren) {
        if (!c || c.type !== 'string_content') return undefined;
        out += c.text;
      }
      return out;
    }
    case 'concatenation': {
      let out = '';
      for (const c of node.namedChildren) {
        if (!c) return undefined;
        const v = staticValue(c);
        if (v === undefined) return undefined;
        out += v;
      }
      return out;
    }
    default:
      return undefined;
  }
}
