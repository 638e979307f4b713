-- AlterTable
ALTER TABLE "threads" ADD COLUMN     "containsIdentityNumber" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "containsIdentityNumber" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "thread_access_log" (
    "id" BIGSERIAL NOT NULL,
    "userId" UUID NOT NULL,
    "threadId" UUID NOT NULL,
    "openedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "thread_access_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "thread_access_log_threadId_id_idx" ON "thread_access_log"("threadId", "id");

-- CreateIndex
CREATE INDEX "thread_access_log_userId_id_idx" ON "thread_access_log"("userId", "id");

-- AddForeignKey
ALTER TABLE "thread_access_log" ADD CONSTRAINT "thread_access_log_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "thread_access_log" ADD CONSTRAINT "thread_access_log_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "threads"("id") ON DELETE CASCADE ON UPDATE CASCADE;
