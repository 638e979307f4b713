import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { Unprocessable } from '@svara/common';
import { AppConfig } from '@svara/config';
import { MAX_REPLY_FILES } from '@svara/pipeline';

/** The multipart field that carries a reply's files. */
export const REPLY_FILES_FIELD = 'files';

const megabytes = (bytes: number) => `${Math.floor(bytes / (1024 * 1024))} MB`;

/**
 * Reads a multipart reply's files (a JSON reply passes through untouched),
 * each held in memory up to ATTACHMENT_MAX_FILE_BYTES: a larger one stops
 * the upload at once with the limit in the answer. Filenames are UTF-8, as
 * browsers send them.
 */
@Injectable()
export class ReplyUploadsInterceptor implements NestInterceptor {
  private readonly files: NestInterceptor;
  private readonly maxFileBytes: number;

  constructor(config: AppConfig) {
    this.maxFileBytes = config.attachmentLimits.maxFileBytes;
    const Files = FilesInterceptor(REPLY_FILES_FIELD, MAX_REPLY_FILES, {
      defParamCharset: 'utf8',
      limits: { fileSize: this.maxFileBytes, files: MAX_REPLY_FILES, fields: 10 },
    });
    this.files = new Files();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.files.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException)
        throw new PayloadTooLargeException(
          `A file is larger than the ${megabytes(this.maxFileBytes)} a file may be`,
        );
      const message = (error as Error).message;
      if (message === 'Too many files' || message === 'Unexpected field')
        throw new Unprocessable(
          `A reply carries at most ${MAX_REPLY_FILES} files, in the field "${REPLY_FILES_FIELD}"`,
        );
      throw error;
    }
  }
}
