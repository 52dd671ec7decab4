-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Right" AS ENUM ('access', 'rectification', 'erasure', 'restriction', 'objection', 'portability');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('received', 'in_progress', 'awaiting_requester', 'completed', 'partially_completed', 'refused', 'withdrawn');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('web', 'email', 'letter', 'phone', 'counter');

-- CreateEnum
CREATE TYPE "IdentityLevel" AS ENUM ('none', 'email_code', 'idporten_substantial', 'idporten_high', 'verified_in_person');

-- CreateEnum
CREATE TYPE "AnswerChannel" AS ENUM ('digital', 'paper');

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('caseworker', 'unit_lead', 'dpo', 'admin');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('citizen', 'staff', 'system');

-- CreateEnum
CREATE TYPE "MessageKind" AS ENUM ('to_requester', 'from_requester', 'internal_note');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('pending', 'sent', 'failed');

-- CreateTable
CREATE TABLE "municipality" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "org_number" TEXT,
    "postmottak_email" TEXT,
    "phone" TEXT,
    "visiting_address" TEXT,
    "postal_address" TEXT NOT NULL,
    "dpo_name" TEXT,
    "dpo_email" TEXT,
    "dpo_phone" TEXT,
    "dpo_postal_address" TEXT,
    "retention_years" INTEGER NOT NULL DEFAULT 3,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "municipality_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit" (
    "id" UUID NOT NULL,
    "municipality_id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "systems" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_user" (
    "id" UUID NOT NULL,
    "name" TEXT,
    "email" TEXT NOT NULL,
    "email_verified" TIMESTAMPTZ(3),
    "image" TEXT,
    "roles" "StaffRole"[] DEFAULT ARRAY[]::"StaffRole"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "municipality_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit_member" (
    "user_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,

    CONSTRAINT "unit_member_pkey" PRIMARY KEY ("user_id","unit_id")
);

-- CreateTable
CREATE TABLE "auth_account" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_account_id" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,

    CONSTRAINT "auth_account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth_session" (
    "id" UUID NOT NULL,
    "session_token" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "expires" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "auth_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth_verification_token" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMPTZ(3) NOT NULL
);

-- CreateTable
CREATE TABLE "requester" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "postal_address" TEXT,
    "national_id_encrypted" TEXT,
    "identity_level" "IdentityLevel" NOT NULL DEFAULT 'none',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "requester_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_reference_counter" (
    "year" INTEGER NOT NULL,
    "last_value" INTEGER NOT NULL,

    CONSTRAINT "case_reference_counter_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "request_case" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "reference_year" INTEGER NOT NULL,
    "reference_seq" INTEGER NOT NULL,
    "municipality_id" TEXT NOT NULL,
    "unit_id" UUID,
    "assignee_id" UUID,
    "requester_id" UUID NOT NULL,
    "rights" "Right"[],
    "channel" "Channel" NOT NULL,
    "answer_channel" "AnswerChannel" NOT NULL DEFAULT 'digital',
    "locale" TEXT NOT NULL DEFAULT 'nb',
    "status" "CaseStatus" NOT NULL DEFAULT 'received',
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "one_month_due_date" DATE NOT NULL,
    "due_date" DATE NOT NULL,
    "extended" BOOLEAN NOT NULL DEFAULT false,
    "extension_reason" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "details" JSONB NOT NULL DEFAULT '{}',
    "submission_key" TEXT,
    "receipt_token" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "closed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "request_case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_pause" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "case_pause_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_event" (
    "id" BIGSERIAL NOT NULL,
    "case_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_type" "ActorType" NOT NULL,
    "actor_id" TEXT,
    "type" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "case_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "message" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "kind" "MessageKind" NOT NULL,
    "author_id" TEXT,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attachment" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "uploaded_by" "ActorType" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),

    CONSTRAINT "attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mail_outbox" (
    "id" UUID NOT NULL,
    "to_address" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "case_id" UUID,
    "status" "OutboxStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "mail_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "demo_mail" (
    "id" UUID NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "from_addr" TEXT NOT NULL,
    "to_addrs" TEXT[],
    "subject" TEXT NOT NULL,
    "text_body" TEXT NOT NULL,
    "html_body" TEXT,

    CONSTRAINT "demo_mail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "unit_municipality_id_slug_key" ON "unit"("municipality_id", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "staff_user_email_key" ON "staff_user"("email");

-- CreateIndex
CREATE INDEX "unit_member_unit_id_idx" ON "unit_member"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "auth_account_provider_provider_account_id_key" ON "auth_account"("provider", "provider_account_id");

-- CreateIndex
CREATE UNIQUE INDEX "auth_session_session_token_key" ON "auth_session"("session_token");

-- CreateIndex
CREATE INDEX "auth_session_user_id_idx" ON "auth_session"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "auth_verification_token_identifier_token_key" ON "auth_verification_token"("identifier", "token");

-- CreateIndex
CREATE INDEX "requester_email_idx" ON "requester"("email");

-- CreateIndex
CREATE UNIQUE INDEX "request_case_reference_key" ON "request_case"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "request_case_submission_key_key" ON "request_case"("submission_key");

-- CreateIndex
CREATE UNIQUE INDEX "request_case_receipt_token_key" ON "request_case"("receipt_token");

-- CreateIndex
CREATE INDEX "request_case_status_due_date_id_idx" ON "request_case"("status", "due_date", "id");

-- CreateIndex
CREATE INDEX "request_case_unit_id_status_due_date_id_idx" ON "request_case"("unit_id", "status", "due_date", "id");

-- CreateIndex
CREATE INDEX "request_case_assignee_id_status_due_date_id_idx" ON "request_case"("assignee_id", "status", "due_date", "id");

-- CreateIndex
CREATE INDEX "request_case_requester_id_idx" ON "request_case"("requester_id");

-- CreateIndex
CREATE UNIQUE INDEX "request_case_reference_year_reference_seq_key" ON "request_case"("reference_year", "reference_seq");

-- CreateIndex
CREATE INDEX "case_pause_case_id_idx" ON "case_pause"("case_id");

-- CreateIndex
CREATE INDEX "case_event_case_id_at_idx" ON "case_event"("case_id", "at");

-- CreateIndex
CREATE INDEX "message_case_id_created_at_idx" ON "message"("case_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "attachment_storage_key_key" ON "attachment"("storage_key");

-- CreateIndex
CREATE INDEX "attachment_case_id_idx" ON "attachment"("case_id");

-- CreateIndex
CREATE INDEX "mail_outbox_status_next_attempt_at_idx" ON "mail_outbox"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "demo_mail_received_at_idx" ON "demo_mail"("received_at");

-- AddForeignKey
ALTER TABLE "unit" ADD CONSTRAINT "unit_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_user" ADD CONSTRAINT "staff_user_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_member" ADD CONSTRAINT "unit_member_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_member" ADD CONSTRAINT "unit_member_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auth_account" ADD CONSTRAINT "auth_account_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auth_session" ADD CONSTRAINT "auth_session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_case" ADD CONSTRAINT "request_case_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_case" ADD CONSTRAINT "request_case_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_case" ADD CONSTRAINT "request_case_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_case" ADD CONSTRAINT "request_case_requester_id_fkey" FOREIGN KEY ("requester_id") REFERENCES "requester"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_pause" ADD CONSTRAINT "case_pause_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "request_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "request_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message" ADD CONSTRAINT "message_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "request_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "request_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------
-- Hand-written: what the Prisma schema cannot say.
-- ---------------------------------------------------------------------------

-- The audit trail is append-only (GDPR Art. 5(2) accountability): the database itself refuses
-- UPDATE and DELETE, whoever asks.
-- The body is an E-string with \073 for a semicolon because Prisma's WebAssembly migration engine splits
-- the script on semicolons and does not understand dollar quoting.
CREATE FUNCTION case_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''case_event is append-only: % is not allowed'', TG_OP USING ERRCODE = ''insufficient_privilege''\073 END';

CREATE TRIGGER case_event_no_update_or_delete
  BEFORE UPDATE OR DELETE ON "case_event"
  FOR EACH ROW EXECUTE FUNCTION case_event_is_append_only();

-- A case always carries at least one right, and its due date is never before receipt.
ALTER TABLE "request_case"
  ADD CONSTRAINT request_case_has_rights CHECK (cardinality("rights") >= 1),
  ADD CONSTRAINT request_case_due_after_receipt CHECK ("due_date" >= ("received_at" AT TIME ZONE 'Europe/Oslo')::date),
  ADD CONSTRAINT request_case_reference_format CHECK ("reference" ~ '^PV-[0-9]{4}-[0-9]{6,}$'),
  ADD CONSTRAINT request_case_extension_has_reason CHECK (NOT "extended" OR "extension_reason" IS NOT NULL);

ALTER TABLE "mail_outbox"
  ADD CONSTRAINT mail_outbox_attempts_non_negative CHECK ("attempts" >= 0);

-- The outbox worker only ever looks at pending rows.
CREATE INDEX mail_outbox_pending_idx ON "mail_outbox" ("next_attempt_at") WHERE "status" = 'pending';

-- Open cases only: the queue's hot path.
CREATE INDEX request_case_open_due_idx ON "request_case" ("due_date", "id")
  WHERE "status" IN ('received', 'in_progress', 'awaiting_requester');
