import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { AppConfig } from '@svara/config';
import { PrismaClient } from './generated/prisma/client';

@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  private readonly logger = new Logger(PrismaService.name);

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
    // An idle connection that breaks (a Postgres restart) is dropped and replaced.
    pool.on('error', (error) =>
      this.logger.warn({ err: error.message }, 'idle database connection lost'),
    );
  }

  // Last of all, after workers have finished their jobs (beforeApplicationShutdown).
  // The pool outlives $disconnect (Prisma would reconnect through it), so it
  // is ended here.
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
    await this.pool.end();
  }
}
