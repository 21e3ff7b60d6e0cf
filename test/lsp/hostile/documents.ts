import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Publish, RawClient } from './rawClient';

/** A Dockerfile stage of the kind the corpus is full of (build stage with continuations, apt, a runtime stage). */
const STAGE = [
  'FROM golang:1.22 AS build',
  'WORKDIR /src',
  'COPY go.mod go.sum ./',
  'RUN go mod download',
  'COPY . .',
  'RUN CGO_ENABLED=0 go build \\',
  '    -o /out/app ./cmd/app',
  'FROM debian:12-slim',
  'RUN apt-get update \\',
  ' && apt-get install -y --no-install-recommends ca-certificates curl \\',
  ' && rm -rf /var/lib/apt/lists/*',
  'COPY --from=build /out/app /usr/local/bin/app',
  'ENTRYPOINT ["app"]',
];

/** About `bytes` bytes of realistic Dockerfile text. */
export function bigDockerfile(bytes: number): string {
  const block = STAGE.join('\n') + '\n';
  return block.repeat(Math.ceil(bytes / block.length));
}

/**
 * The client side of the open documents: each change goes to the server and to our copy, and the test
 * knows which version each uri must end on (and which uris it closed).
 */
export class Docs {
  readonly docs = new Map<string, TextDocument>();
  readonly closed = new Set<string>();

  constructor(private readonly client: RawClient) {}

  open(uri: string, text: string, version = 1): void {
    this.docs.set(uri, TextDocument.create(uri, 'dockerfile', version, text));
    this.closed.delete(uri);
    this.client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version, text } });
  }

  /** An incremental change the server must apply (our copy applies it too); returns the new version. */
  edit(uri: string, range: { start: Pos; end: Pos }, text: string): number {
    const doc = this.docs.get(uri)!;
    const version = doc.version + 1;
    this.docs.set(uri, TextDocument.update(doc, [{ range, text }], version));
    this.client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  /** Records a change sent some other way (raw bytes); our copy takes `text` as its result. */
  noteChange(uri: string, text: string, version: number): void {
    this.docs.set(uri, TextDocument.create(uri, 'dockerfile', version, text));
  }

  /** Inserts at the end of the document. */
  append(uri: string, text: string): number {
    const end = this.end(uri);
    return this.edit(uri, { start: end, end }, text);
  }

  /** A whole-text replacement (a change without a range). */
  replace(uri: string, text: string, version = this.version(uri) + 1): number {
    const doc = this.docs.get(uri)!;
    this.docs.set(uri, TextDocument.create(uri, 'dockerfile', version, text));
    this.client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  close(uri: string): void {
    this.docs.delete(uri);
    this.closed.add(uri);
    this.client.notify('textDocument/didClose', { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  version(uri: string): number {
    return this.docs.get(uri)!.version;
  }

  end(uri: string): Pos {
    const doc = this.docs.get(uri)!;
    return doc.positionAt(doc.getText().length);
  }

  /** Waits for the publish of each open document's current version. */
  async settled(): Promise<void> {
    await Promise.all([...this.docs.keys()].map((uri) => this.client.diagnostics(uri, (p) => p.version === this.version(uri), 0)));
  }

  /**
   * What must hold for every uri: published versions never go back, the last publish is for the version the
   * client ended on, and a closed uri's last publish is empty.
   */
  violations(published: Publish[]): string[] {
    const out: string[] = [];
    const byUri = new Map<string, Publish[]>();
    for (const p of published) byUri.set(p.uri, [...(byUri.get(p.uri) ?? []), p]);
    for (const [uri, list] of byUri) {
      const versions = list.map((p) => p.version).filter((v): v is number => v !== undefined);
      for (let i = 1; i < versions.length; i++) {
        if (versions[i] < versions[i - 1]) out.push(`${uri}: version ${versions[i]} published after ${versions[i - 1]}`);
      }
      const last = list[list.length - 1];
      if (this.closed.has(uri) && last.diagnostics.length) out.push(`${uri}: closed, but its last publish has ${last.diagnostics.length} diagnostics`);
      if (this.docs.has(uri) && last.version !== this.version(uri)) out.push(`${uri}: last publish is version ${last.version}, the client is at ${this.version(uri)}`);
    }
    return out;
  }
}

export interface Pos {
  line: number;
  character: number;
}
