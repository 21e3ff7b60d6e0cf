import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A temp directory holding the given files (a build context). */
export function makeProject(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ld-lsp-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

/** One small project per public rule, each with the line (0-based) its finding is expected on. */
export const SCENARIOS: Record<string, { files: Record<string, string>; line: number }> = {
  'single-stage-build': {
    files: {
      Dockerfile: 'FROM golang:1.22\nWORKDIR /src\nCOPY go.mod ./\nRUN go mod download\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\nUSER 65532\nCMD ["/out/app"]\n',
      'go.mod': 'module example.com/app\n\ngo 1.22\n',
      'main.go': 'package main\n\nfunc main() {}\n',
      '.dockerignore': '.git\n',
    },
    line: 0,
  },
  'copy-before-install': {
    files: {
      Dockerfile: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nUSER node\nCMD ["node", "index.js"]\n',
      'package.json': '{"name":"app","version":"1.0.0"}\n',
      'package-lock.json': '{"name":"app","lockfileVersion":3}\n',
      'index.js': 'console.log(1)\n',
      '.dockerignore': 'node_modules\n.git\n',
    },
    line: 2,
  },
  'secret-in-build-arg': {
    files: {
      Dockerfile:
        'FROM node:20-slim\nWORKDIR /app\nARG NPM_TOKEN=npm_SuperSecretValue123456\nCOPY package.json package-lock.json ./\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\nCOPY . .\nUSER node\nCMD ["node", "index.js"]\n',
      'package.json': '{"name":"app","version":"1.0.0"}\n',
      'package-lock.json': '{"name":"app","lockfileVersion":3}\n',
      '.dockerignore': 'node_modules\n.git\n',
    },
    line: 2,
  },
  'root-user': {
    files: {
      Dockerfile: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nCMD ["curl", "--version"]\n',
      '.dockerignore': '.git\n',
    },
    line: 0,
  },
};

export const SECRET_VALUE = 'npm_SuperSecretValue123456';

/**
 * The seed's single-stage Node service with an npm token (issue 4's "Done when"): `FROM node:20`, the token as a
 * build argument, `COPY . .` before `npm ci`, a TypeScript build, no USER; the context has .git and node_modules
 * and no .dockerignore.
 */
export const SEED_FILES: Record<string, string> = {
  Dockerfile:
    'FROM node:20\nWORKDIR /app\nARG NPM_TOKEN\nCOPY . .\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\nRUN npm run build\nEXPOSE 3000\nCMD ["node", "dist/server.js"]\n',
  'package.json': '{"name":"svc","version":"1.0.0","scripts":{"build":"tsc","start":"node dist/server.js"}}\n',
  'package-lock.json': '{"name":"svc","lockfileVersion":3}\n',
  'tsconfig.json': '{"compilerOptions":{"outDir":"dist"}}\n',
  'src/server.ts': 'console.log("up");\n',
  'node_modules/left-pad/package.json': '{"name":"left-pad"}\n',
  '.git/HEAD': 'ref: refs/heads/main\n',
};
