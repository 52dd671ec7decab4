import { describe, expect, it } from "vitest";
import { readPlatformSettings, platformFeatures } from "@/lib/platform/config";
import { splitPostalAddress } from "@/lib/platform/deliveries-address";
import { nationalIdIsVerified } from "@/lib/domain/national-id";

const MP = {
  MASKINPORTEN_TOKEN_URL: "https://test.maskinporten.no/token",
  MASKINPORTEN_ISSUER: "https://test.maskinporten.no/",
  MASKINPORTEN_CLIENT_ID: "client",
  MASKINPORTEN_PRIVATE_KEY: "-----BEGIN PRIVATE KEY-----\\nabc\\n-----END PRIVATE KEY-----",
};

describe("platform settings", () => {
  it("nothing set: every integration off (no fallback to a stand-in)", () => {
    const s = readPlatformSettings({});
    expect(s).toEqual({ maskinporten: null, krr: null, svarut: null, archive: null });
    expect(platformFeatures(s)).toEqual({ archive: false, svarut: false, krr: false });
  });

  it("a complete group is on; PEM escapes are unfolded", () => {
    const s = readPlatformSettings({ ...MP, KRR_URL: "https://kontaktregisteret.no" });
    expect(s.maskinporten?.privateKeyPem).toBe("-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----");
    expect(s.krr).toEqual({ baseUrl: "https://kontaktregisteret.no" });
    expect(platformFeatures(s)).toEqual({ archive: false, svarut: false, krr: true });
  });

  it("a half-filled group names what is missing", () => {
    expect(() => readPlatformSettings({ ...MP, SVARUT_URL: "https://svarut.ks.no", SVARUT_ACCOUNT_ID: "a" })).toThrow(/SVARUT_INTEGRATION_ID, SVARUT_INTEGRATION_PASSWORD/);
    expect(() => readPlatformSettings({ MASKINPORTEN_TOKEN_URL: MP.MASKINPORTEN_TOKEN_URL })).toThrow(/MASKINPORTEN_ISSUER/);
  });

  it("an API without Maskinporten is refused", () => {
    expect(() => readPlatformSettings({ KRR_URL: "https://kontaktregisteret.no" })).toThrow(/KRR needs Maskinporten/);
  });

  it("bad URLs are refused", () => {
    expect(() => readPlatformSettings({ ...MP, KRR_URL: "not a url" })).toThrow(/KRR_URL/);
    expect(() => readPlatformSettings({ ...MP, FIKS_IO_AMQP_URL: "http://x" })).toThrow(/FIKS_IO_AMQP_URL/);
  });
});

describe("postal address for SvarUt and the archive", () => {
  it.each([
    ["Testveien 1\n5003 Bergen", { lines: ["Testveien 1"], postalCode: "5003", city: "Bergen" }],
    ["Testveien 1, Leilighet 2, 7010 Trondheim", { lines: ["Testveien 1", "Leilighet 2"], postalCode: "7010", city: "Trondheim" }],
    ["Postboks 7700\n5020  Bergen", { lines: ["Postboks 7700"], postalCode: "5020", city: "Bergen" }],
  ])("%j", (text, expected) => expect(splitPostalAddress(text)).toEqual(expected));

  it.each([null, "", "Testveien 1", "Testveien 1\nBergen", "123 Main St\nSpringfield"])("%j has no Norwegian postcode: null", (text) => expect(splitPostalAddress(text)).toBeNull());
});

describe("which fødselsnummer the platform may use", () => {
  it.each([
    ["idporten_substantial", false, true],
    ["idporten_high", false, true],
    ["verified_in_person", false, true],
    ["none", true, true],
    ["email_code", false, false],
    ["none", false, false],
  ] as const)("%s, registered by staff %s -> %s", (level, staff, expected) => expect(nationalIdIsVerified(level, staff)).toBe(expected));
});
