-- Objects created here belong to portal_owner whoever runs the migration (a superuser too): README, Database roles.
SET ROLE portal_owner;

-- AlterTable
ALTER TABLE "request_case" ADD COLUMN     "ordered_due_date" DATE,
ADD COLUMN     "reopen_ground" TEXT,
ADD COLUMN     "reopen_reason" TEXT,
ADD COLUMN     "reopened_at" TIMESTAMPTZ(3);

-- A reopened case says why, and only a reopened case carries an ordered date.
ALTER TABLE "request_case"
  ADD CONSTRAINT request_case_reopen_ground_known CHECK ("reopen_ground" IS NULL OR "reopen_ground" IN ('complaint', 'authority_order', 'incomplete_answer', 'other')),
  ADD CONSTRAINT request_case_reopen_complete CHECK (("reopened_at" IS NULL) = ("reopen_ground" IS NULL) AND ("reopened_at" IS NULL) = ("reopen_reason" IS NULL)),
  ADD CONSTRAINT request_case_ordered_due_date_needs_reopen CHECK ("ordered_due_date" IS NULL OR "reopened_at" IS NOT NULL);

-- The dashboard counts the cases reopened in its period: few rows, so a small partial index.
CREATE INDEX request_case_reopened_idx ON "request_case" ("reopened_at") WHERE "reopened_at" IS NOT NULL;
