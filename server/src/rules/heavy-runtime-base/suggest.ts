import type { ImageRef } from '../../core/image';
import { DEBIAN_CODENAMES, UBUNTU_CODENAMES, type ImageClass } from '../../core/imageFamily';
import type { ImageFamily } from '../../knowledge/imageVariants';

/** The smaller image: a new last repository component (when the name changes) and the new tag. */
export interface Smaller {
  name?: string;
  tag: string;
}

const NODE_CODENAMES = ['argon', 'boron', 'carbon', 'dubnium', 'erbium', 'fermium', 'gallium', 'hydrogen', 'iron', 'jod', 'krypton'];
const VERSION = /^v?\d+(\.\d+)*([a-z]+\d*)?$/;
const DEBIAN_RELEASE = /^(\d+(\.\d+)?|stable|testing|unstable|oldstable|oldoldstable|latest)$/;

/**
 * How the full tag of a family becomes its smaller runtime tag, or undefined when the tag has a shape
 * we do not know (`22-onbuild`, a Windows tag): then the rule stays silent rather than guess.
 */
export function suggestSmaller(ref: ImageRef, c: ImageClass, family: ImageFamily, web: boolean): Smaller | undefined {
  const t = c.tokens;
  const [head, ...rest] = t;
  const codenameOnly = rest.every((x) => DEBIAN_CODENAMES.includes(x));
  switch (family.way) {
    case 'append-slim': {
      if (!t.length || (t.length === 1 && head === 'latest')) return same(family.names[0] === 'debian' ? 'stable-slim' : 'slim');
      const ok =
        family.names[0] === 'debian'
          ? (DEBIAN_CODENAMES.includes(head) || DEBIAN_RELEASE.test(head)) && rest.every((x) => /^\d{8}$/.test(x))
          : (VERSION.test(head) || ['lts', 'current', ...NODE_CODENAMES].includes(head)) && codenameOnly;
      return ok ? same(`${ref.tag}-slim`) : undefined;
    }
    case 'slim-before-codename': {
      if (!t.length || (t.length === 1 && head === 'latest')) return same('slim');
      if (!VERSION.test(head) || !codenameOnly || rest.length > 1) return undefined;
      return same([head, 'slim', ...rest].join('-'));
    }
    case 'jdk-to-jre': {
      if (!t.length || t.includes('jre') || !/^\d/.test(head)) return undefined;
      const i = t.indexOf('jdk');
      return same(i >= 0 ? [...t.slice(0, i), 'jre', ...t.slice(i + 1)].join('-') : [head, 'jre', ...rest].join('-'));
    }
    case 'openjdk-to-temurin': {
      if (t.includes('jre')) return undefined;
      const major = /^(\d+)/.exec(head ?? '')?.[1];
      if (!major || (Number(major) < 11 && major !== '8')) return undefined;
      return { name: 'eclipse-temurin', tag: `${major}-jre${c.flavour === 'alpine' ? '-alpine' : ''}` };
    }
    case 'dotnet-sdk': {
      if (!t.length || !/^\d/.test(head)) return undefined;
      return { name: web ? 'aspnet' : 'runtime', tag: ref.tag! };
    }
    case 'buildpack-deps': {
      const base = head ?? 'latest';
      if (rest.some((x) => x !== 'curl' && x !== 'scm')) return undefined;
      if (DEBIAN_CODENAMES.includes(base)) return { name: 'debian', tag: `${base}-slim` };
      if (UBUNTU_CODENAMES.includes(base)) return { name: 'ubuntu', tag: base };
      if (base === 'latest' || base === 'stable') return { name: 'debian', tag: 'stable-slim' };
      return undefined;
    }
    case 'minimal': {
      const name = ref.name;
      if (name.startsWith('ubi')) {
        if (t.length > 1 || (head && !/^\d+(\.\d+)?$|^latest$/.test(head))) return undefined;
        return { name: name === 'ubi' ? 'ubi-minimal' : `${name}-minimal`, tag: ref.tag ?? '' };
      }
      if (!head || t.length > 1 || !/^\d+(\.\d+)*$/.test(head)) return undefined;
      return same(`${head}-minimal`);
    }
    default:
      return undefined;
  }
}

function same(tag: string): Smaller {
  return { tag };
}

/**
 * The image text with the suggestion applied, keeping the registry and path as written
 * (`docker.io/library/node:22@sha256:…` → `docker.io/library/node:22-slim`; the digest pins the old
 * image, so it is dropped). A new name replaces only the last path component, so a mirror's path stays
 * (`mirror.example/library/openjdk:17` → `mirror.example/library/eclipse-temurin:17-jre`).
 */
export function rewriteImage(raw: string, s: Smaller): string {
  let rest = raw.trim();
  const at = rest.indexOf('@');
  if (at >= 0) rest = rest.slice(0, at);
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) rest = rest.slice(0, colon);
  const cut = rest.lastIndexOf('/');
  const prefix = rest.slice(0, cut + 1);
  const name = s.name ?? rest.slice(cut + 1);
  return `${prefix}${name}${s.tag ? ':' + s.tag : ''}`;
}
