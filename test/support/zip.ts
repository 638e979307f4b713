import { buffer } from 'node:stream/consumers';
import { promisify } from 'node:util';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

export interface UnzippedFile {
  data: Buffer;
  mtime: Date;
}

/** Every file of a zip, in the order the zip holds them. */
export async function unzip(zip: Buffer): Promise<Map<string, UnzippedFile>> {
  const archive = await promisify<Buffer, yauzl.Options, ZipFile>(yauzl.fromBuffer)(zip, {
    lazyEntries: true,
  });
  const openReadStream = promisify(archive.openReadStream.bind(archive));
  const files = new Map<string, UnzippedFile>();
  await new Promise<void>((resolve, reject) => {
    archive.on('entry', (entry: Entry) => {
      openReadStream(entry)
        .then((stream) => buffer(stream))
        .then((data) => {
          files.set(entry.fileName, { data, mtime: entry.getLastModDate() });
          archive.readEntry();
        }, reject);
    });
    archive.on('end', resolve);
    archive.on('error', reject);
    archive.readEntry();
  });
  return files;
}
