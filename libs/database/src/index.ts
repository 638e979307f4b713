export { DatabaseModule } from './database.module';
export { PrismaService } from './prisma.service';
export { RedisClient } from './redis-client';
export { withUniqueName } from './unique-name';
export { ensureDatabase, migrateDatabase, pendingSchemaChanges } from './migrations/migrator';
export * from './generated/prisma/client';
