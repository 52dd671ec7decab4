// Test-data builders for the integration tests, in the manner of documenso's seed factories: a case
// is made through the same path every real case takes (createCaseInTx in lib/cases/create-case.ts:
// the unit looked up as the filing does, the requester, a gap-free reference, the case and its first
// audit event, optionally its receipt), with sensible defaults that every test can override.
//
// A state the real path cannot produce directly (a case decided and closed years ago, an extension
// with its reason, a legal hold) is reached by `forceCaseState` and `recordDecisionsDirectly`
// below: low-level writes in the builder's own transaction, named so that nobody mistakes them for
// the services. Use the services (lib/cases/*) whenever the test is about the transition itself.
import { randomUUID } from "node:crypto";
import { upsertEmailIdentity } from "@/lib/citizen-auth/upsert-identity";
import { createCaseInTx, type NewCase } from "@/lib/cases/create-case";
import { encryptField, lookupHash } from "@/lib/crypto/field-encryption";
import { db, type Tx } from "@/lib/db/client";
import { storeFile } from "@/lib/files/storage";
import type { AnswerChannel, CaseStatus, Channel, IdentityLevel, OnBehalfOf, Prisma, Right, RightOutcome } from "@/lib/db/generated/client";
import { computeDeadline } from "@/lib/domain/deadline";
import type { Actor } from "@/lib/domain/policy";
import type { Locale } from "@/i18n/locales";

export { staffActorByEmail as staffActor } from "./helpers";

type Staff = Extract<Actor, { kind: "staff" }>;

// ---------------------------------------------------------------------------------------------
// Identities

export type TestIdentity = { identityId: string; email: string | null; level: IdentityLevel };

/**
 * A citizen identity. `email_code` goes through the real sign-in service (upsertEmailIdentity, with a
 * fresh address); an ID-porten level is written as the row the ID-porten sign-in writes (method
 * "idporten", that level), without a fødselsnummer unless the test needs one for its requester.
 * `email: null` gives an ID-porten identity without an address on file.
 */
export async function buildIdentity(
  opts: { level?: "email_code" | "idporten_substantial" | "idporten_high"; email?: string | null } = {},
): Promise<TestIdentity> {
  const level = opts.level ?? "email_code";
  const email = opts.email === undefined ? `citizen-${randomUUID()}@example.test` : opts.email;
  if (level === "email_code") {
    if (!email) throw new Error("buildIdentity: an e-mail-code identity needs an address");
    const signedIn = await upsertEmailIdentity({ email });
    return { identityId: signedIn.identityId, email, level };
  }
  const row = await db().citizenIdentity.create({ data: { method: "idporten", email, level }, select: { id: true } });
  return { identityId: row.id, email, level };
}

// ---------------------------------------------------------------------------------------------
// Cases

export type RequesterOverrides = {
  name?: string;
  /** Default: a fresh address (the identity's, when `identity` is given); null for none. */
  email?: string | null;
  phone?: string | null;
  postalAddress?: string | null;
  /** The requester's own fødselsnummer in plain text: stored encrypted and hashed, as the filing does. */
  nationalId?: string | null;
  /** Default: the identity's level, else "none". */
  identityLevel?: IdentityLevel;
};

/** A decision per right, as decideCase stores it. */
export type TestDecision = { right: Right; outcome: RightOutcome; legalBasisIds: string[]; reasons: string };

export type CaseOverrides = {
  municipalityId?: string;
  /** The unit's slug (default "barnehage"); null = no unit ("vet ikke"). */
  unit?: string | null;
  rights?: Right[];
  /** Default: now. */
  receivedAt?: Date;
  /** Default: computeDeadline({ receivedAt }), as the filing computes it. */
  dueDate?: string;
  locale?: Locale;
  channel?: Channel;
  answerChannel?: AnswerChannel;
  description?: string;
  details?: Prisma.InputJsonValue;
  onBehalfOf?: OnBehalfOf;
  subjectName?: string | null;
  /** The data subject's fødselsnummer in plain text (stored encrypted). */
  subjectNationalId?: string | null;
  /** Special category known from the request itself; the unit's flag is added as in the filing. */
  specialCategory?: boolean;
  /** The signed-in identity the request was filed under (requester.identityId). */
  identity?: TestIdentity | { identityId: string; level?: IdentityLevel; email?: string | null };
  requester?: RequesterOverrides;
  /** Registered by staff (first event "case.registered" by them) instead of filed on the web. */
  registeredBy?: Staff;
  /**
   * Send the receipt (an outbox mail to the requester's address, or a paper letter when there is
   * only a postal address). Default false, so that a test counting the case's mail sees its own.
   */
  receipt?: boolean;
  /** A state beyond "received", applied with forceCaseState after the real creation. */
  state?: ForcedCaseState;
  /** Decisions recorded with recordDecisionsDirectly (by `decidedBy`, default the seeded caseworker). */
  decisions?: TestDecision[];
  decidedBy?: Staff;
};

