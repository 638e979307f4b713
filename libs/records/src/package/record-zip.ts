import { createHash } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { ZipFile } from 'yazl';

export interface PackageFile {
  name: string;
  data: Buffer;
  /** Deflate it; already compressed formats (PDF) are stored as they are. */
  compress: boolean;
}

export const sha256Hex = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** The files' sums in the format `sha256sum -c SHA256SUMS` checks. */
export function sha256Sums(files: PackageFile[]): Buffer {
  return Buffer.from(files.map((file) => `${sha256Hex(file.data)}  ${file.name}\n`).join(''));
}

/** A zip of the files in order, every entry dated `at`. */
export async function zipFiles(files: PackageFile[], at: Date): Promise<Buffer> {
  const zip = new ZipFile();
  for (const file of files) {
    zip.addBuffer(file.data, file.name, { mtime: at, mode: 0o100644, compress: file.compress });
  }
  const output = buffer(zip.outputStream);
  zip.end();
  return output;
}

/** A package as Prisma stores Bytes. Zips are built in ordinary (never shared) memory. */
export const asBytes = (zip: Buffer): Uint8Array<ArrayBuffer> => zip as Uint8Array<ArrayBuffer>;
