import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes, randomUUID, createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { db, disconnectDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/domain/errors";
import { citizenUploadAttachment, staffUploadAnswer } from "@/lib/files/upload-attachment";
import { downloadAttachment } from "@/lib/files/download-attachment";
import { signDownload } from "@/lib/files/signed-link";
import { MAX_UPLOAD_BYTES } from "@/lib/files/content-type";
import { storageDir } from "@/lib/files/storage";
import { buildCase, buildIdentity } from "./builders";
import { staffActorByEmail as staffActor } from "./helpers";
import { ownerSql } from "./owner-db";

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);
const PDF = Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(32)]);
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(62), Buffer.from("This program cannot be run in DOS mode.")]);

beforeAll(() => {
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64");
  process.env.STORAGE_DIR = path.resolve(process.env.TEST_DATA_DIR ?? ".data-test-integration", "files-test");
});

afterAll(async () => {
  await disconnectDb();
});

async function newIdentity() {
  const identity = await buildIdentity();
  return { identityId: identity.identityId, email: identity.email! };
}

/** A web case filed under the identity, through the real creation path (builders.ts). */
function createCase(identityId: string, email: string, unit = "barnehage") {
  return buildCase({ unit, identity: { identityId, email }, requester: { name: "Fil Testesen", email } });
}

function storedFiles(): string[] {
  const dir = storageDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((sub) => readdirSync(path.join(dir, sub)));
}

async function expectUploadError(promise: Promise<unknown>, reason: string) {
  const error = await promise.catch((e: unknown) => e);
  expect(isDomainError(error, "validation_failed")).toBe(true);
  expect((error as { details?: { reason?: string } }).details?.reason).toBe(reason);
}

describe("uploads", () => {
  it("accepts PDF, JPEG and PNG by content, stores them outside the web root with sha256 and an audit event", async () => {
    const me = await newIdentity();
    const c = await createCase(me.identityId, me.email);
    // A PNG named .pdf and declared nothing: stored as the PNG it is.
    const png = await citizenUploadAttachment({ identityId: me.identityId, reference: c.reference, fileName: "../../skjerm.pdf", bytes: PNG });
    await citizenUploadAttachment({ identityId: me.identityId, reference: c.reference, fileName: "brev.pdf", bytes: PDF });
    await citizenUploadAttachment({ identityId: me.identityId, reference: c.reference, fileName: "bilde", bytes: JPEG });

    const rows = await db().attachment.findMany({ where: { caseId: c.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.contentType, r.fileName, r.purpose, r.uploadedBy])).toEqual([
      ["image/png", "skjerm.png", "from_requester", "citizen"],
      ["application/pdf", "brev.pdf", "from_requester", "citizen"],
      ["image/jpeg", "bilde.jpg", "from_requester", "citizen"],
    ]);
    const first = rows.find((r) => r.id === png.attachmentId)!;
    expect(first.sha256).toBe(createHash("sha256").update(PNG).digest("hex"));
    expect(first.sizeBytes).toBe(PNG.length);
    const onDisk = readFileSync(path.join(storageDir(), first.storageKey.slice(0, 2), first.storageKey));
    expect(onDisk.equals(PNG)).toBe(true);
    expect(storageDir()).not.toContain(`${path.sep}public`);

    const events = await db().caseEvent.findMany({ where: { caseId: c.id, type: "attachment.from_requester" } });
    expect(events).toHaveLength(3);
  });

  it("rejects an EXE renamed .pdf, an empty file and one over 10 MB, and keeps nothing", async () => {
    const me = await newIdentity();
    const c = await createCase(me.identityId, me.email);
    const before = storedFiles().length;
    const base = { identityId: me.identityId, reference: c.reference };
    await expectUploadError(citizenUploadAttachment({ ...base, fileName: "faktura.pdf", bytes: EXE }), "type");
    await expectUploadError(citizenUploadAttachment({ ...base, fileName: "tom.pdf", bytes: new Uint8Array(0) }), "empty");
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1);
    PDF.copy(big);
    await expectUploadError(citizenUploadAttachment({ ...base, fileName: "stor.pdf", bytes: big }), "too_large");
    expect(await db().attachment.count({ where: { caseId: c.id } })).toBe(0);
    expect(storedFiles().length).toBe(before);
    // Exactly 10 MB is allowed.
    const exact = Buffer.alloc(MAX_UPLOAD_BYTES);
    PDF.copy(exact);
    await citizenUploadAttachment({ ...base, fileName: "akkurat.pdf", bytes: exact });
    expect(await db().attachment.count({ where: { caseId: c.id } })).toBe(1);
  });

  it("a caseworker's answer may be a data export (JSON, CSV, ZIP) that the citizen downloads; citizens still upload documents only", async () => {
    const me = await newIdentity();
    const c = await createCase(me.identityId, me.email);
    const kari = await staffActor("saksbehandler@demo.test");
    const JSON_EXPORT = Buffer.from(JSON.stringify({ barnehage: { plass: "Solstrålen", fra: "2024-08-01" } }));
    const CSV_EXPORT = Buffer.from("\ufeffsystem;felt;verdi\r\nBarnehagesystem;plass;Solstrålen\r\n");
    const ZIP_EXPORT = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(40)]);
    const expected = [
      [JSON_EXPORT, "eksport.txt", "application/json", "eksport.json"],
      [CSV_EXPORT, "eksport", "text/csv", "eksport.csv"],
      [ZIP_EXPORT, "innsynspakke.pdf", "application/zip", "innsynspakke.zip"],
    ] as const;
    for (const [bytes, declared, type, name] of expected) {
      const { attachmentId } = await staffUploadAnswer(kari, { reference: c.reference, fileName: declared, bytes });
      const { expires, sig } = signDownload(attachmentId);
      const got = await downloadAttachment({ id: attachmentId, expires: String(expires), sig }, { citizen: { identityId: me.identityId, level: "email_code" }, staff: null });
      expect(got?.contentType).toBe(type);
      expect(got?.fileName).toBe(name);
      expect(got?.bytes.equals(bytes)).toBe(true);
    }
    // Not data: broken JSON, binary junk, text without a separator, an executable.
    for (const bytes of [Buffer.from('{"a": '), EXE, Buffer.from("bare tekst uten skilletegn"), Buffer.from([0xc3, 0x28, 0x2c, 0x2c])]) {
      await expectUploadError(staffUploadAnswer(kari, { reference: c.reference, fileName: "x.json", bytes }), "type");
    }
    // A citizen cannot upload the same exports.
    for (const bytes of [JSON_EXPORT, CSV_EXPORT, ZIP_EXPORT]) {
      await expectUploadError(citizenUploadAttachment({ identityId: me.identityId, reference: c.reference, fileName: "x", bytes }), "type");
    }
  });

  it("another identity cannot upload to the case (not_found), and a failed transaction removes the file", async () => {
    const me = await newIdentity();
    const other = await newIdentity();
    const c = await createCase(me.identityId, me.email);
    const error = await citizenUploadAttachment({ identityId: other.identityId, reference: c.reference, fileName: "a.pdf", bytes: PDF }).catch((e: unknown) => e);
    expect(isDomainError(error, "not_found")).toBe(true);

    // Make the transaction fail (a temporary CHECK constraint refuses the row): the written file must go.
    const before = storedFiles().length;
    const kari = await staffActor("saksbehandler@demo.test");
    await ownerSql(`ALTER TABLE attachment ADD CONSTRAINT files_test_block CHECK (file_name <> 'blokkert.pdf')`);
    try {
      const failed = await staffUploadAnswer(kari, { reference: c.reference, fileName: "blokkert.pdf", bytes: PDF }).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(Error);
    } finally {
      await ownerSql(`ALTER TABLE attachment DROP CONSTRAINT files_test_block`);
    }
    expect(storedFiles().length).toBe(before);
  });
});

