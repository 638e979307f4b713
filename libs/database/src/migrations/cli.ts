import { loadConfigOrExit } from '@svara/config';
import { draftMigration, migrateDatabase, pendingSchemaChanges } from './migrator';

// npm run db:migrate           apply pending migrations (creates the database if missing)
// npm run db:check             fail when schema.prisma has changes no migration holds
// npm run db:migration -- NAME write the next migration from schema.prisma

async function main(command: string | undefined, argument: string | undefined): Promise<number> {
  const { databaseUrl } = loadConfigOrExit();
  switch (command) {
    case 'deploy': {
      const applied = await migrateDatabase(databaseUrl);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
      return 0;
    }
    case 'check': {
      const missing = await pendingSchemaChanges(databaseUrl);
      if (!missing) {
        console.log('Migrations match prisma/schema.prisma.');
        return 0;
      }
      console.error(`prisma/schema.prisma has changes no migration holds:\n${missing}`);
      console.error('Write one with: npm run db:migration -- <name>');
      return 1;
    }
    case 'draft': {
      if (!argument) throw new Error('usage: db:migration -- <name>');
      const folder = await draftMigration(databaseUrl, argument);
      console.log(folder ? `Wrote ${folder}/migration.sql` : 'No schema changes to migrate.');
      return 0;
    }
    default:
      console.error('usage: cli (deploy | check | draft <name>)');
      return 64;
  }
}

main(process.argv[2], process.argv[3]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
