// Issue 13 item 8: a guardian's request is stored as such and shows to staff with the mandate check;
// a request about a person who has died is refused and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes, randomUUID } from "node:crypto";
import { db, disconnectDb } from "@/lib/db/client";
import { submitRequest } from "@/lib/cases/submit-request";
import { staffGetRequestDetails } from "@/lib/cases/staff-request-details";
import { getRequestReceipt } from "@/lib/requests/receipt";
import { isDomainError } from "@/lib/domain/errors";
import { staffActorByEmail, validRequest } from "./helpers";

beforeAll(() => {
  process.env.FIELD_ENCRYPTION_KEYS ??= `t1:${randomBytes(32).toString("base64")}`;
  process.env.LOOKUP_HMAC_KEY ??= randomBytes(32).toString("base64");
});
afterAll(async () => {
  await disconnectDb();
});

describe("who may ask", () => {
  it("a guardian's request is stored with on_behalf_of = guardian and shows to staff and on the receipt", async () => {
    const done = await submitRequest(
      validRequest({ onBehalfOf: "guardian", subjectName: "Per Hansen", declaration: true, submissionKey: randomUUID() }),
      { locale: "nb", citizen: null },
    );
    const row = await db().case.findUniqueOrThrow({ where: { id: done.caseId }, select: { onBehalfOf: true, subjectName: true } });
    expect(row).toEqual({ onBehalfOf: "guardian", subjectName: "Per Hansen" });
    const dpo = await staffActorByEmail("personvernombud@demo.test");
    const view = await staffGetRequestDetails(dpo, done.reference);
    expect(view?.onBehalfOf).toBe("guardian");
    expect(view?.subjectName).toBe("Per Hansen");
    expect(view?.declarationConfirmed).toBe(true);
    const receipt = await getRequestReceipt(done.receiptToken);
    expect(receipt?.onBehalfOf).toBe("guardian");
  });

  it("a request about a person who has died is refused and writes nothing", async () => {
    const before = await db().case.count();
    const events = await db().caseEvent.count();
    const error = await submitRequest(
      validRequest({ onBehalfOf: "deceased", subjectName: "Per Hansen", declaration: true, submissionKey: randomUUID() }),
      { locale: "nb", citizen: null },
    ).catch((e: unknown) => e);
    expect(isDomainError(error, "validation_failed")).toBe(true);
    expect((error as { details?: Record<string, unknown> }).details?.field).toBe("onBehalfOf");
    expect(await db().case.count()).toBe(before);
    expect(await db().caseEvent.count()).toBe(events);
  });
});
