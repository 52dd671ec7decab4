-- Objects created here belong to portal_owner whoever runs the migration (a superuser too): README, Database roles.
SET ROLE portal_owner;

-- Mail exactly once (issue 10 item 4). A worker marks a row `sending` in a committed statement of
-- its own before it talks SMTP, and `sent` after. Every row carries its Message-ID from the moment
-- it is queued, so the retry of a row a crash left `sending` repeats the same Message-ID.
-- The new enum value is used in the next migration only (PostgreSQL cannot use it before commit).
ALTER TYPE "OutboxStatus" ADD VALUE 'sending';

ALTER TABLE "mail_outbox" ADD COLUMN "claimed_at" TIMESTAMPTZ(3),
ADD COLUMN "message_id" TEXT;

-- Rows queued before this migration get the same form the app writes (row id at a host name).
UPDATE "mail_outbox" SET "message_id" = '<' || "id"::text || '@personvern.localhost>' WHERE "message_id" IS NULL;

ALTER TABLE "mail_outbox" ALTER COLUMN "message_id" SET NOT NULL,
ALTER COLUMN "message_id" SET DEFAULT (('<'::text || (gen_random_uuid())::text) || '@personvern.localhost>'::text);

-- CreateIndex
CREATE UNIQUE INDEX "mail_outbox_message_id_key" ON "mail_outbox"("message_id");
