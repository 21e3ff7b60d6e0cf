// Reading JSON-RPC over a byte stream without trusting the other side: `Content-Length` framing that
// recovers from broken headers, and a check of each message's shape so that invalid ones get a
// JSON-RPC error instead of silence or a desynchronised stream (vscode-jsonrpc's reader gives neither).
import type { Message, ResponseMessage } from 'vscode-languageserver/node';

/** Larger bodies are refused (the reader resynchronises on the next header instead of buffering them). */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
const MAX_HEADER_BYTES = 8 * 1024;
const CONTENT_LENGTH = 'content-length:';

export const PARSE_ERROR = -32700;
export const INVALID_REQUEST = -32600;

export type Frame = { body: Buffer } | { error: string };

/**
 * Splits a byte stream into message bodies. A malformed header yields an error and a search for the next
 * `Content-Length:`; bodies are gathered in chunks and joined once, so a 10 MB message costs one copy.
 */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private bodyLength = -1;
  private resync = false;

  constructor(private readonly maxMessageBytes = MAX_MESSAGE_BYTES) {}

  push(data: Buffer): Frame[] {
    this.chunks.push(data);
    this.buffered += data.length;
    const out: Frame[] = [];
    for (;;) {
      if (this.bodyLength < 0) {
        const headerError = this.readHeader();
        if (headerError === undefined) break;
        if (headerError) {
          out.push({ error: headerError });
          continue;
        }
      }
      if (this.buffered < this.bodyLength) break;
      const all = this.join();
      out.push({ body: all.subarray(0, this.bodyLength) });
      this.keep(all.subarray(this.bodyLength));
      this.bodyLength = -1;
    }
    return out;
  }

  /** '' when a header was read, an error message when it was malformed, undefined when more bytes are needed. */
  private readHeader(): string | undefined {
    let buf = this.join();
    if (this.resync) {
      const at = buf.toString('latin1').toLowerCase().indexOf(CONTENT_LENGTH);
      if (at < 0) {
        this.keep(buf.subarray(Math.max(0, buf.length - CONTENT_LENGTH.length)));
        return undefined;
      }
      buf = buf.subarray(at);
      this.keep(buf);
      this.resync = false;
    }
    const end = buf.indexOf('\r\n\r\n');
    if (end < 0) return buf.length > MAX_HEADER_BYTES ? this.discardHeader(buf, 'the message header is too long') : undefined;
    let length: number | undefined;
    for (const line of buf.subarray(0, end).toString('latin1').split('\r\n')) {
      const m = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*$/.exec(line);
      if (!m) return this.discardHeader(buf, `malformed header line ${JSON.stringify(line.slice(0, 80))}`);
      if (m[1].toLowerCase() !== 'content-length') continue;
      if (!/^\d{1,12}$/.test(m[2])) return this.discardHeader(buf, `Content-Length is not a number: ${JSON.stringify(m[2].slice(0, 40))}`);
      length = Number(m[2]);
    }
    if (length === undefined) return this.discardHeader(buf, 'the message header has no Content-Length');
    if (length > this.maxMessageBytes) return this.discardHeader(buf, `Content-Length ${length} exceeds the limit of ${this.maxMessageBytes} bytes`);
    this.keep(buf.subarray(end + 4));
    this.bodyLength = length;
    return '';
  }

  /** Drops the first byte of a bad header and looks for the next one. */
  private discardHeader(buf: Buffer, error: string): string {
    this.keep(buf.subarray(1));
    this.resync = true;
    return `Invalid message header: ${error}`;
  }

  private join(): Buffer {
    if (this.chunks.length !== 1) this.chunks = [Buffer.concat(this.chunks, this.buffered)];
    return this.chunks[0];
  }

  private keep(rest: Buffer): void {
    this.chunks = [rest];
    this.buffered = rest.length;
  }
}

const isId = (v: unknown): v is string | number => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

/** Parses one body: the message when it is valid JSON-RPC 2.0, else the error response it deserves. */
export function readMessage(body: Buffer): { message: Message } | { reply: ResponseMessage } {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch (e) {
    return { reply: errorResponse(null, PARSE_ERROR, `Parse error: ${e instanceof Error ? e.message : String(e)}`) };
  }
  const problem = checkShape(value);
  if (!problem) return { message: value as Message };
  const id = (value as { id?: unknown } | null)?.id;
  return { reply: errorResponse(isId(id) ? id : null, INVALID_REQUEST, `Invalid Request: ${problem}`) };
}

/** Why a parsed value is not a JSON-RPC 2.0 request, notification or response ('' when it is one). */
function checkShape(v: unknown): string {
  if (Array.isArray(v)) return 'batches are not supported';
  if (v === null || typeof v !== 'object') return 'a message must be a JSON object';
  const m = v as Record<string, unknown>;
  if (m.jsonrpc !== '2.0') return `"jsonrpc" must be "2.0", got ${JSON.stringify(m.jsonrpc) ?? 'nothing'}`;
  if ('id' in m && m.id !== null && !isId(m.id)) return '"id" must be a string or a number';
  if ('method' in m) {
    if (typeof m.method !== 'string') return '"method" must be a string';
    if (m.id === null) return 'a request needs a string or number "id"';
    if (m.params !== undefined && m.params !== null && typeof m.params !== 'object') return '"params" must be an object or an array';
    return '';
  }
  if (!('id' in m)) return 'no "method" (not a request) and no "id" (not a response)';
  const hasResult = 'result' in m;
  const hasError = 'error' in m && m.error !== null && typeof m.error === 'object';
  if (hasResult === hasError) return 'no "method"; a response needs exactly one of "result" and "error"';
  return '';
}

export function errorResponse(id: string | number | null, code: number, message: string): ResponseMessage {
  return { jsonrpc: '2.0', id, error: { code, message } };
}
