-- CreateEnum
CREATE TYPE "DraftKind" AS ENUM ('REPLY', 'NOTE');

-- CreateTable
CREATE TABLE "drafts" (
    "threadId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "DraftKind" NOT NULL,
    "text" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "drafts_pkey" PRIMARY KEY ("threadId","userId","kind")
);

-- CreateIndex
CREATE INDEX "drafts_userId_idx" ON "drafts"("userId");

-- AddForeignKey
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "threads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
