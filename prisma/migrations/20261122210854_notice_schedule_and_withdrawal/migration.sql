-- AlterTable
ALTER TABLE "Notice" ADD COLUMN     "sendAt" TIMESTAMPTZ(3),
ADD COLUMN     "withdrawnAt" TIMESTAMPTZ(3),
ADD COLUMN     "withdrawnById" UUID;

