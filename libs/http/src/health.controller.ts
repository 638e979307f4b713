import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { withTimeout } from '@svara/common';
import { PrismaService, RedisClient } from '@svara/database';
import { Public } from './public.decorator';

type Status = 'up' | 'down';

const statusOf = (check: Promise<unknown>): Promise<Status> =>
  withTimeout(check, 2000).then(
    () => 'up',
    () => 'down',
  );

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly prisma: PrismaService,
    private readonly redis: RedisClient,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Status of Postgres and Redis; 503 when either is down' })
  async health(@Res({ passthrough: true }) res: Response) {
    const [postgres, redis] = await Promise.all([
      statusOf(this.prisma.$queryRaw`SELECT 1`),
      statusOf(this.redis.ping()),
    ]);
    const status = postgres === 'up' && redis === 'up' ? 'ok' : 'unavailable';
    res.status(status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status, postgres, redis };
  }
}
