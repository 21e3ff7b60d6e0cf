// The stdio transport: our guarded reader (framing.ts) in place of vscode-jsonrpc's, the library's writer,
// the console routed to the client (stdout carries the protocol), and exit when the client closes stdin.
import { format } from 'node:util';
import {
  AbstractMessageReader,
  Disposable,
  StreamMessageWriter,
  type DataCallback,
  type MessageReader,
  type MessageWriter,
  type RemoteConsole,
  type ResponseMessage,
} from 'vscode-languageserver/node';
import { FrameReader, PARSE_ERROR, errorResponse, readMessage } from './framing';

/** Reads framed JSON-RPC from a stream; answers what is malformed through `reply` and never desynchronises. */
export class GuardedMessageReader extends AbstractMessageReader implements MessageReader {
  /** Whether a `shutdown` request went through (then closing the input is a clean exit). */
  shutdownSeen = false;

  constructor(
    private readonly readable: NodeJS.ReadableStream,
    private readonly reply: (response: ResponseMessage) => void,
    private readonly frames = new FrameReader(),
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onData = (data: Buffer | string) => {
      for (const frame of this.frames.push(typeof data === 'string' ? Buffer.from(data, 'utf8') : data)) {
        if ('error' in frame) {
          this.reply(errorResponse(null, PARSE_ERROR, frame.error));
          continue;
        }
        const read = readMessage(frame.body);
        if ('reply' in read) {
          this.reply(read.reply);
          continue;
        }
        if ((read.message as { method?: unknown }).method === 'shutdown') this.shutdownSeen = true;
        try {
          callback(read.message);
        } catch (e) {
          this.fireError(e);
        }
      }
    };
    const onError = (e: Error) => this.fireError(e);
    const onClose = () => this.fireClose();
    this.readable.on('data', onData);
    this.readable.on('error', onError);
    this.readable.on('end', onClose);
    this.readable.on('close', onClose);
    return Disposable.create(() => {
      this.readable.off('data', onData);
      this.readable.off('error', onError);
      this.readable.off('end', onClose);
      this.readable.off('close', onClose);
    });
  }
}

/** Reader and writer on the process's stdin/stdout; the process exits when stdin closes (0 after shutdown). */
export function stdioTransport(): [MessageReader, MessageWriter] {
  const writer = new StreamMessageWriter(process.stdout);
  const reader = new GuardedMessageReader(process.stdin, (response) => {
    writer.write(response).catch(() => undefined);
  });
  reader.onClose(() => process.exit(reader.shutdownSeen ? 0 : 1));
  return [reader, writer];
}

/** console.* would corrupt the protocol on stdout: send it to the client's log instead. */
export function routeConsole(remote: RemoteConsole): void {
  const to = (log: (m: string) => void) => (...args: unknown[]) => log(format(...args));
  console.log = to((m) => remote.log(m));
  console.info = to((m) => remote.info(m));
  console.debug = to((m) => remote.log(m));
  console.warn = to((m) => remote.warn(m));
  console.error = to((m) => remote.error(m));
  console.trace = to((m) => remote.log(m));
}
