import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@svara/audit';
import { ChannelAdapters } from '@svara/channels';
import type { AuthenticatedUser } from '@svara/http';
import { Conflict, InvalidInput, NotFound } from '@svara/common';
import { Prisma, PrismaService } from '@svara/database';
import { InboxEvents } from '@svara/pipeline';
import { ThreadSla } from '@svara/thread-sla';
import type { ListThreadsQuery } from './dto/list-threads.query';
import type { UpdateThreadDto } from './dto/update-thread.dto';
import { attachmentView } from './attachments/attachment.view';
import { LexemeShares } from './lexeme-shares.service';
import { prefixQueryOf, rarestWord, searchWords, type TextSearch } from './search-query';
import { decodeCursor, encodeCursor } from './thread-cursor';
import { inSearchPlan, textMatchSql, threadFilterSql } from './thread-filters';
import { visibleSql, visibleWhere } from './thread-visibility';
import { threadPreviews } from './thread-previews';
import {
  dueAtOf,
  escalationView,
  messageView,
  slaPausedOf,
  threadView,
  type ThreadWithRelations,
} from './thread.view';

const THREAD_RELATIONS = {
  channel: { select: { type: true, name: true } },
  contact: { select: { id: true, displayName: true, email: true } },
} satisfies Prisma.ThreadInclude;

/** The inbox's sort key; the same expression as the threads_*inbox_order_idx indexes. */
const DUE = Prisma.raw(`COALESCE(t."nextSlaCheckAt", 'infinity'::timestamptz)`);

/** How many threads, in inbox order, a search checks one by one before asking the indexes. */
const SEARCH_WALK = 2000;

