import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { AppConfig } from '@svara/config';
import { PrismaClient } from './generated/prisma/client';

@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  /**
   * Prisma's own connection pool, for the few bulk statements that pass whole
   * batches as one JSON parameter (see sql-transaction.ts): Prisma serializes
   * and parses every raw-query parameter again before sending it.
   */
  readonly pool: Pool;

  constructor(config: AppConfig) {
    const pool = new Pool({ connectionString: config.databaseUrl });
    super({ adapter: new PrismaPg(pool) });
    this.pool = pool;
  }

  // Last of all, after workers have finished their jobs (beforeApplicationShutdown).
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
    await this.pool.end();
  }
}