export type BuiltCase = NewCase & {
  /** The case's id (also `caseId`). */
  id: string;
  version: number;
  receiptToken: string;
  receivedAt: Date;
  dueDate: string;
  /** The requester's address (null if none). */
  email: string | null;
  identityId: string | null;
};

/** Columns the real services set later in a case's life, written directly (see the header). */
export type ForcedCaseState = Partial<{
  status: CaseStatus;
  closedAt: Date | null;
  extended: boolean;
  extensionReason: string | null;
  restrictionNote: string | null;
  restrictedAt: Date | null;
  legalHold: boolean;
  legalHoldReason: string | null;
  complex: boolean;
  archiveReferenceManual: string | null;
}>;

/**
 * LOW-LEVEL, NOT A SERVICE: moves a case to a state directly (no audit event, no version bump), for
 * fixtures that need a state the real path cannot produce at the test's chosen time (closed years
 * ago, for instance). Tests of a transition must use the service that makes it.
 */
export async function forceCaseState(tx: Tx, caseId: string, state: ForcedCaseState): Promise<void> {
  await tx.case.update({ where: { id: caseId }, data: state });
}

/**
 * LOW-LEVEL, NOT A SERVICE: writes decisions as decideCase stores them, without the checks decideCase
 * makes (answer files, open tasks) and without its audit event. For cases that only need to *be*
 * decided (letters, templates, retention).
 */
export async function recordDecisionsDirectly(tx: Tx, caseId: string, decisions: TestDecision[], opts: { decidedById: string; decidedAt?: Date }) {
  for (const d of decisions) {
    await tx.caseDecision.create({ data: { caseId, ...d, decidedAt: opts.decidedAt ?? new Date(), decidedById: opts.decidedById } });
  }
}

/**
 * LOW-LEVEL, NOT A SERVICE: gives the case to an existing requester (a person with several cases)
 * and deletes the requester the filing made for it. The filing always makes a new requester; the
 * case's first audit event keeps the id of the one it made.
 */
export async function moveCaseToRequester(tx: Tx, caseId: string, requesterId: string): Promise<void> {
  const { requesterId: made } = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { requesterId: true } });
  await tx.case.update({ where: { id: caseId }, data: { requesterId } });
  await tx.requester.delete({ where: { id: made } });
}

/** The case status decideCase gives these decisions (all granted, all refused, or a mix). */
export function statusForDecisions(decisions: TestDecision[]): CaseStatus {
  if (decisions.every((d) => d.outcome === "granted")) return "completed";
  if (decisions.every((d) => d.outcome === "refused")) return "refused";
  return "partially_completed";
}

/** A case, made by createCaseInTx in the caller's transaction (see buildCase for the defaults). */
export async function buildCaseInTx(tx: Tx, opts: CaseOverrides = {}): Promise<BuiltCase> {
  const receivedAt = opts.receivedAt ?? new Date();
  const dueDate = opts.dueDate ?? computeDeadline({ receivedAt }).dueDate;
  const identity = opts.identity ?? null;
  const r = opts.requester ?? {};
  const email = r.email !== undefined ? r.email : (identity?.email ?? `requester-${randomUUID()}@example.test`);
  const postalAddress = r.postalAddress ?? null;
  const nationalId = r.nationalId ?? null;
  const identityLevel: IdentityLevel = r.identityLevel ?? identity?.level ?? "none";
  const receiptToken = randomUUID();
  const staff = opts.registeredBy;
  const created = await createCaseInTx(tx, {
    municipalityId: opts.municipalityId ?? "bergen",
    unitSlug: opts.unit === undefined ? "barnehage" : opts.unit,
    receivedAt,
    dueDate,
    locale: opts.locale ?? "nb",
    receiptToken,
    requester: {
      name: r.name ?? "Test Testesen",
      email,
      phone: r.phone ?? null,
      postalAddress,
      nationalIdEncrypted: nationalId ? encryptField(nationalId) : null,
      nationalIdHash: nationalId ? lookupHash(nationalId) : null,
      identityLevel,
      identityId: identity?.identityId ?? null,
    },
    case: {
      rights: opts.rights ?? ["access"],
      channel: opts.channel ?? (staff ? "phone" : "web"),
      answerChannel: opts.answerChannel ?? "digital",
      description: opts.description ?? "",
      ...(opts.details !== undefined ? { details: opts.details } : {}),
      ...(opts.onBehalfOf ? { onBehalfOf: opts.onBehalfOf } : {}),
      subjectName: opts.subjectName ?? null,
      subjectNationalIdEncrypted: opts.subjectNationalId ? encryptField(opts.subjectNationalId) : null,
      registeredById: staff?.userId ?? null,
      specialCategory: opts.specialCategory ?? false,
    },
    event: staff
      ? { type: "case.registered", at: receivedAt, actor: { type: "staff", id: staff.userId } }
      : { type: "case.received", at: receivedAt, actor: { type: "citizen" } },
    receipt: opts.receipt ? { email, postalAddress } : { email: null, postalAddress: null },
  });
  if (opts.decisions?.length) {
    const decidedById = (opts.decidedBy ?? (await caseworker(tx))).userId;
    await recordDecisionsDirectly(tx, created.caseId, opts.decisions, { decidedById });
  }
  if (opts.state) await forceCaseState(tx, created.caseId, opts.state);
  const { version } = await tx.case.findUniqueOrThrow({ where: { id: created.caseId }, select: { version: true } });
  return { ...created, id: created.caseId, version, receiptToken, receivedAt, dueDate, email, identityId: identity?.identityId ?? null };
}

