// Building an app's Dockerfile with buildah and reading what the build did: which RUN steps executed (cache order),
// which secret mounts and ARGs the Dockerfile asks for.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { WORK, bud } from './sh.mjs';

/** RUN steps that executed (not served from the layer cache), from buildah's `STEP n/m:` / `--> Using cache` output. */
export function executedRuns(output) {
  const steps = [];
  for (const line of output.split('\n')) {
    const m = line.match(/^(?:\[\d+\/\d+\] )?STEP \d+\/\d+: (\S+)\s*(.*)$/);
    if (m) steps.push({ keyword: m[1].toUpperCase(), text: m[2].slice(0, 80), cached: false });
    else if (/^--> Using cache /.test(line) && steps.length) steps.at(-1).cached = true;
  }
  return steps.filter((s) => s.keyword === 'RUN' && !s.cached).map((s) => s.text);
}

/** Secret mounts in a Dockerfile: [{id, target, env}] (id defaults to the target's basename, as in BuildKit). */
export function secretMounts(text) {
  const out = [];
  for (const m of text.matchAll(/--mount=(\S+)/g)) {
    const fields = Object.fromEntries(m[1].replace(/^["']|["']$/g, '').split(',').map((kv) => {
      const i = kv.indexOf('=');
      return i < 0 ? [kv, ''] : [kv.slice(0, i), kv.slice(i + 1)];
    }));
    if (fields.type !== 'secret') continue;
    const id = fields.id ?? fields.source ?? (fields.target || fields.dst ? basename(fields.target ?? fields.dst) : undefined);
    if (id && !out.some((s) => s.id === id)) out.push({ id, target: fields.target ?? fields.dst, env: fields.env });
  }
  return out;
}

/** Names declared by ARG instructions. */
export function declaredArgs(text) {
  return [...text.matchAll(/^[ \t]*ARG[ \t]+([A-Za-z_][A-Za-z0-9_]*)/gim)].map((m) => m[1]);
}

const norm = (s) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * What a CI job would pass for this Dockerfile: --build-arg for secrets still declared as ARG, --secret for each
 * secret mount (matched to the app's secrets by name; a lone secret matches any id).
 */
export function buildInputs(text, secrets, secretDir) {
  const buildArgs = {};
  const args = declaredArgs(text);
  for (const [name, value] of Object.entries(secrets)) if (args.includes(name)) buildArgs[name] = value;
  const mounts = [];
  const names = Object.keys(secrets);
  for (const mount of secretMounts(text)) {
    const name = names.find((n) => norm(n) === norm(mount.id)) ?? (names.length === 1 ? names[0] : undefined);
    if (!name) continue;
    const src = join(secretDir, name);
    writeFileSync(src, secrets[name], { mode: 0o600 });
    mounts.push({ id: mount.id, src });
  }
  return { buildArgs, secrets: mounts };
}

/** Build `file` in `context` as `tag`; returns {ok, seconds, runs (executed RUN steps), tail}. */
export async function buildImage({ tag, file, context, secrets = {}, logFile }) {
  const text = readFileSync(file, 'utf8');
  const inputs = buildInputs(text, secrets, join(WORK, 'secrets'));
  const t0 = Date.now();
  const r = await bud({ tag, file, context, ...inputs, logFile });
  const seconds = (Date.now() - t0) / 1000;
  const tail = r.out.trim().split('\n').filter((l) => !/^(Copying|Writing|Storing|Getting)/.test(l)).slice(-6).join('\n');
  return { ok: r.code === 0, seconds, runs: executedRuns(r.out), tail, inputs };
}

const COMMENT = { '.py': '#', '.rb': '#', '.sh': '#', '.toml': '#', '.yaml': '#', '.yml': '#' };

/** A source-only edit: append a comment line (unique per run) to `file`. */
export function editSource(dir, file, stamp) {
  const lead = COMMENT[extname(file)] ?? '//';
  appendFileSync(join(dir, file), `\n${lead} cache probe ${stamp}\n`);
}
