-- CreateEnum
CREATE TYPE "CitizenAuthMethod" AS ENUM ('idporten', 'email_code');

-- CreateEnum
CREATE TYPE "OnBehalfOf" AS ENUM ('self', 'child', 'power_of_attorney');

-- CreateEnum
CREATE TYPE "AttachmentPurpose" AS ENUM ('from_requester', 'answer', 'internal');

-- CreateEnum
CREATE TYPE "LetterStatus" AS ENUM ('queued', 'printed', 'cancelled');

-- AlterTable
ALTER TABLE "requester" ADD COLUMN     "identity_id" UUID;

-- AlterTable
ALTER TABLE "request_case" ADD COLUMN     "on_behalf_of" "OnBehalfOf" NOT NULL DEFAULT 'self',
ADD COLUMN     "subject_name" TEXT,
ADD COLUMN     "subject_national_id_encrypted" TEXT;

-- AlterTable
ALTER TABLE "attachment" ADD COLUMN     "message_id" UUID,
ADD COLUMN     "purpose" "AttachmentPurpose" NOT NULL DEFAULT 'from_requester';

-- CreateTable
CREATE TABLE "citizen_identity" (
    "id" UUID NOT NULL,
    "method" "CitizenAuthMethod" NOT NULL,
    "pid_hash" TEXT,
    "pid_encrypted" TEXT,
    "email" TEXT,
    "name" TEXT,
    "level" "IdentityLevel" NOT NULL,
    "last_login_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "citizen_identity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_code" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "code_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "consumed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_code_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_draft" (
    "id" TEXT NOT NULL,
    "identity_id" UUID,
    "data" JSONB NOT NULL DEFAULT '{}',
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "request_draft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit_bucket" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "rate_limit_bucket_pkey" PRIMARY KEY ("key","window_start")
);

-- CreateTable
CREATE TABLE "used_challenge" (
    "signature" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "used_challenge_pkey" PRIMARY KEY ("signature")
);

-- CreateTable
CREATE TABLE "letter" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "status" "LetterStatus" NOT NULL DEFAULT 'queued',
    "pdf" BYTEA,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "printed_at" TIMESTAMPTZ(3),

    CONSTRAINT "letter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "citizen_identity_pid_hash_key" ON "citizen_identity"("pid_hash");

-- CreateIndex
CREATE UNIQUE INDEX "citizen_identity_email_key" ON "citizen_identity"("email");

-- CreateIndex
CREATE INDEX "email_code_email_created_at_idx" ON "email_code"("email", "created_at");

-- CreateIndex
CREATE INDEX "request_draft_expires_at_idx" ON "request_draft"("expires_at");

-- CreateIndex
CREATE INDEX "rate_limit_bucket_window_start_idx" ON "rate_limit_bucket"("window_start");

-- CreateIndex
CREATE INDEX "used_challenge_expires_at_idx" ON "used_challenge"("expires_at");

-- CreateIndex
CREATE INDEX "letter_status_created_at_idx" ON "letter"("status", "created_at");

-- CreateIndex
CREATE INDEX "letter_case_id_idx" ON "letter"("case_id");

-- CreateIndex
CREATE INDEX "requester_identity_id_idx" ON "requester"("identity_id");

-- AddForeignKey
ALTER TABLE "requester" ADD CONSTRAINT "requester_identity_id_fkey" FOREIGN KEY ("identity_id") REFERENCES "citizen_identity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letter" ADD CONSTRAINT "letter_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "request_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "message"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written: a request filed on behalf of someone names that person.
ALTER TABLE "request_case"
  ADD CONSTRAINT request_case_subject_named CHECK ("on_behalf_of" = 'self' OR "subject_name" IS NOT NULL);

-- An e-mail code is never tried more than five times.
ALTER TABLE "email_code"
  ADD CONSTRAINT email_code_attempts_bounded CHECK ("attempts" BETWEEN 0 AND 5);
