import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@svara/config';
import { type Channel, PrismaService } from '@svara/database';
import { ChannelAuthFailed, ChannelRateLimited } from '../channel-errors';
import {
  PROFILE_RETRY_MS,
  PROFILES_PER_POLL,
  type Profile,
  type ProfileSource,
  profileOf,
} from './contact-profiles';
import { type GraphSession, graphPath } from './graph-api.service';

interface DueIdentity {
  id: string;
  contactId: string;
  value: string;
  displayName: string | null;
}

/**
 * Reads the names of people a channel knows only by id (a webhook carries no
 * name) from Meta's profile APIs, and again once a name read so is older than
 * META_PROFILE_MAX_AGE_HOURS (the rule of profileDue). A failed read is recorded and tried again later;
 * it never fails the poll it runs after.
 */
@Injectable()
export class ContactProfileReader {
  private readonly logger = new Logger(ContactProfileReader.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly config: AppConfig,
  ) {}

  async refresh(
    channel: Pick<Channel, 'id'>,
    graph: GraphSession,
    source: ProfileSource,
    now = new Date(),
  ): Promise<{ read: number; failed: number }> {
    const staleBefore = new Date(now.getTime() - this.config.meta.profileMaxAgeMs);
    const retryBefore = new Date(now.getTime() - PROFILE_RETRY_MS);
    const due = await this.prisma.$queryRaw<DueIdentity[]>`
      SELECT id, "contactId", value, "displayName" FROM contact_identities
      WHERE scope = ${channel.id} AND type = ${source.identityType}::"IdentityType"
        AND (("profileReadAt" IS NULL AND "displayName" IS NULL)
          OR "profileReadAt" < ${staleBefore})
        AND ("profileFailedAt" IS NULL OR "profileFailedAt" < ${retryBefore}
          OR "profileFailedAt" < "profileReadAt")
      ORDER BY "profileReadAt" ASC NULLS FIRST, "createdAt" ASC
      LIMIT ${PROFILES_PER_POLL}`;
    let read = 0;
    let failed = 0;
    for (const identity of due) {
      try {
        const profile = profileOf(
          await graph.get<unknown>(graphPath(identity.value), { fields: source.fields }),
        );
        if (!profile) throw new Error('the profile names no one');
        await this.store(channel.id, identity, profile, now);
        read += 1;
      } catch (error) {
        failed += 1;
        await this.prisma.contactIdentity.update({
          where: { id: identity.id },
          data: { profileFailedAt: now },
        });
        this.logger.warn(
          { channelId: channel.id, identityId: identity.id, err: (error as Error).message },
          'contact profile not read; tried again later',
        );
        // The token or the rate limit stops every read after it too: leave them for later.
        if (error instanceof ChannelAuthFailed || error instanceof ChannelRateLimited) break;
      }
    }
    return { read, failed };
  }

  /** The name on the identity, on its contact unless someone named it otherwise, and on its messages. */
  private async store(channelId: string, identity: DueIdentity, profile: Profile, now: Date) {
    await this.prisma.$transaction([
      this.prisma.contactIdentity.update({
        where: { id: identity.id },
        data: {
          displayName: profile.name,
          username: profile.username ?? null,
          profileReadAt: now,
          profileFailedAt: null,
        },
      }),
      this.prisma.$executeRaw`
        UPDATE contacts SET "displayName" = ${profile.name}, "updatedAt" = now()
        WHERE id = ${identity.contactId}::uuid
          AND ("displayName" IS NULL OR "displayName" = ${identity.displayName})`,
      this.prisma.$executeRaw`
        UPDATE messages SET "authorName" = ${profile.name}
        WHERE "channelId" = ${channelId}::uuid AND direction = 'INBOUND'
          AND "authorAddress" = ${identity.value} AND "authorName" IS NULL`,
    ]);
  }
}
