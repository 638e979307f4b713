import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { ZipFile } from 'yazl';
import { BLOB_STORE, type BlobStore, blobKeyOf } from '@svara/blobs';
import { ContactExport } from './contact-export.service';

const FILE_MODE = 0o100644;

type Exported = Awaited<ReturnType<ContactExport['export']>>;

interface PackagedFile {
  path: string;
  sha256: string;
}

/** Every stored file of the export's messages, once per place it was sent. */
function filesOf(exported: Exported): PackagedFile[] {
  const messages = [
    ...exported.threads.flatMap((thread) => [...thread.messages, ...thread.notes]),
    ...exported.messagesInOtherThreads,
  ];
  return messages.flatMap((message) =>
    message.files.flatMap((file) =>
      file.path && file.sha256 ? [{ path: file.path, sha256: file.sha256 }] : [],
    ),
  );
}

/**
 * A person's export as a zip: contact.json (the JSON export), the files they
 * sent under attachments/ (the paths contact.json gives), and SHA256SUMS for
 * `sha256sum -c`. The files stream from the blob store one at a time.
 */
@Injectable()
export class ContactExportPackage {
  constructor(
    private readonly exporter: ContactExport,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async build(contactId: string, actorId: string): Promise<Readable> {
    const exported = await this.exporter.export(contactId, actorId);
    const json = Buffer.from(JSON.stringify(exported, null, 2));
    const files = filesOf(exported);
    const sums = [
      // A blob's key is its SHA-256: the files' sums are their keys, and this is contact.json's.
      `${blobKeyOf(json)}  contact.json`,
      ...files.map((file) => `${file.sha256}  ${file.path}`),
    ];
    const at = exported.exportedAt;
    const zip = new ZipFile();
    const output = zip.outputStream as Readable;
    // A file that cannot be read breaks the download rather than leaving it silently short.
    zip.on('error', (error: Error) => output.destroy(error));
    zip.addBuffer(json, 'contact.json', { mtime: at, mode: FILE_MODE });
    for (const file of files) {
      // Opened only when the zip gets to it; most files sent are compressed already.
      zip.addReadStreamLazy(file.path, { mtime: at, mode: FILE_MODE, compress: false }, (done) => {
        this.blobs.read(file.sha256).then(
          (stream) => done(null, stream),
          (error: Error) => done(error, undefined as never),
        );
      });
    }
    zip.addBuffer(Buffer.from(`${sums.join('\n')}\n`), 'SHA256SUMS', {
      mtime: at,
      mode: FILE_MODE,
    });
    zip.end();
    return output;
  }
}
