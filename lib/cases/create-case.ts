// The steps every new case takes, whoever files it: a citizen on the web (submit-request.ts) or a
// staff member for a request by phone, letter, at the counter or by e-mail (register-request.ts).
// In the caller's transaction: the unit (and whether it processes special categories), the
// requester, a gap-free reference, the case, its first audit event, and the receipt.
import type { Tx } from "@/lib/db/client";
import type { AnswerChannel, Channel, IdentityLevel, OnBehalfOf, Prisma, Right } from "@/lib/db/generated/client";
import { publicUrl } from "@/lib/config/env";
import { municipalityForCase } from "@/lib/admin/profile-contact";
import { osloDateOf } from "@/lib/domain/calendar";
import { DomainError } from "@/lib/domain/errors";
import { randomUUID } from "node:crypto";
import { enqueueMail, preparedOutboxRow } from "@/lib/mail/outbox";
import { formatCaseReference } from "@/lib/domain/reference";
import { renderReceiptLetter } from "@/lib/letters/receipt-letter";
import type { Locale } from "@/i18n/locales";
import type { LetterKind } from "@/lib/domain/letters";
import { platformFeatures } from "@/lib/platform/config";
import { enqueueLetterInTx } from "@/lib/platform/integration-outbox";
import { nationalIdIsVerified } from "@/lib/domain/national-id";

export function receiptLink(receiptToken: string) {
  return `${publicUrl()}/receipt/${receiptToken}`;
}

/** The active unit of the municipality with this slug; "" or undefined = no unit ("vet ikke"). */
export async function resolveUnit(
  tx: Tx,
  municipalityId: string,
  slug: string | undefined | null,
): Promise<{ id: string; specialCategory: boolean } | null> {
  if (!slug) return null;
  // FOR SHARE: an admin turning on the unit's special-category flag (which marks the unit's cases
  // in its own transaction) waits for this filing, and then sees and marks the new case too.
  const [unit] = await tx.$queryRaw<{ id: string; active: boolean; specialCategory: boolean }[]>`
    SELECT id::text AS id, active, special_category AS "specialCategory" FROM unit
     WHERE municipality_id = ${municipalityId} AND slug = ${slug} FOR SHARE`;
  if (!unit?.active) throw new DomainError("validation_failed", { field: "unit" });
  return { id: unit.id, specialCategory: unit.specialCategory };
}

/** The active unit's id (see resolveUnit). */
export async function resolveUnitId(tx: Tx, municipalityId: string, slug: string | undefined | null): Promise<string | null> {
  return (await resolveUnit(tx, municipalityId, slug))?.id ?? null;
}

/**
 * The receipt, in the caller's transaction: an e-mail (reference + link) in the outbox when there is
 * an address to write to, otherwise a paper letter in the letter queue (needs a postal address).
 * Pass `email: null` for people who want answers by post.
 */
export async function deliverReceiptInTx(
  tx: Tx,
  input: {
    caseId: string;
    reference: string;
    receiptToken: string;
    locale: Locale;
    receivedAt: Date;
    dueDate: string;
    name: string;
    email: string | null;
    postalAddress: string | null;
    municipalityId: string;
  },
): Promise<"mail" | "letter" | "none"> {
  if (input.email) {
    await enqueueMail(tx, {
      to: input.email,
      template: "request_receipt",
      locale: input.locale,
      params: { reference: input.reference, link: receiptLink(input.receiptToken) },
      caseId: input.caseId,
    });
    return "mail";
  }
  if (!input.postalAddress) return "none";
  // The admin's contact values, and the unit's name in the sender's address where the statement asks for it.
  const municipality = await municipalityForCase(tx, { id: input.caseId, municipalityId: input.municipalityId, locale: input.locale });
  const pdf = await renderReceiptLetter({
    locale: input.locale,
    reference: input.reference,
    receivedDate: osloDateOf(input.receivedAt),
    dueDate: input.dueDate,
    recipientName: input.name,
    postalAddress: input.postalAddress,
    municipality,
  });
  const letter = await tx.letter.create({ data: { caseId: input.caseId, kind: "receipt" satisfies LetterKind, locale: input.locale, pdf: Buffer.from(pdf) }, select: { id: true } });
  await enqueueLetterInTx(tx, { caseId: input.caseId, municipalityId: input.municipalityId, letterId: letter.id, viaSvarUt: false, at: input.receivedAt });
  return "letter";
}

