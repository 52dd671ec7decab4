// The receipt as a PDF to keep (issue 19): found exactly like the receipt page (by its unguessable
// token) or for the citizen who owns the case, never for anyone else; it holds what the page shows
// (reference, rights, dates in words, how to follow the case) and nothing personal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inflateSync } from "node:zlib";
import { randomBytes, randomUUID } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { db, disconnectDb } from "@/lib/db/client";
import { submitRequest } from "@/lib/cases/submit-request";
import { getOwnRequestReceipt, getRequestReceipt, receiptPdf, receiptPdfResponse } from "@/lib/requests/receipt";
import { formatDateLong, osloDateOf } from "@/lib/domain/calendar";
import { validRequest } from "./helpers";

beforeAll(() => {
  process.env.FIELD_ENCRYPTION_KEYS ??= `t1:${randomBytes(32).toString("base64")}`;
  process.env.LOOKUP_HMAC_KEY ??= randomBytes(32).toString("base64");
});

afterAll(async () => {
  await disconnectDb();
});

/** The text drawn on the pages (Helvetica text is hex-encoded in Tj operators, in Flate streams). */
function pdfText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString("latin1");
  return [...raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)]
    .map((m) => {
      const bytes = Buffer.from(m[1]!, "latin1");
      try {
        return inflateSync(bytes).toString("latin1");
      } catch {
        return bytes.toString("latin1");
      }
    })
    .join("\n")
    .split("\n")
    .map((line) => /^<([0-9A-Fa-f]*)> Tj$/.exec(line.trim())?.[1])
    .filter((hex): hex is string => hex !== undefined)
    .map((hex) => Buffer.from(hex, "hex").toString("latin1"))
    .join(" ");
}

async function newIdentity() {
  const email = `kvittering-${randomUUID()}@example.test`;
  const identity = await db().citizenIdentity.create({ data: { method: "email_code", email, level: "email_code" }, select: { id: true } });
  return { identityId: identity.id, email, level: "email_code" as const };
}

/** A case filed through the real service by a signed-in citizen (as the form does). */
async function file(citizen: Awaited<ReturnType<typeof newIdentity>>, overrides: Parameters<typeof validRequest>[0] = {}) {
  return submitRequest(
    validRequest({ name: "Åse Kvitteringsen", email: citizen.email, description: "Hemmelig beskrivelse", ...overrides }),
    { locale: "nb", citizen },
  );
}

describe("receipt PDF", () => {
  it("by the receipt token: the reference, the rights with their legal names, the dates in words, how to follow the case; no name or description", async () => {
    const me = await newIdentity();
    const filed = await file(me, { rights: ["access", "rectification"], details: { incorrectData: "Adressen", correctData: "Ny adresse" } });
    const receipt = await getRequestReceipt(filed.receiptToken);
    expect(receipt?.reference).toBe(filed.reference);

    const file_ = await receiptPdf(receipt!, "nb");
    expect(file_.fileName).toBe(`kvittering-${filed.reference}.pdf`);
    const doc = await PDFDocument.load(file_.bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe(`Kvittering for forespørsel ${filed.reference}`);
    expect(doc.getSubject()).toBe(filed.reference);
    const text = pdfText(file_.bytes);
    expect(text).toContain(filed.reference);
    expect(text).toContain("Se hvilke opplysninger kommunen har om meg (Rett til innsyn)");
    expect(text).toContain("Rette feil opplysninger (Rett til retting)");
    expect(text).toContain(formatDateLong(osloDateOf(receipt!.receivedAt), "nb"));
    expect(text).toContain(`Du får svar innen ${formatDateLong(filed.dueDate, "nb")}.`);
    expect(text).toContain("«Mine saker»");
    expect(text).toContain("Postboks 458 Sentrum, 0105 Oslo");
    // No more personal data than the page: no name, e-mail, description or receipt link.
    for (const secret of ["Kvitteringsen", me.email, "Hemmelig", filed.receiptToken]) expect(text).not.toContain(secret);
  });

  it.each([
    ["nn", "Kvittering for førespurnad", "Du får svar innan", "kvittering"],
    ["en", "Receipt for request", "You will get a reply by", "receipt"],
  ] as const)("in %s", async (locale, title, dueLine, prefix) => {
    const filed = await file(await newIdentity());
    const made = await receiptPdf((await getRequestReceipt(filed.receiptToken))!, locale);
    expect(made.fileName).toBe(`${prefix}-${filed.reference}.pdf`);
    expect((await PDFDocument.load(made.bytes)).getTitle()).toBe(`${title} ${filed.reference}`);
    expect(pdfText(made.bytes)).toContain(`${dueLine} ${formatDateLong(filed.dueDate, locale)}.`);
  });

  it("another or a malformed token finds nothing", async () => {
    await file(await newIdentity());
    expect(await getRequestReceipt(randomBytes(24).toString("base64url"))).toBeNull();
    expect(await getRequestReceipt("../../etc/passwd")).toBeNull();
    expect(await getRequestReceipt("")).toBeNull();
  });

  it("from Mine saker: only the citizen who filed the case gets it", async () => {
    const me = await newIdentity();
    const other = await newIdentity();
    const filed = await file(me);
    const mine = await getOwnRequestReceipt(me.identityId, filed.reference);
    expect(mine?.reference).toBe(filed.reference);
    expect(pdfText((await receiptPdf(mine!, "nb")).bytes)).toContain(filed.reference);
    expect(await getOwnRequestReceipt(other.identityId, filed.reference)).toBeNull();
    expect(await getOwnRequestReceipt("", filed.reference)).toBeNull();
    expect(await getOwnRequestReceipt(me.identityId, "PV-1999-000001")).toBeNull();
    expect(await getOwnRequestReceipt(me.identityId, "not-a-reference")).toBeNull();
  });

  it("is sent as a download that is never cached or rendered", async () => {
    const filed = await file(await newIdentity());
    const response = receiptPdfResponse(await receiptPdf((await getRequestReceipt(filed.receiptToken))!, "nb"));
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="kvittering-${filed.reference}.pdf"`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});
