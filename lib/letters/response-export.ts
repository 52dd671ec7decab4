// Use case: "Lag JSON/CSV-eksport": a machine-readable export of what the portal itself holds about
// the requester (Art. 15 copy / Art. 20 format), attached to the case as two answer files the
// requester downloads through an expiring link (lib/files). Contents: the requester's fields
// (never the encrypted national id or internal ids), their signed-in identity (method, level,
// e-mail, dates; never the pid hash or ciphertext), their cases' references, rights, status and
// dates, and their messages' dates and directions (not the texts). Policy as the staff answer
// upload (case.message on a case in scope). Storage is lib/files/storage.ts; the files are written
// first and removed again if the transaction fails.
import { db } from "@/lib/db/client";
import { dbDateToIso } from "@/lib/db/dates";
import { DomainError } from "@/lib/domain/errors";
import { can, type Actor } from "@/lib/domain/policy";
import { removeStoredFile, storeFile } from "@/lib/files/storage";
import { staffCaseRef } from "@/lib/cases/case-access";
import { looksLikeFormula } from "@/lib/domain/plain-text";
import { now as clockNow } from "@/lib/clock";

export type PortalExport = {
  format: "personvernportalen-export/v1";
  generatedAt: string;
  municipality: string;
  requester: { name: string; email: string | null; phone: string | null; postalAddress: string | null; identityLevel: string; createdAt: string }[];
  identity: { method: string; email: string | null; name: string | null; level: string; lastLoginAt: string; createdAt: string } | null;
  cases: {
    reference: string;
    rights: string[];
    status: string;
    channel: string;
    answerChannel: string;
    language: string;
    receivedAt: string;
    dueDate: string;
    extended: boolean;
    closedAt: string | null;
    messages: { createdAt: string; direction: "to_requester" | "from_requester" }[];
  }[];
};

/** Reads what the portal holds about the requester of `caseId` (and of every case of the same sign-in identity). */
export async function collectPortalExport(caseId: string, now: Date): Promise<PortalExport> {
  const c = await db().case.findUniqueOrThrow({
    where: { id: caseId },
    select: { municipalityId: true, requesterId: true, requester: { select: { identityId: true } } },
  });
  const identityId = c.requester.identityId;
  const requesterWhere = identityId ? { OR: [{ id: c.requesterId }, { identityId }] } : { id: c.requesterId };
  const [requesters, identity] = await Promise.all([
    db().requester.findMany({
      where: requesterWhere,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        name: true,
        email: true,
        phone: true,
        postalAddress: true,
        identityLevel: true,
        createdAt: true,
        cases: {
          where: { municipalityId: c.municipalityId },
          orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
          select: {
            reference: true,
            rights: true,
            status: true,
            channel: true,
            answerChannel: true,
            locale: true,
            receivedAt: true,
            dueDate: true,
            extended: true,
            closedAt: true,
            messages: {
              where: { kind: { in: ["to_requester", "from_requester"] } },
              orderBy: [{ createdAt: "asc" }, { id: "asc" }],
              select: { createdAt: true, kind: true },
            },
          },
        },
      },
    }),
    identityId
      ? db().citizenIdentity.findUnique({
          where: { id: identityId },
          select: { method: true, email: true, name: true, level: true, lastLoginAt: true, createdAt: true },
        })
      : null,
  ]);
  return {
    format: "personvernportalen-export/v1",
    generatedAt: now.toISOString(),
    municipality: c.municipalityId,
    requester: requesters.map((r) => ({
      name: r.name,
      email: r.email,
      phone: r.phone,
      postalAddress: r.postalAddress,
      identityLevel: r.identityLevel,
      createdAt: r.createdAt.toISOString(),
    })),
    identity: identity
      ? { ...identity, lastLoginAt: identity.lastLoginAt.toISOString(), createdAt: identity.createdAt.toISOString() }
      : null,
    cases: requesters
      .flatMap((r) => r.cases)
      .map((k) => ({
        reference: k.reference,
        rights: k.rights,
        status: k.status,
        channel: k.channel,
        answerChannel: k.answerChannel,
        language: k.locale,
        receivedAt: k.receivedAt.toISOString(),
        dueDate: dbDateToIso(k.dueDate),
        extended: k.extended,
        closedAt: k.closedAt?.toISOString() ?? null,
        messages: k.messages.map((m) => ({ createdAt: m.createdAt.toISOString(), direction: m.kind as "to_requester" | "from_requester" })),
      })),
  };
}