export type NewCaseInput = {
  municipalityId: string;
  unitSlug: string | null | undefined;
  receivedAt: Date;
  /** The due date (ISO), computed by the caller from receivedAt. */
  dueDate: string;
  locale: Locale;
  receiptToken: string;
  requester: {
    name: string;
    email: string | null;
    phone?: string | null;
    postalAddress: string | null;
    /** Ciphertext (encryptField) and lookup hash (lookupHash) of the requester's own national id. */
    nationalIdEncrypted: string | null;
    nationalIdHash: string | null;
    identityLevel: IdentityLevel;
    identityId: string | null;
  };
  case: {
    rights: Right[];
    channel: Channel;
    answerChannel: AnswerChannel;
    description: string;
    details?: Prisma.InputJsonValue;
    onBehalfOf?: OnBehalfOf;
    subjectName?: string | null;
    subjectNationalIdEncrypted?: string | null;
    /** The idempotency key with its submitter's scope and the body's hash (lib/domain/submission-key.ts). */
    submission?: { key: string; scope: string; hash: string } | null;
    registeredById?: string | null;
    /** Special category known from the request itself (e.g. the form said so); the unit's flag is added. */
    specialCategory?: boolean;
  };
  /** The first audit event: "case.received" by the requester (web) or "case.registered" by staff. */
  event: {
    type: "case.received" | "case.registered";
    at: Date;
    actor: { type: "citizen" } | { type: "staff"; id: string };
    /** Facts beyond the common ones (ids, codes and dates only: no personal data). */
    extra?: Record<string, Prisma.InputJsonValue>;
  };
  /** Where the receipt goes (see deliverReceiptInTx). */
  receipt: { email: string | null; postalAddress: string | null };
};

export type NewCase = {
  caseId: string;
  requesterId: string;
  reference: string;
  unitId: string | null;
  specialCategory: boolean;
  receipt: "mail" | "letter" | "none";
};

/**
 * The case in ONE statement: the unit (FOR SHARE), the requester, the next reference of the year,
 * the case, its first audit event and the receipt mail. One round trip, and the per-year counter row
 * (which every filing in the installation waits for) is locked only from that statement until its
 * commit, not across a conversation of statements. An unknown or inactive unit writes nothing (not
 * even a counter step: references stay gap-free) and is a validation error.
 *
 * `client` is a transaction (the staff registration, the test builders, a paper receipt) or the
 * plain client: one statement is atomic on its own, so the web submit needs no transaction.
 */
