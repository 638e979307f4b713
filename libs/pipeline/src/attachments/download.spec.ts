import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { attachmentDownload, DownloadRefused } from './download';

const BYTES = Buffer.from('%PDF-1.7 ansökan om bygglov');

describe('attachment downloads', () => {
  let server: Server;
  let base: string;
  const seen: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      seen.push(url.pathname);
      if (url.pathname === '/file') return response.end(BYTES);
      if (url.pathname === '/streamed') {
        // No Content-Length: only the bytes themselves show the size.
        response.write(BYTES);
        return response.end(BYTES);
      }
      if (url.pathname === '/to-elsewhere') {
        response.writeHead(302, { location: url.searchParams.get('to') ?? '/' });
        return response.end();
      }
      response.writeHead(Number(url.pathname.slice(1)) || 404);
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => (seen.length = 0));

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error,
    );

  it('refuses a loopback address without sending it a request', async () => {
    const error = await refusal(attachmentDownload([])(`${base}/file`, 1000));
    expect(error).toBeInstanceOf(DownloadRefused);
    expect((error as DownloadRefused).reason).toBe('download-failed');
    expect(seen).toEqual([]);
  });

  it('reads from a private network the installation allows', async () => {
    const bytes = await attachmentDownload(['127.0.0.0/8'])(`${base}/file`, 1000);
    expect(Buffer.compare(Buffer.from(bytes), BYTES)).toBe(0);
  });

  it('refuses a redirect from an allowed address to one that is not', async () => {
    const to = `http://127.0.0.2:${new URL(base).port}/file`;
    const error = await refusal(
      attachmentDownload(['127.0.0.1'])(`${base}/to-elsewhere?to=${encodeURIComponent(to)}`, 1000),
    );
    expect(error).toBeInstanceOf(DownloadRefused);
    expect(seen).toEqual(['/to-elsewhere']);
  });

  it('refuses a file larger than allowed, by its length or by its bytes', async () => {
    const download = attachmentDownload(['127.0.0.1']);
    for (const path of ['/file', '/streamed']) {
      const error = await refusal(download(`${base}${path}`, BYTES.length - 1));
      expect([path, (error as DownloadRefused).reason]).toEqual([path, 'file-too-large']);
    }
    const twice = await download(`${base}/streamed`, 2 * BYTES.length);
    expect(twice.byteLength).toBe(2 * BYTES.length);
  });

  it('refuses an expired URL for good, and lets a server error be tried again', async () => {
    const download = attachmentDownload(['127.0.0.1']);
    const gone = await refusal(download(`${base}/403`, 1000));
    expect(gone).toBeInstanceOf(DownloadRefused);
    const busy = await refusal(download(`${base}/503`, 1000));
    expect(busy).toBeInstanceOf(Error);
    expect(busy).not.toBeInstanceOf(DownloadRefused);
    expect((busy as Error).message).toBe('attachment source answered 503');
  });

  it('refuses what is not http(s)', async () => {
    const error = await refusal(attachmentDownload([])('file:///etc/passwd', 1000));
    expect((error as DownloadRefused).reason).toBe('download-failed');
  });
});