/**
 * A case through the real creation path, in its own transaction. Defaults: Bergen, unit "barnehage",
 * the right of access, received now (due date as the filing computes it), web, digital answers, nb,
 * a requester "Test Testesen" with a fresh address and no identity, no receipt sent.
 */
export async function buildCase(opts: CaseOverrides = {}): Promise<BuiltCase> {
  return db().$transaction((tx) => buildCaseInTx(tx, opts));
}

/**
 * A decided case: made through the real path, then its decisions recorded and its status (from the
 * outcomes) and closedAt forced (see recordDecisionsDirectly and forceCaseState). A granted access
 * or portability decision also gets what its answer needs before it can be sent (`prepareAnswer`):
 * the copy as an answer file and, for access, a search that found data in a system with an entry in
 * the records of processing. `bare: true` leaves them out (tests of the check itself).
 */
export async function buildDecidedCase(decisions: TestDecision[], opts: CaseOverrides & { closedAt?: Date; bare?: boolean } = {}): Promise<BuiltCase> {
  const { closedAt, bare, ...rest } = opts;
  const built = await buildCase({
    rights: decisions.map((d) => d.right),
    ...rest,
    decisions,
    state: { status: statusForDecisions(decisions), closedAt: closedAt ?? new Date(), ...rest.state },
  });
  const granted = (right: Right) => decisions.some((d) => d.right === right && (d.outcome === "granted" || d.outcome === "partially_granted"));
  if (!bare && (granted("access") || granted("portability"))) await prepareAnswer(built.id, { copy: true, register: granted("access") });
  return built;
}

/** The test entry in the records of processing every prepared access answer describes. */
export const TEST_REGISTER_SYSTEM = "Testregister for innsyn";

/**
 * What a granted access or portability answer needs (Art. 15(1)-(3)): `copy` an answer file (the
 * copy of the data), `register` a ticked-off search that found data in TEST_REGISTER_SYSTEM, whose
 * entry in the case's municipality's records is made once. Low-level writes, like forceCaseState.
 */
export async function prepareAnswer(caseId: string, what: { copy?: boolean; register?: boolean }): Promise<{ entryId: string | null; taskId: string | null }> {
  const file = what.copy ? await storeFile(Buffer.from("%PDF-1.4 kopi av opplysningene")) : null;
  return db().$transaction(async (tx) => {
    const c = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { municipalityId: true } });
    if (file) {
      await tx.attachment.create({
        data: { caseId, purpose: "answer", fileName: "kopi.pdf", contentType: "application/pdf", sizeBytes: 30, sha256: file.sha256, storageKey: file.storageKey, uploadedBy: "staff" },
      });
    }
    if (!what.register) return { entryId: null, taskId: null };
    // Tests prepare answers in parallel: insert-if-missing, then read (an upsert races on the unique key).
    await tx.processingActivity.createMany({
      data: [
        {
          municipalityId: c.municipalityId,
          name: TEST_REGISTER_SYSTEM,
          purposes: "Å teste svar på innsyn.",
          legalBasis: "Personvernforordningen artikkel 6 nr. 1 bokstav e.",
          dataCategories: "Navn og kontaktopplysninger.",
          recipients: "Ingen.",
          storagePeriod: "Til saken er avsluttet.",
          source: "Deg selv.",
        },
      ],
      skipDuplicates: true,
    });
    const entry = await tx.processingActivity.findUniqueOrThrow({ where: { municipalityId_name: { municipalityId: c.municipalityId, name: TEST_REGISTER_SYSTEM } }, select: { id: true } });
    const task = await tx.caseTask.create({
      data: { caseId, kind: "search", system: TEST_REGISTER_SYSTEM, doneAt: new Date(), dataFound: true, processingActivityId: entry.id },
      select: { id: true },
    });
    return { entryId: entry.id, taskId: task.id };
  });
}

async function caseworker(tx: Tx): Promise<Staff> {
  const user = await tx.user.findUniqueOrThrow({ where: { email: "saksbehandler@demo.test" }, select: { id: true, roles: true, units: { select: { unitId: true } } } });
  return { kind: "staff", userId: user.id, roles: user.roles, unitIds: user.units.map((u) => u.unitId) };
}
