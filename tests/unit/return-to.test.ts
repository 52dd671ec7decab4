import { describe, expect, it } from "vitest";
import {
  safeReturnPath,
  staffAuthRedirect,
  staffReturnTo,
  staffSignInHref,
  withStaffReturnTo,
} from "@/lib/auth/return-to";

/** Every way we know to name another site, a script, or a path outside /staff. */
const HOSTILE = [
  "https://evil.example/",
  "http://evil.example/staff",
  "HTTPS://evil.example",
  "//evil.example",
  "//evil.example/staff",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "/staff\\..\\..\\evil",
  "javascript:alert(1)",
  "JavaScript:alert(1)",
  " javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "%2F%2Fevil.example",
  "%2f%2fevil.example/staff",
  "/%2F%2Fevil.example",
  "/%5Cevil.example",
  "/%2e%2e/evil",
  "/staff/%2e%2e/my-cases",
  "/staff/%2E%2E/%2e%2e/evil",
  "/staff/../my-cases",
  "/staff/./../evil",
  "/staff%2F..%2Fevil",
  "/staff%2fcases",
  "/staffevil",
  "/staff.evil.example",
  "/staff@evil.example",
  "/.//evil.example",
  "/%2e%2e//evil.example",
  "/staff/..//evil.example",
  "/my-cases",
  "/",
  "/api/auth/signout",
  "/staff/signin",
  "/staff/signin?returnTo=%2Fstaff%2Fcases%2FPV-2026-000001",
  "/staff/signin/check-email",
  "/staff\r\nSet-Cookie: x=1",
  "/staff/\tcases",
  "/staff/\ncases",
  "/staff/\u0000",
  "/staff/\u007f",
  "staff/cases",
  "",
  "/" + "staff/".repeat(400),
  null,
  undefined,
  42,
  ["/staff/cases/PV-2026-000001"],
  { toString: () => "/staff/cases" },
];

describe("staffReturnTo", () => {
  it.each([
    "/staff",
    "/staff/cases/PV-2026-000001",
    "/staff/cases/PV-2026-000001?sent=1",
    "/staff?view=mine",
    "/staff?q=PV-2026-000001&sort=received",
    "/staff/complaints/3f1e8c8e-1c8e-4d6e-9d1a-5a7e2f0b9c11",
    "/staff/admin/users",
    "/staff/cases/PV-2026-000001#timeline",
    "/staff/signinx",
  ])("keeps the staff page %s, query included", (path) => {
    expect(staffReturnTo(path)).toBe(path);
  });

  it.each(HOSTILE)("falls back to /staff for %j", (value) => {
    expect(staffReturnTo(value)).toBe("/staff");
  });

  it("normalises dot segments that stay under /staff", () => {
    expect(staffReturnTo("/staff/admin/../cases/PV-2026-000001")).toBe("/staff/cases/PV-2026-000001");
    expect(staffReturnTo("/staff/admin/%2e%2e/cases")).toBe("/staff/cases");
  });

  it("percent-encodes what the URL parser would (never a raw quote or angle bracket in an attribute)", () => {
    expect(staffReturnTo('/staff?q="><script>')).toBe("/staff?q=%22%3E%3Cscript%3E");
    expect(staffReturnTo("/staff/ø")).toBe("/staff/%C3%B8");
  });
});

describe("safeReturnPath", () => {
  it("without `under` accepts any same-site path, and falls back for other sites", () => {
    expect(safeReturnPath("/request/summary", { fallback: "/my-cases" })).toBe("/request/summary");
    expect(safeReturnPath("//evil.example", { fallback: "/my-cases" })).toBe("/my-cases");
    // Dot segments that leave an empty first segment would make "//evil.example" (another site).
    for (const evil of ["/.//evil.example", "/%2e%2e//evil.example", "/a/..//evil.example", "/./%2F/evil.example"]) {
      expect(safeReturnPath(evil, { fallback: "/my-cases" }), evil).not.toMatch(/^\/\//);
    }
    expect(safeReturnPath("/.//evil.example", { fallback: "/my-cases" })).toBe("/my-cases");
  });
  it("`exclude` refuses a path and everything below it, not its siblings", () => {
    const opts = { fallback: "/x", under: "/x", exclude: ["/x/no"] };
    expect(safeReturnPath("/x/no", opts)).toBe("/x");
    expect(safeReturnPath("/x/no/deeper?a=1", opts)).toBe("/x");
    expect(safeReturnPath("/x/nothing", opts)).toBe("/x/nothing");
  });
});

describe("the sign-in URLs carry the return path", () => {
  it("staffSignInHref: a deep link is kept (encoded), the home page and anything hostile are left out", () => {
    expect(staffSignInHref("/staff/cases/PV-2026-000001?sent=1")).toBe(
      "/staff/signin?returnTo=%2Fstaff%2Fcases%2FPV-2026-000001%3Fsent%3D1",
    );
    expect(staffSignInHref("/staff")).toBe("/staff/signin");
    expect(staffSignInHref(null)).toBe("/staff/signin");
    for (const evil of HOSTILE) expect(staffSignInHref(evil)).toBe("/staff/signin");
  });
  it("withStaffReturnTo keeps other parameters (the error answer) next to it", () => {
    expect(withStaffReturnTo("/staff/signin", "/staff?view=mine", { error: "email" })).toBe(
      "/staff/signin?error=email&returnTo=%2Fstaff%3Fview%3Dmine",
    );
    expect(withStaffReturnTo("/staff/signin", "https://evil.example", { error: "email" })).toBe("/staff/signin?error=email");
    expect(withStaffReturnTo("/staff/signin/check-email", "/staff/cases/PV-2026-000001")).toBe(
      "/staff/signin/check-email?returnTo=%2Fstaff%2Fcases%2FPV-2026-000001",
    );
  });
  it("round-trips: what the sign-in page reads back from the URL is the page asked for", () => {
    const asked = "/staff?q=PV-2026-000001&sort=received";
    const href = new URL(staffSignInHref(asked), "http://localhost:3000");
    expect(staffReturnTo(href.searchParams.get("returnTo"))).toBe(asked);
  });
});

describe("staffAuthRedirect (next-auth's redirect callback)", () => {
  const base = "http://localhost:3000";
  it("keeps a staff page given as a path or as an absolute URL on the same origin", () => {
    expect(staffAuthRedirect("/staff/cases/PV-2026-000001?sent=1", base)).toBe(`${base}/staff/cases/PV-2026-000001?sent=1`);
    expect(staffAuthRedirect(`${base}/staff/cases/PV-2026-000001`, base)).toBe(`${base}/staff/cases/PV-2026-000001`);
    expect(staffAuthRedirect("/staff/signin", base)).toBe(`${base}/staff/signin`);
  });
  it.each([
    "https://evil.example/staff",
    "http://localhost:3000.evil.example/staff",
    "http://localhost:3001/staff",
    "https://localhost:3000/staff",
    "http://127.0.0.1:3000/staff",
    "http://localhost:3000/\\evil.example",
    "http://localhost:3000//evil.example",
    "//evil.example/staff",
    "/\\evil.example",
    "javascript:alert(1)",
    "http://localhost:3000/my-cases",
    "http://localhost:3000",
    "/",
    "not a url",
  ])("sends %j to /staff on the base origin", (url) => {
    expect(staffAuthRedirect(url, base)).toBe(`${base}/staff`);
  });
});
