import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@svara/http';
import { Conflict, DomainError, InvalidInput } from '@svara/common';
import { PrismaService } from '@svara/database';
import type { BulkResultDto, BulkUpdateThreadsDto } from './dto/bulk-update.dto';
import { visibleWhere } from './thread-visibility';
import { ThreadsService } from './threads.service';

const MAX_TAGS = 20;

/**
 * One change to many threads, each through ThreadsService.changeState (its
 * own transaction, audit entries and event), at the version it had when the
 * bulk began: a thread someone changed meanwhile is reported, not overwritten.
 */
@Injectable()
export class ThreadBulk {
  constructor(
    private readonly prisma: PrismaService,
    private readonly threads: ThreadsService,
  ) {}

  async apply(user: AuthenticatedUser, change: BulkUpdateThreadsDto): Promise<BulkResultDto> {
    if (
      change.status === undefined &&
      change.assigneeId === undefined &&
      change.teamId === undefined &&
      change.addTags === undefined
    ) {
      throw new InvalidInput('Nothing to change: give status, assigneeId, teamId or addTags');
    }
    const found = await this.prisma.thread.findMany({
      where: { AND: [{ id: { in: change.threadIds } }, visibleWhere(user)] },
      select: { id: true, version: true, tags: true },
    });
    const byId = new Map(found.map((thread) => [thread.id, thread]));
    const result: BulkResultDto = { updated: [], failed: [] };
    for (const id of change.threadIds) {
      const thread = byId.get(id);
      if (!thread) {
        result.failed.push({ id, reason: 'Thread not found' });
        continue;
      }
      try {
        const tags = change.addTags && [...new Set([...thread.tags, ...change.addTags])];
        if (tags && tags.length > MAX_TAGS) {
          throw new Conflict(
            `A thread has at most ${MAX_TAGS} tags; this one would have ${tags.length}`,
          );
        }
        await this.threads.changeState(user, id, {
          version: thread.version,
          status: change.status,
          assigneeId: change.assigneeId,
          teamId: change.teamId,
          tags,
        });
        result.updated.push(id);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        // A reference that does not exist fails every thread alike: say so once.
        if (error instanceof InvalidInput) throw error;
        result.failed.push({ id, reason: error.message });
      }
    }
    return result;
  }
}
