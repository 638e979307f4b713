import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningApi } from './apps';

export interface ServerSentEvent {
  type: string;
  id?: string;
  data: Record<string, unknown>;
}

/**
 * A client of the API's server-sent events, as a browser would hold one open.
 * `opened` resolves when the server's `ready` event arrived.
 */
export class EventStreamClient {
  readonly events: ServerSentEvent[] = [];
  /** How many reads from the socket brought the events: a burst sent together comes in few. */
  reads = 0;
  private request?: http.ClientRequest;
  private waiters: (() => void)[] = [];

  /** `credentials`: a bearer Authorization header, or a browser's Cookie header. */
  static async open(
    api: RunningApi,
    credentials: string | { cookie: string },
  ): Promise<EventStreamClient> {
    const headers = typeof credentials === 'string' ? { authorization: credentials } : credentials;
    const client = new EventStreamClient();
    const { port } = api.server.address() as AddressInfo;
    await new Promise<void>((resolve, reject) => {
      client.request = http.get(
        { host: '127.0.0.1', port, path: '/api/v1/events', headers },
        (response) => {
          if (response.statusCode !== 200) {
            reject(new Error(`event stream answered ${response.statusCode}`));
            return;
          }
          let buffer = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            client.reads += 1;
            buffer += chunk;
            for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
              client.receive(buffer.slice(0, end));
              buffer = buffer.slice(end + 2);
            }
          });
          response.on('error', () => undefined);
          client.waitFor((event) => event.type === 'ready').then(() => resolve(), reject);
        },
      );
      client.request.on('error', () => undefined);
    });
    return client;
  }

  private receive(block: string): void {
    let type = 'message';
    let id: string | undefined;
    let data = '';
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) type = line.slice(6).trim();
      if (line.startsWith('id:')) id = line.slice(3).trim();
      if (line.startsWith('data:')) data += line.slice(5).trim();
    }
    this.events.push({ type, id, data: data ? (JSON.parse(data) as Record<string, unknown>) : {} });
    this.waiters.splice(0).forEach((wake) => wake());
  }

  async waitFor(
    match: (event: ServerSentEvent) => boolean,
    { timeoutMs = 10_000 } = {},
  ): Promise<ServerSentEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('Timed out waiting for a server-sent event');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.request?.destroy();
  }
}
