-- CreateEnum
CREATE TYPE "PersonalDataKind" AS ENUM ('phone', 'idNumber');

-- CreateTable
CREATE TABLE "PersonalValue" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "instanceId" UUID NOT NULL,
    "kind" "PersonalDataKind" NOT NULL,
    "cipher" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PersonalValue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PersonalValue_instanceId_idx" ON "PersonalValue"("instanceId");

-- AddForeignKey
ALTER TABLE "PersonalValue" ADD CONSTRAINT "PersonalValue_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "Instance"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Under the tenant wall like every table with a company (tenant_row_level_security): forced RLS,
-- the `tenant_isolation` policy, and the owner's `owner_maintenance` policy for key rotation.
SELECT estateflow_protect_tenant_table('PersonalValue');
