import { describe, expect, it } from "vitest";
import { checkFormPost, MAX_FORM_POST_BYTES } from "@/lib/http/form-post-guard";

const ORIGINS = ["http://localhost:3000"];
const post = (headers: Record<string, string>) => checkFormPost({ method: "POST", headers: new Headers(headers) }, ORIGINS);

describe("form posts before they reach a server action", () => {
  it("lets a same-origin post of a normal size through, and anything that is not a POST", () => {
    expect(post({ origin: "http://localhost:3000", "content-length": "120" })).toEqual({ ok: true });
    expect(post({ origin: "http://LOCALHOST:3000/", "content-length": "120" })).toEqual({ ok: true });
    // No Origin: not a browser (a browser always sends one with a POST), so no victim's cookies.
    expect(post({ "content-length": "120" })).toEqual({ ok: true });
    expect(checkFormPost({ method: "GET", headers: new Headers({ origin: "https://evil.example" }) }, ORIGINS)).toEqual({ ok: true });
  });

  it("refuses another site and the opaque origin with 403", () => {
    for (const origin of ["https://evil.example", "null", "http://localhost:3001", "https://localhost:3000", "http://localhost:3000.evil.example"]) {
      expect(post({ origin, "content-length": "10" }), origin).toEqual({ ok: false, status: 403, reason: "cross_origin" });
    }
  });

  it("needs a length (a chunked body is refused with 411) and refuses more than the limit with 400", () => {
    expect(post({ origin: "http://localhost:3000", "transfer-encoding": "chunked" })).toEqual({ ok: false, status: 411, reason: "length_required" });
    expect(post({ origin: "http://localhost:3000", "content-length": "-1" })).toMatchObject({ status: 411 });
    expect(post({ origin: "http://localhost:3000", "content-length": "12abc" })).toMatchObject({ status: 411 });
    expect(post({ origin: "http://localhost:3000", "content-length": String(MAX_FORM_POST_BYTES) })).toEqual({ ok: true });
    expect(post({ origin: "http://localhost:3000", "content-length": String(MAX_FORM_POST_BYTES + 1) })).toEqual({ ok: false, status: 400, reason: "too_large" });
  });
});
