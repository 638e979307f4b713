import type { Readable } from 'node:stream';
import axios from 'axios';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';

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
const MAX_REDIRECTS = 5;
// How request-filtering-agent words a refused address; its errors carry no code.
const ADDRESS_REFUSED = /is not allowed/;

export type Download = (url: string, maxBytes: number) => Promise<Uint8Array>;

/**
 * A download of attachment bytes from a URL a channel's source gave us, at
 * most `maxBytes` of them: a larger file is refused as soon as its
 * Content-Length or its bytes show it, without reading on. Private, loopback,
 * link-local and reserved addresses are refused (also behind a DNS name or a
 * redirect), save the networks in `privateNetworksAllowed`, so a forged URL
 * cannot reach the installation's own services. 4xx answers (an expired or
 * removed URL) are refused; 5xx, 408, 429 and network errors are thrown as
 * they are, for the job to try again.
 */
export function attachmentDownload(privateNetworksAllowed: readonly string[]): Download {
  const filter = { allowIPAddressList: [...privateNetworksAllowed], keepAlive: true };
  const httpAgent = new RequestFilteringHttpAgent(filter);
  const httpsAgent = new RequestFilteringHttpsAgent(filter);

  return async (url, maxBytes) => {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
      throw new DownloadRefused('download-failed', `not an http(s) URL: ${parsed.protocol}`);
    let response;
    try {
      response = await axios.get<Readable>(parsed.toString(), {
        responseType: 'stream',
        httpAgent,
        httpsAgent,
        proxy: false,
        maxRedirects: MAX_REDIRECTS,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        validateStatus: () => true,
      });
    } catch (error) {
      if (error instanceof Error && ADDRESS_REFUSED.test(error.message))
        throw new DownloadRefused('download-failed', error.message);
      throw error;
    }
    const body = response.data;
    const status = response.status;
    if (status < 200 || status >= 300) {
      body.destroy();
      const retry = status >= 500 || status === 408 || status === 429;
      if (retry) throw new Error(`attachment source answered ${status}`);
      throw new DownloadRefused('download-failed', `attachment source answered ${status}`);
    }
    const declared = Number(response.headers['content-length']);
    if (declared > maxBytes) {
      body.destroy();
      throw new DownloadRefused('file-too-large', `${declared} bytes`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      if (size > maxBytes) {
        body.destroy();
        throw new DownloadRefused('file-too-large', `over ${maxBytes} bytes`);
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  };
}
