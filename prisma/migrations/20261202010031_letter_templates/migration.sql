-- CreateTable
CREATE TABLE "letter_template" (
    "id" UUID NOT NULL,
    "municipality_id" TEXT NOT NULL,
    "right" "Right" NOT NULL,
    "outcome" "RightOutcome" NOT NULL,
    "locale" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "letter_template_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "letter_template_municipality_id_right_outcome_locale_key" ON "letter_template"("municipality_id", "right", "outcome", "locale");

