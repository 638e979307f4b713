/** A download that will not succeed by trying again (the URL expired, the file is too large). */
export class DownloadRefused extends Error {
  constructor(
    readonly reason: 'file-too-large' | 'download-failed',
    message: string,
  ) {
    super(message);
    this.name = 'DownloadRefused';
  }
}

const TIMEOUT_MS = 60_000;

/**
 * The bytes at `url`, at most `maxBytes` of them: a larger file is refused
 * as soon as its Content-Length or its bytes show it, without reading on.
 * 4xx answers (an expired or removed URL) are refused; 5xx, 408, 429 and
 * network errors are thrown as they are, for the job to try again.
 */
export async function download(url: string, maxBytes: number): Promise<Uint8Array> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new DownloadRefused('download-failed', `not an http(s) URL: ${parsed.protocol}`);
  const response = await fetch(parsed, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) {
    await response.body?.cancel();
    const retry = response.status >= 500 || response.status === 408 || response.status === 429;
    if (retry) throw new Error(`attachment source answered ${response.status}`);
    throw new DownloadRefused('download-failed', `attachment source answered ${response.status}`);
  }
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new DownloadRefused('file-too-large', `${declared} bytes`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      if (size > maxBytes) {
        await response.body.cancel().catch(() => undefined);
        throw new DownloadRefused('file-too-large', `over ${maxBytes} bytes`);
      }
      chunks.push(chunk);
    }
  }
  return Buffer.concat(chunks);
}
