-- CreateEnum
CREATE TYPE "ExtensionGround" AS ENUM ('complexity', 'number_of_requests', 'both');

-- CreateEnum
CREATE TYPE "DpoComplaintStatus" AS ENUM ('open', 'answered');

-- AlterTable
ALTER TABLE "request_case" ADD COLUMN     "anonymised_at" TIMESTAMPTZ(3),
ADD COLUMN     "extension_ground" "ExtensionGround",
ADD COLUMN     "legal_hold" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "legal_hold_reason" TEXT;

-- AlterTable
ALTER TABLE "attachment" ADD COLUMN     "deleted_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "dpo_complaint" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "status" "DpoComplaintStatus" NOT NULL DEFAULT 'open',
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "due_date" DATE NOT NULL,
    "answer" TEXT,
    "answered_at" TIMESTAMPTZ(3),
    "answered_by_id" UUID,

    CONSTRAINT "dpo_complaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_digest" (
    "user_id" UUID NOT NULL,
    "digest_date" DATE NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_digest_pkey" PRIMARY KEY ("user_id","digest_date")
);

-- CreateTable
CREATE TABLE "retention_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" TEXT NOT NULL,
    "case_id" UUID,
    "reference" TEXT,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "retention_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "dpo_complaint_status_due_date_idx" ON "dpo_complaint"("status", "due_date");

-- CreateIndex
CREATE INDEX "dpo_complaint_case_id_idx" ON "dpo_complaint"("case_id");

-- CreateIndex
CREATE INDEX "retention_log_at_idx" ON "retention_log"("at");

-- AddForeignKey
ALTER TABLE "dpo_complaint" ADD CONSTRAINT "dpo_complaint_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "request_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

