import { DockerfileParser, type Dockerfile, type Instruction, type From, type Flag } from 'dockerfile-ast';
import { TextIndex } from './text';
import { parseImageRef, type ImageRef } from './image';
import { extractScript } from './script';
import { parseScript, type ParsedScript } from './shell';
import type { BuildContext, Range } from './types';

/** A word of an instruction with its value and place. */
export interface Word {
  value: string;
  range: Range;
  start: number;
  end: number;
}

export interface FlagInfo {
  name: string;
  value: string | null;
  range: Range;
  start: number;
  end: number;
}

export interface InstructionInfo {
  /** Upper-case keyword (`RUN`, `COPY`, …). */
  keyword: string;
  node: Instruction;
  range: Range;
  /** Offsets of the instruction in the text (end = end of its last line's content). */
  start: number;
  end: number;
  stage?: Stage;
  /** Index among all instructions of the file. */
  index: number;
  flags: FlagInfo[];
  /** Arguments after the flags (JSON strings unquoted for exec form). */
  args: Word[];
  execForm: boolean;
}

export interface RunInfo extends InstructionInfo {
  keyword: 'RUN';
  /** The shell script for shell form, with offsets; undefined for exec form. */
  script?: string;
  /** Shell commands (lazy; parsed once). Exec form yields one command from the JSON array. */
  readonly shell: ParsedScript;
  mounts: Mount[];
}

export interface Mount {
  type: string;
  options: Record<string, string>;
  flag: FlagInfo;
}

export interface CopyInfo extends InstructionInfo {
  keyword: 'COPY' | 'ADD';
  sources: Word[];
  dest?: Word;
  /** `--from=` value, when copying from a stage or image. */
  from?: string;
}

export interface VarDef {
  name: string;
  value?: string;
  instr: InstructionInfo;
  nameRange: Range;
  /** Range of the whole `NAME=value` (or `NAME value`) property. */
  propertyRange: Range;
}

export interface Stage {
  index: number;
  name?: string;
  nameRange?: Range;
  from: InstructionInfo;
  /** The base image text with global ARGs substituted where they have defaults. */
  imageText: string;
  image?: ImageRef;
  imageRange?: Range;
  /** The earlier stage this one is built FROM, if any. */
  baseStage?: Stage;
  instructions: InstructionInfo[];
  isFinal: boolean;
  args: VarDef[];
  envs: VarDef[];
}

export interface Directive {
  name: string;
  value: string;
  range: Range;
}

export interface Model {
  text: string;
  index: TextIndex;
  eol: string;
  escape: string;
  dockerfile: Dockerfile;
  directives: Directive[];
  instructions: InstructionInfo[];
  globalArgs: VarDef[];
  stages: Stage[];
  context?: BuildContext;
}

export function buildModel(text: string, context?: BuildContext): Model {
  const dockerfile = DockerfileParser.parse(text);
  const index = new TextIndex(text);
  const escape = dockerfile.getEscapeCharacter();
  const directives: Directive[] = dockerfile.getDirectives().map((d) => ({
    name: d.getName().toLowerCase(),
    value: d.getValue(),
    range: d.getRange(),
  }));
  const model: Model = {
    text,
    index,
    eol: index.eol,
    escape,
    dockerfile,
    directives,
    instructions: [],
    globalArgs: [],
    stages: [],
    context,
  };
  let stage: Stage | undefined;
  const byName = new Map<string, Stage>();
  dockerfile.getInstructions().forEach((node, i) => {
    const info = toInstructionInfo(model, node, i);
    model.instructions.push(info);
    if (info.keyword === 'FROM') {
      stage = newStage(model, info, node as From, byName);
      model.stages.push(stage);
    }
    if (stage) {
      info.stage = stage;
      stage.instructions.push(info);
    }
    if (info.keyword === 'ARG') (stage ? stage.args : model.globalArgs).push(...varDefs(model, info));
    else if (info.keyword === 'ENV' && stage) stage.envs.push(...varDefs(model, info));
  });
  if (model.stages.length) model.stages[model.stages.length - 1].isFinal = true;
  return model;
}

function toInstructionInfo(model: Model, node: Instruction, i: number): InstructionInfo {
  const range = node.getRange();
  const keyword = node.getKeyword().toUpperCase();
  const start = model.index.offsetAt(range.start);
  const end = model.index.offsetAt(range.end);
  const flagNodes: Flag[] = typeof (node as any).getFlags === 'function' ? (node as any).getFlags() : [];
  const flags = flagNodes.map((f) => {
    const r = f.getRange();
    return { name: f.getName(), value: f.getValue(), range: r, start: model.index.offsetAt(r.start), end: model.index.offsetAt(r.end) };
  });
  const jsonStrings: any[] | undefined = typeof (node as any).getJSONStrings === 'function' ? (node as any).getJSONStrings() : undefined;
  const execForm = !!jsonStrings && jsonStrings.length > 0 && (node as any).getOpeningBracket?.() !== null;
  const args: Word[] = (execForm ? jsonStrings! : node.getArguments()).map((a: any) => {
    const r: Range = a.getRange();
    const value: string = execForm && typeof a.getJSONValue === 'function' ? a.getJSONValue() : a.getValue();
    return { value, range: r, start: model.index.offsetAt(r.start), end: model.index.offsetAt(r.end) };
  });
  const info: InstructionInfo = { keyword, node, range, start, end, index: i, flags, args, execForm };
  if (keyword === 'RUN') return toRun(model, info);
  if (keyword === 'COPY' || keyword === 'ADD') return toCopy(info);
  return info;
}

