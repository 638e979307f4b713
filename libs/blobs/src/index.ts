export {
  BLOB_STORE,
  BlobMissing,
  type BlobStore,
  blobKeyOf,
  checkedKey,
  isBlobKey,
  readBlob,
  type StoredBlob,
} from './blob-store';
export { BlobsModule, blobStoreOf } from './blobs.module';
export { LocalBlobStore } from './local-blob-store';
export { S3BlobStore } from './s3-blob-store';
