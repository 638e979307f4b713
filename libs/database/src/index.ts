export { DatabaseModule } from './database.module';
export { PrismaService } from './prisma.service';
export { RedisClient } from './redis-client';
export { inTransaction, type Sql } from './sql-transaction';
export { withUniqueName } from './unique-name';
export { ensureDatabase, migrateDatabase, pendingSchemaChanges } from './migrations/migrator';
export * from './generated/prisma/client';
export {
  assignmentsFrom,
  type ColumnTypes,
  columnNames,
  jsonRow,
  recordsetColumns,
} from './json-rows';
