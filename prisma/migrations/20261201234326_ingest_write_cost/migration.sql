-- What ingest writes costs less (see bench/RESULTS.md, 2026-12-01).

-- Every thread write (a message landing, an SLA scan moving a thread on)
-- updates each of the thread's indexes. These three served no query: the
-- inbox filters and sorts through the inbox-order indexes (which lead with
-- status, SLA state or team before the due time), and nothing looks threads
-- up by their last message's time.

-- DropIndex
DROP INDEX "threads_status_nextSlaCheckAt_idx";

-- DropIndex
DROP INDEX "threads_slaState_nextSlaCheckAt_idx";

-- DropIndex
DROP INDEX "threads_lastMessageAt_idx";

-- Raw inbound items are written once, read whole once and kept for a while,
-- never queried by key: as json (validated text) they are stored several
-- times faster than as jsonb, whose parse into its binary form cost more
-- than anything else ingest writes. And lz4 compresses them several times
-- faster than Postgres's default pglz. The type change rewrites the table
-- and resets the column's compression, so it comes first.

-- AlterTable
ALTER TABLE "inbound_batches" ALTER COLUMN "items" SET DATA TYPE JSON;
ALTER TABLE "inbound_batches" ALTER COLUMN "items" SET COMPRESSION lz4;
