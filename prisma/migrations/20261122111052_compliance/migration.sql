-- CreateEnum
CREATE TYPE "RetentionAction" AS ENUM ('DELETE', 'ANONYMIZE', 'ARCHIVE_THEN_DELETE');

-- CreateEnum
CREATE TYPE "RetentionRunStatus" AS ENUM ('RUNNING', 'DONE', 'FAILED');

-- CreateEnum
CREATE TYPE "RecordExportStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- CreateEnum
CREATE TYPE "RecordExportPurpose" AS ENUM ('REGISTRATION', 'ARCHIVE');

-- AlterTable
ALTER TABLE "threads" ADD COLUMN     "anonymizedAt" TIMESTAMPTZ(3),
ADD COLUMN     "lastRecordExportId" UUID,
ADD COLUMN     "recordExportedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "hiddenAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "retention_policies" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "channelTypes" "ChannelType"[] DEFAULT ARRAY[]::"ChannelType"[],
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "action" "RetentionAction" NOT NULL,
    "afterDays" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "retention_policies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "retention_runs" (
    "id" UUID NOT NULL,
    "policyId" UUID,
    "policyName" TEXT NOT NULL,
    "action" "RetentionAction" NOT NULL,
    "closedBefore" TIMESTAMPTZ(3) NOT NULL,
    "status" "RetentionRunStatus" NOT NULL DEFAULT 'RUNNING',
    "startedById" UUID,
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "retention_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "record_exports" (
    "id" UUID NOT NULL,
    "purpose" "RecordExportPurpose" NOT NULL,
    "status" "RecordExportStatus" NOT NULL DEFAULT 'QUEUED',
    "requestedById" UUID,
    "retentionRunId" UUID,
    "selection" JSONB NOT NULL,
    "threadCount" INTEGER NOT NULL DEFAULT 0,
    "threadsDone" INTEGER NOT NULL DEFAULT 0,
    "package" BYTEA,
    "sha256" TEXT,
    "byteSize" INTEGER,
    "error" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "record_exports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "retention_policies_name_key" ON "retention_policies"("name");

-- CreateIndex
CREATE INDEX "retention_runs_policyId_startedAt_idx" ON "retention_runs"("policyId", "startedAt");

-- CreateIndex
CREATE INDEX "record_exports_createdAt_idx" ON "record_exports"("createdAt");

-- CreateIndex
CREATE INDEX "threads_status_closedAt_idx" ON "threads"("status", "closedAt");

-- AddForeignKey
ALTER TABLE "threads" ADD CONSTRAINT "threads_lastRecordExportId_fkey" FOREIGN KEY ("lastRecordExportId") REFERENCES "record_exports"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "retention_runs" ADD CONSTRAINT "retention_runs_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "retention_policies"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "retention_runs" ADD CONSTRAINT "retention_runs_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_exports" ADD CONSTRAINT "record_exports_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_exports" ADD CONSTRAINT "record_exports_retentionRunId_fkey" FOREIGN KEY ("retentionRunId") REFERENCES "retention_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;
