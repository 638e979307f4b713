-- What ingest and the SLA scan's worker write costs less (bench/RESULTS.md, 2026-12-02).

-- Every change to a thread (a message landing, an SLA moment passing, an
-- agent's edit) writes a new entry into each of the thread's indexes. These
-- served no query: the inbox filters and sorts through the inbox-order
-- indexes, which lead with status, SLA state or team before the due time, and
-- team lookups use the team's inbox-order index.

-- DropIndex
DROP INDEX "threads_status_nextSlaCheckAt_idx";

-- DropIndex
DROP INDEX "threads_slaState_nextSlaCheckAt_idx";

-- DropIndex
DROP INDEX "threads_lastMessageAt_idx";

-- DropIndex
DROP INDEX "threads_teamId_status_idx";

-- The rest are partial, over the threads that have a value to look up by: a
-- thread without a contact, an assignee, an SLA clock, tags or a subject, or
-- one still open, writes nothing into them. Queries that use them name the
-- same condition or one that implies it (contactId = x implies contactId IS
-- NOT NULL).

-- DropIndex
DROP INDEX "threads_contactId_idx";
CREATE INDEX "threads_contactId_idx" ON "threads"("contactId") WHERE "contactId" IS NOT NULL;

-- DropIndex
DROP INDEX "threads_assigneeId_status_idx";
CREATE INDEX "threads_assigneeId_idx" ON "threads"("assigneeId") WHERE "assigneeId" IS NOT NULL;

-- DropIndex
DROP INDEX "threads_slaStartedAt_idx";
CREATE INDEX "threads_slaStartedAt_idx" ON "threads"("slaStartedAt") WHERE "slaStartedAt" IS NOT NULL;

-- Retention takes closed threads by the time they closed.
-- DropIndex
DROP INDEX "threads_status_closedAt_idx";
CREATE INDEX "threads_closedAt_idx" ON "threads"("closedAt") WHERE "status" = 'CLOSED';

-- DropIndex
DROP INDEX "threads_tags_idx";
CREATE INDEX "threads_tags_idx" ON "threads" USING GIN ("tags") WHERE "tags" <> '{}';

DROP INDEX "threads_subject_search_idx";
CREATE INDEX "threads_subject_search_idx" ON "threads" USING GIN (to_tsvector('simple', COALESCE("subject", '')))
  WHERE "subject" IS NOT NULL;

-- Raw inbound items are written once, read whole once and kept for a while,
-- never queried by key: as json (validated text) they are stored several
-- times faster than as jsonb, whose parse into its binary form cost more
-- than anything else ingest writes. And lz4 compresses them several times
-- faster than Postgres's default pglz. The type change rewrites the table
-- and resets the column's compression, so it comes first.

-- AlterTable
ALTER TABLE "inbound_batches" ALTER COLUMN "items" SET DATA TYPE JSON;
ALTER TABLE "inbound_batches" ALTER COLUMN "items" SET COMPRESSION lz4;
