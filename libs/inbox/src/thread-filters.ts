import { Prisma, type PrismaService, type SlaState } from '@svara/database';
import type { AuthenticatedUser } from '@svara/http';
import type { TextSearch } from './search-query';
import type { SlaFilter, ThreadFilter } from './dto/thread-filter';

const SLA_STATES: Record<SlaFilter, SlaState> = {
  ok: 'OK',
  warning: 'WARNING',
  breached: 'BREACHED',
};

/**
 * The filters as SQL conditions over `threads t`; `q` aside, since the inbox
 * orders its search itself. `teamId: "mine"` is the caller's teams.
 */
export function threadFilterSql(
  filter: ThreadFilter,
  caller: Pick<AuthenticatedUser, 'teamIds'>,
): Prisma.Sql[] {
  const sql: Prisma.Sql[] = [];
  if (filter.status) sql.push(Prisma.sql`t.status = ${filter.status}::"ThreadStatus"`);
  if (filter.channelId) sql.push(Prisma.sql`t."channelId" = ${filter.channelId}::uuid`);
  if (filter.channelType) {
    // An array, not IN (subquery): the planner then walks an inbox-order index
    // and filters, instead of joining every thread of the channels and sorting.
    sql.push(Prisma.sql`t."channelId" = ANY(ARRAY(
      SELECT c.id FROM channels c WHERE c.type = ${filter.channelType}::"ChannelType"))`);
  }
  if (filter.teamId === 'mine') sql.push(Prisma.sql`t."teamId" = ANY(${caller.teamIds}::uuid[])`);
  else if (filter.teamId) sql.push(Prisma.sql`t."teamId" = ${filter.teamId}::uuid`);
  if (filter.assigneeId === 'none') sql.push(Prisma.sql`t."assigneeId" IS NULL`);
  else if (filter.assigneeId) sql.push(Prisma.sql`t."assigneeId" = ${filter.assigneeId}::uuid`);
  if (filter.sla) sql.push(Prisma.sql`t."slaState" = ${SLA_STATES[filter.sla]}::"SlaState"`);
  // tags <> '{}' is implied, and lets the planner use threads_tags_idx (partial).
  if (filter.tag) sql.push(Prisma.sql`t.tags @> ARRAY[${filter.tag}]::text[] AND t.tags <> '{}'`);
  return sql;
}

/**
 * Threads whose subject or some message matches a search, through the GIN
 * indexes messages_search_vector_idx and threads_subject_search_idx. The
 * messages index is asked for the search's lookup word only; IS TRUE keeps
 * the whole query out of the index scan, so it is checked on what that word
 * found.
 */
export function textMatchSql(search: TextSearch): Prisma.Sql {
  const query = Prisma.sql`to_tsquery('simple', ${search.query})`;
  return Prisma.sql`t.id IN (
    SELECT m."threadId" FROM messages m
    WHERE m."searchVector" @@ to_tsquery('simple', ${search.lookup})
      AND (m."searchVector" @@ ${query}) IS TRUE
    UNION
    SELECT s.id FROM threads s
    WHERE s.subject IS NOT NULL AND to_tsvector('simple', COALESCE(s.subject, '')) @@ ${query})`;
}

/**
 * Runs a text-search query with parallel workers and JIT compilation off.
 * Postgres cannot estimate how many texts a prefix matches and guesses tens
 * of thousands, so it would start workers and compile the query (tens of
 * milliseconds each on a small machine) for the few rows a rare word finds.
 */
export async function inSearchPlan<T>(
  prisma: PrismaService,
  query: Prisma.PrismaPromise<T>,
): Promise<T> {
  const [, result] = await prisma.$transaction([
    prisma.$queryRaw`SELECT set_config('max_parallel_workers_per_gather', '0', true),
      set_config('jit', 'off', true)`,
    query,
  ]);
  return result;
}
