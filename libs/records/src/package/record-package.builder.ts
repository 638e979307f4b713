import { Injectable } from '@nestjs/common';
import { PrismaService } from '@svara/database';
import { svaraVersion } from '../svara-version';
import {
  RECORD_FORMAT,
  RECORD_FORMAT_VERSION,
  RECORD_THREAD_INCLUDE,
  type RecordDocument,
  type RecordPackageHeader,
  type RecordThread,
  recordThread,
} from './record-document';
import { RecordPdf } from './record-pdf';
import { assertMatchesSchema, RECORD_SCHEMA_JSON } from './record-schema';
import { type PackageFile, sha256Hex, sha256Sums, zipFiles } from './record-zip';

/** Threads loaded (with all their messages) and written per step. */
const CHUNK = 50;

export type PackageRequest = Omit<RecordPackageHeader, 'createdAt' | 'threadCount' | 'generator'>;

export interface BuiltPackage {
  zip: Buffer;
  /** SHA-256 of `zip`, hex. */
  sha256: string;
  /** The threads the package holds, in its order (selected threads deleted since are left out). */
  threadIds: string[];
}

export class NothingToPackage extends Error {
  constructor() {
    super('None of the selected threads exists any more');
  }
}

/** A thread went away while the package was written; building again leaves it out. */
export class SelectionChanged extends Error {
  constructor() {
    super('A selected thread was deleted while the package was written');
  }
}

/**
 * Builds a record package: record.json (checked against record.schema.json),
 * record.pdf, the schema and SHA256SUMS, zipped. Threads are read a chunk at
 * a time, oldest first, and `onProgress` hears how many are written.
 */
@Injectable()
export class RecordPackageBuilder {
  constructor(private readonly prisma: PrismaService) {}

  async build(
    request: PackageRequest,
    threadIds: string[],
    onProgress: (threadsDone: number) => Promise<void> = async () => undefined,
  ): Promise<BuiltPackage> {
    const index = await this.prisma.thread.findMany({
      where: { id: { in: threadIds } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        subject: true,
        status: true,
        createdAt: true,
        channel: { select: { name: true } },
      },
    });
    if (index.length === 0) throw new NothingToPackage();

    const createdAt = new Date();
    const header: RecordPackageHeader = {
      ...request,
      createdAt: createdAt.toISOString(),
      threadCount: index.length,
      generator: { name: 'Svara', version: svaraVersion() },
    };
    const pdf = new RecordPdf(header);
    pdf.cover(
      index.map((entry) => ({
        id: entry.id,
        subject: entry.subject,
        channelName: entry.channel.name,
        status: entry.status,
        createdAt: entry.createdAt,
      })),
    );

    const threads: RecordThread[] = [];
    for (let start = 0; start < index.length; start += CHUNK) {
      const ids = index.slice(start, start + CHUNK).map((entry) => entry.id);
      const rows = await this.prisma.thread.findMany({
        where: { id: { in: ids } },
        include: RECORD_THREAD_INCLUDE,
      });
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const id of ids) {
        const row = byId.get(id);
        // The cover already lists it: start again rather than ship a PDF and JSON that disagree.
        if (!row) throw new SelectionChanged();
        const thread = recordThread(row);
        threads.push(thread);
        pdf.thread(thread, threads.length);
      }
      await onProgress(threads.length);
    }

    const document: RecordDocument = {
      format: RECORD_FORMAT,
      formatVersion: RECORD_FORMAT_VERSION,
      package: header,
      threads,
    };
    assertMatchesSchema(document);

    const files: PackageFile[] = [
      { name: 'record.json', data: Buffer.from(JSON.stringify(document, null, 2)), compress: true },
      { name: 'record.schema.json', data: Buffer.from(RECORD_SCHEMA_JSON), compress: true },
      { name: 'record.pdf', data: await pdf.end(), compress: false },
    ];
    files.push({ name: 'SHA256SUMS', data: sha256Sums(files), compress: true });
    const zip = await zipFiles(files, createdAt);
    return { zip, sha256: sha256Hex(zip), threadIds: threads.map((thread) => thread.id) };
  }
}
