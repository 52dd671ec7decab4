// Use case: a staff member opens one case. Read through the policy scope: a case outside it does
// not exist for this actor (null -> 404).
import { db } from "@/lib/db/client";
import { dbDateToIso } from "@/lib/db/dates";
import type { AttachmentPurpose, CaseStatus, Channel, IdentityLevel, OnBehalfOf, Right, RightOutcome, TaskKind } from "@/lib/db/generated/client";
import { decryptField } from "@/lib/crypto/field-encryption";
import { osloDateOf } from "@/lib/domain/calendar";
import { isClosed } from "@/lib/domain/case-status";
import { allowedCommands, extensionDeadline, storedDueDate, type CaseCommandType, type CaseSnapshot } from "@/lib/domain/case-state-machine";
import { daysLeft } from "@/lib/domain/deadline";
import { DomainError } from "@/lib/domain/errors";
import { maskNationalId } from "@/lib/domain/national-id";
import { can, type Action, type Actor, type CaseRef } from "@/lib/domain/policy";
import { readStoredDetails, type StoredDetails } from "@/lib/requests/stored-details";
import { logger } from "@/lib/log";
import { caseScopeFilter } from "./case-scope";
import { staffMayWriteNow } from "./follow-up";
import type { UnitNames } from "@/lib/domain/unit-names";
import { isCanonicalCaseReference } from "@/lib/domain/reference";

export type StaffCaseView = {
  id: string;
  reference: string;
  rights: Right[];
  status: CaseStatus;
  closed: boolean;
  requesterName: string;
  identityLevel: IdentityLevel;
  unitName: string | null;
  dueDate: string;
  daysLeft: number;
  extended: boolean;
  canMessage: boolean;
  /** Whether a message to the requester is possible now (open, follow-up period, or a follow-up waiting). */
  canWriteNow: boolean;
  /** The requester wrote after closing and nobody has followed it up yet. */
  followUpAt: Date | null;
  /** `letter`: a sent letter (shown formatted); `files`: its attachments (the letter's PDF). */
  messages: { id: string; kind: "to_requester" | "from_requester"; body: string; createdAt: Date; letter: boolean; files: { id: string; fileName: string; sizeBytes: number }[] }[];
  attachments: { id: string; purpose: AttachmentPurpose; fileName: string; sizeBytes: number; createdAt: Date }[];
};

export async function staffCaseRef(actor: Actor, reference: string) {
  if (actor.kind !== "staff" || !isCanonicalCaseReference(reference)) return null;
  const found = await db().case.findFirst({
    where: { AND: [{ reference }, caseScopeFilter(actor)] },
    select: {
      id: true,
      reference: true,
      status: true,
      version: true,
      locale: true,
      unitId: true,
      requesterId: true,
      assigneeId: true,
      municipalityId: true,
      answerChannel: true,
      closedAt: true,
      followUpAt: true,
      onBehalfOf: true,
      subjectName: true,
      requester: { select: { name: true, email: true, postalAddress: true, identity: { select: { email: true } } } },
    },
  });
  if (!found) return null;
  const ref = { unitId: found.unitId, requesterId: found.requesterId, assigneeId: found.assigneeId };
  return can(actor, "case.view", ref) ? { ...found, ref } : null;
}

export async function staffGetCase(actor: Actor, reference: string, now: Date = new Date()): Promise<StaffCaseView | null> {
  const visible = await staffCaseRef(actor, reference);
  if (!visible) return null;
  const found = await db().case.findUniqueOrThrow({
    where: { id: visible.id },
    select: {
      id: true,
      reference: true,
      rights: true,
      status: true,
      dueDate: true,
      extended: true,
      unit: { select: { name: true } },
      requester: { select: { name: true, identityLevel: true } },
      messages: {
        where: { kind: { in: ["to_requester", "from_requester"] } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          kind: true,
          body: true,
          createdAt: true,
          letter: { select: { id: true } },
          attachments: { where: { deletedAt: null }, select: { id: true, fileName: true, sizeBytes: true } },
        },
      },
      attachments: {
        where: { deletedAt: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, purpose: true, fileName: true, sizeBytes: true, createdAt: true },
      },
    },
  });
  const due = dbDateToIso(found.dueDate);
  return {
    id: found.id,
    reference: found.reference,
    rights: found.rights,
    status: found.status,
    closed: isClosed(found.status),
    requesterName: found.requester.name,
    identityLevel: found.requester.identityLevel,
    unitName: found.unit?.name ?? null,
    dueDate: due,
    daysLeft: daysLeft(due, osloDateOf(now)),
    extended: found.extended,
    canMessage: can(actor, "case.message", visible.ref),
    canWriteNow: staffMayWriteNow(visible, now),
    followUpAt: visible.followUpAt,
    messages: found.messages.map((m) => ({
      id: m.id,
      kind: m.kind as "to_requester" | "from_requester",
      body: m.body,
      createdAt: m.createdAt,
      letter: m.letter !== null,
      files: m.attachments,
    })),
    attachments: found.attachments,
  };
}

