-- AlterTable
ALTER TABLE "contact_identities" ADD COLUMN     "profileFailedAt" TIMESTAMPTZ(3),
ADD COLUMN     "profileReadAt" TIMESTAMPTZ(3),
ADD COLUMN     "username" TEXT;

-- AlterTable
ALTER TABLE "threads" ADD COLUMN     "postExternalId" TEXT;

-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "editedAt" TIMESTAMPTZ(3),
ADD COLUMN     "removedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "message_edits" (
    "id" UUID NOT NULL,
    "messageId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL,
    "replacedAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "message_edits_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "message_edits_messageId_replacedAt_idx" ON "message_edits"("messageId", "replacedAt");

-- AddForeignKey
ALTER TABLE "message_edits" ADD CONSTRAINT "message_edits_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;
