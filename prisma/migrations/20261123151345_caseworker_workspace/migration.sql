-- CreateEnum
CREATE TYPE "TaskKind" AS ENUM ('search', 'correct', 'erase', 'restrict', 'notify_recipient', 'other');

-- CreateEnum
CREATE TYPE "RightOutcome" AS ENUM ('granted', 'partially_granted', 'refused');

-- AlterTable
ALTER TABLE "letter" ADD COLUMN     "body" TEXT,
ADD COLUMN     "created_by_id" UUID,
ADD COLUMN     "delivery" TEXT NOT NULL DEFAULT 'post';

-- AlterTable
ALTER TABLE "request_case" ADD COLUMN     "complex" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "registered_by_id" UUID,
ADD COLUMN     "restricted_at" TIMESTAMPTZ(3),
ADD COLUMN     "restriction_note" TEXT;

-- CreateTable
CREATE TABLE "case_task" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "kind" "TaskKind" NOT NULL,
    "system" TEXT NOT NULL,
    "recipient" TEXT,
    "assignee_id" UUID,
    "done_at" TIMESTAMPTZ(3),
    "done_by_id" UUID,
    "note" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_decision" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "right" "Right" NOT NULL,
    "outcome" "RightOutcome" NOT NULL,
    "legal_basis_ids" TEXT[],
    "reasons" TEXT NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,
    "decided_by_id" UUID NOT NULL,

    CONSTRAINT "case_decision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "case_task_case_id_idx" ON "case_task"("case_id");

-- CreateIndex
CREATE INDEX "case_task_assignee_id_done_at_idx" ON "case_task"("assignee_id", "done_at");

-- CreateIndex
CREATE UNIQUE INDEX "case_decision_case_id_right_key" ON "case_decision"("case_id", "right");

-- AddForeignKey
ALTER TABLE "case_task" ADD CONSTRAINT "case_task_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "request_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_decision" ADD CONSTRAINT "case_decision_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "request_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: a refusal or partial grant always states its legal basis and reasons (Art. 12(4)).
ALTER TABLE "case_decision"
  ADD CONSTRAINT case_decision_refusal_has_basis CHECK (
    "outcome" = 'granted' OR (cardinality("legal_basis_ids") >= 1 AND length(btrim("reasons")) > 0));

ALTER TABLE "letter"
  ADD CONSTRAINT letter_delivery_known CHECK ("delivery" IN ('post', 'portal'));
