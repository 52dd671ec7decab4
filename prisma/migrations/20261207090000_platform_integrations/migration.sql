-- Objects created here belong to portal_owner whoever runs the migration (a superuser too): README, Database roles.
SET ROLE portal_owner;

-- One durable outbox for every call to the municipal platform (Fiks Arkiv over Fiks IO, SvarUt,
-- KRR): a row is written in the transaction of the change that causes it and delivered by workers
-- (lib/platform/integration-worker.ts) with FOR UPDATE SKIP LOCKED, retries and backoff. The
-- idempotency key travels to the receiver (referanseEksternNoekkel, eksternReferanse), so a retry
-- never journals or sends twice. Rows hold ids, never personal data: the message is built from the
-- case when it is delivered.
CREATE TABLE "integration_message" (
  "id" UUID NOT NULL,
  "municipality_id" TEXT NOT NULL,
  "case_id" UUID NOT NULL,
  "letter_id" UUID,
  "kind" TEXT NOT NULL,
  "idempotency_key" TEXT NOT NULL,
  "depends_on_id" UUID,
  "status" TEXT NOT NULL DEFAULT 'pending',
  "attempts" INTEGER NOT NULL DEFAULT 0,
  "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "claimed_at" TIMESTAMPTZ(3),
  "last_error" TEXT,
  "refusal" TEXT,
  "transport_message_id" TEXT,
  "external_id" TEXT,
  "delivery_status" TEXT,
  "delivery_status_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "sent_at" TIMESTAMPTZ(3),
  "delivered_at" TIMESTAMPTZ(3),
  CONSTRAINT "integration_message_pkey" PRIMARY KEY ("id"),
  CONSTRAINT integration_message_kind_known CHECK ("kind" IN ('archive_case_folder', 'archive_letter', 'archive_close', 'svarut_letter', 'krr_lookup')),
  CONSTRAINT integration_message_status_known CHECK ("status" IN ('pending', 'sending', 'awaiting_reply', 'delivered', 'refused', 'failed'))
);
CREATE UNIQUE INDEX "integration_message_idempotency_key_key" ON "integration_message"("idempotency_key");
CREATE INDEX "integration_message_status_next_attempt_at_idx" ON "integration_message"("status", "next_attempt_at");
CREATE INDEX "integration_message_case_id_idx" ON "integration_message"("case_id");
CREATE INDEX "integration_message_transport_message_id_idx" ON "integration_message"("transport_message_id");
ALTER TABLE "integration_message" ADD CONSTRAINT "integration_message_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "integration_message" ADD CONSTRAINT "integration_message_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "request_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "integration_message" ADD CONSTRAINT "integration_message_letter_id_fkey" FOREIGN KEY ("letter_id") REFERENCES "letter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "integration_message" ADD CONSTRAINT "integration_message_depends_on_id_fkey" FOREIGN KEY ("depends_on_id") REFERENCES "integration_message"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The archive's numbers for the case folder (from its receipt), or the reference staff typed in a
-- municipality without the integration (audited as a case event). Retention waits for one of them.
-- KRR: only the decision the letters need, never the register's answer itself.
ALTER TABLE "request_case" ADD COLUMN "archive_case_number" TEXT,
  ADD COLUMN "archive_folder_system_id" TEXT,
  ADD COLUMN "archive_closed_at" TIMESTAMPTZ(3),
  ADD COLUMN "archive_reference_manual" TEXT,
  ADD COLUMN "krr_channel" TEXT,
  ADD COLUMN "krr_reason" TEXT,
  ADD COLUMN "krr_language" TEXT,
  ADD COLUMN "krr_checked_at" TIMESTAMPTZ(3);

-- Letters may go through SvarUt (digital mailbox, or printed and posted by SvarUt).
ALTER TABLE "letter" DROP CONSTRAINT letter_delivery_known;
ALTER TABLE "letter" ADD CONSTRAINT letter_delivery_known CHECK ("delivery" IN ('post', 'portal', 'svarut'));
