-- CreateTable
CREATE TABLE "Notice" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "estateId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "audience" JSONB NOT NULL DEFAULT '{}',
    "channels" TEXT[],
    "recipientCount" INTEGER NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notice_companyId_estateId_createdAt_idx" ON "Notice"("companyId", "estateId", "createdAt");


-- Under the tenant wall like every table with a company (tenant_row_level_security).
SELECT estateflow_protect_tenant_table('Notice');
