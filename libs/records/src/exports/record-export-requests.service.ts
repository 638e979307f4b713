import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@svara/http';
import { Conflict, InvalidInput, NotFound, Unprocessable } from '@svara/common';
import { Prisma, PrismaService, type RecordExport } from '@svara/database';
import { plainSearch, textMatchSql, threadFilterSql, visibleSql, visibleWhere } from '@svara/inbox';
import { MAX_THREADS_PER_PACKAGE } from '../limits';
import type { RecordFilter } from '../package/record-document';
import type { CreateRecordExportDto, RecordExportFilter } from './dto/create-record-export.dto';
import type { ListRecordExportsQuery } from './dto/list-record-exports.query';
import { RecordExportQueue } from './record-export-queue.service';
import {
  decodeStoredSelection,
  requestedSelection,
  selectionJson,
  type StoredSelection,
} from './record-selection';

const REQUESTED_BY = { requestedBy: { select: { id: true, name: true, email: true } } } as const;

type ExportRow = Omit<RecordExport, 'package'> & {
  requestedBy: { id: string; name: string; email: string } | null;
};

/** Everything but the package itself, which only the download reads. */
const WITHOUT_PACKAGE = {
  id: true,
  purpose: true,
  status: true,
  requestedById: true,
  retentionRunId: true,
  selection: true,
  threadCount: true,
  threadsDone: true,
  sha256: true,
  byteSize: true,
  error: true,
  createdAt: true,
  finishedAt: true,
  ...REQUESTED_BY,
} satisfies Prisma.RecordExportSelect;

