import { describe, expect, it } from "vitest";
import { isUuid, UUID_PATTERN } from "@/lib/domain/uuid";
import { decodeQueueCursor } from "@/lib/cases/queue-query";

describe("isUuid", () => {
  it("takes a uuid in any letter case", () => {
    expect(isUuid("3c3859a4-1838-4b97-84dc-a1935c0b770e")).toBe(true);
    expect(isUuid("3C3859A4-1838-4B97-84DC-A1935C0B770E")).toBe(true);
  });

  it("refuses what only looks like one: the looser checks it replaced let 36 dashes through to the database", () => {
    for (const value of ["-".repeat(36), "3c3859a418384b9784dca1935c0b770e", "3c3859a4-1838-4b97-84dc-a1935c0b770", "3c3859a4-1838-4b97-84dc-a1935c0b770e ", "g".repeat(8) + "-1838-4b97-84dc-a1935c0b770e", "", null, 7, undefined]) {
      expect(isUuid(value)).toBe(false);
    }
  });

  it("composes into larger patterns", () => {
    expect(new RegExp(`^${UUID_PATTERN}:\\d+$`).test("3c3859a4-1838-4b97-84dc-a1935c0b770e:3")).toBe(true);
  });
});

describe("the queue cursor", () => {
  it("with an id that is no uuid is no cursor (not a query error)", () => {
    const cursor = (id: string) => Buffer.from(`2026-12-01|2026-11-01T10:00:00.000Z|${id}`).toString("base64url");
    expect(decodeQueueCursor(cursor("-".repeat(36)), "due")).toBeNull();
    expect(decodeQueueCursor(cursor("3c3859a4-1838-4b97-84dc-a1935c0b770e"), "due")).toEqual({
      due: "2026-12-01",
      received: "2026-11-01T10:00:00.000Z",
      id: "3c3859a4-1838-4b97-84dc-a1935c0b770e",
    });
  });
});
