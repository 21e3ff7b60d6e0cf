/** A parsed image reference: `[registry/]repository[:tag][@digest]`. */
export interface ImageRef {
  raw: string;
  registry?: string;
  /** Repository path without registry, e.g. `library/node` is written `node`, `distroless/static`. */
  repository: string;
  /** Last path component of the repository (`static` for `distroless/static`). */
  name: string;
  tag?: string;
  digest?: string;
  /** The reference contains `$VAR`/`${VAR}` that were not resolved. */
  hasVariables: boolean;
}

export function parseImageRef(raw: string): ImageRef {
  let rest = raw.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry: string | undefined;
  const firstSlash = rest.indexOf('/');
  if (firstSlash > 0) {
    const first = rest.slice(0, firstSlash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(firstSlash + 1);
    }
  }
  let repository = rest;
  if (repository.startsWith('library/') && (registry === undefined || registry === 'docker.io')) {
    repository = repository.slice('library/'.length);
  }
  const slash = repository.lastIndexOf('/');
  return {
    raw,
    registry,
    repository: repository.toLowerCase(),
    name: (slash >= 0 ? repository.slice(slash + 1) : repository).toLowerCase(),
    tag,
    digest,
    hasVariables: raw.includes('$'),
  };
}

/** `[registry/]repository[:tag]` written back, keeping the registry as given. */
export function formatImageRef(ref: { registry?: string; repository: string; tag?: string; digest?: string }): string {
  return `${ref.registry ? ref.registry + '/' : ''}${ref.repository}${ref.tag ? ':' + ref.tag : ''}${ref.digest ? '@' + ref.digest : ''}`;
}

/** The leading version of a tag: `1.22-alpine` → `1.22`, `20` → `20`, `lts-slim` → undefined. */
export function tagVersion(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const m = /^v?(\d+(?:\.\d+)*)/.exec(tag);
  return m ? m[1] : undefined;
}
