import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { ensureBundles, SERVER } from '../bundle';

export interface Message {
  jsonrpc?: unknown;
  id?: number | string | null;
  method?: string;
  params?: any;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

export interface Publish {
  uri: string;
  version?: number;
  diagnostics: unknown[];
}

/**
 * A byte-level LSP client over stdio that can send anything (broken frames, bad JSON, invalid requests) and
 * records everything the server sends: responses by id, every publishDiagnostics, and frames it could not read.
 */
export class RawClient {
  readonly events = new EventEmitter();
  readonly responses = new Map<number | string | null, Message[]>();
  readonly published: Publish[] = [];
  /** Frames from the server that were not valid JSON-RPC 2.0 (must stay empty). */
  readonly badFrames: string[] = [];
  readonly stderr: string[] = [];
  /** While set, answers to workspace/configuration wait for it (to hold an analysis in flight). */
  configGate?: Promise<void>;
  private buf = Buffer.alloc(0);
  private nextId = 1;
  exitCode: number | null | undefined;

  constructor(readonly proc: ChildProcess) {
    proc.stdout!.on('data', (d: Buffer) => this.onData(d));
    proc.stderr!.on('data', (d: Buffer) => void this.stderr.push(d.toString()));
    proc.on('exit', (code) => {
      this.exitCode = code;
      this.events.emit('exit', code);
    });
  }

  /** The bundled server (built when stale), or the one LEAN_DOCKERFILE_SERVER names. */
  static spawn(nodeFlags: string[] = []): RawClient {
    const server = process.env.LEAN_DOCKERFILE_SERVER;
    if (!server) ensureBundles();
    return new RawClient(spawn(process.execPath, [...nodeFlags, server ?? SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] }));
  }

  get alive(): boolean {
    return this.exitCode === undefined;
  }

  private onData(d: Buffer): void {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const sep = this.buf.indexOf('\r\n\r\n');
      if (sep < 0) return;
      const header = this.buf.subarray(0, sep).toString('ascii');
      const m = /^Content-Length: (\d+)$/im.exec(header);
      if (!m) {
        this.badFrames.push(`header: ${header}`);
        this.buf = this.buf.subarray(sep + 4);
        continue;
      }
      const len = Number(m[1]);
      if (this.buf.length < sep + 4 + len) return;
      const body = this.buf.subarray(sep + 4, sep + 4 + len).toString('utf8');
      this.buf = this.buf.subarray(sep + 4 + len);
      let msg: Message;
      try {
        msg = JSON.parse(body);
      } catch {
        this.badFrames.push(`body: ${body.slice(0, 200)}`);
        continue;
      }
      if (msg.jsonrpc !== '2.0') this.badFrames.push(`jsonrpc: ${body.slice(0, 200)}`);
      this.dispatch(msg);
    }
  }

  private dispatch(msg: Message): void {
    if (msg.method === undefined) {
      const id = msg.id ?? null;
      this.responses.set(id, [...(this.responses.get(id) ?? []), msg]);
      this.events.emit('response', msg);
      return;
    }
    if (msg.id !== undefined) {
      // A request from the server: configuration gets defaults (after the gate), everything else null.
      if (msg.method !== 'workspace/configuration') return this.send({ jsonrpc: '2.0', id: msg.id, result: null });
      this.events.emit('configuration', msg);
      const answer = () => this.send({ jsonrpc: '2.0', id: msg.id, result: (msg.params?.items ?? []).map(() => null) });
      if (this.configGate) void this.configGate.then(answer);
      else answer();
      return;
    }
    if (msg.method === 'textDocument/publishDiagnostics') {
      this.published.push(msg.params);
      this.events.emit('diagnostics', msg.params);
    }
    this.events.emit('notification', msg);
  }

  /** Writes raw bytes to the server's stdin. */
  write(bytes: string | Buffer): void {
    this.proc.stdin!.write(bytes);
  }

  /** One well-framed message; the body is sent exactly as given when it is a string. */
  send(msg: object | string): void {
    const body = Buffer.from(typeof msg === 'string' ? msg : JSON.stringify(msg), 'utf8');
    this.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  notify(method: string, params?: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Sends a request and returns its id (use `response(id)` to wait for the answer). */
  sendRequest(method: string, params?: unknown): number {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return id;
  }

  async request(method: string, params?: unknown, timeoutMs?: number): Promise<Message> {
    return this.response(this.sendRequest(method, params), timeoutMs);
  }

  /** The (first) response with this id, already received or to come. */
  response(id: number | string | null, timeoutMs = 20_000): Promise<Message> {
    const have = this.responses.get(id);
    if (have?.length) return Promise.resolve(have[0]);
    return this.waitFor('response', (m: Message) => (m.id ?? null) === id, timeoutMs, `the response to ${id}`);
  }

  /** The next publish for a uri that satisfies the predicate (already received ones after `since` count). */
  diagnostics(uri: string, predicate: (p: Publish) => boolean = () => true, since?: number, timeoutMs = 20_000): Promise<Publish> {
    const match = (p: Publish) => p.uri === uri && predicate(p);
    const hit = since === undefined ? undefined : this.published.slice(since).find(match);
    if (hit) return Promise.resolve(hit);
    return this.waitFor('diagnostics', match, timeoutMs, `diagnostics for ${uri}`);
  }

  waitFor<T>(event: string, predicate: (v: T) => boolean, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.events.off(event, on);
        this.events.off('exit', died);
      };
      const timer = setTimeout(() => (done(), reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))), timeoutMs);
      const on = (v: T) => predicate(v) && (done(), resolve(v));
      const died = (code: number | null) => (done(), reject(new Error(`the server exited (${code}) while waiting for ${what}: ${this.stderr.join('').slice(-2000)}`)));
      this.events.on(event, on);
      this.events.on('exit', died);
    });
  }

  /** initialize (the client pulls configuration, so analyses wait on `configGate`) + initialized. */
  async initialize(): Promise<Message> {
    const capabilities = { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } };
    const r = await this.request('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities });
    this.notify('initialized', {});
    return r;
  }

  /** Resident set size of the server process in bytes (Linux /proc). */
  rss(): number {
    const s = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    return Number(/^VmRSS:\s+(\d+)/m.exec(s)![1]) * 1024;
  }

  /** shutdown + exit; resolves with the exit code (kills the process if it does not exit in time). */
  async stop(timeoutMs = 10_000): Promise<number | null> {
    if (!this.alive) return this.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => this.proc.once('exit', resolve));
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), timeoutMs);
    try {
      await this.request('shutdown', null, timeoutMs);
      this.notify('exit');
    } catch {
      this.proc.kill('SIGKILL');
    }
    const code = await exited;
    clearTimeout(timer);
    return code;
  }
}
