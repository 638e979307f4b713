export { DatabaseModule } from './database.module';
export { PrismaService } from './prisma.service';
export { RedisClient } from './redis-client';
export { inTransaction, type Sql } from './sql-transaction';
export { withUniqueName } from './unique-name';
export {
  isMissingReference,
  isRecordNotFound,
  isUniqueViolation,
  missingReferenceField,
} from './prisma-errors';
export { ensureDatabase, migrateDatabase, pendingSchemaChanges } from './migrations/migrator';
export { unappliedMigrations } from './migrations/unapplied-migrations';
export * from './generated/prisma/client';
export {
  assignmentsFrom,
  type ColumnTypes,
  columnNames,
  jsonRow,
  recordsetColumns,
} from './json-rows';
