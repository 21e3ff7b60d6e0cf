import { isRun, type InstructionInfo, type Model, type RunInfo } from '../../core/model';
import type { ShellWord } from '../../core/shell';
import { isCredentialName } from '../../knowledge/secrets';
import { findTokens, isPlaceholder, isReference, looksLikeSecret } from '../../knowledge/tokenFormats';

/** A literal credential in the Dockerfile: offsets of the secret itself, never its text. */
export interface Literal {
  kind: string;
  /** The variable a fix reads it from. */
  env: string;
  start: number;
  end: number;
  instr: InstructionInfo;
  /** The RUN word it sits in, when it is in a parsed shell command. */
  word?: ShellWord;
}

/** Flags whose value is a credential (`--password`, `--token`, `--api-key`), by the same name test as variables. */
const CRED_FLAG = (name: string) =>
  isCredentialName(name) && !/stdin|file|env|cmd|command|helper|id$|^secret$|^mount$|^(?:(?:private|ssl|tls|client|signing|host)-?)?key$/i.test(name);
/** Flag values that name a file rather than hold a secret (`-key server.key`). */
const FILE_LIKE = /\.(?:key|pem|crt|cer|der|p12|pfx|txt|json|conf|cfg|ini|ya?ml|env|properties|xml)$/i;
const AUTH_HEADER = /^\s*(?:Proxy-)?Authorization\s*:\s*(?:Bearer|Basic|token|Token|Bot|Digest)\s+(\S+)/i;
const KEY_HEADER = /^\s*(?:X-[\w-]*(?:Token|Key|Auth|Secret)[\w-]*|PRIVATE-TOKEN|JOB-TOKEN|Api-?Key)\s*:\s*(\S+)/i;
const NPM_AUTH = /:_(?:authToken|auth|password)\s*=\s*["']?([^\s"';&|]+)/g;
const ASSIGN = /(?:^|[\s;&|(])(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=("[^"$`]*"|'[^']*'|[^\s;&|"'$`]+)/g;

const unquote = (v: string) => v.replace(/^(["'])([\s\S]*)\1$/, '$2');
const envName = (s: string) => s.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toUpperCase() || 'SECRET';

/** Every literal credential of the file, once per place, in text order. */
export function scanLiterals(model: Model): Literal[] {
  const out: Literal[] = [];
  const add = (l: Literal) => {
    if (l.end > l.start && !out.some((o) => l.start < o.end && o.start < l.end)) out.push(l);
  };
  for (const ins of model.instructions) {
    const text = model.text.slice(ins.start, ins.end);
    for (const t of findTokens(text)) add({ kind: t.kind, env: t.env, start: ins.start + t.start, end: ins.start + t.end, instr: ins, word: isRun(ins) ? wordAt(ins, ins.start + t.start) : undefined });
    if (ins.keyword === 'ARG' || ins.keyword === 'ENV' || ins.keyword === 'LABEL') scanProperties(model, ins, add);
    else if (isRun(ins)) scanRun(model, ins, add);
  }
  return out.sort((a, b) => a.start - b.start);
}

function scanProperties(model: Model, ins: InstructionInfo, add: (l: Literal) => void): void {
  const props: any[] = typeof (ins.node as any).getProperties === 'function' ? (ins.node as any).getProperties() : [];
  for (const p of props) {
    const name: string = p.getName() ?? '';
    const label = ins.keyword === 'LABEL' ? name.split(/[./]/).pop() ?? '' : name;
    const vr = p.getValueRange?.();
    if (!vr || !isCredentialName(label)) continue;
    const s = model.index.offsetAt(vr.start);
    const e = model.index.offsetAt(vr.end);
    const raw = model.text.slice(s, e);
    const value = unquote(raw);
    if (!looksLikeSecret(value)) continue;
    const off = raw.indexOf(value);
    add({ kind: 'a credential', env: envName(label), start: s + Math.max(0, off), end: s + Math.max(0, off) + value.length, instr: ins });
  }
}

function scanRun(model: Model, run: RunInfo, add: (l: Literal) => void): void {
  for (const c of run.shell.commands) {
    const words = c.args;
    words.forEach((w, i) => {
      const v = w.value ?? unquote(w.text);
      const lit = (secret: string | undefined, kind: string, env: string, strict = true) => {
        if (!secret || isReference(secret) || secret.includes('$') || isPlaceholder(secret) || (strict ? !looksLikeSecret(secret) : secret.length < 8)) return;
        const at = model.text.slice(w.start, w.end).indexOf(secret);
        if (at >= 0) add({ kind, env, start: w.start + at, end: w.start + at + secret.length, instr: run, word: w });
      };
      const flag = /^--?([A-Za-z][\w-]*)(?:=(.*))?$/s.exec(v);
      if (flag && CRED_FLAG(flag[1])) {
        const kind = /pass|pwd/i.test(flag[1]) ? 'a password' : 'a token';
        const value = flag[2] ?? (words[i + 1] && !(words[i + 1].value ?? '-').startsWith('-') ? words[i + 1].value : undefined);
        const target = flag[2] !== undefined ? w : words[i + 1];
        if (value && FILE_LIKE.test(value)) {
          // a key or password file, not the secret
        } else if (target === w) lit(value, kind, envName(`${c.name}_${flag[1]}`));
        else if (target && value) litIn(model, target, value, kind, envName(`${c.name}_${flag[1]}`), run, add);
      }
      if (/^(?:mysql|mysqladmin|mysqldump|mariadb)$/.test(c.name) && /^-p[^-\s]/.test(v)) lit(v.slice(2), 'a password', 'MYSQL_PASSWORD');
      if (c.name === 'sshpass' && v === '-p') litIn(model, words[i + 1], words[i + 1]?.value, 'a password', 'SSH_PASSWORD', run, add);
      if ((c.name === 'curl' && (v === '-u' || v === '--user' || v === '-U' || v === '--proxy-user')) || /^--(?:proxy-)?user=/.test(v)) {
        const cred = v.includes('=') ? v.slice(v.indexOf('=') + 1) : words[i + 1]?.value;
        const pass = cred && cred.includes(':') ? cred.slice(cred.indexOf(':') + 1) : undefined;
        if (pass && v.includes('=')) lit(pass, 'a password', 'CURL_PASSWORD', false);
        else if (pass) litIn(model, words[i + 1], pass, 'a password', 'CURL_PASSWORD', run, add, false);
      }
      const h = v.replace(/^--?[\w-]+=/, '');
      const header = AUTH_HEADER.exec(h) ?? KEY_HEADER.exec(h);
      if (header) lit(header[1], 'a token in an HTTP header', 'API_TOKEN', !/^\s*(?:Proxy-)?Authorization/i.test(h));
      for (const m of v.matchAll(NPM_AUTH)) lit(m[1], 'an npm auth token', 'NPM_TOKEN', false);
    });
  }
  if (run.args.length && !run.execForm) scanAssignments(model, run, run.args[0].start, run.end, add);
}

/** `TOKEN=… cmd` and `export TOKEN=…` with a literal value, anywhere in the script. */
function scanAssignments(model: Model, run: RunInfo, from: number, to: number, add: (l: Literal) => void): void {
  const text = model.text.slice(from, to);
  for (const m of text.matchAll(ASSIGN)) {
    const value = unquote(m[2]);
    if (!isCredentialName(m[1]) || !looksLikeSecret(value)) continue;
    const start = from + m.index! + m[0].length - m[2].length + m[2].indexOf(value);
    add({ kind: 'a credential', env: m[1], start, end: start + value.length, instr: run });
  }
}

function litIn(model: Model, w: ShellWord | undefined, secret: string | undefined, kind: string, env: string, run: RunInfo, add: (l: Literal) => void, strict = true): void {
  if (!w || !secret || isReference(secret) || secret.includes('$') || isPlaceholder(secret) || (strict ? !looksLikeSecret(secret) : secret.length < 6)) return;
  const at = model.text.slice(w.start, w.end).indexOf(secret);
  if (at >= 0) add({ kind, env, start: w.start + at, end: w.start + at + secret.length, instr: run, word: w });
}

/** The shell word of a RUN that holds an offset. */
export function wordAt(run: RunInfo, offset: number): ShellWord | undefined {
  for (const c of run.shell.commands) {
    for (const w of [c.nameWord, ...c.args]) if (w && w.start <= offset && offset < w.end) return w;
  }
  return undefined;
}
