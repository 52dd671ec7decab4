// Issue 13, item 12: the contact details an admin sets in place of the shipped profile's (the
// facts the municipality's statement does not give are marked as assumptions). Admins save them
// (audited, in one transaction), bad input changes nothing, nobody else may read or write them
// (not_found), and the footer's reader, the receipt letter and the response and message letters
// print the admin's values.
import { inflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { CONTACT_FIELDS, getContactSettings, municipalityContact, municipalityForCase, setContact, type ContactInput } from "@/lib/admin/profile-contact";
import { listAdminEvents } from "@/lib/admin/admin-audit";
import { municipalityProfile } from "@/lib/config/municipalities";
import { letterInputFor, loadLetterCase } from "@/lib/letters/response-draft";
import { renderResponseLetterText } from "@/lib/letters/response-templates";
import { messageLetterText } from "@/lib/letters/message-letter";
import type { Actor } from "@/lib/domain/policy";
import { seed } from "@/prisma/seed";
import { staffActorByEmail } from "./helpers";
import { buildCase, buildDecidedCase } from "./builders";

type Staff = Extract<Actor, { kind: "staff" }>;
let admin: Staff;
let dpo: Staff;
let caseworker: Staff;

const shipped = municipalityProfile("bergen");
const NONE = Object.fromEntries(CONTACT_FIELDS.map((f) => [`${f}Override`, null]));

/** The form as it comes when nothing is typed over: each field's shipped value. */
function formOf(changes: Partial<ContactInput> = {}): ContactInput {
  return {
    postmottakEmail: shipped.postmottakEmail ?? "",
    phone: shipped.phone ?? "",
    visitingAddress: shipped.visitingAddress ?? "",
    postalAddress: shipped.postalAddress,
    dpoName: shipped.dpo.name ?? "",
    dpoEmail: shipped.dpo.email ?? "",
    dpoPhone: shipped.dpo.phone ?? "",
    dpoPostalAddress: "",
    ...changes,
  };
}

async function pdfText(pdf: Uint8Array): Promise<string> {
  const raw = Buffer.from(pdf).toString("latin1");
  const streams = [...raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((m) => {
    const bytes = Buffer.from(m[1]!, "latin1");
    try {
      return inflateSync(bytes).toString("latin1");
    } catch {
      return bytes.toString("latin1");
    }
  });
  return streams
    .join("\n")
    .split("\n")
    .map((line) => /^<([0-9A-Fa-f]*)> Tj$/.exec(line.trim())?.[1])
    .filter((hex): hex is string => hex !== undefined)
    .map((hex) => Buffer.from(hex, "hex").toString("latin1"))
    .join(" ");
}

const contactEvents = async () => (await listAdminEvents(admin, { filter: { targetType: "municipality", targetId: "bergen" } })).entries.filter((e) => e.action === "contact.set");
const sourceOf = async (field: (typeof CONTACT_FIELDS)[number]) => (await getContactSettings(admin)).find((s) => s.field === field)!;

beforeAll(async () => {
  admin = await staffActorByEmail("admin@demo.test");
  dpo = await staffActorByEmail("personvernombud@demo.test");
  caseworker = await staffActorByEmail("saksbehandler@demo.test");
  await db().municipality.update({ where: { id: "bergen" }, data: NONE });
});

afterAll(async () => {
  await db().municipality.update({ where: { id: "bergen" }, data: NONE });
  await disconnectDb();
});

describe("contact details", () => {
  it("shows where each value comes from: the statement, or the shipped profile's assumption", async () => {
    expect(await sourceOf("dpoPostalAddress")).toEqual({ field: "dpoPostalAddress", value: shipped.dpo.postalAddress, shipped: shipped.dpo.postalAddress, source: "assumption" });
    expect(await sourceOf("dpoEmail")).toMatchObject({ value: "personvernombud@bergen.kommune.no", source: "statement" });
    expect(await sourceOf("phone")).toMatchObject({ value: "55 56 55 56", source: "statement" });
  });

  it("an admin confirms an assumption and changes a value; one audit entry with before and after", async () => {
    const count = (await contactEvents()).length;
    // Saving the shipped values as they are changes nothing the statement says and writes nothing.
    await setContact(admin, formOf());
    expect((await contactEvents()).length).toBe(count);
    expect(await db().municipality.findUniqueOrThrow({ where: { id: "bergen" }, select: { phoneOverride: true } })).toEqual({ phoneOverride: null });

    // The DPO's postal address saved as shipped: confirmed (stored). The phone typed over: stored.
    await setContact(admin, formOf({ phone: " 55 00 11 22 ", dpoPostalAddress: shipped.dpo.postalAddress! }));
    expect(await sourceOf("dpoPostalAddress")).toMatchObject({ source: "admin", value: shipped.dpo.postalAddress });
    expect(await sourceOf("phone")).toMatchObject({ source: "admin", value: "55 00 11 22", shipped: "55 56 55 56" });
    expect(await sourceOf("dpoEmail")).toMatchObject({ source: "statement" });
    const [entry] = await contactEvents();
    expect(entry).toMatchObject({
      targetLabel: "Bergen kommune",
      before: { phone: null, dpoPostalAddress: null },
      after: { phone: "55 00 11 22", dpoPostalAddress: shipped.dpo.postalAddress },
    });
    expect(entry!.after).not.toHaveProperty("dpoEmail");
    expect((await contactEvents()).length).toBe(count + 1);

    // Empty: back to the shipped value.
    await setContact(admin, formOf({ phone: "", dpoPostalAddress: shipped.dpo.postalAddress! }));
    expect(await sourceOf("phone")).toMatchObject({ source: "statement", value: "55 56 55 56" });
    expect((await contactEvents())[0]).toMatchObject({ before: { phone: "55 00 11 22" }, after: { phone: null } });
  });

  it.each([
    ["postmottakEmail", "postmottak", "email"],
    ["dpoEmail", "a b@bergen.kommune.no", "email"],
    ["phone", "ring oss", "phone"],
    ["dpoPhone", "12", "phone"],
    ["visitingAddress", "Kaigaten 4\nBergen", "oneLine"],
    ["postalAddress", "P".repeat(201), "tooLong"],
  ] as const)("refuses %s = %j (%s) and changes nothing", async (field, value, message) => {
    const before = await db().municipality.findUniqueOrThrow({ where: { id: "bergen" } });
    const count = (await contactEvents()).length;
    await expect(setContact(admin, formOf({ dpoName: "Someone Else", [field]: value }))).rejects.toMatchObject({
      code: "validation_failed",
      details: { fields: { [field]: message } },
    });
    expect(await db().municipality.findUniqueOrThrow({ where: { id: "bergen" } })).toEqual(before);
    expect((await contactEvents()).length).toBe(count);
  });

  it("nobody but an admin reads or changes them", async () => {
    for (const actor of [dpo, caseworker, { kind: "system" } as const, { kind: "citizen", requesterId: "00000000-0000-0000-0000-000000000000" } as const]) {
      await expect(getContactSettings(actor)).rejects.toMatchObject({ code: "not_found" });
      await expect(setContact(actor, formOf({ phone: "99 99 99 99" }))).rejects.toMatchObject({ code: "not_found" });
    }
    expect((await municipalityContact("bergen")).phone).not.toBe("99 99 99 99");
  });

  it("the seed, which rewrites the shipped columns on every start, leaves the admin's values alone", async () => {
    await setContact(admin, formOf({ dpoName: "Pia Personvern" }));
    await seed({ municipality: "bergen", log: () => {} });
    expect((await municipalityContact("bergen")).dpo.name).toBe("Pia Personvern");
    expect(await db().municipality.findUniqueOrThrow({ where: { id: "bergen" }, select: { dpoName: true } })).toEqual({ dpoName: shipped.dpo.name });
    await setContact(admin, formOf());
  });

  it("the database refuses a line break or a malformed e-mail address as well", async () => {
    await expect(db().$executeRaw`UPDATE municipality SET phone_override = E'55\n56' WHERE id = 'bergen'`).rejects.toThrow(/municipality_contact_overrides_one_line/);
    await expect(db().$executeRaw`UPDATE municipality SET dpo_email_override = 'nobody' WHERE id = 'bergen'`).rejects.toThrow(/municipality_contact_override_emails/);
  });

  it("the pages, the receipt letter and the response and message letters print the admin's values", async () => {
    await setContact(admin, formOf({ phone: "55 00 11 22", dpoName: "Pia Personvern", dpoPostalAddress: "Personvernombudet, Postboks 9999, 5020 Bergen" }));
    const m = await municipalityContact();
    expect(m).toMatchObject({ phone: "55 00 11 22", dpo: { name: "Pia Personvern", postalAddress: "Personvernombudet, Postboks 9999, 5020 Bergen", email: "personvernombud@bergen.kommune.no" } });

    // A paper receipt: the DPO's contact line (where to complain) is the admin's.
    const paper = await buildCase({ receipt: true, answerChannel: "paper", requester: { email: null, postalAddress: "Testveien 1, 5003 Bergen" } });
    const receipt = await db().letter.findFirstOrThrow({ where: { caseId: paper.id, kind: "receipt" }, select: { pdf: true } });
    const receiptText = await pdfText(receipt.pdf!);
    expect(receiptText).toContain("Pia Personvern");
    expect(receiptText).toContain("Personvernombudet, Postboks 9999, 5020 Bergen");

    // A response letter sent by post: "questions by post or phone" names the admin's phone.
    const decided = await buildDecidedCase([{ right: "access", outcome: "granted", legalBasisIds: [], reasons: "" }], {
      answerChannel: "paper",
      requester: { email: null, postalAddress: "Testveien 1, 5003 Bergen" },
    });
    const letterCase = await loadLetterCase(db(), decided.id);
    expect(letterCase.municipality.phone).toBe("55 00 11 22");
    const letter = renderResponseLetterText(letterInputFor(letterCase, "post", new Date()));
    expect(letter).toContain("55 00 11 22");
    expect(letter).not.toContain("55 56 55 56");

    // A message as a paper letter: how to answer by post and phone.
    const text = messageLetterText({ locale: "nb", reference: decided.reference, municipalityId: "bergen", municipality: await municipalityForCase(db(), { id: decided.id, municipalityId: "bergen", locale: "nb" }), body: "Hei." });
    expect(text).toContain("55 00 11 22");
  });
});