@Injectable()
export class ThreadsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditTrail,
    private readonly events: InboxEvents,
    private readonly threadSla: ThreadSla,
    private readonly lexemes: LexemeShares,
    private readonly adapters: ChannelAdapters,
  ) {}

  /** Soonest due first (none last), then newest activity; the cursor is a position in that order. */
  async list(user: AuthenticatedUser, query: ListThreadsQuery) {
    const conditions = [visibleSql(user), ...this.filters(user, query)];
    const take = query.limit + 1;
    const rows =
      query.q === undefined
        ? await this.prisma.$queryRaw<{ id: string }[]>`
            SELECT t.id FROM threads t WHERE ${Prisma.join(conditions, ' AND ')}
            ORDER BY ${DUE}, t."lastMessageAt" DESC, t.id DESC LIMIT ${take}`
        : await this.search(conditions, await this.textSearch(query.q), take);
    const pageIds = rows.slice(0, query.limit).map((row) => row.id);
    const threads = await this.prisma.thread.findMany({
      where: { id: { in: pageIds } },
      include: THREAD_RELATIONS,
    });
    const byId = new Map(threads.map((thread) => [thread.id, thread]));
    const page = pageIds.flatMap((id) => byId.get(id) ?? []);
    const last = page.at(-1);
    return {
      data: await this.summaries(page),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor({ dueAt: dueAtOf(last), lastMessageAt: last.lastMessageAt, id: last.id })
          : null,
    };
  }

  /**
   * Full-text search in inbox order, two ways. A common word fills a page
   * from the first few hundred threads in order, so those are checked one by
   * one (message index by thread, each message's stored search vector). When
   * the first SEARCH_WALK threads do not fill the page the word is rare, and
   * the GIN indexes list every match, which is then few. Either way the
   * result is the same page.
   */
  private async search(conditions: Prisma.Sql[], search: TextSearch, take: number) {
    const where = Prisma.join(conditions, ' AND ');
    const query = Prisma.sql`to_tsquery('simple', ${search.query})`;
    const walked = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT c.id FROM (
        SELECT t.id, t.subject, ${DUE} AS due, t."lastMessageAt" FROM threads t WHERE ${where}
        ORDER BY ${DUE}, t."lastMessageAt" DESC, t.id DESC LIMIT ${SEARCH_WALK}) c
      WHERE to_tsvector('simple', COALESCE(c.subject, '')) @@ ${query}
        OR (SELECT bool_or(m."searchVector" @@ ${query})
            FROM messages m WHERE m."threadId" = c.id)
      ORDER BY c.due, c."lastMessageAt" DESC, c.id DESC LIMIT ${take}`;
    if (walked.length === take) return walked;
    return inSearchPlan(
      this.prisma,
      this.prisma.$queryRaw<{ id: string }[]>`
        SELECT t.id FROM threads t WHERE ${where} AND ${textMatchSql(search)}
        ORDER BY ${DUE}, t."lastMessageAt" DESC, t.id DESC LIMIT ${take}`,
    );
  }

  /** The search, with its rarest word (by Postgres's word statistics) as what the indexes look up. */
  private async textSearch(text: string): Promise<TextSearch> {
    const words = searchWords(text);
    const query = prefixQueryOf(words);
    const shareOf = words.length > 1 ? await this.lexemes.shareOf() : null;
    return { query, lookup: shareOf ? prefixQueryOf([rarestWord(words, shareOf)]) : query };
  }

  private filters(user: AuthenticatedUser, query: ListThreadsQuery): Prisma.Sql[] {
    const sql = threadFilterSql(query, user);
    if (query.cursor) {
      const position = decodeCursor(query.cursor);
      const due = position.dueAt?.toISOString() ?? 'infinity';
      const last = position.lastMessageAt.toISOString();
      sql.push(Prisma.sql`${DUE} >= ${due}::timestamptz AND (${DUE} > ${due}::timestamptz
        OR t."lastMessageAt" < ${last}::timestamptz
        OR (t."lastMessageAt" = ${last}::timestamptz AND t.id < ${position.id}::uuid))`);
    }
    return sql;
  }

  async get(user: AuthenticatedUser, id: string) {
    const thread = await this.prisma.thread.findFirst({
      where: { AND: [{ id }, visibleWhere(user)] },
      include: {
        ...THREAD_RELATIONS,
        messages: {
          orderBy: [{ sentAt: 'asc' }, { receivedAt: 'asc' }, { id: 'asc' }],
          include: {
            storedAttachments: { orderBy: { n: 'asc' } },
            edits: {
              orderBy: [{ replacedAt: 'asc' }, { id: 'asc' }],
              select: { text: true, since: true, replacedAt: true },
            },
          },
        },
        escalations: { orderBy: [{ stepAt: 'asc' }, { level: 'asc' }] },
      },
    });
    if (!thread) throw new NotFound('Thread');
    const commentThread =
      this.adapters.has(thread.channel.type) &&
      (this.adapters.get(thread.channel.type).isPublicComment?.(thread.externalId) ?? false);
    const [summary] = await this.summaries([thread]);
    // Only here, to someone allowed to see the thread, is the subject shown in full.
    return {
      ...summary!,
      subject: thread.subject,
      escalations: thread.escalations.map(escalationView),
      slaPaused: slaPausedOf(thread.slaClocks),
      post:
        commentThread && (thread.postText || thread.postPermalink)
          ? { text: thread.postText ?? '', permalink: thread.postPermalink }
          : null,
      messages: thread.messages.map(({ edits, ...message }) => ({
        ...messageView(message),
        storedAttachments: message.storedAttachments.map(attachmentView),
        // The agent may hide it on the source (more so when it shows an identity number).
        publicComment: commentThread && message.direction === 'INBOUND',
        earlierVersions: edits,
      })),
    };
  }

  /** The thread, if the user may see it; otherwise it does not exist for them. */
  async findVisible(user: AuthenticatedUser, id: string) {
    const thread = await this.prisma.thread.findFirst({
      where: { AND: [{ id }, visibleWhere(user)] },
      select: { id: true, version: true, channelId: true },
    });
    if (!thread) throw new NotFound('Thread');
    return thread;
  }

  /**
   * Every change of a thread's state (status, assignee, team, tags) goes
   * through here: one transaction that checks the caller's version, writes
   * the change and its audit entries.
   */
  async changeState(user: AuthenticatedUser, id: string, change: UpdateThreadDto) {
    const updated = await this.prisma.$transaction(async (tx) => {
      const before = await tx.thread.findFirst({ where: { AND: [{ id }, visibleWhere(user)] } });
      if (!before) throw new NotFound('Thread');
      if (before.version !== change.version) throw this.stale(before.version);
      await this.checkReferences(tx, change);

      const data: Prisma.ThreadUncheckedUpdateManyInput = {};
      const entries: { action: string; data: Record<string, unknown> }[] = [];
      if (change.status !== undefined && change.status !== before.status) {
        data.status = change.status;
        data.closedAt = change.status === 'CLOSED' ? new Date() : null;
        entries.push({
          action: 'thread.status_changed',
          data: { from: before.status, to: change.status },
        });
      }
      if (change.assigneeId !== undefined && change.assigneeId !== before.assigneeId) {
        data.assigneeId = change.assigneeId;
        entries.push({
          action: 'thread.assigned',
          data: { from: before.assigneeId, to: change.assigneeId },
        });
      }
      if (change.teamId !== undefined && change.teamId !== before.teamId) {
        data.teamId = change.teamId;
        entries.push({
          action: 'thread.team_changed',
          data: { from: before.teamId, to: change.teamId },
        });
      }
      if (change.tags !== undefined) {
        const tags = [...new Set(change.tags)].sort();
        if (tags.join('\u0000') !== [...before.tags].sort().join('\u0000')) {
          data.tags = tags;
          entries.push({ action: 'thread.tags_changed', data: { from: before.tags, to: tags } });
        }
      }
      if (entries.length === 0) return null;

      const { count } = await tx.thread.updateMany({
        where: { id, version: change.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (count === 0) throw this.stale();
      for (const entry of entries) {
        await this.audit.record(
          { actorId: user.id, entityType: 'thread', entityId: id, ...entry },
          tx,
        );
      }
      // The SLA clocks follow in the same transaction: PENDING pauses them,
      // reopening starts a next-response clock, a new team may bring its own policy.
      if (change.status !== undefined && change.status !== before.status) {
        await this.threadSla.statusChanged(tx, id, before.status, change.status);
      } else if (data.teamId !== undefined) {
        await this.threadSla.recompute(tx, [id]);
      }
      return entries;
    });
    if (updated) await this.events.threadsChanged('thread.updated', [id]);
    const thread = await this.prisma.thread.findUniqueOrThrow({
      where: { id },
      include: THREAD_RELATIONS,
    });
    const [summary] = await this.summaries([thread]);
    return summary!;
  }

  /** Threads as lists show them: their row, with the snippet and waiting time read for all at once. */
  async summaries(threads: ThreadWithRelations[]) {
    const previews = await threadPreviews(
      this.prisma,
      threads.map((thread) => thread.id),
    );
    return threads.map((thread) => ({
      ...threadView(thread),
      ...(previews.get(thread.id) ?? { snippet: null, waitingSince: null }),
    }));
  }

  private stale(current?: number): Conflict {
    return new Conflict(
      `Thread was changed by someone else${current === undefined ? '' : ` (now version ${current})`}; reload it and try again`,
    );
  }

  private async checkReferences(tx: Prisma.TransactionClient, change: UpdateThreadDto) {
    if (change.assigneeId) {
      const assignee = await tx.user.findUnique({ where: { id: change.assigneeId } });
      if (!assignee?.active) throw new InvalidInput('assigneeId: no active user with this id');
    }
    if (change.teamId && !(await tx.team.findUnique({ where: { id: change.teamId } }))) {
      throw new InvalidInput('teamId: no team with this id');
    }
  }
}
