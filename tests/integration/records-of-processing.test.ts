// The records of processing (issue 13, item 5) against the real database: the shipped entries, who
// may keep them, refused input that writes nothing, tasks linked by name (new tasks and existing
// ones), "data found" on a search task, and the access answer that describes every system where data
// was found and cannot be sent with a gap, without a search that found data, or without the copy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import {
  createProcessingActivity,
  listProcessingActivities,
  setProcessingActivityRetired,
  updateProcessingActivity,
} from "@/lib/admin/processing-activities";
import { completeTask, createTask } from "@/lib/cases/case-tasks";
import { sendResponseLetter } from "@/lib/cases/send-response-letter";
import { getResponseLetterPage } from "@/lib/letters/response-draft";
import { isDomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { buildCase, buildDecidedCase, prepareAnswer } from "./builders";
import { staffActorByEmail as staff } from "./helpers";

type Staff = Extract<Actor, { kind: "staff" }>;
let kari: Staff; // caseworker, barnehage + skole
let dpo: Staff;
let admin: Staff;

const GRANT_ACCESS = { right: "access" as const, outcome: "granted" as const, legalBasisIds: [], reasons: "" };

const ENTRY = {
  unitId: "",
  purposes: "Å gi barn plass i kulturskolen.",
  legalBasis: "Personvernforordningen artikkel 6 nr. 1 bokstav e, jf. opplæringslova.",
  dataCategories: "Navn, fødselsdato og kontaktopplysninger.",
  recipients: "Ingen.",
  storagePeriod: "Til plassen er sagt opp.",
  source: "Foresatte.",
  transfersOutsideEea: "",
  transferSafeguards: "",
  automatedDecisions: "",
};

beforeAll(async () => {
  kari = await staff("saksbehandler@demo.test");
  dpo = await staff("personvernombud@demo.test");
  admin = await staff("admin@demo.test");
});

afterAll(async () => {
  await disconnectDb();
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    return isDomainError(e) ? e.code : `other: ${String(e)}`;
  }
}

async function errorOf(p: Promise<unknown>): Promise<Record<string, unknown>> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!isDomainError(e)) throw new Error(`expected a domain error, got ${String(e)}`);
  return { code: e.code, ...(e.details ?? {}) };
}

