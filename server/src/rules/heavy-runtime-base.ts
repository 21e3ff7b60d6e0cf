import { defineRule } from '../core/rule';
import { isCopy, isRun, stageChain, type Stage } from '../core/model';
import { classifyImage, isMinimalFlavour } from '../core/imageFamily';
import type { ImageRef } from '../core/image';
import type { Fix, Settings } from '../core/types';
import { findFamily, type ImageFamily } from '../knowledge/imageVariants';
import { reportsOf } from '../core/ruleReports';
import { commandsIn } from './heavy-runtime-base/commands';
import { rule as singleStageBuild } from './single-stage-build';
import { rewriteImage, suggestSmaller } from './heavy-runtime-base/suggest';

/** Families whose JDK/SDK variant is heavy even when it is slim or alpine. */
const SDK_WAYS = new Set(['jdk-to-jre', 'openjdk-to-temurin', 'dotnet-sdk']);
/** OS families: compiling in them is not single-stage-build's business, and -slim keeps apt. */
const OS_WAYS = new Set(['minimal']);

/** Tools a smaller variant lacks, keyed by the command a RUN would call. */
const TOOL_COMMANDS: Record<string, string[]> = {
  git: ['git'],
  curl: ['curl', 'wget'],
  gcc: ['gcc', 'g++', 'make', 'cc', 'node-gyp'],
  javac: ['javac', 'jar', 'jlink'],
  dotnet: ['dotnet'],
  dnf: ['dnf', 'yum'],
};

export const rule = defineRule({
  meta: {
    id: 'heavy-runtime-base',
    summary: 'The final stage ships a full OS or language image where a smaller variant of the same family serves',
    severity: 'info',
    fixAfterRestructure: true,
    fix: 'sometimes',
  },
  check(ctx) {
    const final = ctx.model.stages.find((s) => s.isFinal);
    if (!final) return;
    const chain = stageChain(final);
    const root = chain[0];
    if (root.baseStage || !root.image || !root.imageRange) return;
    const written = ctx.model.index.slice(root.imageRange);
    if (written.includes('$') || root.image.hasVariables) return;
    const ref = root.image;
    if (isTrusted(ref, ctx.settings)) return;
    const c = classifyImage(ref);
    const family = findFamily(c.official, ref.repository);
    if (!family || family.way === 'none') return;
    if (isMinimalFlavour(c) && !SDK_WAYS.has(family.way)) return;
    if (c.flavour === 'windows') return;
    // The final stage compiles: the toolchain is single-stage-build's finding (split the stages); one image, one report.
    if (reportsOf(singleStageBuild, ctx).length) return;

    const where = final === root ? 'the final stage' : `the final stage (through ${stageName(root)})`;
    if (family.way === 'toolchain') {
      // A single-stage toolchain image that builds nothing is a CI or dev-tool image on purpose; a final
      // stage that copies an artifact from a build stage was meant to be the runtime.
      if (!chain.some((s) => s.instructions.some((i) => isCopy(i) && i.from !== undefined))) return;
      ctx.report({
        range: root.imageRange,
        message:
          `${written} is the ${family.names[0]} build toolchain (${family.fullSize}) and ${where} ships it: ` +
          'build in an earlier stage and copy the artifact onto a runtime base (gcr.io/distroless, debian:<release>-slim)',
      });
      return;
    }
    const smaller = suggestSmaller(ref, c, family, isWeb(chain));
    if (!smaller) return;
    const image = rewriteImage(written, smaller);
    const size = sizeOf(family, image);
    const lacking = missingUsed(family, commandsIn(chain), installedIn(chain));
    const shown = written.replace(/@(\w+:)?([0-9a-f]{12})[0-9a-f]+$/i, '@$1$2…');
    const kind = family.way === 'dotnet-sdk' ? `${family.title} SDK` : SDK_WAYS.has(family.way) ? `${family.title} JDK` : `full ${family.title}`;
    const message =
      `${shown} is the ${kind} image (${family.fullSize}) in ${where}; ${image}${size ? ` (${size})` : ''} ` +
      `serves the same runtime but lacks ${family.missing.join(', ')}` +
      (lacking.length ? `. This stage runs ${lacking.join(', ')}: install it there or move that step to a build stage` : '') +
      (ref.digest ? '. The digest pins the old image: re-pin the new one' : '');
    const title = `Use ${image}${ref.digest ? ' (drops the digest pin)' : ''}`;
    const fix: Fix = { title, safety: 'unsafe', edits: [{ range: root.imageRange, newText: image }] };
    ctx.report({ range: root.imageRange, message, fixes: [fix] });
  },
});

