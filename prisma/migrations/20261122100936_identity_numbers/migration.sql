-- AlterTable
ALTER TABLE "threads" ADD COLUMN     "containsIdentityNumber" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "containsIdentityNumber" BOOLEAN NOT NULL DEFAULT false;
