import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@svara/config';
import { BLOB_STORE, type BlobStore } from './blob-store';
import { LocalBlobStore } from './local-blob-store';
import { S3BlobStore } from './s3-blob-store';

export function blobStoreOf(config: AppConfig['blobStore']): BlobStore {
  return config.kind === 'local' ? new LocalBlobStore(config.directory) : new S3BlobStore(config);
}

/** The configured blob store, under BLOB_STORE. */
@Global()
@Module({
  providers: [
    {
      provide: BLOB_STORE,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => blobStoreOf(config.blobStore),
    },
  ],
  exports: [BLOB_STORE],
})
export class BlobsModule {}
