import type { MessageEvent } from '@nestjs/common';
import type { Request, Response } from 'express';

/** A client this far behind (a stalled connection) is let go; its EventSource reconnects. */
const MAX_BUFFERED_BYTES = 1 << 20;

const oneLine = (value: string) => value.replace(/[\r\n]/g, '');

/**
 * Writes server-sent events (W3C event stream) to one response, every
 * event that arrives together in one write: a burst of ingest that touches a
 * thousand threads is two writes per open inbox, not a thousand. Same wire
 * format as Nest's @Sse(): `event`, a running `id`, and JSON `data`.
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
  write(events: MessageEvent[]): boolean {
    if (this.response.writableEnded) return false;
    if (this.response.writableLength > MAX_BUFFERED_BYTES) {
      this.response.end();
      return false;
    }
    let chunk = '';
    for (const event of events) {
      this.lastId += 1;
      const data = typeof event.data === 'string' ? event.data : JSON.stringify(event.data);
      chunk += event.type ? `event: ${oneLine(event.type)}\n` : '';
      chunk += `id: ${this.lastId}\n`;
      for (const line of data.split(/\r\n|\r|\n/)) chunk += `data: ${line}\n`;
      chunk += '\n';
    }
    this.response.write(chunk);
    return true;
  }

  end(): void {
    if (!this.response.writableEnded) this.response.end();
  }
}
