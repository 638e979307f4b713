import { Injectable } from '@nestjs/common';
import { PrismaService } from '@svara/database';

const reasonOf = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).slice(0, 1000);

/** What admins see of a channel's polling: last poll, last error, backoff. */
@Injectable()
export class ChannelHealthRecorder {
  constructor(private readonly prisma: PrismaService) {}

  async authFailed(channelId: string, error: unknown): Promise<void> {
    await this.prisma.channel.update({
      where: { id: channelId },
      data: { health: 'UNHEALTHY', lastError: reasonOf(error), lastPollAt: new Date() },
    });
  }

  async rateLimited(channelId: string, error: unknown, retryAfterMs: number): Promise<void> {
    await this.prisma.channel.update({
      where: { id: channelId },
      data: {
        health: 'DEGRADED',
        lastError: reasonOf(error),
        lastPollAt: new Date(),
        backoffUntil: new Date(Date.now() + retryAfterMs),
      },
    });
  }

  async failed(channelId: string, error: unknown): Promise<void> {
    await this.prisma.channel.update({
      where: { id: channelId },
      data: { health: 'DEGRADED', lastError: reasonOf(error), lastPollAt: new Date() },
    });
  }
}
