import { Injectable } from '@nestjs/common';
import { PrismaService } from '@svara/database';

export interface AccessLogQuery {
  threadId?: string;
  userId?: string;
  openedAt?: { gte?: Date; lt?: Date };
  /** Entries older than this id (the previous page's nextCursor). */
  before?: bigint;
  limit: number;
}

/** Who opened which thread: one entry each time someone reads a thread in full. */
@Injectable()
export class AccessLog {
  constructor(private readonly prisma: PrismaService) {}

  async threadOpened(userId: string, threadId: string): Promise<void> {
    await this.prisma.threadAccess.create({ data: { userId, threadId } });
  }

  /** Newest first. */
  async list(query: AccessLogQuery) {
    const rows = await this.prisma.threadAccess.findMany({
      where: {
        threadId: query.threadId,
        userId: query.userId,
        openedAt: query.openedAt,
        id: query.before === undefined ? undefined : { lt: query.before },
      },
      orderBy: { id: 'desc' },
      take: query.limit + 1,
      include: { user: { select: { id: true, email: true, name: true } } },
    });
    const page = rows.slice(0, query.limit);
    return {
      data: page.map((row) => ({
        id: row.id.toString(),
        user: row.user,
        threadId: row.threadId,
        openedAt: row.openedAt,
      })),
      nextCursor: rows.length > query.limit ? page.at(-1)!.id.toString() : null,
    };
  }
}
