import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Bytes kept by their content: the key is the SHA-256 of the bytes (hex), so
 * the same file sent twice, or by two people, is stored once. Implementations
 * never expose a partly written blob.
 */
export interface BlobStore {
  /** Stores the bytes unless they are stored already; returns their key. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes under `key`, as a stream; BlobMissing when there are none. */
  read(key: string): Promise<Readable>;
  has(key: string): Promise<boolean>;
  /** Removes the bytes under `key`; removing what is not there is no error. */
  remove(key: string): Promise<void>;
  /** Every blob held, a page at a time; blobs added or removed meanwhile may or may not appear. */
  list(): AsyncIterable<StoredBlob[]>;
}

export interface StoredBlob {
  key: string;
  /** When its bytes were last written. */
  modifiedAt: Date;
}

/** The Nest token under which the configured store is provided. */
export const BLOB_STORE = Symbol('BLOB_STORE');

export class BlobMissing extends Error {
  constructor(readonly key: string) {
    super(`No blob ${key}`);
    this.name = 'BlobMissing';
  }
}

const KEY = /^[0-9a-f]{64}$/;

export const blobKeyOf = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

export const isBlobKey = (name: string): boolean => KEY.test(name);

/** Keys reach file paths and object names: only a SHA-256 in hex is one. */
export function checkedKey(key: string): string {
  if (!isBlobKey(key)) throw new Error(`Not a blob key: ${JSON.stringify(key.slice(0, 80))}`);
  return key;
}

/** A whole blob in memory (thumbnails are made from these). */
export async function readBlob(store: BlobStore, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await store.read(key)) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
