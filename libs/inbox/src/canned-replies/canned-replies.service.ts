import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@svara/audit';
import type { AuthenticatedUser } from '@svara/http';
import { Conflict, InvalidInput, NotFound } from '@svara/common';
import {
  isMissingReference,
  isRecordNotFound,
  isUniqueViolation,
  Prisma,
  PrismaService,
} from '@svara/database';
import type { CreateCannedReplyDto, UpdateCannedReplyDto } from './dto/canned-reply.dto';

const VIEW = {
  id: true,
  name: true,
  text: true,
  teamId: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.CannedReplySelect;

function domainError(error: unknown): unknown {
  if (isUniqueViolation(error)) return new Conflict('A canned reply with this name already exists');
  if (isMissingReference(error)) return new InvalidInput('teamId: no team with this id');
  if (isRecordNotFound(error)) return new NotFound('Canned reply');
  return error;
}

/** Prepared answers: admins write them, agents insert them into replies. */
@Injectable()
export class CannedReplies {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditTrail,
  ) {}

  /** Those offered to the user: everyone's, and their teams' (admins see all). */
  list(user: AuthenticatedUser) {
    return this.prisma.cannedReply.findMany({
      where:
        user.role === 'ADMIN' ? {} : { OR: [{ teamId: null }, { teamId: { in: user.teamIds } }] },
      orderBy: { name: 'asc' },
      select: VIEW,
    });
  }

  async create(body: CreateCannedReplyDto, actorId: string) {
    return this.write(actorId, 'canned_reply.created', (tx) =>
      tx.cannedReply.create({
        data: { name: body.name, text: body.text, teamId: body.teamId, createdById: actorId },
        select: VIEW,
      }),
    );
  }

  async update(id: string, body: UpdateCannedReplyDto, actorId: string) {
    return this.write(actorId, 'canned_reply.updated', (tx) =>
      tx.cannedReply.update({ where: { id }, data: body, select: VIEW }),
    );
  }

  async remove(id: string, actorId: string): Promise<void> {
    await this.write(actorId, 'canned_reply.deleted', (tx) =>
      tx.cannedReply.delete({ where: { id }, select: VIEW }),
    );
  }

  private async write(
    actorId: string,
    action: string,
    change: (
      tx: Prisma.TransactionClient,
    ) => Promise<Prisma.CannedReplyGetPayload<{ select: typeof VIEW }>>,
  ) {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const reply = await change(tx);
        await this.audit.record(
          {
            actorId,
            action,
            entityType: 'canned_reply',
            entityId: reply.id,
            data: { name: reply.name, teamId: reply.teamId },
          },
          tx,
        );
        return reply;
      });
    } catch (error) {
      throw domainError(error);
    }
  }
}
