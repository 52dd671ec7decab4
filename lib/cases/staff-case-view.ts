// Read models of the staff case page: the case with its messages and files (staffGetCase), the
// work view (header, tasks, decisions, timeline, what the actor may do: staffGetCaseWork), and "who
// changed it last" for the stale-form message. Every read goes through the access gate first.
import { db } from "@/lib/db/client";
import { unansweredInfo, type UnansweredInfo } from "./close-unanswered-case";
import { dbDateToIso } from "@/lib/db/dates";
import type { AttachmentPurpose, CaseStatus, Channel, IdentityLevel, OnBehalfOf, Right, RightOutcome, TaskKind } from "@/lib/db/generated/client";
import { osloDateOf } from "@/lib/domain/calendar";
import { isClosed } from "@/lib/domain/case-status";
import { allowedCommands, extensionDeadline, REOPEN_GROUNDS, storedDueDate, type CaseCommandType, type ReopenGround } from "@/lib/domain/case-state-machine";
import { computeDeadline, daysLeft } from "@/lib/domain/deadline";
import { isOneOf } from "@/i18n/translator";
import { can, type Actor, type CaseRef } from "@/lib/domain/policy";
import { staffMayWriteNow } from "./follow-up";
import { CASE_WORK_ACTIONS, staffCaseRef, type CaseWorkPermissions } from "./case-access";
import { CASE_SNAPSHOT_SELECT, toCaseSnapshot } from "./case-snapshot";
import { buildCaseTimeline, READ_ONLY_EVENTS, staffIdsIn, unitIdsMovedTo, type CaseTimelineEntry } from "./case-timeline";
import { now as clockNow } from "@/lib/clock";
import { isUuid } from "@/lib/domain/uuid";

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

export async function staffGetCase(actor: Actor, reference: string, now: Date = clockNow()): Promise<StaffCaseView | null> {
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
  if (latest.actorType !== "staff" || !latest.actorId || !isUuid(latest.actorId)) return { kind: latest.actorType, name: null };
  const user = await db().user.findUnique({ where: { id: latest.actorId }, select: { name: true, email: true } });
  return { kind: "staff", name: user ? (user.name ?? user.email) : null };
}

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
    /** Search tasks: whether data was found (null: not stated). */
    dataFound: boolean | null;
    /** The entry in the records of processing (Art. 30) the task points at. */
    entry: { name: string; retired: boolean } | null;
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
  /** The last reopening (null = never reopened); the reasons are internal. */
  reopened: { at: Date; count: number; ground: ReopenGround; reason: string; orderedDueDate: string | null } | null;
  /** The due date a reopening now would give (one month from today), for the reopen form. */
  reopenDueDate: string;
  anonymised: boolean;
  /** While waiting for the requester: the question, the period, the warning and when the case may close unanswered. */
  unanswered: UnansweredInfo | null;
};


export async function staffGetCaseWork(actor: Actor, reference: string, now: Date = clockNow()): Promise<StaffCaseWorkView | null> {
  const visible = await staffCaseRef(actor, reference);
  if (!visible || actor.kind !== "staff") return null;
  const c = await db().case.findUniqueOrThrow({
    where: { id: visible.id },
    select: {
      ...CASE_SNAPSHOT_SELECT,
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
      reopenGround: true,
      reopenReason: true,
      anonymisedAt: true,
      onBehalfOf: true,
      subjectName: true,
      requester: { select: { name: true, email: true, phone: true, postalAddress: true, identityLevel: true } },
      unit: { select: { id: true, name: true, nameNn: true, nameEn: true, systems: true } },
      assignee: { select: { name: true, email: true } },
      tasks: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { processingActivity: { select: { name: true, retiredAt: true } } } },
      decisions: true,
      events: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { id: true, at: true, type: true, actorType: true, actorId: true, after: true } },
      messages: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, kind: true, body: true, createdAt: true, authorId: true, letter: { select: { id: true } } },
      },
    },
  });

  const userIds = new Set<string>(staffIdsIn(c.events, c.messages));
  for (const t of c.tasks) {
    if (t.assigneeId) userIds.add(t.assigneeId);
    if (t.doneById) userIds.add(t.doneById);
  }
  for (const d of c.decisions) userIds.add(d.decidedById);
  const movedTo = unitIdsMovedTo(c.events);
  // Two queries at most, whatever the case holds: every name at once.
  const [users, units] = await Promise.all([
    userIds.size ? db().user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true, email: true } }) : [],
    movedTo.length ? db().unit.findMany({ where: { id: { in: movedTo } }, select: { id: true, name: true } }) : [],
  ]);
  const names = new Map(users.map((u) => [u.id, u.name ?? u.email]));
  const nameOf = (id: string | null | undefined) => (id ? (names.get(id) ?? null) : null);
  const timeline = buildCaseTimeline({ events: c.events, messages: c.messages, nameOf, unitNames: new Map(units.map((u) => [u.id, u.name])) });

  const snapshot = toCaseSnapshot(c);
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
      dataFound: t.dataFound,
      entry: t.processingActivity ? { name: t.processingActivity.name, retired: t.processingActivity.retiredAt !== null } : null,
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
      reopen: allowed("reopen"),
    },
    allowedCommands: allowedCommands(snapshot, now),
    identityLevel: c.identityLevel,
    answerFiles: c._count.attachments,
    taskAssignees: allowed("tasks") ? await taskAssigneesFor(ref) : [],
    reopened:
      c.reopenedAt && isOneOf(REOPEN_GROUNDS, c.reopenGround)
        ? {
            at: c.reopenedAt,
            count: c.events.filter((e) => e.type === "case.reopened").length,
            ground: c.reopenGround,
            reason: c.reopenReason ?? "",
            orderedDueDate: c.orderedDueDate ? dbDateToIso(c.orderedDueDate) : null,
          }
        : null,
    reopenDueDate: computeDeadline({ receivedAt: now }).dueDate,
    anonymised: c.anonymisedAt !== null,
    unanswered: await unansweredInfo(db(), { id: c.id, municipalityId: visible.municipalityId, status: c.status }, now),
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