function toRun(model: Model, info: InstructionInfo): RunInfo {
  let script: string | undefined;
  let offsets: Int32Array | undefined;
  if (!info.execForm && info.args.length) {
    const ex = extractScript(model.text, info.args[0].start, info.end, model.escape);
    script = ex.script;
    offsets = ex.offsets;
    // `RUN <<EOF` with no command before it: the body is the script. (Test the first line before asking
    // dockerfile-ast for heredocs: getHeredocs costs ~10% of a model, and most RUNs have none.)
    const firstLine = /^[^\r\n]*/.exec(script)![0];
    const heredocs = /^\s*<<-?\s*["']?\w+["']?\s*$/.test(firstLine) ? ((info.node as any).getHeredocs?.() ?? []) : [];
    if (heredocs.length) {
      const content: Range | null = heredocs[0].getContentRange();
      if (content) {
        const s = model.index.offsetAt(content.start);
        const e = model.index.offsetAt(content.end);
        const body = model.text.slice(s, e);
        script = body;
        offsets = new Int32Array(body.length + 1);
        for (let k = 0; k <= body.length; k++) offsets[k] = s + k;
      }
    }
  }
  let parsed: ParsedScript | undefined;
  const run = info as RunInfo;
  run.script = script;
  Object.defineProperty(run, 'shell', {
    enumerable: true,
    get(): ParsedScript {
      if (parsed) return parsed;
      if (script !== undefined && offsets) parsed = parseScript(script, offsets);
      else if (info.execForm && info.args.length) {
        const [head, ...rest] = info.args;
        const slash = head.value.lastIndexOf('/');
        parsed = {
          commands: [
            {
              name: head.value.slice(slash + 1),
              nameWord: { text: head.value, value: head.value, start: head.start, end: head.end },
              args: rest.map((w) => ({ text: w.value, value: w.value, start: w.start, end: w.end })),
              assignments: [],
              start: head.start,
              end: info.args[info.args.length - 1].end,
            },
          ],
          variables: [],
          hasError: false,
        };
      } else parsed = { commands: [], variables: [], hasError: false };
      return parsed;
    },
  });
  run.mounts = info.flags
    .filter((f) => f.name.toLowerCase() === 'mount' && f.value)
    .map((flag) => {
      const options: Record<string, string> = {};
      for (const part of (flag.value ?? '').split(',')) {
        const eq = part.indexOf('=');
        if (eq < 0) options[part.trim()] = 'true';
        else options[part.slice(0, eq).trim().toLowerCase()] = part.slice(eq + 1).trim();
      }
      return { type: (options.type ?? 'bind').toLowerCase(), options, flag };
    });
  return run;
}

function toCopy(info: InstructionInfo): CopyInfo {
  const copy = info as CopyInfo;
  const args = info.args;
  copy.sources = args.length > 1 ? args.slice(0, -1) : [];
  copy.dest = args.length > 1 ? args[args.length - 1] : undefined;
  const from = info.flags.find((f) => f.name.toLowerCase() === 'from');
  copy.from = from?.value ?? undefined;
  return copy;
}

function newStage(model: Model, info: InstructionInfo, node: From, byName: Map<string, Stage>): Stage {
  const imageRange = node.getImageRange() ?? undefined;
  let imageText = node.getImage() ?? '';
  if (imageText.includes('$')) imageText = substituteArgs(imageText, model.globalArgs);
  const name = node.getBuildStage() ?? undefined;
  const baseStage = byName.get(imageText.toLowerCase());
  const stage: Stage = {
    index: model.stages.length,
    name,
    nameRange: node.getBuildStageRange() ?? undefined,
    from: info,
    imageText,
    image: imageText ? parseImageRef(imageText) : undefined,
    imageRange,
    baseStage,
    instructions: [],
    isFinal: false,
    args: [],
    envs: [],
  };
  if (name) byName.set(name.toLowerCase(), stage);
  byName.set(String(stage.index), stage);
  return stage;
}

function substituteArgs(text: string, args: VarDef[]): string {
  return text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)(?::?[-+][^}]*)?\}?/g, (m, name: string) => {
    const def = [...args].reverse().find((a) => a.name === name);
    if (def?.value !== undefined && def.value !== '') return def.value;
    const fallback = /:?-([^}]*)\}$/.exec(m);
    return fallback ? fallback[1] : m;
  });
}

function varDefs(model: Model, info: InstructionInfo): VarDef[] {
  const props: any[] = typeof (info.node as any).getProperties === 'function' ? (info.node as any).getProperties() : [];
  return props.map((p) => {
    const nameRange: Range = p.getNameRange();
    const value: string | null = p.getValue();
    return {
      name: p.getName(),
      value: value ?? undefined,
      instr: info,
      nameRange,
      propertyRange: p.getRange(),
    };
  });
}

/** The USER in force at the end of a stage: its own last USER, else its base stage's, else undefined. */
export function effectiveUser(stage: Stage): { user: string; instr: InstructionInfo } | undefined {
  for (let i = stage.instructions.length - 1; i >= 0; i--) {
    const ins = stage.instructions[i];
    if (ins.keyword === 'USER' && ins.args.length) return { user: ins.args[0].value, instr: ins };
  }
  return stage.baseStage && stage.baseStage !== stage ? effectiveUser(stage.baseStage) : undefined;
}

/** The chain of stages from the root image up to this stage (root first). */
export function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  const seen = new Set<Stage>();
  for (let s: Stage | undefined = stage; s && !seen.has(s); s = s.baseStage) {
    seen.add(s);
    chain.unshift(s);
  }
  return chain;
}

export function isRun(i: InstructionInfo): i is RunInfo {
  return i.keyword === 'RUN';
}

export function isCopy(i: InstructionInfo): i is CopyInfo {
  return i.keyword === 'COPY' || i.keyword === 'ADD';
}