function exportView(row: ExportRow) {
  return {
    id: row.id,
    purpose: row.purpose,
    status: row.status,
    threadCount: row.threadCount,
    threadsDone: row.threadsDone,
    sha256: row.sha256,
    byteSize: row.byteSize,
    error: row.error,
    requestedBy: row.requestedBy,
    retentionRunId: row.retentionRunId,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}

function instant(value: string, field: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new InvalidInput(`${field} must be a real date`);
  return date;
}

/**
 * Record exports as users ask for them: the selection is resolved (and
 * checked against what the user may see) when asked, then built by the
 * worker. Admins see every export; leads their own.
 */
@Injectable()
export class RecordExportRequests {
  constructor(
    private readonly prisma: PrismaService,
    private readonly queue: RecordExportQueue,
  ) {}

  async request(
    user: AuthenticatedUser,
    body: CreateRecordExportDto,
    correlationId?: string,
  ): Promise<{ id: string }> {
    const selection: StoredSelection = body.filter
      ? await this.byFilter(user, body.filter)
      : { threadIds: await this.byIds(user, body.threadIds ?? []) };
    const created = await this.prisma.recordExport.create({
      data: {
        purpose: 'REGISTRATION',
        requestedById: user.id,
        selection: selectionJson(selection),
        threadCount: selection.threadIds.length,
      },
      select: { id: true },
    });
    await this.queue.enqueue(created.id, correlationId);
    return { id: created.id };
  }

  /** Every thread named must be one the user may see; any other is not found, as in the inbox. */
  private async byIds(user: AuthenticatedUser, requested: string[]): Promise<string[]> {
    const ids = [...new Set(requested.map((id) => id.toLowerCase()))];
    this.checkSize(ids.length, 'Ask for fewer threads and export the rest in another package.');
    const visible = await this.prisma.thread.findMany({
      where: { AND: [{ id: { in: ids } }, visibleWhere(user)] },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true },
    });
    const found = new Set(visible.map((thread) => thread.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw new NotFound(`Thread ${missing}`);
    return visible.map((thread) => thread.id);
  }

  private async byFilter(
    user: AuthenticatedUser,
    filter: RecordExportFilter,
  ): Promise<StoredSelection> {
    const stored: RecordFilter = {
      status: filter.status,
      channelId: filter.channelId,
      channelType: filter.channelType,
      teamId: filter.teamId,
      assigneeId: filter.assigneeId,
      sla: filter.sla,
      tag: filter.tag,
      q: filter.q,
      closedFrom: filter.closedFrom && instant(filter.closedFrom, 'closedFrom').toISOString(),
      closedTo: filter.closedTo && instant(filter.closedTo, 'closedTo').toISOString(),
    };
    if (stored.closedFrom && stored.closedTo && stored.closedTo <= stored.closedFrom) {
      throw new InvalidInput('closedTo must be later than closedFrom');
    }
    const conditions = [visibleSql(user), ...threadFilterSql(filter, user)];
    if (filter.q !== undefined) conditions.push(textMatchSql(plainSearch(filter.q)));
    if (stored.closedFrom) {
      conditions.push(Prisma.sql`t."closedAt" >= ${stored.closedFrom}::timestamptz`);
    }
    if (stored.closedTo)
      conditions.push(Prisma.sql`t."closedAt" < ${stored.closedTo}::timestamptz`);
    const where = Prisma.join(conditions, ' AND ');

    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT t.id FROM threads t WHERE ${where}
      ORDER BY t."createdAt", t.id LIMIT ${MAX_THREADS_PER_PACKAGE + 1}`;
    if (rows.length === 0) {
      throw new Unprocessable(
        'No thread you may see matches the filter: there is nothing to export',
      );
    }
    if (rows.length > MAX_THREADS_PER_PACKAGE) {
      const [{ count }] = await this.prisma.$queryRaw<[{ count: bigint }]>`
        SELECT count(*) AS count FROM threads t WHERE ${where}`;
      this.checkSize(
        Number(count),
        'Narrow the filter (for example by closedFrom and closedTo) and export in parts.',
      );
    }
    const filterGiven = Object.fromEntries(
      Object.entries(stored).filter(([, value]) => value !== undefined),
    ) as RecordFilter;
    return { filter: filterGiven, threadIds: rows.map((row) => row.id) };
  }

  private checkSize(count: number, advice: string): void {
    if (count > MAX_THREADS_PER_PACKAGE) {
      throw new Unprocessable(
        `The selection holds ${count} threads; a record package holds at most ${MAX_THREADS_PER_PACKAGE}. ${advice}`,
      );
    }
  }

  async list(user: AuthenticatedUser, query: ListRecordExportsQuery) {
    const mine = this.scope(user);
    const after = query.cursor
      ? await this.prisma.recordExport.findFirst({
          where: { ...mine, id: query.cursor },
          select: { id: true, createdAt: true },
        })
      : undefined;
    if (after === null) throw new InvalidInput('cursor is not one this API returned');
    const rows = await this.prisma.recordExport.findMany({
      where: {
        ...mine,
        purpose: query.purpose,
        ...(after && {
          OR: [
            { createdAt: { lt: after.createdAt } },
            { createdAt: after.createdAt, id: { lt: after.id } },
          ],
        }),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: query.limit + 1,
      select: WITHOUT_PACKAGE,
    });
    const page = rows.slice(0, query.limit);
    return {
      data: page.map(exportView),
      nextCursor: rows.length > query.limit ? page.at(-1)!.id : null,
    };
  }

  async get(user: AuthenticatedUser, id: string) {
    const row = await this.prisma.recordExport.findFirst({
      where: { ...this.scope(user), id },
      select: WITHOUT_PACKAGE,
    });
    if (!row) throw new NotFound('Record export');
    return {
      ...exportView(row),
      selection: requestedSelection(decodeStoredSelection(row.selection)),
    };
  }

  /** The finished package and its SHA-256 (hex). */
  async package(user: AuthenticatedUser, id: string): Promise<{ zip: Buffer; sha256: string }> {
    const row = await this.prisma.recordExport.findFirst({
      where: { ...this.scope(user), id },
      select: { status: true, error: true, package: true, sha256: true },
    });
    if (!row) throw new NotFound('Record export');
    if (row.status === 'FAILED') {
      throw new Conflict(`The export failed, so there is no package: ${row.error ?? 'no reason'}`);
    }
    if (row.status !== 'DONE' || !row.package || !row.sha256) {
      throw new Conflict(`The package is not ready yet (the export is ${row.status})`);
    }
    const bytes = row.package;
    return {
      zip: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      sha256: row.sha256,
    };
  }

  private scope(user: AuthenticatedUser): Prisma.RecordExportWhereInput {
    return user.role === 'ADMIN' ? {} : { requestedById: user.id };
  }
}
