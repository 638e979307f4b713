import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@svara/audit';
import { InvalidInput, NotFound } from '@svara/common';
import { PrismaService } from '@svara/database';
import type { TagChangeDto, TagUsageDto } from './dto/tag.dto';

/**
 * Tags are free words on threads; this is the admin's view of them across
 * every thread: which are in use, renaming one everywhere, removing one.
 */
@Injectable()
export class Tags {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditTrail,
  ) {}

  async list(): Promise<TagUsageDto[]> {
    const rows = await this.prisma.$queryRaw<{ tag: string; threads: bigint }[]>`
      SELECT tag, count(*) AS threads
      FROM threads, unnest(tags) AS tag
      WHERE tags <> '{}'
      GROUP BY tag
      ORDER BY tag`;
    return rows.map((row) => ({ tag: row.tag, threads: Number(row.threads) }));
  }

  /** Renames a tag on every thread; a thread that has both keeps one. */
  async rename(tag: string, name: string, actorId: string): Promise<TagChangeDto> {
    if (name === tag) throw new InvalidInput('name is the tag’s current name');
    return this.change(
      tag,
      actorId,
      'tag.renamed',
      { to: name },
      (tx) =>
        tx.$executeRaw`
        UPDATE threads
        SET tags = ARRAY(SELECT DISTINCT unnest(array_replace(tags, ${tag}, ${name})) ORDER BY 1),
            version = version + 1,
            "updatedAt" = now()
        WHERE tags @> ARRAY[${tag}]::text[] AND tags <> '{}'`,
    );
  }

  async remove(tag: string, actorId: string): Promise<TagChangeDto> {
    return this.change(
      tag,
      actorId,
      'tag.removed',
      {},
      (tx) =>
        tx.$executeRaw`
        UPDATE threads
        SET tags = array_remove(tags, ${tag}), version = version + 1, "updatedAt" = now()
        WHERE tags @> ARRAY[${tag}]::text[] AND tags <> '{}'`,
    );
  }

  private change(
    tag: string,
    actorId: string,
    action: string,
    data: Record<string, unknown>,
    update: (tx: Parameters<Parameters<PrismaService['$transaction']>[0]>[0]) => Promise<number>,
  ): Promise<TagChangeDto> {
    return this.prisma.$transaction(async (tx) => {
      const threads = await update(tx);
      if (threads === 0) throw new NotFound('Tag');
      await this.audit.record(
        { actorId, action, entityType: 'tag', entityId: tag, data: { ...data, threads } },
        tx,
      );
      return { threads };
    });
  }
}
