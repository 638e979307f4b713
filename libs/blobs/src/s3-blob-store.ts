import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { BlobStoreConfig } from '@svara/config';
import {
  BlobMissing,
  type BlobStore,
  blobKeyOf,
  checkedKey,
  isBlobKey,
  type StoredBlob,
} from './blob-store';

type S3Config = Extract<BlobStoreConfig, { kind: 's3' }>;

const PREFIX = 'blobs/';

const isNotFound = (error: unknown) =>
  error instanceof S3ServiceException &&
  (error.$metadata.httpStatusCode === 404 ||
    error.name === 'NoSuchKey' ||
    error.name === 'NotFound');

/**
 * Blobs as objects in one bucket of S3-compatible storage, `blobs/<sha256>`.
 * An object appears whole or not at all (S3's PUT is atomic), and its
 * SHA-256 is sent along for the service to check.
 */
export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;

  private readonly listPageSize: number;

  /** `listPageSize`: objects per ListObjectsV2 request (S3 answers at most 1000). */
  constructor(
    private readonly config: S3Config,
    { listPageSize = 1000 }: { listPageSize?: number } = {},
  ) {
    this.listPageSize = listPageSize;
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials,
    });
  }

  async put(bytes: Uint8Array): Promise<string> {
    const key = blobKeyOf(bytes);
    // Written again even when stored: the new LastModified keeps the sweep of
    // unreferenced blobs away from bytes a row is about to name.
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.config.bucket,
        Key: PREFIX + key,
        Body: bytes,
        ContentLength: bytes.byteLength,
        ContentType: 'application/octet-stream',
        ChecksumSHA256: Buffer.from(key, 'hex').toString('base64'),
      }),
    );
    return key;
  }

  async read(key: string): Promise<Readable> {
    try {
      const answer = await this.client.send(
        new GetObjectCommand({ Bucket: this.config.bucket, Key: PREFIX + checkedKey(key) }),
      );
      if (answer.Body instanceof Readable) return answer.Body;
      if (!answer.Body) throw new BlobMissing(key);
      return Readable.from(Buffer.from(await answer.Body.transformToByteArray()));
    } catch (error) {
      if (isNotFound(error)) throw new BlobMissing(key);
      throw error;
    }
  }

  async has(key: string): Promise<boolean> {
    try {
      await this.client.send(
        new HeadObjectCommand({ Bucket: this.config.bucket, Key: PREFIX + checkedKey(key) }),
      );
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.config.bucket, Key: PREFIX + checkedKey(key) }),
    );
  }

  async *list(): AsyncIterable<StoredBlob[]> {
    let continuationToken: string | undefined;
    do {
      const answer = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.config.bucket,
          Prefix: PREFIX,
          MaxKeys: this.listPageSize,
          ContinuationToken: continuationToken,
        }),
      );
      const page = (answer.Contents ?? []).flatMap(({ Key, LastModified }) => {
        const key = Key?.slice(PREFIX.length);
        return key && isBlobKey(key) && LastModified ? [{ key, modifiedAt: LastModified }] : [];
      });
      if (page.length > 0) yield page;
      continuationToken = answer.IsTruncated ? answer.NextContinuationToken : undefined;
    } while (continuationToken);
  }

  close(): void {
    this.client.destroy();
  }
}
