-- AlterTable
ALTER TABLE "Instance" ADD COLUMN     "slaClocks" JSONB;

