import { describe, expect, it } from "vitest";
import { apiKeyName, parseApiKeys } from "@/lib/abuse/api-keys";

const SECRET_A = "a".repeat(32);
const SECRET_B = "integration-b-0123456789abcdefghijkl";

describe("API keys", () => {
  it("parses name:secret pairs and finds the key a Bearer header names", () => {
    const keys = parseApiKeys(`skjema-a:${SECRET_A}, arkiv_b:${SECRET_B}`);
    expect(keys.map((k) => k.name)).toEqual(["skjema-a", "arkiv_b"]);
    expect(apiKeyName(`Bearer ${SECRET_A}`, keys)).toBe("skjema-a");
    expect(apiKeyName(`bearer ${SECRET_B}`, keys)).toBe("arkiv_b");
  });

  it("refuses missing, malformed and wrong keys", () => {
    const keys = parseApiKeys(`a:${SECRET_A}`);
    for (const header of [null, "", SECRET_A, `Basic ${SECRET_A}`, `Bearer ${SECRET_A}x`, `Bearer ${SECRET_A.slice(1)}`, "Bearer ", `Bearer ${SECRET_A} extra`]) {
      expect(apiKeyName(header, keys), String(header)).toBeNull();
    }
    expect(apiKeyName(`Bearer ${SECRET_A}`, [])).toBeNull();
  });

  it("an empty setting means no keys; a malformed one is an error, not a silently open or closed API", () => {
    expect(parseApiKeys(undefined)).toEqual([]);
    expect(parseApiKeys("  ")).toEqual([]);
    for (const bad of ["nocolon", `:${SECRET_A}`, "a:short", `bad name:${SECRET_A}`, `a:${SECRET_A},b`]) {
      expect(() => parseApiKeys(bad), bad).toThrow(/API_KEYS/);
    }
  });
});
