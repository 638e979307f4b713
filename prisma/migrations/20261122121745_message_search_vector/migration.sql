-- Written by hand: a generated column and a GIN index Prisma's schema cannot express.

-- The inbox search checked the messages of the first threads in inbox order
-- by parsing their text again (to_tsvector) on every search: most of a rare
-- word's search time. The parsed text is now stored with the message, kept
-- up to date by Postgres whenever the text changes (anonymization too), and
-- the GIN index is built on it instead of on the expression.
ALTER TABLE "messages" ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', "text")) STORED;

CREATE INDEX "messages_search_vector_idx" ON "messages" USING GIN ("searchVector");
DROP INDEX "messages_text_search_idx";
