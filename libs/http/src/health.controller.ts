import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { withTimeout } from '@svara/common';
import { PrismaService, RedisClient, unappliedMigrations } from '@svara/database';
import { Public } from './public.decorator';

type Status = 'up' | 'down';

const statusOf = (check: Promise<unknown>): Promise<Status> =>
  withTimeout(check, 2000).then(
    () => 'up',
    () => 'down',
  );

/**
 * Liveness (the process answers: restart it if not) apart from readiness (it
 * can serve: send it traffic only then), as orchestrators probe them.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly prisma: PrismaService,
    private readonly redis: RedisClient,
  ) {}

  @Public()
  @Get('live')
  @ApiOperation({ summary: 'Liveness: 200 while the process answers; checks nothing else' })
  live() {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: Postgres, Redis and every migration applied; 503 when one is not',
  })
  ready(@Res({ passthrough: true }) res: Response) {
    return this.readiness(res);
  }

  @Public()
  @Get()
  @ApiOperation({ summary: 'The same as /health/ready' })
  health(@Res({ passthrough: true }) res: Response) {
    return this.readiness(res);
  }

  private async readiness(res: Response) {
    const [postgres, redis, pending] = await Promise.all([
      statusOf(this.prisma.$queryRaw`SELECT 1`),
      statusOf(this.redis.ping()),
      withTimeout(unappliedMigrations(this.prisma.pool), 2000).catch(() => undefined),
    ]);
    const migrations =
      pending === undefined ? 'unknown' : pending.length === 0 ? 'applied' : 'pending';
    const status =
      postgres === 'up' && redis === 'up' && migrations === 'applied' ? 'ok' : 'unavailable';
    res.status(status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status,
      postgres,
      redis,
      migrations,
      ...(pending && pending.length > 0 ? { pendingMigrations: pending } : {}),
    };
  }
}
