-- CreateTable
CREATE TABLE "ReferenceCounter" (
    "companyId" UUID NOT NULL,
    "prefix" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "ReferenceCounter_pkey" PRIMARY KEY ("companyId","prefix","day")
);