function isTrusted(ref: ImageRef, settings: Settings): boolean {
  const trusted = (settings.trustedRuntimeBases ?? []).map((t) => t.trim().toLowerCase());
  if (!trusted.length) return false;
  const names = [ref.repository, ref.name, ref.raw.toLowerCase().split('@')[0]];
  if (ref.registry) names.push(`${ref.registry.toLowerCase()}/${ref.repository}`);
  const withTags = ref.tag ? names.map((n) => (n.endsWith(':' + ref.tag!.toLowerCase()) ? n : `${n}:${ref.tag!.toLowerCase()}`)) : [];
  return trusted.some((t) => names.includes(t) || withTags.includes(t));
}

function stageName(s: Stage): string {
  return s.name ? `stage ${s.name}` : `stage ${s.index}`;
}

/** A web app: EXPOSE or ASPNETCORE_* settings in the chain (→ aspnet rather than runtime). */
function isWeb(chain: Stage[]): boolean {
  return chain.some((s) => s.instructions.some((i) => i.keyword === 'EXPOSE') || s.envs.some((e) => /^ASPNETCORE_/i.test(e.name)));
}

function sizeOf(family: ImageFamily, image: string): string | undefined {
  const tagPart = image.slice(image.lastIndexOf('/') + 1);
  const kind = /jre/.test(tagPart) ? 'jre' : /aspnet/.test(image) ? 'aspnet' : /runtime/.test(image) ? 'runtime' : /minimal/.test(tagPart) ? 'minimal' : /slim|debian/.test(tagPart) ? 'slim' : undefined;
  const v = kind ? family.variants.find((x) => x.tag.includes(kind) && !x.tag.includes('alpine')) : undefined;
  return v?.size;
}

/** The lacking tools the stage itself calls and does not install (`curl` in a RUN of a stage moving to -slim). */
function missingUsed(family: ImageFamily, commands: Set<string>, installed: Set<string>): string[] {
  const out: string[] = [];
  const text = family.missing.join(' ');
  for (const [key, cmds] of Object.entries(TOOL_COMMANDS)) {
    if (!new RegExp(`\\b${key}\\b`).test(text)) continue;
    for (const cmd of cmds) if (commands.has(cmd) && !installed.has(cmd) && !out.includes(cmd)) out.push(cmd);
  }
  return out;
}

/** Packages the chain installs with apt/apk/dnf (`build-essential` counts as gcc, g++ and make). */
function installedIn(chain: Stage[]): Set<string> {
  const out = new Set<string>();
  for (const s of chain)
    for (const i of s.instructions) {
      if (!isRun(i)) continue;
      for (const c of i.shell.commands) {
        if (!['apt-get', 'apt', 'apk', 'dnf', 'yum', 'microdnf'].includes(c.name)) continue;
        const words = c.args.map((a) => a.value ?? '');
        if (!words.includes('install') && !words.includes('add')) continue;
        for (const w of words) {
          out.add(w);
          if (w === 'build-essential' || w === 'build-base') ['gcc', 'g++', 'make', 'cc'].forEach((x) => out.add(x));
        }
      }
    }
  return out;
}
