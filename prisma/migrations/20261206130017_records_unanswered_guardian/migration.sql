-- Objects created here belong to portal_owner whoever runs the migration (a superuser too): README, Database roles.
SET ROLE portal_owner;

-- AlterEnum
ALTER TYPE "CaseStatus" ADD VALUE 'not_processed';

-- AlterEnum
ALTER TYPE "OnBehalfOf" ADD VALUE 'guardian';

-- AlterTable
ALTER TABLE "municipality" ADD COLUMN     "unanswered_close_days" INTEGER;

-- AlterTable
ALTER TABLE "case_task" ADD COLUMN     "processing_activity_id" UUID;

-- CreateTable
CREATE TABLE "processing_activity" (
    "id" UUID NOT NULL,
    "municipality_id" TEXT NOT NULL,
    "unit_id" UUID,
    "name" TEXT NOT NULL,
    "purposes" TEXT NOT NULL,
    "legal_basis" TEXT NOT NULL,
    "data_categories" TEXT NOT NULL,
    "recipients" TEXT NOT NULL,
    "storage_period" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "transfers_outside_eea" TEXT,
    "transfer_safeguards" TEXT,
    "automated_decisions" TEXT,
    "retired_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "processing_activity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "processing_activity_unit_id_idx" ON "processing_activity"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "processing_activity_municipality_id_name_key" ON "processing_activity"("municipality_id", "name");

-- CreateIndex
CREATE INDEX "case_task_processing_activity_id_idx" ON "case_task"("processing_activity_id");

-- AddForeignKey
ALTER TABLE "case_task" ADD CONSTRAINT "case_task_processing_activity_id_fkey" FOREIGN KEY ("processing_activity_id") REFERENCES "processing_activity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "processing_activity" ADD CONSTRAINT "processing_activity_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "processing_activity" ADD CONSTRAINT "processing_activity_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- A period shorter than two weeks would not give the requester a fair chance to answer the question.
ALTER TABLE "municipality"
  ADD CONSTRAINT municipality_unanswered_close_days_range CHECK ("unanswered_close_days" IS NULL OR "unanswered_close_days" BETWEEN 14 AND 365);

-- A transfer outside the EU/EEA is told with its safeguards (Art. 15(2)), never without.
ALTER TABLE "processing_activity"
  ADD CONSTRAINT processing_activity_transfer_has_safeguards CHECK (coalesce(btrim("transfers_outside_eea"), '') = '' OR coalesce(btrim("transfer_safeguards"), '') <> '');