export async function insertCase(client: Tx, input: NewCaseInput): Promise<Omit<NewCase, "receipt"> & { receipt: "mail" | null }> {
  const caseId = randomUUID();
  const requesterId = randomUUID();
  const year = Number(osloDateOf(input.receivedAt).slice(0, 4));
  const slug = input.unitSlug || null;
  const mail = input.receipt.email
    ? preparedOutboxRow({
        to: input.receipt.email,
        template: "request_receipt",
        locale: input.locale,
        // The reference is the statement's: a sample of the same form stands in for the check.
        params: { reference: formatCaseReference(year, 1), link: receiptLink(input.receiptToken) },
      })
    : null;
  const r = input.requester;
  const c = input.case;
  const actor = input.event.actor;
  const extra = JSON.stringify(input.event.extra ?? {});
  const integrations = platformFeatures();
  const rows = await client.$queryRaw<{ id: string; reference: string; unitId: string | null; specialCategory: boolean }[]>`
    WITH u AS (
      SELECT id, special_category FROM unit
       WHERE ${slug}::text IS NOT NULL AND municipality_id = ${input.municipalityId} AND slug = ${slug}::text AND active
       FOR SHARE
    ), go AS (
      SELECT 1 WHERE ${slug}::text IS NULL OR EXISTS (SELECT 1 FROM u)
    ), req AS (
      INSERT INTO requester (id, name, email, phone, postal_address, national_id_encrypted, national_id_hash, identity_level, identity_id)
      SELECT ${requesterId}::uuid, ${r.name}, ${r.email}, ${r.phone ?? null}, ${r.postalAddress}, ${r.nationalIdEncrypted}, ${r.nationalIdHash},
             ${r.identityLevel}::"IdentityLevel", ${r.identityId}::uuid
        FROM go
      RETURNING id
    ), n AS (
      INSERT INTO case_reference_counter (year, last_value) SELECT ${year}, 1 FROM req
      ON CONFLICT (year) DO UPDATE SET last_value = case_reference_counter.last_value + 1
      RETURNING last_value
    ), created AS (
      -- The reference as formatCaseReference writes it (at least six digits, never cut).
      INSERT INTO request_case (id, reference, reference_year, reference_seq, municipality_id, unit_id, requester_id, identity_level,
        rights, channel, answer_channel, locale, received_at, one_month_due_date, due_date, description, special_category, details,
        on_behalf_of, subject_name, subject_national_id_encrypted, submission_key, submission_scope, submission_hash,
        registered_by_id, receipt_token, updated_at)
      SELECT ${caseId}::uuid, 'PV-' || ${year}::int || '-' || lpad(n.last_value::text, greatest(6, length(n.last_value::text)), '0'), ${year}::int, n.last_value,
        ${input.municipalityId}, (SELECT id FROM u), req.id, ${r.identityLevel}::"IdentityLevel",
        ${c.rights}::"Right"[], ${c.channel}::"Channel", ${c.answerChannel}::"AnswerChannel", ${input.locale}, ${input.receivedAt}::timestamptz,
        ${input.dueDate}::date, ${input.dueDate}::date, ${c.description},
        coalesce((SELECT special_category FROM u), false) OR ${Boolean(c.specialCategory)},
        ${JSON.stringify(c.details ?? {})}::jsonb, ${c.onBehalfOf ?? "self"}::"OnBehalfOf", ${c.subjectName ?? null}, ${c.subjectNationalIdEncrypted ?? null},
        ${c.submission?.key ?? null}, ${c.submission?.scope ?? null}, ${c.submission?.hash ?? null},
        ${c.registeredById ?? null}::uuid, ${input.receiptToken}, now()
        FROM n, req
      RETURNING id, reference, unit_id, special_category
    ), event AS (
      -- No personal data in the audit trail: ids, codes and dates only.
      INSERT INTO case_event (case_id, at, actor_type, actor_id, type, before, after)
      SELECT created.id, ${input.event.at}::timestamptz, ${actor.type}::"ActorType", ${actor.type === "staff" ? actor.id : requesterId}, ${input.event.type}, NULL,
        jsonb_build_object(
          'status', 'received', 'rights', to_jsonb(${c.rights}::text[]), 'channel', ${c.channel}::text, 'unitId', created.unit_id::text,
          'dueDate', ${input.dueDate}::text, 'identityLevel', ${r.identityLevel}::text, 'answerChannel', ${c.answerChannel}::text,
          'specialCategory', created.special_category
        ) || ${extra}::jsonb
        FROM created
    ), receipt AS (
      INSERT INTO mail_outbox (id, message_id, to_address, template, locale, params, case_id)
      SELECT ${mail?.id ?? null}::uuid, ${mail?.messageId ?? null}, ${mail?.to ?? null}, ${mail?.template ?? null}, ${mail?.locale ?? null},
        jsonb_build_object('reference', created.reference, 'link', ${mail?.params.link ?? null}::text), created.id
        FROM created WHERE ${mail !== null}
    ), integrations AS (
      -- The integration outbox (lib/platform/integration-outbox.ts, same keys): the case folder in
      -- the archive, and a KRR look-up when the fødselsnummer is known.
      INSERT INTO integration_message (id, municipality_id, case_id, kind, idempotency_key, created_at, next_attempt_at)
      SELECT gen_random_uuid(), ${input.municipalityId}, created.id, k.kind, k.prefix || created.id::text || k.suffix,
             ${input.event.at}::timestamptz, ${input.event.at}::timestamptz
        FROM created, (VALUES ('archive_case_folder', 'arkiv:', ':mappe', ${integrations.archive}::boolean),
                              ('krr_lookup', 'krr:', ':innsending', ${integrations.krr && r.nationalIdEncrypted !== null && nationalIdIsVerified(r.identityLevel, Boolean(c.registeredById))}::boolean)) AS k(kind, prefix, suffix, enabled)
       WHERE k.enabled
    )
    SELECT id::text AS id, reference, unit_id::text AS "unitId", special_category AS "specialCategory" FROM created`;
  const row = rows[0];
  if (!row) throw new DomainError("validation_failed", { field: "unit" });
  return { caseId: row.id, requesterId, reference: row.reference, unitId: row.unitId, specialCategory: row.specialCategory, receipt: mail ? "mail" : null };
}

/** insertCase, then a paper receipt when there is no address to mail (it needs the reference). */
export async function createCaseInTx(tx: Tx, input: NewCaseInput): Promise<NewCase> {
  const created = await insertCase(tx, input);
  if (created.receipt === "mail") return { ...created, receipt: "mail" };
  const receipt = await deliverReceiptInTx(tx, {
    caseId: created.caseId,
    reference: created.reference,
    receiptToken: input.receiptToken,
    locale: input.locale,
    receivedAt: input.receivedAt,
    dueDate: input.dueDate,
    name: input.requester.name,
    email: null,
    postalAddress: input.receipt.postalAddress,
    municipalityId: input.municipalityId,
  });
  return { ...created, receipt };
}
