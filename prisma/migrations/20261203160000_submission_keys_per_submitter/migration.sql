-- Objects created here belong to portal_owner whoever runs the migration (a superuser too): README, Database roles.
SET ROLE portal_owner;

-- DropIndex
DROP INDEX "request_case_submission_key_key";

-- AlterTable
ALTER TABLE "request_case" ADD COLUMN "submission_hash" TEXT,
ADD COLUMN "submission_scope" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "request_case_submission_scope_submission_key_key" ON "request_case"("submission_scope", "submission_key");

-- Hand-written: keys saved before they had a submitter form a scope of their own, in lower case.
UPDATE "request_case" SET "submission_scope" = 'legacy', "submission_key" = lower("submission_key") WHERE "submission_key" IS NOT NULL;

-- Hand-written: a key always comes with its submitter, and is never the nil uuid.
ALTER TABLE "request_case"
  ADD CONSTRAINT request_case_submission_key_scoped CHECK (("submission_key" IS NULL) = ("submission_scope" IS NULL));
ALTER TABLE "request_case"
  ADD CONSTRAINT request_case_submission_key_not_nil CHECK ("submission_key" IS NULL OR "submission_key" <> '00000000-0000-0000-0000-000000000000');
