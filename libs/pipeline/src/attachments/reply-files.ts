import { Inject, Injectable } from '@nestjs/common';
import { BLOB_STORE, type BlobStore } from '@svara/blobs';
import { Unprocessable } from '@svara/common';
import { AppConfig } from '@svara/config';
import { admit, type LeftOutReason } from './attachment-limits';
import { sniffType } from './sniff-type';

/** A file an agent attaches to a reply, as uploaded. */
export interface UploadedFile {
  filename: string;
  claimedType: string;
  bytes: Buffer;
}

/** A reply's file once its bytes are in the blob store. */
export interface StoredReplyFile {
  n: number;
  filename: string;
  claimedType: string;
  sniffedType: string;
  size: number;
  sha256: string;
}

/** At most this many files go with one reply. */
export const MAX_REPLY_FILES = 10;

const megabytes = (bytes: number) => `${Math.floor(bytes / (1024 * 1024))} MB`;

/**
 * A reply's files, judged by the same limits as a citizen's (ATTACHMENT_*)
 * and stored before the reply is queued. Unlike ingest, which keeps a
 * message and notes what it left out, a reply is refused whole: the agent is
 * there to pick other files.
 */
@Injectable()
export class ReplyFiles {
  constructor(
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    private readonly config: AppConfig,
  ) {}

  /** Throws Unprocessable naming the file and the limit when one may not go. */
  judge(files: UploadedFile[]): (UploadedFile & { sniffedType: string })[] {
    if (files.length > MAX_REPLY_FILES)
      throw new Unprocessable(`A reply can carry at most ${MAX_REPLY_FILES} files`);
    let total = 0;
    return files.map((file) => {
      const sniffedType = sniffType(file.bytes, file.claimedType);
      const admission = admit(
        { size: file.bytes.byteLength, sniffedType },
        total,
        this.config.attachmentLimits,
      );
      if (!admission.admit)
        throw new Unprocessable(this.refusal(file, sniffedType, admission.reason));
      total += file.bytes.byteLength;
      return { ...file, sniffedType };
    });
  }

  async store(files: (UploadedFile & { sniffedType: string })[]): Promise<StoredReplyFile[]> {
    const stored: StoredReplyFile[] = [];
    for (const [n, file] of files.entries()) {
      stored.push({
        n,
        filename: file.filename,
        claimedType: file.claimedType,
        sniffedType: file.sniffedType,
        size: file.bytes.byteLength,
        sha256: await this.blobs.put(file.bytes),
      });
    }
    return stored;
  }

  private refusal(file: UploadedFile, sniffedType: string, reason: LeftOutReason): string {
    const limits = this.config.attachmentLimits;
    switch (reason) {
      case 'file-too-large':
        return `${file.filename} is larger than the ${megabytes(limits.maxFileBytes)} a file may be`;
      case 'message-too-large':
        return `The files together are larger than the ${megabytes(limits.maxMessageBytes)} a reply may carry`;
      case 'type-refused':
        return `${file.filename} is of a type that is not sent (${sniffedType})`;
      default:
        return `${file.filename} cannot be sent`;
    }
  }
}
