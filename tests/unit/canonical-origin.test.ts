import { describe, expect, it } from "vitest";
import { canonicalRedirect, isAllowedHost, isCanonicalLocation, type CanonicalRequest } from "@/lib/http/canonical-origin";

const LOCAL = ["http://localhost:3000"];

/** A request as proxy.ts sees it: Next's URL carries the server's own host, the Host header the client's. */
function req(host: string | null, path = "/", method = "GET", extra: Record<string, string> = {}): CanonicalRequest {
  const headers = new Headers(extra);
  if (host !== null) headers.set("host", host);
  return { method, url: `http://localhost:3000${path}`, headers };
}

describe("canonicalRedirect", () => {
  it("passes a request on the canonical host", () => {
    expect(canonicalRedirect(req("localhost:3000"), LOCAL)).toEqual({ kind: "pass" });
    expect(canonicalRedirect(req("LOCALHOST:3000"), LOCAL)).toEqual({ kind: "pass" });
    expect(canonicalRedirect(req("localhost:3000", "/request/summary?x=1", "POST"), LOCAL)).toEqual({ kind: "pass" });
  });

  it("sends GET on another host to the same path and query on the canonical origin", () => {
    expect(canonicalRedirect(req("127.0.0.1:3000", "/request/summary?step=2&a=%20b"), LOCAL)).toEqual({
      kind: "redirect",
      location: "http://localhost:3000/request/summary?step=2&a=%20b",
    });
    expect(canonicalRedirect(req("personvern.evil.example", "/"), LOCAL)).toEqual({ kind: "redirect", location: "http://localhost:3000/" });
    expect(canonicalRedirect(req("localhost.:3000"), LOCAL).kind).toBe("redirect");
  });

  it("uses the Host header, not the request URL's host (which is always the server's own)", () => {
    // Next.js builds request.url from its own hostname: it says localhost even when the client asked for 127.0.0.1.
    const request: CanonicalRequest = { method: "GET", url: "http://localhost:3000/my-cases", headers: new Headers({ host: "127.0.0.1:3000" }) };
    expect(canonicalRedirect(request, LOCAL)).toEqual({ kind: "redirect", location: "http://localhost:3000/my-cases" });
  });

  it("HEAD is redirected like GET; other methods are never redirected, only refused", () => {
    expect(canonicalRedirect(req("127.0.0.1:3000", "/login", "HEAD"), LOCAL)).toEqual({ kind: "redirect", location: "http://localhost:3000/login" });
    for (const method of ["POST", "post", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
      expect(canonicalRedirect(req("127.0.0.1:3000", "/request/summary", method), LOCAL)).toEqual({
        kind: "misdirected",
        location: "http://localhost:3000/request/summary",
      });
    }
  });

  it("compares ports: another port is another origin, a default port equals no port", () => {
    expect(canonicalRedirect(req("localhost:3001"), LOCAL).kind).toBe("redirect");
    expect(canonicalRedirect(req("localhost"), LOCAL).kind).toBe("redirect");
    expect(canonicalRedirect(req("localhost:80"), ["http://localhost"])).toEqual({ kind: "pass" });
    expect(canonicalRedirect(req("localhost"), ["http://localhost:80"])).toEqual({ kind: "pass" });
    expect(canonicalRedirect(req("localhost:03000"), LOCAL)).toEqual({ kind: "pass" });
    // Behind TLS termination: Host carries the public name; :443 is https's default.
    const pub = ["https://personvern.bergen.kommune.no"];
    expect(canonicalRedirect(req("personvern.bergen.kommune.no"), pub)).toEqual({ kind: "pass" });
    expect(canonicalRedirect(req("personvern.bergen.kommune.no:443"), pub)).toEqual({ kind: "pass" });
    expect(canonicalRedirect(req("personvern.bergen.kommune.no:80"), pub).kind).toBe("redirect");
    expect(canonicalRedirect(req("personvern.bergen.kommune.no:8443"), pub).kind).toBe("redirect");
  });

  it("does not compare the scheme (behind a TLS-terminating proxy every request arrives over http)", () => {
    const request: CanonicalRequest = { method: "GET", url: "http://10.0.0.5:3000/", headers: new Headers({ host: "personvern.bergen.kommune.no" }) };
    expect(canonicalRedirect(request, ["https://personvern.bergen.kommune.no"])).toEqual({ kind: "pass" });
  });

  it("knows IPv6 literals", () => {
    expect(canonicalRedirect(req("[::1]:3000", "/x?y=1"), LOCAL)).toEqual({ kind: "redirect", location: "http://localhost:3000/x?y=1" });
    expect(canonicalRedirect(req("[::1]:3000"), ["http://[::1]:3000"])).toEqual({ kind: "pass" });
    expect(canonicalRedirect(req("[0:0:0:0:0:0:0:1]:3000"), ["http://[::1]:3000"])).toEqual({ kind: "pass" });
    expect(canonicalRedirect(req("[::1]:3001"), ["http://[::1]:3000"]).kind).toBe("redirect");
    expect(canonicalRedirect(req("localhost:3000"), ["http://[::1]:3000"]).kind).toBe("redirect");
  });

  it("ignores X-Forwarded-Host (any client can send it)", () => {
    const forged = { "x-forwarded-host": "localhost:3000" };
    expect(canonicalRedirect(req("127.0.0.1:3000", "/", "GET", forged), LOCAL).kind).toBe("redirect");
    expect(canonicalRedirect(req("localhost:3000", "/", "GET", { "x-forwarded-host": "evil.example" }), LOCAL)).toEqual({ kind: "pass" });
  });

  it("a missing or malformed Host header is not an allowed host", () => {
    expect(canonicalRedirect(req(null, "/my-cases"), LOCAL)).toEqual({ kind: "redirect", location: "http://localhost:3000/my-cases" });
    for (const host of ["", " ", "localhost:3000/evil", "user@localhost:3000", "localhost:3000@evil.example", "local host", "localhost:99999x", "localhost:3000:3000", "[::1"]) {
      expect(canonicalRedirect(req(host), LOCAL).kind, host).toBe("redirect");
    }
  });

  it("never names another host in the location, whatever the path", () => {
    for (const path of ["//evil.example/x", "/\\evil.example", "//evil.example", "/%2F%2Fevil.example"]) {
      const decision = canonicalRedirect(req("127.0.0.1:3000", path), LOCAL);
      expect(decision.kind).toBe("redirect");
      const location = (decision as { location: string }).location;
      expect(new URL(location).origin).toBe("http://localhost:3000");
    }
  });

  it("with several allowed origins (one per municipality): each passes, any other host goes to the first", () => {
    const tenants = ["http://localhost:3000", "http://bergen.localhost:3000", "http://trondheim.localhost:3000"];
    expect(canonicalRedirect(req("bergen.localhost:3000"), tenants)).toEqual({ kind: "pass" });
    expect(canonicalRedirect(req("trondheim.localhost:3000"), tenants)).toEqual({ kind: "pass" });
    expect(canonicalRedirect(req("oslo.localhost:3000", "/a?b=c"), tenants)).toEqual({ kind: "redirect", location: "http://localhost:3000/a?b=c" });
    const prod = ["https://personvern.bergen.kommune.no", "https://personvern.trondheim.kommune.no"];
    expect(canonicalRedirect(req("personvern.trondheim.kommune.no"), prod)).toEqual({ kind: "pass" });
    expect(canonicalRedirect(req("10.0.0.5:3000", "/"), prod)).toEqual({ kind: "redirect", location: "https://personvern.bergen.kommune.no/" });
  });

  it("allowed origins are reduced to their origin; invalid entries are skipped; none at all passes everything", () => {
    expect(canonicalRedirect(req("127.0.0.1:3000", "/x"), ["http://localhost:3000/some/path/"])).toEqual({
      kind: "redirect",
      location: "http://localhost:3000/x",
    });
    expect(canonicalRedirect(req("localhost:3000"), ["not a url", "ftp://localhost:3000", "http://localhost:3000"])).toEqual({ kind: "pass" });
    expect(canonicalRedirect(req("127.0.0.1:3000"), ["not a url", "http://localhost:3000"])).toEqual({
      kind: "redirect",
      location: "http://localhost:3000/",
    });
    expect(canonicalRedirect(req("127.0.0.1:3000"), [])).toEqual({ kind: "pass" });
    expect(canonicalRedirect(req("127.0.0.1:3000"), ["not a url"])).toEqual({ kind: "pass" });
  });
});

describe("isAllowedHost", () => {
  it("is the same comparison", () => {
    expect(isAllowedHost("localhost:3000", LOCAL)).toBe(true);
    expect(isAllowedHost(" localhost:3000 ", LOCAL)).toBe(true);
    expect(isAllowedHost("127.0.0.1:3000", LOCAL)).toBe(false);
    expect(isAllowedHost(null, LOCAL)).toBe(false);
    expect(isAllowedHost(undefined, LOCAL)).toBe(false);
  });
});

describe("isCanonicalLocation (what the redirect route answers, whoever calls it)", () => {
  it("accepts only an absolute URL on the canonical (first) origin", () => {
    expect(isCanonicalLocation("http://localhost:3000/", LOCAL)).toBe(true);
    expect(isCanonicalLocation("http://localhost:3000/request/summary?x=1", LOCAL)).toBe(true);
    expect(isCanonicalLocation("http://localhost:3000//evil.example/x", LOCAL)).toBe(true);
    for (const evil of [
      "https://evil.example/",
      "http://localhost:3000.evil.example/",
      "http://localhost:3000@evil.example/",
      "http://localhost:30001/",
      "https://localhost:3000/",
      "http://localhost:3000",
      "/request/summary",
      "//evil.example/",
      "http://localhost:3000/\\evil",
      "http://localhost:3000/\r\nSet-Cookie: x=1",
      "",
      null,
      undefined,
    ]) {
      expect(isCanonicalLocation(evil, LOCAL), String(evil)).toBe(false);
    }
    expect(isCanonicalLocation("http://bergen.localhost:3000/", ["http://localhost:3000", "http://bergen.localhost:3000"])).toBe(false);
    expect(isCanonicalLocation("http://localhost:3000/", [])).toBe(false);
  });
});
