-- AlterTable
ALTER TABLE "threads" ADD COLUMN     "postPermalink" TEXT,
ADD COLUMN     "postText" TEXT;
