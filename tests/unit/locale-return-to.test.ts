// The language switch's return path (app/actions/locale.ts, lib/auth/return-to.ts localeReturnTo):
// whatever comes in, the browser ends up on this site. Checked the way a browser reads a Location
// header: the WHATWG URL parser, which drops tabs and newlines and reads "\" as "/".
import { describe, expect, it } from "vitest";
import { localeReturnTo } from "@/lib/auth/return-to";

const ORIGIN = "https://personvern.bergen.kommune.no";

/** Where a browser on ORIGIN goes when it is redirected to `location`. */
const browserTarget = (location: string) => new URL(location, ORIGIN);

const HOSTILE = [
  "/\t/evil.invalid",
  "/\n/evil.invalid",
  "/\r\n/evil.invalid",
  "/\t\t/evil.invalid/path?q=1",
  "\t//evil.invalid",
  "/\\evil.invalid",
  "/\\/evil.invalid",
  "\\\\evil.invalid",
  "/\t\\evil.invalid",
  "//evil.invalid",
  "///evil.invalid",
  "/.//evil.invalid",
  "/%2e%2e//evil.invalid",
  "/a/..//evil.invalid",
  "%2F%2Fevil.invalid",
  "%09/%09/evil.invalid",
  "https://evil.invalid/",
  "HTTPS://evil.invalid",
  "http:evil.invalid",
  "https:/evil.invalid",
  " https://evil.invalid",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.invalid",
  "/\u0000/evil.invalid",
  "/\u007f/evil.invalid",
  "",
  null,
  undefined,
  42,
  ["/my-cases"],
];

describe("localeReturnTo", () => {
  it.each(HOSTILE)("keeps the browser on this site for %j", (value) => {
    const target = browserTarget(localeReturnTo(value));
    expect(target.origin).toBe(ORIGIN);
  });

  it.each(["/\t/evil.invalid", "/\n/evil.invalid", "/\\evil.invalid", "//evil.invalid", "https://evil.invalid/", "/.//evil.invalid", null])(
    "falls back to the front page for %j",
    (value) => {
      expect(localeReturnTo(value)).toBe("/");
    },
  );

  it.each(["/", "/my-cases", "/request/about?from=summary", "/staff/cases/PV-2026-000001?act=extend#work", "/login?returnTo=%2Fmy-cases"])(
    "returns to the page it came from: %s",
    (path) => {
      expect(localeReturnTo(path)).toBe(path);
    },
  );

  it("an encoded tab or slash stays a path on this site", () => {
    for (const path of ["/%09/evil.invalid", "/%2F%2Fevil.invalid", "/%5Cevil.invalid"]) {
      expect(browserTarget(localeReturnTo(path)).origin).toBe(ORIGIN);
      expect(localeReturnTo(path)).toBe(path);
    }
  });
});
