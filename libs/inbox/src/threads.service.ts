import { Injectable } from '@nestjs/common';
import { NotFound } from '@svara/common';
import { Prisma, PrismaService } from '@svara/database';
import type { ListThreadsQuery } from './dto/list-threads.query';
import { decodeCursor, encodeCursor, type ThreadPosition } from './thread-cursor';
import { dueAtOf, messageView, threadView } from './thread.view';

const THREAD_RELATIONS = {
  channel: { select: { type: true, name: true } },
  contact: { select: { id: true, displayName: true, email: true } },
} satisfies Prisma.ThreadInclude;

/** Rows after `position` in the inbox order (due time ascending, no due time last). */
function after(position: ThreadPosition): Prisma.ThreadWhereInput {
  const laterActivityTie: Prisma.ThreadWhereInput = {
    OR: [
      { lastMessageAt: { lt: position.lastMessageAt } },
      { lastMessageAt: position.lastMessageAt, id: { lt: position.id } },
    ],
  };
  if (position.dueAt === null) return { nextSlaCheckAt: null, ...laterActivityTie };
  return {
    OR: [
      { nextSlaCheckAt: { gt: position.dueAt } },
      { nextSlaCheckAt: position.dueAt, ...laterActivityTie },
      { nextSlaCheckAt: null },
    ],
  };
}

@Injectable()
export class ThreadsService {
  constructor(private readonly prisma: PrismaService) {}

  async list(query: ListThreadsQuery) {
    const filters: Prisma.ThreadWhereInput[] = [];
    if (query.status) filters.push({ status: query.status });
    if (query.channelId) filters.push({ channelId: query.channelId });
    if (query.channelType) filters.push({ channel: { type: query.channelType } });
    if (query.cursor) filters.push(after(decodeCursor(query.cursor)));

    const rows = await this.prisma.thread.findMany({
      where: { AND: filters },
      orderBy: [
        { nextSlaCheckAt: { sort: 'asc', nulls: 'last' } },
        { lastMessageAt: 'desc' },
        { id: 'desc' },
      ],
      take: query.limit + 1,
      include: THREAD_RELATIONS,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      data: page.map(threadView),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor({ dueAt: dueAtOf(last), lastMessageAt: last.lastMessageAt, id: last.id })
          : null,
    };
  }

  async get(id: string) {
    const thread = await this.prisma.thread.findUnique({
      where: { id },
      include: {
        ...THREAD_RELATIONS,
        messages: { orderBy: [{ sentAt: 'asc' }, { receivedAt: 'asc' }, { id: 'asc' }] },
      },
    });
    if (!thread) throw new NotFound('Thread');
    return { ...threadView(thread), messages: thread.messages.map(messageView) };
  }
}
