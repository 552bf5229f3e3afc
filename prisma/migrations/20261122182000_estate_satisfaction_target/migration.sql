-- AlterTable
ALTER TABLE "Estate" ADD COLUMN     "satisfactionTarget" DOUBLE PRECISION NOT NULL DEFAULT 4.2;

