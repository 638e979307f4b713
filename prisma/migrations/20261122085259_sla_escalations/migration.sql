-- CreateEnum
CREATE TYPE "EveRule" AS ENUM ('CLOSED', 'HALF_DAY', 'OPEN');

-- CreateEnum
CREATE TYPE "EscalationStatus" AS ENUM ('PENDING', 'SENT', 'FAILED', 'SKIPPED');

-- AlterTable
ALTER TABLE "teams" ADD COLUMN     "slaPolicyId" UUID;

-- AlterTable
ALTER TABLE "business_calendars" ADD COLUMN     "eveDays" "EveRule" NOT NULL DEFAULT 'CLOSED',
ADD COLUMN     "halfDayClose" TEXT NOT NULL DEFAULT '12:00',
ADD COLUMN     "halfDays" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "openDates" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "sla_policies" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'sv';

-- AlterTable
ALTER TABLE "threads" ADD COLUMN     "firstResponseMet" BOOLEAN,
ADD COLUMN     "firstResponseMins" INTEGER,
ADD COLUMN     "nextEscalationAt" TIMESTAMPTZ(3),
ADD COLUMN     "slaClocks" JSONB,
ADD COLUMN     "slaDeadlines" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "slaStartedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "escalations" (
    "id" UUID NOT NULL,
    "threadId" UUID NOT NULL,
    "target" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "stepAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "EscalationStatus" NOT NULL DEFAULT 'PENDING',
    "recipients" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "smtpMessageId" TEXT,
    "smtpResponse" TEXT,
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "escalations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "escalations_status_createdAt_idx" ON "escalations"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "escalations_threadId_target_level_dueAt_key" ON "escalations"("threadId", "target", "level", "dueAt");

-- CreateIndex
CREATE INDEX "threads_slaState_nextSlaCheckAt_idx" ON "threads"("slaState", "nextSlaCheckAt");

-- CreateIndex
CREATE INDEX "threads_slaStartedAt_idx" ON "threads"("slaStartedAt");

-- AddForeignKey
ALTER TABLE "teams" ADD CONSTRAINT "teams_slaPolicyId_fkey" FOREIGN KEY ("slaPolicyId") REFERENCES "sla_policies"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "threads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The SLA scan's range query: only threads the scheduler must look at again.
CREATE INDEX "threads_nextEscalationAt_scan_idx" ON "threads"("nextEscalationAt", "id")
  WHERE "nextEscalationAt" IS NOT NULL;
