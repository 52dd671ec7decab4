import { describe, expect, it } from "vitest";
import {
  DEFAULT_RATE_LIMITS,
  parseRateLimits,
  parseRetryAfter,
  resolveRateLimits,
  retryAfterMinutes,
  secondsUntilWindowEnds,
  windowStartFor,
} from "@/lib/abuse/rate-limit-rules";
import { clientIpFromHeaders, trustedProxyHops, trustsRealIpHeader } from "@/lib/abuse/client-ip";
import { tooManyRequestsPath } from "@/lib/abuse/too-many-requests";
import { DomainError } from "@/lib/domain/errors";

describe("rate-limit rules", () => {
  // The defaults, written out (the README's example `submit_ip=20/3600` is the default): not read
  // from the code under test, so a changed default fails here.
  const DEFAULTS = {
    submit_ip: { limit: 20, windowSeconds: 3600 },
    submit_identity: { limit: 10, windowSeconds: 86400 },
    submit_api_key: { limit: 1000, windowSeconds: 3600 },
    email_code_ip: { limit: 10, windowSeconds: 3600 },
    email_code_email: { limit: 5, windowSeconds: 3600 },
    email_code_nojs_ip: { limit: 3, windowSeconds: 3600 },
    email_code_nojs_email: { limit: 3, windowSeconds: 3600 },
    login_ip: { limit: 30, windowSeconds: 3600 },
    message_identity: { limit: 30, windowSeconds: 3600 },
    upload_identity: { limit: 20, windowSeconds: 3600 },
  };

  it("has the documented defaults", () => {
    expect(DEFAULT_RATE_LIMITS).toEqual(DEFAULTS);
    expect(resolveRateLimits(undefined)).toEqual(DEFAULTS);
    // Without JavaScript (no proof of work) the e-mail code is stricter than with it.
    expect(DEFAULTS.email_code_nojs_email.limit).toBeLessThan(DEFAULTS.email_code_email.limit);
    expect(DEFAULTS.email_code_nojs_ip.limit).toBeLessThan(DEFAULTS.email_code_ip.limit);
  });

  it("reads RATE_LIMITS overrides and keeps the other defaults", () => {
    const rules = resolveRateLimits(" submit_ip=100000/3600, email_code_email = 3/600 ,");
    expect(rules).toEqual({
      ...DEFAULTS,
      submit_ip: { limit: 100000, windowSeconds: 3600 },
      email_code_email: { limit: 3, windowSeconds: 600 },
    });
    expect(rules.login_ip).toEqual({ limit: 30, windowSeconds: 3600 });
    expect(parseRateLimits(undefined)).toEqual({});
    expect(parseRateLimits("")).toEqual({});
  });

  it("refuses typos instead of silently keeping the default", () => {
    expect(() => parseRateLimits("submit_ips=1/60")).toThrow(/unknown rule/);
    expect(() => parseRateLimits("submit_ip=1")).toThrow(/cannot read/);
    expect(() => parseRateLimits("submit_ip=0/60")).toThrow(/at least 1/);
    expect(() => parseRateLimits("submit_ip=5/0")).toThrow(/seconds/);
    expect(() => parseRateLimits("submit_ip=-5/60")).toThrow(/cannot read/);
  });

  it("aligns windows to the epoch and counts the seconds left", () => {
    const now = new Date("2026-05-04T10:59:30.250Z");
    expect(windowStartFor(now, 3600).toISOString()).toBe("2026-05-04T10:00:00.000Z");
    expect(windowStartFor(now, 86400).toISOString()).toBe("2026-05-04T00:00:00.000Z");
    expect(secondsUntilWindowEnds(now, 3600)).toBe(30);
    expect(secondsUntilWindowEnds(new Date("2026-05-04T10:00:00.000Z"), 3600)).toBe(3600);
    expect(secondsUntilWindowEnds(new Date("2026-05-04T10:59:59.900Z"), 3600)).toBe(1);
  });

  it("rounds waits up to whole minutes and reads ?retryAfter= defensively", () => {
    expect(retryAfterMinutes(1)).toBe(1);
    expect(retryAfterMinutes(60)).toBe(1);
    expect(retryAfterMinutes(61)).toBe(2);
    expect(retryAfterMinutes(3600)).toBe(60);
    expect(retryAfterMinutes(Number.NaN)).toBe(1);
    expect(parseRetryAfter("125")).toBe(125);
    expect(parseRetryAfter(["90", "1"])).toBe(90);
    for (const bad of [undefined, "", "0", "-5", "1e3", "12.5", "abc", "99999999", " 5"]) expect(parseRetryAfter(bad)).toBeUndefined();
  });

  it("builds the friendly page's path from a rate_limited error", () => {
    expect(tooManyRequestsPath(new DomainError("rate_limited", { retryAfterSeconds: 120.2 }))).toBe("/too-many-requests?retryAfter=121");
    expect(tooManyRequestsPath(45)).toBe("/too-many-requests?retryAfter=45");
    expect(tooManyRequestsPath(new Error("other"))).toBe("/too-many-requests");
  });
});

describe("client IP", () => {
  const h = (values: Record<string, string>) => new Headers(values);

  it("ignores X-Forwarded-For unless a proxy is trusted (it can be forged)", () => {
    expect(clientIpFromHeaders(h({ "x-forwarded-for": "1.2.3.4" }), 0)).toBe("unknown");
    // X-Real-IP only from a proxy that is trusted to set it: a client could write it otherwise.
    expect(clientIpFromHeaders(h({ "x-forwarded-for": "1.2.3.4", "x-real-ip": "5.6.7.8" }), 0)).toBe("unknown");
    expect(clientIpFromHeaders(h({ "x-forwarded-for": "1.2.3.4", "x-real-ip": "5.6.7.8" }), 0, true)).toBe("5.6.7.8");
    expect(clientIpFromHeaders(h({ "x-real-ip": "not an ip" }), 0, true)).toBe("unknown");
  });

  it("with TRUST_PROXY=N takes the address the outermost trusted proxy saw", () => {
    const headers = h({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" });
    expect(clientIpFromHeaders(headers, 1)).toBe("10.0.0.2");
    expect(clientIpFromHeaders(headers, 2)).toBe("203.0.113.9");
    expect(clientIpFromHeaders(h({ "x-forwarded-for": "[2001:DB8::1]:443" }), 1)).toBe("2001:db8::1");
    expect(clientIpFromHeaders(h({ "x-forwarded-for": "198.51.100.4:5100" }), 1)).toBe("198.51.100.4");
    // Too few hops or garbage: fall back.
    expect(clientIpFromHeaders(h({ "x-forwarded-for": "1.2.3.4" }), 2)).toBe("unknown");
    expect(clientIpFromHeaders(h({ "x-forwarded-for": "<script>" }), 1)).toBe("unknown");
  });

  it("reads TRUST_PROXY", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("1")).toBe(1);
    expect(trustedProxyHops("true")).toBe(1);
    expect(trustedProxyHops("3")).toBe(3);
    expect(trustedProxyHops("yes")).toBe(0);
    expect(trustedProxyHops("99")).toBe(0);
    expect(trustedProxyHops("real-ip")).toBe(0);
    expect(trustsRealIpHeader("real-ip")).toBe(true);
    expect(trustsRealIpHeader(undefined)).toBe(false);
    expect(trustsRealIpHeader("1")).toBe(false);
  });
});
