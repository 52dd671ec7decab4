import { describe, expect, it } from "vitest";
import { safeReturnTo } from "@/lib/citizen-auth/return-to";
import { levelSatisfies } from "@/lib/citizen-auth/levels";
import { levelForAcr } from "@/lib/citizen-auth/upsert-identity";

describe("safeReturnTo", () => {
  it.each(["/", "/my-cases", "/my-cases/PV-2026-000001?tab=messages#m1", "/request/access"])("keeps the same-site path %s", (path) => {
    expect(safeReturnTo(path)).toBe(path);
  });
  it.each([
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "my-cases",
    "/my-cases\r\nSet-Cookie: x=1",
    "/\tevil",
    "",
    null,
    undefined,
    42,
    "/" + "a".repeat(2001),
  ])("falls back for %j", (value) => {
    expect(safeReturnTo(value)).toBe("/my-cases");
    expect(safeReturnTo(value, "/")).toBe("/");
  });
  it("normalises dot segments without leaving the site", () => {
    expect(safeReturnTo("/a/../../b")).toBe("/b");
  });
});

describe("levelSatisfies", () => {
  it("orders email_code < idporten_substantial < idporten_high", () => {
    expect(levelSatisfies("idporten_high", "idporten_high")).toBe(true);
    expect(levelSatisfies("idporten_high", "email_code")).toBe(true);
    expect(levelSatisfies("idporten_substantial", "idporten_high")).toBe(false);
    expect(levelSatisfies("email_code", "idporten_substantial")).toBe(false);
    expect(levelSatisfies("idporten_substantial", "idporten_substantial")).toBe(true);
  });
});

describe("levelForAcr", () => {
  it("maps ID-porten's acr values and nothing else", () => {
    expect(levelForAcr("idporten-loa-substantial")).toBe("idporten_substantial");
    expect(levelForAcr("idporten-loa-high")).toBe("idporten_high");
    for (const other of ["Level4", "idporten-loa-low", "toString", "__proto__", undefined, 4]) expect(levelForAcr(other)).toBeNull();
  });
});
