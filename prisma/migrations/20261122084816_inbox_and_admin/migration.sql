-- AlterTable
ALTER TABLE "threads" ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "canned_replies" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "teamId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "canned_replies_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "canned_replies_name_key" ON "canned_replies"("name");

-- CreateIndex
CREATE INDEX "canned_replies_teamId_idx" ON "canned_replies"("teamId");

-- CreateIndex
CREATE INDEX "threads_tags_idx" ON "threads" USING GIN ("tags");

-- AddForeignKey
ALTER TABLE "canned_replies" ADD CONSTRAINT "canned_replies_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "canned_replies" ADD CONSTRAINT "canned_replies_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Written by hand: indexes Prisma's schema cannot express.

-- The inbox order, soonest due first (no due time last), then newest activity,
-- then id. COALESCE makes the order one ascending key, so a cursor is a plain
-- index range and a page costs the same however deep it is.
CREATE INDEX "threads_inbox_order_idx" ON "threads"
  ((COALESCE("nextSlaCheckAt", 'infinity'::timestamptz)), "lastMessageAt" DESC, "id" DESC);
CREATE INDEX "threads_team_inbox_order_idx" ON "threads"
  ("teamId", (COALESCE("nextSlaCheckAt", 'infinity'::timestamptz)), "lastMessageAt" DESC, "id" DESC);
CREATE INDEX "threads_status_inbox_order_idx" ON "threads"
  ("status", (COALESCE("nextSlaCheckAt", 'infinity'::timestamptz)), "lastMessageAt" DESC, "id" DESC);
CREATE INDEX "threads_sla_inbox_order_idx" ON "threads"
  ("slaState", (COALESCE("nextSlaCheckAt", 'infinity'::timestamptz)), "lastMessageAt" DESC, "id" DESC);

-- Full-text search. The 'simple' configuration lower-cases and keeps words
-- whole (no stemming), which suits Swedish, Norwegian and Finnish alike;
-- queries match word prefixes, so "sophämtning" finds "sophämtningen".
CREATE INDEX "messages_text_search_idx" ON "messages" USING GIN (to_tsvector('simple', "text"));
CREATE INDEX "threads_subject_search_idx" ON "threads" USING GIN (to_tsvector('simple', COALESCE("subject", '')));
