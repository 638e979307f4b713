import { Injectable } from '@nestjs/common';
import { InvalidInput } from '@svara/common';
import { type Prisma, PrismaService } from '@svara/database';
import type { SearchContactsQuery } from './dto/search-contacts.query';

/** Finds the contacts a person may be, by e-mail, name or channel identity (all given must match). */
@Injectable()
export class ContactSearch {
  constructor(private readonly prisma: PrismaService) {}

  async search(query: SearchContactsQuery) {
    const criteria = this.criteria(query);
    const rows = await this.prisma.contact.findMany({
      where: {
        AND: criteria,
        ...(query.cursor && { id: { gt: query.cursor } }),
      },
      include: {
        identities: {
          select: { type: true, scope: true, value: true, displayName: true, createdAt: true },
          orderBy: { createdAt: 'asc' },
        },
        _count: { select: { threads: true } },
      },
      orderBy: { id: 'asc' },
      take: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    return {
      data: page.map(({ _count, ...contact }) => ({ ...contact, threadCount: _count.threads })),
      nextCursor: rows.length > query.limit ? page.at(-1)!.id : null,
    };
  }

  private criteria({ email, name, identity }: SearchContactsQuery): Prisma.ContactWhereInput[] {
    const criteria: Prisma.ContactWhereInput[] = [];
    if (email) {
      const address = { equals: email, mode: 'insensitive' as const };
      criteria.push({
        OR: [{ email: address }, { identities: { some: { type: 'EMAIL', value: address } } }],
      });
    }
    if (name) {
      // Prisma passes `contains` to LIKE as it is: % and _ must match themselves.
      const part = { contains: name.replace(/[\\%_]/g, '\\$&'), mode: 'insensitive' as const };
      criteria.push({
        OR: [{ displayName: part }, { identities: { some: { displayName: part } } }],
      });
    }
    if (identity) {
      criteria.push({
        identities: { some: { value: { equals: identity, mode: 'insensitive' } } },
      });
    }
    if (criteria.length === 0) {
      throw new InvalidInput('Give at least one of email, name or identity to search contacts');
    }
    return criteria;
  }
}
