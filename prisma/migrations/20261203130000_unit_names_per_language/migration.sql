-- AlterTable
ALTER TABLE "unit" ADD COLUMN "name_en" TEXT,
ADD COLUMN "name_nn" TEXT;
