import type { ImageRef } from './image';

/**
 * What kind of base an image reference is, from its name and tag alone (no registry lookups):
 * whether it is already minimal (scratch, distroless, chainguard, alpine, -slim, -minimal, JRE/runtime)
 * and which Docker Hub official image it is, also through a mirror (`mirror.example/library/node`).
 */

export type ImageFlavour =
  | 'scratch'
  | 'distroless'
  | 'chainguard'
  | 'alpine'
  | 'slim'
  | 'minimal'
  | 'windows'
  | 'full';

export interface ImageClass {
  /** The official image's name (`node`, `eclipse-temurin`), or the full repository for other registries. */
  official?: string;
  flavour: ImageFlavour;
  /** The tag split on `-` (`22-bookworm-slim` → ['22', 'bookworm', 'slim']); [] without a tag. */
  tokens: string[];
  /** A Debian or Ubuntu release codename among the tokens. */
  codename?: string;
}

export const DEBIAN_CODENAMES = ['jessie', 'stretch', 'buster', 'bullseye', 'bookworm', 'trixie', 'forky', 'sid'];
export const UBUNTU_CODENAMES = ['xenial', 'bionic', 'focal', 'jammy', 'noble', 'oracular', 'plucky'];

const WINDOWS = /^(windowsservercore|nanoserver|ltsc\d+|servercore|windows)/;

export function classifyImage(ref: ImageRef): ImageClass {
  const tokens = ref.tag ? ref.tag.toLowerCase().split('-') : [];
  const codename = tokens.find((t) => DEBIAN_CODENAMES.includes(t) || UBUNTU_CODENAMES.includes(t));
  const official = officialName(ref);
  return { official, flavour: flavourOf(ref, tokens, official), tokens, codename };
}

function officialName(ref: ImageRef): string | undefined {
  const hub = !ref.registry || ref.registry === 'docker.io' || ref.registry === 'index.docker.io' || ref.registry === 'registry-1.docker.io';
  if (hub && !ref.repository.includes('/')) return ref.repository;
  const lib = /(?:^|\/)library\/([^/]+)$/.exec(ref.repository);
  if (lib) return lib[1];
  return undefined;
}

function flavourOf(ref: ImageRef, tokens: string[], official: string | undefined): ImageFlavour {
  const repo = ref.repository;
  if (official === 'scratch') return 'scratch';
  if (repo.startsWith('distroless/') || /(^|\/)distroless(\/|$)/.test(repo)) return 'distroless';
  if (ref.registry === 'cgr.dev' || repo.startsWith('chainguard/') || repo.startsWith('chainguard-images/')) return 'chainguard';
  if (tokens.some((t) => WINDOWS.test(t)) || /(^|\/)windows(\/|$)|servercore|nanoserver/.test(repo)) return 'windows';
  if (official === 'alpine' || tokens.some((t) => t.startsWith('alpine')) || /(^|[/-])alpine$/.test(repo)) return 'alpine';
  if (official === 'busybox' || tokens.some((t) => t === 'minimal' || t === 'micro') || /-(minimal|micro)$/.test(repo)) return 'minimal';
  if (tokens.includes('slim') || tokens.some((t) => t.endsWith('slim'))) return 'slim';
  return 'full';
}

/** Whether an image is already a small runtime base: nothing smaller of the same family to suggest. */
export function isMinimalFlavour(c: ImageClass): boolean {
  return c.flavour !== 'full' && c.flavour !== 'windows';
}
