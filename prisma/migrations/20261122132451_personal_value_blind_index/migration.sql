-- AlterTable
ALTER TABLE "PersonalValue" ADD COLUMN     "blindIndex" TEXT;

-- CreateIndex
CREATE INDEX "PersonalValue_companyId_blindIndex_idx" ON "PersonalValue"("companyId", "blindIndex");