/** One CSV cell: quoted, and a leading = + - @ neutralised so spreadsheets never run it as a formula. */
export function csvCell(value: string | number | boolean | null): string {
  let s = value === null ? "" : String(value);
  if (looksLikeFormula(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/** The export as one CSV table (section, reference, field, value), UTF-8 with BOM for spreadsheets. */
export function exportToCsv(data: PortalExport): string {
  const rows: (string | number | boolean | null)[][] = [["section", "reference", "field", "value"]];
  rows.push(["export", null, "generatedAt", data.generatedAt], ["export", null, "municipality", data.municipality]);
  data.requester.forEach((r, i) => {
    for (const [k, v] of Object.entries(r)) rows.push([`requester${data.requester.length > 1 ? `[${i + 1}]` : ""}`, null, k, v]);
  });
  if (data.identity) for (const [k, v] of Object.entries(data.identity)) rows.push(["identity", null, k, v]);
  for (const k of data.cases) {
    const { messages, rights, reference, ...rest } = k;
    rows.push(["case", reference, "rights", rights.join(" ")]);
    for (const [field, v] of Object.entries(rest)) rows.push(["case", reference, field, v]);
    for (const m of messages) rows.push(["message", reference, m.direction, m.createdAt]);
  }
  return "\uFEFF" + rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export async function createAnswerExport(
  actor: Actor,
  input: { reference: string; now?: Date },
): Promise<{ attachmentIds: string[] }> {
  const visible = await staffCaseRef(actor, input.reference);
  if (!visible || actor.kind !== "staff") throw new DomainError("not_found");
  if (!can(actor, "case.message", visible.ref)) throw new DomainError("forbidden");
  const now = input.now ?? clockNow();
  const data = await collectPortalExport(visible.id, now);
  const files = [
    { fileName: `personopplysninger-${visible.reference}.json`, contentType: "application/json", bytes: Buffer.from(JSON.stringify(data, null, 2) + "\n", "utf8") },
    { fileName: `personopplysninger-${visible.reference}.csv`, contentType: "text/csv", bytes: Buffer.from(exportToCsv(data), "utf8") },
  ];
  const stored: { storageKey: string; sha256: string }[] = [];
  try {
    for (const f of files) stored.push(await storeFile(f.bytes));
    const attachmentIds = await db().$transaction(async (tx) => {
      const ids: string[] = [];
      for (const [i, f] of files.entries()) {
        const { storageKey, sha256 } = stored[i]!;
        const row = await tx.attachment.create({
          data: {
            caseId: visible.id,
            purpose: "answer",
            fileName: f.fileName,
            contentType: f.contentType,
            sizeBytes: f.bytes.length,
            sha256,
            storageKey,
            uploadedBy: "staff",
            createdAt: now,
          },
          select: { id: true },
        });
        await tx.caseEvent.create({
          data: {
            caseId: visible.id,
            at: now,
            actorType: "staff",
            actorId: actor.userId,
            type: "attachment.answer",
            after: { attachmentId: row.id, contentType: f.contentType, sizeBytes: f.bytes.length, sha256, generated: "portal_export" },
          },
        });
        ids.push(row.id);
      }
      return ids;
    });
    return { attachmentIds };
  } catch (error) {
    for (const s of stored) await removeStoredFile(s.storageKey);
    throw error;
  }
}
