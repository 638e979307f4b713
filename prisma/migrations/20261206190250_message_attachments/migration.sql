-- CreateEnum
CREATE TYPE "AttachmentState" AS ENUM ('STORED', 'PENDING', 'LEFT_OUT');

-- CreateTable
CREATE TABLE "message_attachments" (
    "id" UUID NOT NULL,
    "messageId" UUID NOT NULL,
    "n" INTEGER NOT NULL,
    "filename" TEXT NOT NULL,
    "claimedType" TEXT NOT NULL,
    "sniffedType" TEXT,
    "size" INTEGER NOT NULL,
    "sha256" TEXT,
    "thumbnailSha256" TEXT,
    "state" "AttachmentState" NOT NULL,
    "leftOutReason" TEXT,
    "sourceUrl" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "message_attachments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "message_attachments_sha256_idx" ON "message_attachments"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "message_attachments_messageId_n_key" ON "message_attachments"("messageId", "n");

-- AddForeignKey
ALTER TABLE "message_attachments" ADD CONSTRAINT "message_attachments_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Downloads still to do, as the recovery sweep looks for them.
CREATE INDEX "message_attachments_pending_idx" ON "message_attachments"("updatedAt") WHERE "state" = 'PENDING';

-- Whether a thumbnail's bytes are still referenced, before they are removed.
CREATE INDEX "message_attachments_thumbnailSha256_idx" ON "message_attachments"("thumbnailSha256") WHERE "thumbnailSha256" IS NOT NULL;
