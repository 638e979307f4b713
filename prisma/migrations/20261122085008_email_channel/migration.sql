-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "quotedText" TEXT;
