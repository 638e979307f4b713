import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@svara/http';
import { type DraftKind, type Prisma, PrismaService } from '@svara/database';
import { ThreadsService } from '../threads.service';
import type { DraftDto, DraftKindName } from './dto/draft.dto';

const KIND: Record<DraftKindName, DraftKind> = { reply: 'REPLY', note: 'NOTE' };
const NAME: Record<DraftKind, DraftKindName> = { REPLY: 'reply', NOTE: 'note' };

/** An agent's unsent replies and notes, one per thread and kind, on the server (any device). */
@Injectable()
export class Drafts {
  constructor(
    private readonly prisma: PrismaService,
    private readonly threads: ThreadsService,
  ) {}

  async list(user: AuthenticatedUser, threadId: string): Promise<DraftDto[]> {
    await this.threads.findVisible(user, threadId);
    const drafts = await this.prisma.draft.findMany({
      where: { threadId, userId: user.id },
      orderBy: { kind: 'asc' },
    });
    return drafts.map((draft) => ({
      kind: NAME[draft.kind],
      text: draft.text,
      updatedAt: draft.updatedAt,
    }));
  }

  /** Keeps the text as the draft; an empty text removes it. */
  async save(
    user: AuthenticatedUser,
    threadId: string,
    kind: DraftKindName,
    text: string,
  ): Promise<DraftDto> {
    await this.threads.findVisible(user, threadId);
    if (text.trim() === '') {
      await this.discard(this.prisma, user.id, threadId, kind);
      return { kind, text: '', updatedAt: new Date() };
    }
    const key = { threadId, userId: user.id, kind: KIND[kind] };
    const draft = await this.prisma.draft.upsert({
      where: { threadId_userId_kind: key },
      create: { ...key, text },
      update: { text },
    });
    return { kind, text: draft.text, updatedAt: draft.updatedAt };
  }

  async remove(user: AuthenticatedUser, threadId: string, kind: DraftKindName): Promise<void> {
    await this.threads.findVisible(user, threadId);
    await this.discard(this.prisma, user.id, threadId, kind);
  }

  /** Inside the transaction that sends the reply or note the draft was for. */
  async discard(
    tx: Prisma.TransactionClient,
    userId: string,
    threadId: string,
    kind: DraftKindName,
  ): Promise<void> {
    await tx.draft.deleteMany({ where: { threadId, userId, kind: KIND[kind] } });
  }
}
