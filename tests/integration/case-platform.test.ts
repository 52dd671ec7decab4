// The case page's "Arkiv og utsending" without the archive integration (this file runs with no
// platform settings): staff record the archive reference by hand, audited, with bad input refused
// and nothing written; the panel and the dashboard's integration health respect who may see what.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { getCasePlatform, recordArchiveReference, retryCaseIntegration } from "@/lib/cases/case-platform";
import { dashboardIntegrationHealth } from "@/lib/dashboard/integration-health";
import { isDomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { buildCase } from "./builders";
import { staffActorByEmail as staff } from "./helpers";

let kari: Actor;
let ola: Actor;
let admin: Actor;
let dpo: Actor;

beforeAll(async () => {
  kari = await staff("saksbehandler@demo.test");
  ola = await staff("saksbehandler2@demo.test");
  admin = await staff("admin@demo.test");
  dpo = await staff("personvernombud@demo.test");
});
afterAll(() => disconnectDb());

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (isDomainError(error)) return `${error.code}:${String((error.details as { reason?: string } | undefined)?.reason ?? "")}`;
    throw error;
  }
}

describe("archive reference by hand", () => {
  it("the case's caseworker records it: saved with its audit event, shown on the panel", async () => {
    const c = await buildCase();
    const before = await getCasePlatform(kari, c.reference);
    expect(before?.features.archive).toBe(false);
    expect(before?.archiveReferenceManual).toBeNull();
    expect(before?.canWork).toBe(true);
    // Filing with the integration off queues nothing.
    expect(before?.items).toEqual([]);

    await recordArchiveReference(kari, { reference: c.reference, archiveReference: " 2026/1234-1 ", expectedVersion: before!.version });
    const after = await getCasePlatform(kari, c.reference);
    expect(after?.archiveReferenceManual).toBe("2026/1234-1");
    expect(after?.version).toBe(before!.version + 1);
    const event = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.caseId, type: "archive.reference_recorded" } });
    expect(event.after).toEqual({ reference: "2026/1234-1" });
  });

  it("bad input is refused with its message and changes nothing", async () => {
    const c = await buildCase();
    const v = (await getCasePlatform(kari, c.reference))!.version;
    expect(await code(recordArchiveReference(kari, { reference: c.reference, archiveReference: "   ", expectedVersion: v }))).toBe("validation_failed:platform.panel.errors.required");
    expect(await code(recordArchiveReference(kari, { reference: c.reference, archiveReference: "x".repeat(101), expectedVersion: v }))).toBe("validation_failed:platform.panel.errors.tooLong");
    expect(await code(recordArchiveReference(kari, { reference: c.reference, archiveReference: "2026/1\u0000", expectedVersion: v }))).toBe("validation_failed:platform.panel.errors.invalid");
    expect(await code(recordArchiveReference(kari, { reference: c.reference, archiveReference: "<script>", expectedVersion: v }))).toBe("validation_failed:platform.panel.errors.invalid");
    expect(await code(recordArchiveReference(kari, { reference: c.reference, archiveReference: "2026/1", expectedVersion: v + 5 }))).toBe("conflict_stale_version:");
    const row = await db().case.findUniqueOrThrow({ where: { id: c.caseId } });
    expect(row.archiveReferenceManual).toBeNull();
    expect(row.version).toBe(v);
    expect(await db().caseEvent.count({ where: { caseId: c.caseId, type: "archive.reference_recorded" } })).toBe(0);
  });

  it("a caseworker of another unit, or an admin, gets not_found and writes nothing", async () => {
    const c = await buildCase();
    const v = (await getCasePlatform(kari, c.reference))!.version;
    for (const actor of [ola, admin]) {
      expect(await getCasePlatform(actor, c.reference)).toBeNull();
      expect(await code(recordArchiveReference(actor, { reference: c.reference, archiveReference: "2026/9", expectedVersion: v }))).toBe("not_found:");
    }
    expect((await db().case.findUniqueOrThrow({ where: { id: c.caseId } })).archiveReferenceManual).toBeNull();
  });
});

describe("retrying a message and the dashboard's integration health", () => {
  it("only a refused or failed message of a visible case can be retried; the dashboard counts and names it", async () => {
    const c = await buildCase();
    const failed = await db().integrationMessage.create({
      data: { municipalityId: "bergen", caseId: c.caseId, kind: "archive_letter", idempotencyKey: `test:${c.caseId}:refused`, status: "refused", refusal: "Ugyldig arkivmelding", attempts: 2 },
    });
    const waiting = await db().integrationMessage.create({
      data: { municipalityId: "bergen", caseId: c.caseId, kind: "svarut_letter", idempotencyKey: `test:${c.caseId}:waiting`, status: "pending", attempts: 3 },
    });
    const health = await dashboardIntegrationHealth(dpo);
    expect(health.failed).toBeGreaterThanOrEqual(1);
    expect(health.waiting).toBeGreaterThanOrEqual(1);
    expect(health.failedCases.map((f) => f.reference)).toContain(c.reference);
    expect(await code(dashboardIntegrationHealth(kari))).toBe("not_found:");

    const panel = await getCasePlatform(kari, c.reference);
    expect(panel?.items.map((i) => [i.kind, i.status, i.attempts])).toEqual([
      ["archive_letter", "refused", 2],
      ["svarut_letter", "pending", 3],
    ]);

    expect(await code(retryCaseIntegration(ola, { reference: c.reference, integrationId: failed.id }))).toBe("not_found:");
    expect(await code(retryCaseIntegration(kari, { reference: c.reference, integrationId: waiting.id }))).toBe("not_found:");
    await retryCaseIntegration(kari, { reference: c.reference, integrationId: failed.id });
    const retried = await db().integrationMessage.findUniqueOrThrow({ where: { id: failed.id } });
    expect(retried.status).toBe("pending");
    expect(retried.refusal).toBeNull();
    expect(await db().caseEvent.count({ where: { caseId: c.caseId, type: "integration.retried" } })).toBe(1);
    await db().integrationMessage.deleteMany({ where: { caseId: c.caseId } });
  });
});
