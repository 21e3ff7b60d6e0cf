import type { ImageRef } from '../../core/image';
import { tagVersion } from '../../core/image';
import { classifyImage, UBUNTU_CODENAMES } from '../../core/imageFamily';
import { chooseRuntime, temurinJreVersions, type BuildFacts, type ToolchainImage, type UserPlan } from '../../knowledge/images';

/** Fills a runtime row's image template from the build image, and writes the non-root user lines. */

/** `20` → `20-slim`, `20-bookworm` → `20-bookworm-slim`; Alpine and slim tags stay. */
export function slimTag(tag: string | undefined): string {
  if (!tag || tag === 'latest') return 'slim';
  const t = tag.replace(/-onbuild$/, '');
  return /alpine|slim/.test(t) ? t : t + '-slim';
}

/** Python puts slim before the distro: `3.12-bookworm` → `3.12-slim-bookworm`. */
export function pySlimTag(tag: string | undefined): string {
  if (!tag || tag === 'latest') return 'slim';
  const t = tag.replace(/-onbuild$/, '');
  if (/alpine|slim/.test(t)) return t;
  const dash = t.indexOf('-');
  return dash < 0 ? t + '-slim' : `${t.slice(0, dash)}-slim${t.slice(dash)}`;
}

/** .NET SDK tags carry the SDK version (`8.0.100`); runtime images use the runtime's (`8.0`). */
export function dotnetRuntimeTag(tag: string | undefined): string {
  if (!tag) return 'latest';
  return tag.replace(/^(\d+\.\d+)\.\d{3,}/, '$1');
}

/** The Java feature version a JDK or build image carries, if the tag says. */
export function javaVersion(image: ImageRef): number | undefined {
  const tag = image.tag ?? '';
  const embedded = /(?:jdk|openjdk|temurin|corretto|sapmachine|graalvm|semeru|zulu|liberica|java)-?(\d+)/.exec(tag);
  if (embedded) return Number(embedded[1]);
  if (image.repository === 'maven' || image.repository === 'gradle') return undefined;
  const v = /^(\d+)(?:u\d+)?/.exec(tag)?.[1];
  if (v === '1') return Number(/^1\.(\d+)/.exec(tag)?.[1]);
  return v ? Number(v) : undefined;
}

export function buildFacts(image: ImageRef, extra: Partial<BuildFacts>): BuildFacts {
  const tag = (image.tag ?? '').toLowerCase();
  const major = parseInt(tagVersion(tag) ?? '', 10);
  return {
    alpine: /alpine|musl/.test(tag) || /musl/.test(image.repository),
    cgoDisabled: false,
    web: false,
    dotnet8: !tag || tag === 'latest' || major >= 8,
    windows: /nanoserver|windowsservercore|ltsc/.test(tag),
    static: false,
    ...extra,
  };
}

/** The runtime image and user plan, or why none can be chosen. */
export function runtimeFor(row: ToolchainImage, image: ImageRef, facts: BuildFacts): { image: string; user: UserPlan } | { reason: string } {
  const choice = chooseRuntime(row, facts);
  const tag = image.tag;
  let failure: string | undefined;
  const filled = choice.image.replace(/\{([\w]+)(?::([\w-]+):([\w-]+))?\}/g, (_m, key: string, a?: string, b?: string) => {
    switch (key) {
      case 'registry':
        return image.registry ? image.registry + '/' : '';
      case 'tag':
        return tag ?? 'latest';
      case 'slimTag':
        return slimTag(tag);
      case 'pySlimTag':
        return pySlimTag(tag);
      case 'runtimeTag':
        return dotnetRuntimeTag(tag);
      case 'webOr':
        return facts.web ? a! : b!;
      case 'legacyDotnetTag':
        return (tag ?? 'sdk').replace(/sdk/, facts.web ? 'aspnetcore-runtime' : 'runtime').replace(/^(\d+\.\d+)\.\d{3,}/, '$1');
      case 'debianSlimTag':
        return !tag || tag === 'latest' ? 'stable-slim' : /slim/.test(tag) ? tag : tag + '-slim';
      case 'codenameBase': {
        const codename = classifyImage(image).codename;
        if (!codename) failure = `the Debian or Ubuntu release of ${image.raw} is not in its tag (name it, e.g. \`${image.repository}:${tagVersion(tag) ?? 'latest'}-bookworm\`)`;
        return codename && UBUNTU_CODENAMES.includes(codename) ? `ubuntu:${codename}` : `debian:${codename}-slim`;
      }
      case 'alpineVersion':
        return /alpine(\d+\.\d+)/.exec(tag ?? '')?.[1] ?? '3';
      case 'java': {
        const v = javaVersion(image);
        const lts = v === undefined ? undefined : temurinJreVersions.find((x) => x >= v);
        if (lts === undefined) failure = `the Java version of ${image.raw} is not in its tag`;
        return String(lts);
      }
      default:
        failure = `unknown template key ${key}`;
        return '';
    }
  });
  return failure ? { reason: failure } : { image: filled, user: choice.user };
}

/** The RUN that creates the runtime stage's account (none when the image has one); it goes right after FROM. */
export function createUserLines(plan: UserPlan, kw: (k: string) => string): string[] {
  if (plan.kind === 'existing') return [];
  if (plan.flavor === 'alpine') return [`${kw('RUN')} addgroup -S app && adduser -S -G app -H app`];
  return [`${kw('RUN')} groupadd --system app && useradd --system --gid app --no-create-home app`];
}

/** The USER switch, before the start instructions. */
export function userLine(plan: UserPlan, kw: (k: string) => string): string {
  return `${kw('USER')} ${plan.kind === 'existing' ? plan.user : 'app'}`;
}
