import type { Request, Response } from 'express';

/** A client this far behind (a stalled connection) is let go; its EventSource reconnects. */
const MAX_BUFFERED_BYTES = 1 << 20;

const oneLine = (value: string) => value.replace(/[\r\n]/g, '');

/**
 * One server-sent event in the W3C event-stream format, its `event` name and
 * JSON `data`, without the `id` line the writer puts before it: the same text
 * serves every client that may see the event.
 */
export function encodeEvent(type: string, data: unknown): string {
  // JSON text holds no raw line breaks: one data line.
  return `event: ${oneLine(type)}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Writes server-sent events to one response, the events that arrive together
 * in one write: a burst of ingest that touches a thousand threads is two
 * writes per open inbox, not a thousand. Each event gets the stream's running
 * `id`, as with Nest's @Sse().
 */
export class EventStreamWriter {
  private lastId = 0;

  constructor(
    request: Request,
    private readonly response: Response,
  ) {
    request.socket.setKeepAlive(true);
    request.socket.setNoDelay(true);
    request.socket.setTimeout(0);
    response.writeHead(200, {
      'Content-Type': 'text/event-stream',
      Connection: 'keep-alive',
      'Cache-Control': 'private, no-cache, no-store, must-revalidate, max-age=0, no-transform',
      Pragma: 'no-cache',
      Expires: '0',
      // Proxies such as nginx would otherwise hold the stream back.
      'X-Accel-Buffering': 'no',
    });
    response.flushHeaders();
  }

  /** False once the client has fallen too far behind and the stream is ended. */
  write(encodedEvents: readonly string[]): boolean {
    if (this.response.writableEnded) return false;
    if (this.response.writableLength > MAX_BUFFERED_BYTES) {
      this.response.end();
      return false;
    }
    let chunk = '';
    for (const encoded of encodedEvents) {
      this.lastId += 1;
      chunk += `id: ${this.lastId}\n${encoded}`;
    }
    this.response.write(chunk);
    return true;
  }

  end(): void {
    if (!this.response.writableEnded) this.response.end();
  }
}
