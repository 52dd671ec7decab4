-- AlterTable
ALTER TABLE "unit" ADD COLUMN     "special_category" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "requester" ADD COLUMN     "national_id_hash" TEXT;

-- AlterTable
ALTER TABLE "request_case" ADD COLUMN     "special_category" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "requester_national_id_hash_idx" ON "requester"("national_id_hash");


-- Units that process health data are special-category units (Art. 9). The slugs are the shipped
-- profiles' health units, which the application used to hard-code.
UPDATE "unit" SET "special_category" = true WHERE "slug" IN ('helse-omsorg', 'helse-velferd');

-- Existing cases: special category when their unit is, or when the form said so.
UPDATE "request_case" c SET "special_category" = true
  FROM "unit" u
  WHERE c."unit_id" = u."id" AND u."special_category" = true;
UPDATE "request_case" SET "special_category" = true WHERE ("details" ->> 'specialCategory') = 'true';

-- The audit table is append-only: row triggers refuse UPDATE and DELETE, but TRUNCATE fires no
-- row trigger. A statement trigger refuses it too.
-- (E-string with \073 for semicolons: see the init migration.)
CREATE FUNCTION case_event_refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''case_event is append-only: TRUNCATE is not allowed'' USING ERRCODE = ''insufficient_privilege''\073 END';

CREATE TRIGGER case_event_no_truncate
  BEFORE TRUNCATE ON "case_event"
  FOR EACH STATEMENT EXECUTE FUNCTION case_event_refuse_truncate();
