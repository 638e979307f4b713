import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { PrismaService, RedisClient } from '@svara/database';
import { Public } from './public.decorator';

type Status = 'up' | 'down';

const withTimeout = async (check: Promise<unknown>, ms = 2000): Promise<Status> => {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check,
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms))),
    ]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
};

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
      withTimeout(this.prisma.$queryRaw`SELECT 1`),
      withTimeout(this.redis.ping()),
    ]);
    const status = postgres === 'up' && redis === 'up' ? 'ok' : 'unavailable';
    res.status(status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status, postgres, redis };
  }
}