const unique = (label: string) => `${label} ${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;

async function version(reference: string) {
  return (await db().case.findUniqueOrThrow({ where: { reference }, select: { version: true } })).version;
}

describe("the shipped records and who may keep them", () => {
  it("Bergen ships one entry per system its units list, a transfer always with its safeguards", async () => {
    const overview = await listProcessingActivities(admin);
    expect(overview.missing).toEqual([]);
    const names = overview.entries.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(["Barnehagesystem", "Sak- og arkivsystem", "Pasientjournal (EPJ)", "Kundesenterlogg"]));
    for (const e of overview.entries) if (e.transfersOutsideEea) expect(e.transferSafeguards?.trim()).toBeTruthy();
    // Bergen's statement says some transfers happen: the shipped records name at least one.
    expect(overview.entries.some((e) => e.transfersOutsideEea)).toBe(true);
  });

  it("admins and the DPO keep them; a caseworker gets not_found and writes nothing", async () => {
    const before = await db().processingActivity.count();
    expect(await codeOf(listProcessingActivities(kari))).toBe("not_found");
    expect(await codeOf(createProcessingActivity(kari, { ...ENTRY, name: unique("Kulturskole") }))).toBe("not_found");
    expect(await db().processingActivity.count()).toBe(before);
    const byDpo = await createProcessingActivity(dpo, { ...ENTRY, name: unique("Kulturskole") });
    const audit = await db().adminAuditEvent.findFirstOrThrow({ where: { targetId: byDpo.id } });
    expect(audit).toMatchObject({ action: "processing_activity.created", targetType: "processing_activity", actorId: dpo.userId });
  });

  it("refuses bad input with field messages and writes nothing", async () => {
    const before = await db().processingActivity.count();
    const events = await db().adminAuditEvent.count();
    const missing = await errorOf(createProcessingActivity(admin, { ...ENTRY, name: unique("Tom"), purposes: "  ", source: "" }));
    expect(missing).toMatchObject({ code: "validation_failed", fields: { purposes: "required", source: "required" } });
    const transfer = await errorOf(createProcessingActivity(admin, { ...ENTRY, name: unique("Sky"), transfersOutsideEea: "Kontaktopplysninger til USA." }));
    expect(transfer).toMatchObject({ fields: { transferSafeguards: "safeguardsRequired" } });
    const taken = await errorOf(createProcessingActivity(admin, { ...ENTRY, name: "barnehagesystem" }));
    expect(taken).toMatchObject({ fields: { name: "nameTaken" } });
    const trondheimUnit = await db().unit.findFirst({ where: { municipalityId: { not: "bergen" } }, select: { id: true } });
    if (trondheimUnit) {
      const foreign = await errorOf(createProcessingActivity(admin, { ...ENTRY, name: unique("Fremmed"), unitId: trondheimUnit.id }));
      expect(foreign).toMatchObject({ fields: { unitId: "unit" } });
    }
    const control = await errorOf(createProcessingActivity(admin, { ...ENTRY, name: unique("Styretegn"), recipients: "Ingen\u0000" }));
    expect(control).toMatchObject({ fields: { recipients: "invalid" } });
    expect(await db().processingActivity.count()).toBe(before);
    expect(await db().adminAuditEvent.count()).toBe(events);
  });

  it("safeguards without a transfer are dropped: the letter says nothing is transferred", async () => {
    const { id } = await createProcessingActivity(admin, { ...ENTRY, name: unique("Uten overføring"), transferSafeguards: "Standardavtaler." });
    expect(await db().processingActivity.findUniqueOrThrow({ where: { id }, select: { transferSafeguards: true } })).toEqual({ transferSafeguards: null });
  });
});

describe("tasks point at the entry of their system", () => {
  it("a new task links the entry in use by name; an entry added later links the tasks waiting for it", async () => {
    const c = await buildCase({ rights: ["access"] });
    const created = await createTask(kari, { reference: c.reference, kind: "search", system: "Barnehagesystem", expectedVersion: await version(c.reference) });
    const seeded = await db().processingActivity.findFirstOrThrow({ where: { municipalityId: "bergen", name: "Barnehagesystem" }, select: { id: true } });
    expect(await db().caseTask.findUniqueOrThrow({ where: { id: created.taskId }, select: { processingActivityId: true } })).toEqual({ processingActivityId: seeded.id });

    const system = unique("Nytt fagsystem");
    const waiting = await createTask(kari, { reference: c.reference, kind: "search", system, expectedVersion: await version(c.reference) });
    expect((await db().caseTask.findUniqueOrThrow({ where: { id: waiting.taskId } })).processingActivityId).toBeNull();
    const entry = await createProcessingActivity(admin, { ...ENTRY, name: system.toUpperCase() });
    expect(entry.linkedTasks).toBe(1);
    expect((await db().caseTask.findUniqueOrThrow({ where: { id: waiting.taskId } })).processingActivityId).toBe(entry.id);
    const audit = await db().adminAuditEvent.findFirstOrThrow({ where: { targetId: entry.id, action: "processing_activity.created" } });
    expect(audit.after).toMatchObject({ linkedTasks: 1 });

    // Retired: not linked to new tasks; back in use, it is again.
    expect((await setProcessingActivityRetired(admin, entry.id, true)).changed).toBe(true);
    expect((await setProcessingActivityRetired(admin, entry.id, true)).changed).toBe(false);
    const later = await createTask(kari, { reference: c.reference, kind: "search", system, expectedVersion: await version(c.reference) });
    expect((await db().caseTask.findUniqueOrThrow({ where: { id: later.taskId } })).processingActivityId).toBeNull();
    await setProcessingActivityRetired(admin, entry.id, false);
    expect((await db().caseTask.findUniqueOrThrow({ where: { id: later.taskId } })).processingActivityId).toBe(entry.id);
    const actions = (await db().adminAuditEvent.findMany({ where: { targetId: entry.id }, orderBy: { at: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["processing_activity.created", "processing_activity.retired", "processing_activity.reactivated"]);
  });

  it("ticking off a search records whether it found data, in the task and its event", async () => {
    const c = await buildCase({ rights: ["access"] });
    const { taskId } = await createTask(kari, { reference: c.reference, kind: "search", system: "Barnehagesystem", expectedVersion: await version(c.reference) });
    expect(await codeOf(completeTask(kari, { reference: c.reference, taskId, dataFound: "maybe", expectedVersion: await version(c.reference) }))).toBe("validation_failed");
    await completeTask(kari, { reference: c.reference, taskId, dataFound: "yes", expectedVersion: await version(c.reference) });
    expect((await db().caseTask.findUniqueOrThrow({ where: { id: taskId } })).dataFound).toBe(true);
    const event = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id, type: "task.done" } });
    expect(event.after).toMatchObject({ taskId, kind: "search", dataFound: true });
  });
});

describe("the access answer (Art. 15(1)(a)-(h), 15(2), 15(3))", () => {
  it("describes each system where data was found; a gap is shown and refused until the entry exists", async () => {
    const system = unique("Gammelt register");
    const c = await buildDecidedCase([GRANT_ACCESS], { bare: true });
    await prepareAnswer(c.id, { copy: true, register: true });
    await db().caseTask.create({ data: { caseId: c.id, kind: "search", system, doneAt: new Date(), dataFound: true } });
    // A search that found nothing is not described.
    await db().caseTask.create({ data: { caseId: c.id, kind: "search", system: "Sak- og arkivsystem", doneAt: new Date(), dataFound: false } });

    const page = await getResponseLetterPage(kari, c.reference);
    expect(page?.draft).toContain("Hva vi behandler om deg, system for system");
    expect(page?.draft).toContain("Testregister for innsyn:\n- Formål (art. 15 nr. 1 bokstav a): Å teste svar på innsyn.");
    expect(page?.draft).toContain(`MANGLER I BEHANDLINGSPROTOKOLLEN: ${system}`);
    expect(page?.draft).not.toContain("Sak- og arkivsystem:");
    expect(page?.registerProblems).toMatchObject({ noSystems: false, gaps: [system] });
    const letters = () => db().letter.count({ where: { caseId: c.id } });
    const refused = await errorOf(sendResponseLetter(kari, { reference: c.reference, body: page!.draft!, delivery: "portal", expectedVersion: await version(c.reference) }));
    expect(refused).toMatchObject({ code: "validation_failed", reason: "register", gaps: [system] });
    expect(await letters()).toBe(0);

    // The admin adds the system: the waiting task is linked, the draft now quotes the entry.
    await createProcessingActivity(admin, { ...ENTRY, name: system, transfersOutsideEea: "Sikkerhetskopi i Storbritannia.", transferSafeguards: "Beslutning om tilstrekkelig beskyttelsesnivå (artikkel 45).", automatedDecisions: "Systemet beregner plassering på venteliste etter alder." });
    const fixed = await getResponseLetterPage(kari, c.reference);
    expect(fixed?.registerProblems).toBeNull();
    expect(fixed?.draft).toContain("Overføring ut av EU/EØS (art. 15 nr. 2): Sikkerhetskopi i Storbritannia. Garantier: Beslutning om tilstrekkelig beskyttelsesnivå (artikkel 45).");
    expect(fixed?.draft).toContain("Systemet beregner plassering på venteliste etter alder.");
    // An edit that drops an entry's line is refused.
    const cut = fixed!.draft!.replace("Til plassen er sagt opp.", "");
    expect(await errorOf(sendResponseLetter(kari, { reference: c.reference, body: cut, delivery: "portal", expectedVersion: await version(c.reference) }))).toMatchObject({ reason: "register", incomplete: [system] });
    await sendResponseLetter(kari, { reference: c.reference, body: fixed!.draft!, delivery: "portal", expectedVersion: await version(c.reference) });
    expect(await letters()).toBe(1);
  });

  it("is refused without a search that found data, and without the copy (a letter's own PDF is no copy)", async () => {
    const noSearch = await buildDecidedCase([GRANT_ACCESS], { bare: true });
    await prepareAnswer(noSearch.id, { copy: true });
    const page = await getResponseLetterPage(kari, noSearch.reference);
    expect(page?.registerProblems).toMatchObject({ noSystems: true });
    expect(await errorOf(sendResponseLetter(kari, { reference: noSearch.reference, body: page!.draft!, delivery: "portal", expectedVersion: await version(noSearch.reference) }))).toMatchObject({ reason: "register", noSystems: true });

    const noCopy = await buildDecidedCase([GRANT_ACCESS], { bare: true });
    await prepareAnswer(noCopy.id, { register: true });
    const draft = (await getResponseLetterPage(kari, noCopy.reference))!;
    expect(draft.copyMissing).toBe(true);
    expect(await errorOf(sendResponseLetter(kari, { reference: noCopy.reference, body: draft.draft!, delivery: "post", expectedVersion: await version(noCopy.reference) }))).toMatchObject({ reason: "noCopy" });
    expect(await db().letter.count({ where: { caseId: noCopy.id } })).toBe(0);

    // Sent once with its copy; the copy is then removed: the letter's PDF does not count as one.
    const sent = await buildDecidedCase([GRANT_ACCESS]);
    const first = (await getResponseLetterPage(kari, sent.reference))!;
    await sendResponseLetter(kari, { reference: sent.reference, body: first.draft!, delivery: "portal", expectedVersion: await version(sent.reference) });
    await db().attachment.updateMany({ where: { caseId: sent.id, fileName: "kopi.pdf" }, data: { deletedAt: new Date() } });
    expect((await getResponseLetterPage(kari, sent.reference))?.copyMissing).toBe(true);
  });

  it("an update is audited field by field and re-links tasks under the new name", async () => {
    const { id } = await createProcessingActivity(admin, { ...ENTRY, name: unique("Omdøpes") });
    const renamed = unique("Omdøpt");
    const c = await buildCase({ rights: ["access"] });
    await createTask(kari, { reference: c.reference, kind: "search", system: renamed, expectedVersion: await version(c.reference) });
    const { linkedTasks } = await updateProcessingActivity(admin, id, { ...ENTRY, name: renamed, recipients: "Statsforvalteren." });
    expect(linkedTasks).toBe(1);
    const audit = await db().adminAuditEvent.findFirstOrThrow({ where: { targetId: id, action: "processing_activity.updated" } });
    expect(audit.before).toMatchObject({ recipients: "Ingen." });
    expect(audit.after).toMatchObject({ name: renamed, recipients: "Statsforvalteren.", linkedTasks: 1 });
    expect(Object.keys(audit.after as object)).not.toContain("purposes");
    expect(await codeOf(updateProcessingActivity(kari, id, { ...ENTRY, name: renamed }))).toBe("not_found");
  });
});
