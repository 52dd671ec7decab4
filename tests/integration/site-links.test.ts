// Issue 13, items 9 and 10: the links the accessibility statement and the privacy notice point to.
// Admins set them (audited, in one transaction), bad input changes nothing, nobody else may read
// or write them (not_found), and the database refuses what the form refuses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { getSiteFacts, getSiteLinkSettings, setSiteLinks } from "@/lib/admin/site-links";
import { listAdminEvents } from "@/lib/admin/admin-audit";
import type { Actor } from "@/lib/domain/policy";
import { staffActorByEmail } from "./helpers";

type Staff = Extract<Actor, { kind: "staff" }>;
let admin: Staff;
let dpo: Staff;
let caseworker: Staff;
let original: { privacyStatementUrl: string | null; accessibilityStatementUrl: string | null };

beforeAll(async () => {
  admin = await staffActorByEmail("admin@demo.test");
  dpo = await staffActorByEmail("personvernombud@demo.test");
  caseworker = await staffActorByEmail("saksbehandler@demo.test");
  original = await getSiteLinkSettings(admin);
});

afterAll(async () => {
  await db().municipality.update({ where: { id: "bergen" }, data: original });
  await disconnectDb();
});

const siteEvents = async () => (await listAdminEvents(admin, { filter: { targetType: "municipality", targetId: "bergen" } })).entries.filter((e) => e.action === "site_links.set");

describe("website links", () => {
  it("an admin sets and clears them; each change is one audit entry with before and after", async () => {
    const privacy = "https://www.bergen.kommune.no/personvern";
    const uustatus = "https://uustatus.no/nb/erklaringer/publisert/00000000-test";
    const count = (await siteEvents()).length;
    await setSiteLinks(admin, { privacyStatementUrl: `  ${privacy} `, accessibilityStatementUrl: uustatus });
    expect(await getSiteFacts()).toMatchObject({ privacyStatementUrl: privacy, accessibilityStatementUrl: uustatus });
    const [entry] = await siteEvents();
    expect(entry).toMatchObject({ after: { privacyStatementUrl: privacy, accessibilityStatementUrl: uustatus }, targetLabel: "Bergen kommune" });

    await setSiteLinks(admin, { privacyStatementUrl: "", accessibilityStatementUrl: uustatus });
    expect((await getSiteFacts()).privacyStatementUrl).toBeNull();
    const [cleared] = await siteEvents();
    expect(cleared).toMatchObject({ before: { privacyStatementUrl: privacy }, after: { privacyStatementUrl: null } });
    expect(cleared!.after).not.toHaveProperty("accessibilityStatementUrl");
    // Saving the same again changes nothing and writes nothing.
    await setSiteLinks(admin, { privacyStatementUrl: "", accessibilityStatementUrl: uustatus });
    expect((await siteEvents()).length).toBe(count + 2);
  });

  it.each([
    ["http://www.bergen.kommune.no/personvern", "https"],
    ["www.bergen.kommune.no", "https"],
    ["https://bergen kommune.no", "https"],
    ["javascript:alert(1)", "https"],
    [`https://example.test/${"a".repeat(500)}`, "tooLong"],
  ])("refuses %s (%s) and changes nothing", async (url, message) => {
    const before = await getSiteFacts();
    const count = (await siteEvents()).length;
    await expect(setSiteLinks(admin, { privacyStatementUrl: "https://ok.example.test/", accessibilityStatementUrl: url })).rejects.toMatchObject({
      code: "validation_failed",
      details: { fields: { accessibilityStatementUrl: message } },
    });
    expect(await getSiteFacts()).toEqual(before);
    expect((await siteEvents()).length).toBe(count);
  });

  it("nobody but an admin reads or changes them", async () => {
    for (const actor of [dpo, caseworker]) {
      await expect(getSiteLinkSettings(actor)).rejects.toMatchObject({ code: "not_found" });
      await expect(setSiteLinks(actor, { privacyStatementUrl: "https://evil.example.test/", accessibilityStatementUrl: "" })).rejects.toMatchObject({ code: "not_found" });
    }
    await expect(setSiteLinks({ kind: "system" }, { privacyStatementUrl: "", accessibilityStatementUrl: "" })).rejects.toMatchObject({ code: "not_found" });
    await expect(setSiteLinks({ kind: "citizen", requesterId: "00000000-0000-0000-0000-000000000000" }, { privacyStatementUrl: "", accessibilityStatementUrl: "" })).rejects.toMatchObject({ code: "not_found" });
    expect((await getSiteFacts()).privacyStatementUrl).not.toBe("https://evil.example.test/");
  });

  it("the database refuses anything but an https address as well", async () => {
    await expect(db().$executeRaw`UPDATE municipality SET privacy_statement_url = 'http://x.example.test' WHERE id = 'bergen'`).rejects.toThrow(/municipality_privacy_statement_url_https/);
    await expect(db().$executeRaw`UPDATE municipality SET accessibility_statement_url = 'https://a b' WHERE id = 'bergen'`).rejects.toThrow(/municipality_accessibility_statement_url_https/);
  });
});
