// Issue 13, item 12: every profile fact the municipality's statement does not give is listed as an
// assumption, each listed path names a fact the profile has, and the admin's contact values and
// Trondheim's unit line in the postal address come out as the statement asks.
import { describe, expect, it } from "vitest";
import { MUNICIPALITIES, applyContactOverrides, isAssumption, postalAddressFor, profileFact, type MunicipalityId } from "@/lib/config/municipalities";
import { CONTACT_FIELDS, CONTACT_FIELD_PATH, withUnitInPostalAddress } from "@/lib/admin/profile-contact";

const IDS = Object.keys(MUNICIPALITIES) as MunicipalityId[];

describe("profile assumptions", () => {
  it.each(IDS)("every assumption path of %s exists in its profile, once, with what the statement says", (id) => {
    const profile = MUNICIPALITIES[id];
    for (const a of profile.assumptions) {
      expect(profileFact(profile, a.path), `${id}: ${a.path}`).not.toBeUndefined();
      expect(a.statementSays.length, `${id}: ${a.path}`).toBeGreaterThan(10);
    }
    const paths = profile.assumptions.map((a) => a.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it("a path that names no fact is found out", () => {
    expect(profileFact(MUNICIPALITIES.bergen, "units.no-such-unit.name")).toBeUndefined();
    expect(profileFact(MUNICIPALITIES.bergen, "dpo.fax" as never)).toBeUndefined();
  });

  it.each(IDS)("every unit of %s is an assumption (neither statement names units)", (id) => {
    const profile = MUNICIPALITIES[id];
    for (const unit of profile.units) {
      for (const field of ["name", "email", "systems", "specialCategory"] as const) {
        expect(isAssumption(profile, `units.${unit.slug}.${field}`), `${id}: ${unit.slug}.${field}`).toBe(true);
      }
    }
  });

  it("Bergen's DPO postal address is an assumption; its statement gives the DPO's e-mail and the municipality's channels", () => {
    const bergen = MUNICIPALITIES.bergen;
    expect(isAssumption(bergen, "dpo.postalAddress")).toBe(true);
    for (const path of ["dpo.email", "postmottakEmail", "phone", "visitingAddress", "postalAddress", "controller"] as const) expect(isAssumption(bergen, path), path).toBe(false);
  });

  it("Trondheim's contact details are all from its statement, its postal address with the unit line", () => {
    const trondheim = MUNICIPALITIES.trondheim;
    for (const field of CONTACT_FIELDS) expect(isAssumption(trondheim, CONTACT_FIELD_PATH[field]), field).toBe(false);
    expect(trondheim.postalAddressUnitLine).toBe(true);
    expect(trondheim.dpo.postalAddress).toBe("Trondheim kommune, Personvernombudet, Postboks 2300 Torgarden, 7004 Trondheim");
  });

  it.each(IDS)("every contact field of %s has a path in the profile", (id) => {
    for (const field of CONTACT_FIELDS) expect(profileFact(MUNICIPALITIES[id], CONTACT_FIELD_PATH[field]), field).not.toBeUndefined();
  });
});

describe("contact values", () => {
  it("the admin's value wins; null keeps the shipped one", () => {
    const bergen = MUNICIPALITIES.bergen;
    const m = applyContactOverrides(bergen, { phone: "55 00 11 22", dpoPostalAddress: "Personvernombudet, Postboks 1, 5020 Bergen", dpoEmail: null });
    expect(m.phone).toBe("55 00 11 22");
    expect(m.dpo).toEqual({ ...bergen.dpo, postalAddress: "Personvernombudet, Postboks 1, 5020 Bergen" });
    expect(m.postalAddress).toBe(bergen.postalAddress);
    expect(applyContactOverrides(bergen, null)).toBe(bergen);
  });

  it("Trondheim's post names the unit between the municipality and the post box (\"Trondheim kommune / (navn på enhet) / Postboks 2300 Torgarden\")", () => {
    const trondheim = MUNICIPALITIES.trondheim;
    expect(postalAddressFor(trondheim, "Oppvekst og utdanning")).toBe("Oppvekst og utdanning, Postboks 2300 Torgarden, 7004 Trondheim");
    expect(postalAddressFor(trondheim, null)).toBe("Postboks 2300 Torgarden, 7004 Trondheim");
    const unit = { name: "Byutvikling", nameNn: null, nameEn: "Urban development" };
    expect(withUnitInPostalAddress(trondheim, unit, "en").postalAddress).toBe("Urban development, Postboks 2300 Torgarden, 7004 Trondheim");
    expect(withUnitInPostalAddress(trondheim, unit, "nn").postalAddress).toBe("Byutvikling, Postboks 2300 Torgarden, 7004 Trondheim");
    // Bergen's statement asks for no unit line.
    expect(postalAddressFor(MUNICIPALITIES.bergen, "Skole")).toBe("Postboks 7700, 5020 Bergen");
  });
});
