-- AlterTable
ALTER TABLE "message_attachments" ADD COLUMN     "sentExternalId" TEXT;

-- CreateIndex
CREATE INDEX "message_attachments_sentExternalId_idx" ON "message_attachments"("sentExternalId");
