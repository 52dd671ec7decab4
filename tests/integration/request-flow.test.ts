// The request draft (server-side, keyed by the pv_draft cookie): save, load, expiry, and which step
// comes next; and that a draft's answers, once complete, make exactly one case.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { db, disconnectDb } from "@/lib/db/client";
import {
  createDraft,
  deleteDraft,
  DRAFT_TTL_MS,
  firstIncompleteStep,
  isDraftId,
  loadDraft,
  purgeExpiredDrafts,
  saveDraft,
  type DraftData,
} from "@/lib/requests/draft";
import { submitRequest, findCaseBySubmissionKey } from "@/lib/cases/submit-request";
import { encryptField } from "@/lib/crypto/field-encryption";

beforeAll(() => {
  process.env.FIELD_ENCRYPTION_KEYS ??= `t1:${randomBytes(32).toString("base64")}`;
  process.env.LOOKUP_HMAC_KEY ??= randomBytes(32).toString("base64");
});

afterAll(async () => {
  await disconnectDb();
});

const about: NonNullable<DraftData["about"]> = {
  name: "Utkast Testesen",
  onBehalfOf: "self",
  subjectName: "",
  declaration: false,
  answerChannel: "digital",
  postalAddress: "",
  email: "utkast@example.test",
};

describe("request drafts", () => {
  it("creates a draft with an unguessable id and a submission key, and loads it back", async () => {
    const now = new Date("2026-03-05T10:00:00Z");
    const draft = await createDraft({ rights: ["access"] }, now);
    expect(isDraftId(draft.id)).toBe(true);
    expect(draft.expiresAt.getTime() - now.getTime()).toBe(DRAFT_TTL_MS);
    const loaded = await loadDraft(draft.id, now);
    expect(loaded?.data.rights).toEqual(["access"]);
    expect(loaded?.data.submissionKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("saves each step and tells which step comes next", async () => {
    const now = new Date("2026-03-05T10:00:00Z");
    const draft = await createDraft({}, now);
    expect(firstIncompleteStep(draft.data)).toBe("what");

    let data: DraftData = { ...draft.data, rights: ["rectification"] };
    expect(await saveDraft(draft.id, data, now)).toBe(true);
    expect(firstIncompleteStep((await loadDraft(draft.id, now))!.data)).toBe("details");

    data = { ...data, details: { values: { incorrectData: "a", correctData: "b" }, unit: "", description: "" } };
    await saveDraft(draft.id, data, now);
    expect(firstIncompleteStep((await loadDraft(draft.id, now))!.data)).toBe("about");

    data = { ...data, about };
    await saveDraft(draft.id, data, now);
    expect(firstIncompleteStep((await loadDraft(draft.id, now))!.data)).toBe("summary");

    // Adding a right later sends the user back to the details it needs.
    data = { ...data, rights: ["rectification", "portability"] };
    await saveDraft(draft.id, data, now);
    expect(firstIncompleteStep((await loadDraft(draft.id, now))!.data)).toBe("details");
  });

  it("keeps fødselsnumre encrypted in the stored draft", async () => {
    const draft = await createDraft({ rights: ["access"], about: { ...about, nationalIdEncrypted: encryptField("01019012480"), nationalIdMasked: "010190*****" } });
    const raw = await db().$queryRawUnsafe<{ data: string }[]>(`SELECT data::text FROM request_draft WHERE id = $1`, draft.id);
    expect(raw[0]!.data).not.toContain("01019012480");
    expect(raw[0]!.data).toContain("010190*****");
  });

  it("expires after 24 hours; a save renews it; an expired draft cannot be saved; purge removes it", async () => {
    const start = new Date("2026-03-05T10:00:00Z");
    const draft = await createDraft({ rights: ["access"] }, start);
    const almost = new Date(start.getTime() + DRAFT_TTL_MS - 1000);
    expect(await loadDraft(draft.id, almost)).not.toBeNull();
    expect(await saveDraft(draft.id, draft.data, almost)).toBe(true);
    // Renewed: still there 24 h after the first save, gone 24 h after the last one.
    expect(await loadDraft(draft.id, new Date(start.getTime() + DRAFT_TTL_MS + 1000))).not.toBeNull();
    const after = new Date(almost.getTime() + DRAFT_TTL_MS + 1000);
    expect(await loadDraft(draft.id, after)).toBeNull();
    expect(await saveDraft(draft.id, draft.data, after)).toBe(false);
    const draftsBefore = await db().requestDraft.count();
    const purged = await purgeExpiredDrafts(after);
    expect(purged).toBeGreaterThanOrEqual(1); // this one, and whatever else had expired by then:
    expect(purged).toBe(draftsBefore - (await db().requestDraft.count())); // exactly what went missing
    expect(await db().requestDraft.count({ where: { id: draft.id } })).toBe(0);
  });

  it("unknown or malformed ids load nothing; delete removes the draft", async () => {
    expect(await loadDraft("nope")).toBeNull();
    expect(await loadDraft(undefined)).toBeNull();
    expect(await loadDraft("A".repeat(32))).toBeNull();
    const draft = await createDraft();
    await deleteDraft(draft.id);
    expect(await loadDraft(draft.id)).toBeNull();
  });

  it("a completed draft sent twice (double click, retried POST) makes one case, found again by its key", async () => {
    const draft = await createDraft({
      rights: ["access", "objection"],
      details: { values: { processingConcerned: "Nyhetsbrev", directMarketing: true }, unit: "renovasjon", description: "" },
      about,
    });
    expect(firstIncompleteStep(draft.data)).toBe("summary");
    const input = {
      rights: draft.data.rights!,
      name: about.name,
      email: about.email,
      unit: draft.data.details!.unit,
      description: "",
      details: draft.data.details!.values,
      submissionKey: draft.data.submissionKey,
    };
    const [a, b] = await Promise.all([submitRequest(input, { locale: "nb" }), submitRequest(input, { locale: "nb" })]);
    expect(a.reference).toBe(b.reference);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect((await findCaseBySubmissionKey({ kind: "service" }, draft.data.submissionKey))?.reference).toBe(a.reference);
    expect(await db().case.count({ where: { submissionKey: draft.data.submissionKey } })).toBe(1);
    const saved = await db().case.findFirstOrThrow({ where: { submissionKey: draft.data.submissionKey }, include: { unit: true } });
    expect(saved.rights).toEqual(["access", "objection"]);
    expect(saved.details).toEqual({ processingConcerned: "Nyhetsbrev", directMarketing: true });
    expect(saved.unit?.slug).toBe("renovasjon");
  });
});