describe("downloads", () => {
  it("serves an answer file to the owner and to staff who may see the case, with a valid signature only", async () => {
    const me = await newIdentity();
    const other = await newIdentity();
    const c = await createCase(me.identityId, me.email);
    const kari = await staffActor("saksbehandler@demo.test");
    const ola = await staffActor("saksbehandler2@demo.test");
    const { attachmentId } = await staffUploadAnswer(kari, { reference: c.reference, fileName: "innsyn.pdf", bytes: PDF });
    const now = new Date();
    const { expires, sig } = signDownload(attachmentId, now);
    const link = { id: attachmentId, expires: String(expires), sig };
    const citizen = { identityId: me.identityId, level: "email_code" as const };

    const got = await downloadAttachment(link, { citizen, staff: null });
    expect(got?.bytes.equals(PDF)).toBe(true);
    expect(got?.contentType).toBe("application/pdf");
    expect(got?.fileName).toBe("innsyn.pdf");
    expect(await downloadAttachment(link, { citizen: null, staff: kari })).not.toBeNull();

    // Valid link, wrong person: 404.
    expect(await downloadAttachment(link, { citizen: { identityId: other.identityId, level: "email_code" }, staff: null })).toBeNull();
    expect(await downloadAttachment(link, { citizen: null, staff: ola })).toBeNull();
    expect(await downloadAttachment(link, { citizen: null, staff: null })).toBeNull();

    // Tampered signature, tampered expiry, other id, expired link: 404.
    const flipped = (sig[0] === "A" ? "B" : "A") + sig.slice(1);
    expect(await downloadAttachment({ ...link, sig: flipped }, { citizen, staff: null })).toBeNull();
    expect(await downloadAttachment({ ...link, expires: String(expires + 60) }, { citizen, staff: null })).toBeNull();
    expect(await downloadAttachment({ ...link, id: randomUUID() }, { citizen, staff: null })).toBeNull();
    expect(await downloadAttachment({ ...link, sig: "" }, { citizen, staff: null })).toBeNull();
    expect(await downloadAttachment({ ...link, now: new Date(expires * 1000 + 1000) }, { citizen, staff: null })).toBeNull();
    const old = signDownload(attachmentId, new Date(now.getTime() - 25 * 3600 * 1000));
    expect(await downloadAttachment({ id: attachmentId, expires: String(old.expires), sig: old.sig }, { citizen, staff: null })).toBeNull();
  });

  it("never serves internal files to the citizen", async () => {
    const me = await newIdentity();
    const c = await createCase(me.identityId, me.email);
    const kari = await staffActor("saksbehandler@demo.test");
    const { attachmentId } = await staffUploadAnswer(kari, { reference: c.reference, fileName: "notat.pdf", bytes: PDF });
    await db().attachment.update({ where: { id: attachmentId }, data: { purpose: "internal" } });
    const { expires, sig } = signDownload(attachmentId);
    const link = { id: attachmentId, expires: String(expires), sig };
    expect(await downloadAttachment(link, { citizen: { identityId: me.identityId, level: "idporten_high" }, staff: null })).toBeNull();
    expect(await downloadAttachment(link, { citizen: null, staff: kari })).not.toBeNull();
  });
});