// ---------------------------------------------------------------------------
// Case work (engineer F): access checks for the action services, "who changed it", and the full
// view of the case page (header, tasks, decisions, timeline, what the actor may do).

export type CaseForAction = NonNullable<Awaited<ReturnType<typeof staffCaseRef>>>;

/**
 * The case `reference` if `actor` may see it AND do `action` on it. Not visible -> not_found (404);
 * visible but not allowed (e.g. the DPO deciding) -> forbidden.
 */
export async function requireCaseAction(actor: Actor, reference: string, action: Action): Promise<CaseForAction> {
  const visible = await staffCaseRef(actor, reference);
  if (!visible) throw new DomainError("not_found");
  if (!can(actor, action, visible.ref)) throw new DomainError("forbidden");
  return visible;
}

/** The name of whoever made the latest audited change to the case (for "changed by X, reload"). */
export async function lastChangedBy(actor: Actor, reference: string): Promise<{ kind: "staff" | "citizen" | "system"; name: string | null } | null> {
  const visible = await staffCaseRef(actor, reference);
  if (!visible) return null;
  const latest = await db().caseEvent.findFirst({
    // Reading a national id changes nothing: it must not be named as the last change.
    where: { caseId: visible.id, type: { notIn: [...READ_ONLY_EVENTS] } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { actorType: true, actorId: true },
  });
  if (!latest) return null;
  if (latest.actorType !== "staff" || !latest.actorId || !UUID.test(latest.actorId)) return { kind: latest.actorType, name: null };
  const user = await db().user.findUnique({ where: { id: latest.actorId }, select: { name: true, email: true } });
  return { kind: "staff", name: user ? (user.name ?? user.email) : null };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Audit events that record a read, not a change (need-to-know logging). */
export const READ_ONLY_EVENTS = ["case.national_id_viewed"] as const;

export type CaseWorkPermissions = {
  ask: boolean;
  extend: boolean;
  decide: boolean;
  note: boolean;
  tasks: boolean;
  restrict: boolean;
  complex: boolean;
  /** Mark the case as holding special-category data (Art. 9) or clear the mark. */
  specialCategory: boolean;
  /** Move the case to another unit (or give a "vet ikke" case its unit). */
  changeUnit: boolean;
  /** Assign the case to a staff member. */
  assign: boolean;
};

export type CaseTimelineEntry = {
  id: string;
  at: Date;
  type: string;
  actorType: "citizen" | "staff" | "system";
  actorName: string | null;
  /** Non-personal facts from the event (dates, outcome, pause kind...). */
  facts: Record<string, unknown>;
  /** `letter`: the message is a sent letter (shown formatted). */
  message: { kind: "to_requester" | "from_requester" | "internal_note"; body: string; letter: boolean } | null;
};

export type StaffCaseWorkView = {
  id: string;
  reference: string;
  version: number;
  rights: Right[];
  status: CaseStatus;
  closed: boolean;
  channel: Channel;
  answerChannel: "digital" | "paper";
  receivedAt: Date;
  requester: { name: string; email: string | null; phone: string | null; postalAddress: string | null; identityLevel: IdentityLevel };
  /** On whose behalf the request was made (a child, or someone who gave power of attorney). */
  concerns: { onBehalfOf: OnBehalfOf; subjectName: string | null };
  unit: { id: string; name: string; nameNn: string | null; nameEn: string | null; systems: string[] } | null;
  assigneeName: string | null;
  dueDate: string;
  daysLeft: number;
  oneMonthDueDate: string;
  /** The last day an extension may be notified (open pause counted up to now). */
  extensionLastDay: string;
  /** The due date an extension granted now would give (closed pauses counted). */
  extendedDueDate: string;
  extended: boolean;
  extensionReason: string | null;
  complex: boolean;
  restrictedAt: Date | null;
  restrictionNote: string | null;
  openPause: { kind: string; since: Date } | null;
  tasks: {
    id: string;
    kind: TaskKind;
    system: string;
    recipient: string | null;
    assigneeId: string | null;
    assigneeName: string | null;
    doneAt: Date | null;
    doneByName: string | null;
    note: string | null;
  }[];
  decisions: { right: Right; outcome: RightOutcome; legalBasisIds: string[]; reasons: string; decidedAt: Date; decidedByName: string | null }[];
  timeline: CaseTimelineEntry[];
  can: CaseWorkPermissions;
  /** What the case's state allows now, from the state machine itself (the page offers only these). */
  allowedCommands: CaseCommandType[];
  /** The identity level the request was made with (decides whether an identity pause is offered). */
  identityLevel: IdentityLevel;
  /** Answer files on the case (a granted access or portability request needs one). */
  answerFiles: number;
  /** Staff who may get a task on this case (id + name). */
  taskAssignees: { id: string; name: string }[];
};

/** The policy action each case-work service checks, and the case page's permission flags read. */
export const CASE_WORK_ACTIONS = {
  ask: "case.ask_requester",
  extend: "case.extend",
  decide: "case.decide",
  note: "case.note",
  tasks: "case.task",
  restrict: "case.restrict",
  complex: "case.complex",
  specialCategory: "case.special_category",
  changeUnit: "case.change_unit",
  assign: "case.assign",
} as const satisfies Record<keyof CaseWorkPermissions, Action>;

const FACT_KEYS = [
  "status",
  "dueDate",
  "extended",
  "pauseKind",
  "pauseFrom",
  "pauseTo",
  "oneMonthDueDate",
  "outcome",
  "perRight",
  "channel",
  "receivedAt",
  "kind",
  "system",
  "taskId",
  "complex",
  "assigneeId",
  "messageId",
  "letterId",
  "attachmentId",
  "method",
  "specialCategory",
  "byUnit",
  "nationalIdOf",
  "unitId",
  "reason",
] as const;

function factsOf(after: unknown): Record<string, unknown> {
  if (typeof after !== "object" || after === null || Array.isArray(after)) return {};
  const out: Record<string, unknown> = {};
  for (const key of FACT_KEYS) if (key in after) out[key] = (after as Record<string, unknown>)[key];
  return out;
}

export async function staffGetCaseWork(actor: Actor, reference: string, now: Date = new Date()): Promise<StaffCaseWorkView | null> {
  const visible = await staffCaseRef(actor, reference);
  if (!visible || actor.kind !== "staff") return null;
  const c = await db().case.findUniqueOrThrow({
    where: { id: visible.id },
    select: {
      id: true,
      reference: true,
      version: true,
      rights: true,
      status: true,
      channel: true,
      answerChannel: true,
      receivedAt: true,
      dueDate: true,
      oneMonthDueDate: true,
      extended: true,
      extensionReason: true,
      complex: true,
      restrictedAt: true,
      restrictionNote: true,
      closedAt: true,
      identityLevel: true,
      onBehalfOf: true,
      subjectName: true,
      _count: { select: { attachments: { where: { purpose: "answer", deletedAt: null } } } },
      requester: { select: { name: true, email: true, phone: true, postalAddress: true, identityLevel: true } },
      unit: { select: { id: true, name: true, nameNn: true, nameEn: true, systems: true } },
      assignee: { select: { name: true, email: true } },
      pauses: { select: { kind: true, startedAt: true, endedAt: true }, orderBy: { startedAt: "asc" } },
      tasks: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      decisions: true,
      events: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { id: true, at: true, type: true, actorType: true, actorId: true, after: true } },
      messages: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, kind: true, body: true, createdAt: true, authorId: true, letter: { select: { id: true } } },
      },
    },
  });

  const userIds = new Set<string>();
  for (const e of c.events) if (e.actorType === "staff" && e.actorId && UUID.test(e.actorId)) userIds.add(e.actorId);
  for (const t of c.tasks) {
    if (t.assigneeId) userIds.add(t.assigneeId);
    if (t.doneById) userIds.add(t.doneById);
  }
  for (const d of c.decisions) userIds.add(d.decidedById);
  for (const m of c.messages) if (m.kind !== "from_requester" && m.authorId && UUID.test(m.authorId)) userIds.add(m.authorId);
  const users = userIds.size
    ? await db().user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true, email: true } })
    : [];
  const names = new Map(users.map((u) => [u.id, u.name ?? u.email]));
  const nameOf = (id: string | null | undefined) => (id ? (names.get(id) ?? null) : null);
  // Units a case moved to (case.unit_changed): named in the timeline, one query for all of them.
  const movedTo = new Set<string>();
  for (const e of c.events) {
    const unitId = e.type === "case.unit_changed" ? factsOf(e.after).unitId : undefined;
    if (typeof unitId === "string" && UUID.test(unitId)) movedTo.add(unitId);
  }
  const unitNames = movedTo.size
    ? new Map((await db().unit.findMany({ where: { id: { in: [...movedTo] } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]))
    : new Map<string, string>();

  const messagesById = new Map(c.messages.map((m) => [m.id, m]));
  const shownMessages = new Set<string>();
  const timeline: CaseTimelineEntry[] = c.events.map((e) => {
    const facts = factsOf(e.after);
    if (e.type === "case.unit_changed" && typeof facts.unitId === "string") facts.unitName = unitNames.get(facts.unitId) ?? null;
    const messageId = typeof facts.messageId === "string" ? facts.messageId : null;
    const message = messageId ? messagesById.get(messageId) : undefined;
    if (message) shownMessages.add(message.id);
    return {
      id: `e${e.id.toString()}`,
      at: e.at,
      type: e.type,
      actorType: e.actorType,
      actorName: e.actorType === "staff" ? nameOf(e.actorId) : null,
      facts,
      message: message ? { kind: message.kind, body: message.body, letter: message.letter !== null } : null,
    };
  });
  // Messages that no event points at (older data) still belong in the timeline.
  for (const m of c.messages) {
    if (shownMessages.has(m.id)) continue;
    timeline.push({
      id: `m${m.id}`,
      at: m.createdAt,
      type: m.kind === "internal_note" ? "note.added" : `message.${m.kind}`,
      actorType: m.kind === "from_requester" ? "citizen" : "staff",
      actorName: m.kind === "from_requester" ? null : nameOf(m.authorId),
      facts: {},
      message: { kind: m.kind, body: m.body, letter: m.letter !== null },
    });
  }
  timeline.sort((a, b) => a.at.getTime() - b.at.getTime());

  const snapshot: CaseSnapshot = {
    status: c.status,
    extended: c.extended,
    receivedAt: c.receivedAt,
    rights: c.rights,
    closedAt: c.closedAt,
    pauses: c.pauses.map((p) => ({ from: p.startedAt, to: p.endedAt })),
    identityLevel: c.identityLevel,
    answerFiles: c._count.attachments,
  };
  const open = c.pauses.find((p) => p.endedAt === null);
  const due = dbDateToIso(c.dueDate);
  const ref = visible.ref;
  const allowed = (key: keyof CaseWorkPermissions) => can(actor, CASE_WORK_ACTIONS[key], ref);

  return {
    id: c.id,
    reference: c.reference,
    version: c.version,
    rights: c.rights,
    status: c.status,
    closed: isClosed(c.status),
    channel: c.channel,
    answerChannel: c.answerChannel,
    receivedAt: c.receivedAt,
    requester: c.requester,
    concerns: { onBehalfOf: c.onBehalfOf, subjectName: c.onBehalfOf === "self" ? null : c.subjectName },
    unit: c.unit,
    assigneeName: c.assignee ? (c.assignee.name ?? c.assignee.email) : null,
    dueDate: due,
    daysLeft: daysLeft(due, osloDateOf(now)),
    oneMonthDueDate: dbDateToIso(c.oneMonthDueDate),
    extensionLastDay: extensionDeadline(snapshot, now),
    extendedDueDate: storedDueDate({ ...snapshot, extended: true }),
    extended: c.extended,
    extensionReason: c.extensionReason,
    complex: c.complex,
    restrictedAt: c.restrictedAt,
    restrictionNote: c.restrictionNote,
    openPause: open ? { kind: open.kind, since: open.startedAt } : null,
    tasks: c.tasks.map((t) => ({
      id: t.id,
      kind: t.kind,
      system: t.system,
      recipient: t.recipient,
      assigneeId: t.assigneeId,
      assigneeName: nameOf(t.assigneeId),
      doneAt: t.doneAt,
      doneByName: nameOf(t.doneById),
      note: t.note,
    })),
    decisions: c.decisions.map((d) => ({
      right: d.right,
      outcome: d.outcome,
      legalBasisIds: d.legalBasisIds,
      reasons: d.reasons,
      decidedAt: d.decidedAt,
      decidedByName: nameOf(d.decidedById),
    })),
    timeline,
    can: {
      ask: allowed("ask"),
      extend: allowed("extend"),
      decide: allowed("decide"),
      note: allowed("note"),
      tasks: allowed("tasks"),
      restrict: allowed("restrict"),
      complex: allowed("complex"),
      specialCategory: allowed("specialCategory"),
      changeUnit: allowed("changeUnit"),
      assign: allowed("assign"),
    },
    allowedCommands: allowedCommands(snapshot, now),
    identityLevel: c.identityLevel,
    answerFiles: c._count.attachments,
    taskAssignees: allowed("tasks") ? await taskAssigneesFor(ref) : [],
  };
}

/** Active staff who could work this case themselves (the rule of the task services: policy "case.task"). */
export async function taskAssigneesFor(ref: CaseRef): Promise<{ id: string; name: string }[]> {
  const users = await db().user.findMany({
    where: { active: true, roles: { hasSome: ["caseworker", "unit_lead"] } },
    select: { id: true, name: true, email: true, roles: true, units: { select: { unitId: true } } },
    orderBy: [{ name: "asc" }, { email: "asc" }],
  });
  return users
    .filter((u) =>
      can({ kind: "staff", userId: u.id, roles: u.roles, unitIds: u.units.map((m) => m.unitId) }, CASE_WORK_ACTIONS.tasks, {
        ...ref,
        assigneeId: null,
      }),
    )
    .map((u) => ({ id: u.id, name: u.name ?? u.email }));
}

// ---------------------------------------------------------------------------
// "Henvendelsen": what the requester filed (or what the staff member registered), for the case page.
// National ids leave this service masked only; the full number is read through
// reveal-national-id.ts, which writes an audit event.

export type NationalIdOf = "requester" | "subject";

export type StaffRequestDetailsView = {
  reference: string;
  version: number;
  channel: Channel;
  rights: Right[];
  description: string;
  details: StoredDetails;
  /** The unit the request named when it came in (it may have been moved since); null = "vet ikke". */
  unitAtReceipt: UnitNames | null;
  onBehalfOf: OnBehalfOf;
  subjectName: string | null;
  /** Filed for someone else: the form made the requester confirm parental responsibility or power of attorney. */
  declarationConfirmed: boolean;
  subjectNationalIdMasked: string | null;
  answerChannel: "digital" | "paper";
  contact: { name: string; email: string | null; verifiedEmail: string | null; phone: string | null; postalAddress: string | null };
  requesterNationalIdMasked: string | null;
  /** Where the requester's number comes from: typed in the form, or the ID-porten sign-in. */
  requesterNationalIdSource: "form" | "idporten" | null;
  specialCategory: boolean;
  /** The case's unit now, when that unit processes special categories (its cases are marked when filed). */
  specialCategoryUnit: UnitNames | null;
  can: { revealNationalId: boolean; setSpecialCategory: boolean };
};

/** The ciphertext of a national id on the case: the requester's (typed, else ID-porten's) or the data subject's. */
export function nationalIdCiphertext(
  c: { subjectNationalIdEncrypted: string | null; requester: { nationalIdEncrypted: string | null; identity: { pidEncrypted: string | null } | null } },
  of: NationalIdOf,
): { ciphertext: string; source: "form" | "idporten" } | null {
  if (of === "subject") return c.subjectNationalIdEncrypted ? { ciphertext: c.subjectNationalIdEncrypted, source: "form" } : null;
  if (c.requester.nationalIdEncrypted) return { ciphertext: c.requester.nationalIdEncrypted, source: "form" };
  if (c.requester.identity?.pidEncrypted) return { ciphertext: c.requester.identity.pidEncrypted, source: "idporten" };
  return null;
}

export const NATIONAL_ID_SELECT = {
  subjectNationalIdEncrypted: true,
  requester: { select: { nationalIdEncrypted: true, identity: { select: { pidEncrypted: true } } } },
} as const;

function masked(ciphertext: string | undefined): string | null {
  if (!ciphertext) return null;
  try {
    return maskNationalId(decryptField(ciphertext));
  } catch (error) {
    logger.warn("staff_case.national_id_unreadable", { error: (error as Error).name });
    return null;
  }
}

export async function staffGetRequestDetails(actor: Actor, reference: string): Promise<StaffRequestDetailsView | null> {
  const visible = await staffCaseRef(actor, reference);
  if (!visible || actor.kind !== "staff") return null;
  const c = await db().case.findUniqueOrThrow({
    where: { id: visible.id },
    select: {
      reference: true,
      version: true,
      channel: true,
      rights: true,
      description: true,
      details: true,
      onBehalfOf: true,
      subjectName: true,
      subjectNationalIdEncrypted: true,
      answerChannel: true,
      specialCategory: true,
      unit: { select: { name: true, nameNn: true, nameEn: true, specialCategory: true } },
      requester: {
        select: {
          name: true,
          email: true,
          phone: true,
          postalAddress: true,
          nationalIdEncrypted: true,
          identity: { select: { email: true, pidEncrypted: true } },
        },
      },
      events: {
        where: { type: { in: ["case.received", "case.registered"] } },
        orderBy: [{ at: "asc" }, { id: "asc" }],
        take: 1,
        select: { after: true },
      },
    },
  });
  const first = c.events[0]?.after;
  const unitIdAtReceipt =
    first && typeof first === "object" && !Array.isArray(first) && typeof (first as Record<string, unknown>).unitId === "string"
      ? ((first as Record<string, unknown>).unitId as string)
      : null;
  const unitAtReceipt = unitIdAtReceipt && UUID.test(unitIdAtReceipt)
    ? await db().unit.findUnique({ where: { id: unitIdAtReceipt }, select: { name: true, nameNn: true, nameEn: true } })
    : null;
  const requesterId = nationalIdCiphertext(c, "requester");
  const r = c.requester;
  return {
    reference: c.reference,
    version: c.version,
    channel: c.channel,
    rights: c.rights,
    description: c.description.trim(),
    details: readStoredDetails(c.details),
    unitAtReceipt,
    onBehalfOf: c.onBehalfOf,
    subjectName: c.onBehalfOf === "self" ? null : c.subjectName,
    declarationConfirmed: c.onBehalfOf !== "self",
    subjectNationalIdMasked: masked(nationalIdCiphertext(c, "subject")?.ciphertext),
    answerChannel: c.answerChannel,
    contact: {
      name: r.name,
      email: r.email,
      verifiedEmail: r.identity?.email ?? null,
      phone: r.phone,
      postalAddress: r.postalAddress,
    },
    requesterNationalIdMasked: masked(requesterId?.ciphertext),
    requesterNationalIdSource: requesterId?.source ?? null,
    specialCategory: c.specialCategory,
    specialCategoryUnit: c.unit?.specialCategory ? c.unit : null,
    can: {
      revealNationalId: can(actor, "case.view", visible.ref),
      setSpecialCategory: can(actor, CASE_WORK_ACTIONS.specialCategory, visible.ref),
    },
  };
}
