import { describe, expect, it } from "vitest";
import { canonicalJson, NIL_UUID, normaliseSubmissionKey, submissionScope } from "@/lib/domain/submission-key";

describe("submission keys", () => {
  it("are uuids in lower case; the nil uuid and anything else is no key", () => {
    expect(normaliseSubmissionKey("6F9619FF-8B86-D011-B42D-00C04FC964FF")).toBe("6f9619ff-8b86-d011-b42d-00c04fc964ff");
    expect(normaliseSubmissionKey(" 6f9619ff-8b86-d011-b42d-00c04fc964ff ")).toBe("6f9619ff-8b86-d011-b42d-00c04fc964ff");
    expect(normaliseSubmissionKey(NIL_UUID)).toBeNull();
    expect(normaliseSubmissionKey(NIL_UUID.toUpperCase())).toBeNull();
    for (const bad of ["", "x", "6f9619ff8b86d011b42d00c04fc964ff", "6f9619ff-8b86-d011-b42d-00c04fc964f", 42, null, undefined]) expect(normaliseSubmissionKey(bad)).toBeNull();
  });
  it("belong to their submitter", () => {
    expect(submissionScope({ kind: "identity", identityId: "a" })).toBe("identity:a");
    expect(submissionScope({ kind: "api", keyName: "fagsystem" })).toBe("api:fagsystem");
    expect(submissionScope({ kind: "staff", userId: "u" })).toBe("staff:u");
    expect(new Set(["identity:x", "api:x", "staff:x"]).size).toBe(3);
  });
  it("compare bodies by content, not by key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 2 }], c: "x" } })).toBe(canonicalJson({ a: { c: "x", d: [2, { e: 2, f: 1 }] }, b: 1 }));
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
  });
});
