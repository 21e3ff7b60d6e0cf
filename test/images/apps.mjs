// The example apps the bed builds, and what it expects of each. The apps themselves live in examples/.
// `edit`: a source file (not a manifest) the cache check edits. `cache`: 'fewer' where the before file re-installs
// dependencies on every source edit (the fix must cut RUN steps); 'not-more' where there is no install to move.
// `secrets`: fake credentials the before file takes as build args (values are planted and searched for, never real).

export const FAKE_NPM_TOKEN = 'npm_LeanDockerfileFAKEtoken7f3c9a1e5b2d4c6f8a0e';

export const APPS = [
  { name: 'go-api', edit: 'internal/greet/greet.go', cache: 'fewer' },
  { name: 'node-orders', edit: 'src/orders.js', cache: 'fewer', secrets: { NPM_TOKEN: FAKE_NPM_TOKEN } },
  { name: 'node-notes', edit: 'lib/notes.js', cache: 'fewer' },
  { name: 'c-gzstat', edit: 'ratio.c', cache: 'not-more' },
  { name: 'python-feeds', edit: 'feeds/digest.py', cache: 'fewer' },
  { name: 'java-inventory', edit: 'src/main/java/com/example/inventory/Stock.java', cache: 'not-more' },
  { name: 'rust-wordcount', edit: 'src/lib.rs', cache: 'not-more' },
  { name: 'good-multistage', edit: 'main.go', cache: 'not-more', unchanged: true },
  { name: 'dotnet-api', skip: 'Debian has no .NET SDK and mcr.microsoft.com is unreachable; analysed by the CLI only' },
];

/**
 * Negative controls: deliberately bad "fixes" (files in negative/) built on an app's context. Each must fail the
 * named check; if the checks pass them, the bed itself is broken.
 */
export const NEGATIVE = [
  { file: 'go-api--toolchain-left.Dockerfile', app: 'go-api', mustFail: 'no-toolchain' },
  { file: 'go-api--still-root.Dockerfile', app: 'go-api', mustFail: 'non-root' },
  { file: 'node-orders--token-as-arg.Dockerfile', app: 'node-orders', mustFail: 'no-secret' },
];
