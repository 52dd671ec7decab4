-- CreateTable
CREATE TABLE "case_reminder" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "due_date" DATE NOT NULL,
    "recipient_id" UUID,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_reminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "case_reminder_case_id_kind_due_date_key" ON "case_reminder"("case_id", "kind", "due_date");

-- AddForeignKey
ALTER TABLE "case_reminder" ADD CONSTRAINT "case_reminder_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "request_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

