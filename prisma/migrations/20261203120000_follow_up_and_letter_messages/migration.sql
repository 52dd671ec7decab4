-- AlterTable
ALTER TABLE "request_case" ADD COLUMN "follow_up_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "letter" ADD COLUMN "message_id" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "letter_message_id_key" ON "letter"("message_id");

-- AddForeignKey
ALTER TABLE "letter" ADD CONSTRAINT "letter_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "message"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: the queue's follow-up view reads only the cases that wait for a follow-up.
CREATE INDEX request_case_follow_up_idx ON "request_case" ("follow_up_at", "id") WHERE "follow_up_at" IS NOT NULL;

-- Hand-written: portal letters sent before this migration point at their message through the letter.sent event.
UPDATE "letter" l SET "message_id" = (e."after"->>'messageId')::uuid
  FROM "case_event" e
  WHERE e."type" = 'letter.sent' AND e."after" ? 'messageId' AND (e."after"->>'letterId')::uuid = l."id" AND l."message_id" IS NULL;
