import fc from 'fast-check';

/**
 * Dockerfile generators for the property tests: structured files built from instruction templates (with
 * continuations, comments inside them, heredocs, exec form, secrets, BuildKit flags), written with any
 * line endings, an optional BOM and the backtick escape directive; and mutations of them (random
 * insertions of awkward characters, astral and lone-surrogate code units, deletions, duplications).
 * `{C}` in a template is a line continuation: the escape character and a line break.
 */
const images = ['node:20', 'golang:1.22 AS build', 'python:3.12-slim', 'ubuntu', 'alpine:3.20', 'mcr.microsoft.com/dotnet/sdk:8.0 AS sdk', 'scratch', '$BASE', 'build', 'gcr.io/distroless/static:nonroot', 'maven:3-eclipse-temurin-21 as builder', 'rust:1.79'];
const commands = [
  'apt-get update', 'apt-get install -y gcc make', 'apk add --no-cache curl', 'npm ci', 'npm install', 'yarn install --frozen-lockfile',
  'pip install -r requirements.txt', 'go build -o /app ./cmd/x', 'CGO_ENABLED=0 go build .', 'mvn -B package', 'cargo build --release',
  'make', 'echo "$NPM_TOKEN" > ~/.npmrc', 'curl -H "Authorization: Bearer $GITHUB_TOKEN" https://x', 'rm -rf /var/lib/apt/lists/*',
  'useradd -m app', 'echo \'é 😀 \\u00e9\'', 'for f in *; do echo $f; done', 'if [ -f x ]; then exit 1; fi', 'cd /src', 'dotnet publish -c Release -o /out',
];
const args = ['NPM_TOKEN', 'PASSWORD=hunter2', 'AWS_SECRET_ACCESS_KEY', 'VERSION=1.0', 'BASE=alpine', 'GITHUB_TOKEN=ghp_abc', 'HTTP_PROXY'];

const join = fc.constantFrom(' && ', ' ; ', ' {C}    && ', ' && {C}  # a comment inside{C}    ', ' {C}{C}  ', ' | ');
const shell = fc.tuple(fc.array(fc.constantFrom(...commands), { minLength: 1, maxLength: 4 }), fc.array(join, { minLength: 3, maxLength: 3 }))
  .map(([cmds, joins]) => cmds.reduce((acc, c, i) => (i ? acc + joins[i % 3] + c : c), ''));

const instruction: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...images).map((i) => `FROM ${i}`),
  fc.constantFrom(...args).map((a) => `ARG ${a}`),
  fc.constantFrom('ENV PATH=/x:$PATH', 'ENV DB_PASSWORD=secret123', 'ENV A=1 B="two words"', 'ENV LEGACY value with spaces'),
  shell.map((s) => `RUN ${s}`),
  shell.map((s) => `RUN --mount=type=cache,target=/root/.npm ${s}`),
  shell.map((s) => `RUN --mount=type=secret,id=npm,env=NPM_TOKEN ${s}`),
  fc.constantFrom('RUN ["npm", "ci"]', 'RUN ["/bin/sh", "-c", "make"]', 'CMD ["node", "server.js"]', 'ENTRYPOINT ["/app"]', 'CMD node x', 'SHELL ["pwsh", "-c"]'),
  shell.map((s) => `RUN <<EOF{N}set -e{N}${s.replace(/\{C\}/g, '')}{N}EOF`),
  fc.constantFrom('RUN <<-"EOT" bash{N}\techo hi{N}\tEOT', 'COPY <<EOF /etc/x.conf{N}a=1{N}EOF', 'RUN cat <<A <<B{N}a{N}A{N}b{N}B'),
  fc.constantFrom('COPY . .', 'COPY . /app', 'COPY package*.json ./', 'COPY --from=build /app /app', 'ADD https://x/y.tgz /tmp/', 'COPY --chown=app:app src/ /src/', 'COPY go.mod go.sum ./', 'ADD . /srv'),
  fc.constantFrom('USER root', 'USER 1000', 'USER app:app', 'WORKDIR /app', 'EXPOSE 8080', 'LABEL a=b', 'MAINTAINER me <me@x>', 'HEALTHCHECK CMD curl -f http://localhost/', 'VOLUME /data', 'STOPSIGNAL SIGTERM', 'ONBUILD RUN make'),
  fc.constantFrom('# a comment', '', '   ', '\t# indented', '# lean-dockerfile ignore=root-user', '# lean-dockerfile global ignore=all', 'run lowercase', 'WORDIR /typo', 'from node as x', 'RUN', 'COPY', 'FROM'),
  fc.string({ unit: 'binary', maxLength: 20 }).map((s) => s.replace(/[\r\n]/g, ' ')),
);

export interface GenOptions {
  eol: string | 'mixed';
  bom: boolean;
  backtick: boolean;
  finalEol: boolean;
}

export const genOptions: fc.Arbitrary<GenOptions> = fc.record({
  eol: fc.constantFrom('\n', '\r\n', '\r', 'mixed'),
  bom: fc.boolean(),
  backtick: fc.boolean(),
  finalEol: fc.boolean(),
});

/** A structured Dockerfile. */
export const dockerfile: fc.Arbitrary<string> = fc
  .tuple(genOptions, fc.array(instruction, { maxLength: 14 }), fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 64, maxLength: 64 }))
  .map(([o, lines, mix]) => {
    let k = 0;
    const eol = () => (o.eol === 'mixed' ? mix[k++ % mix.length] : o.eol);
    const esc = o.backtick ? '`' : '\\';
    const head = o.backtick ? ['# escape=`'] : [];
    const body = [...head, ...lines].map((l) => l.replace(/\{C\}/g, () => esc + eol()).replace(/\{N\}/g, () => eol()));
    const text = body.map((l, i) => l + (i < body.length - 1 || o.finalEol ? eol() : '')).join('');
    return (o.bom ? '\ufeff' : '') + text;
  });

const awkward = fc.constantFrom('\\', '`', '\r', '\n', '\r\n', '"', "'", '$', '${', '}', '<<EOF', 'EOF', '#', ' ', '\t', '\u0000', '\ud800', '\udc00', '😀', 'é', '\ufeff', '[', ']', '--', '=', ' \\\n', 'FROM ', 'RUN ', 'COPY . .\n');

/** A structured Dockerfile, then up to 6 random edits. */
export const mutatedDockerfile: fc.Arbitrary<string> = fc
  .tuple(
    dockerfile,
    fc.array(
      fc.record({
        op: fc.constantFrom('insert', 'insert', 'delete', 'duplicate', 'truncate'),
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        len: fc.nat({ max: 40 }),
        text: fc.oneof(awkward, fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 6 })),
      }),
      { maxLength: 6 },
    ),
  )
  .map(([text, ops]) => {
    for (const m of ops) {
      const at = Math.floor(m.at * text.length);
      if (m.op === 'insert') text = text.slice(0, at) + m.text + text.slice(at);
      else if (m.op === 'delete') text = text.slice(0, at) + text.slice(at + m.len);
      else if (m.op === 'duplicate') text = text.slice(0, at + m.len) + text.slice(at, at + m.len) + text.slice(at + m.len);
      else text = text.slice(0, at);
    }
    return text;
  });
