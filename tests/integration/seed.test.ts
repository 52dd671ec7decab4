// Both shipped municipality profiles seed: Bergen is what every other test runs on; Trondheim is
// seeded here and removed again (it has no cases), so the rest of the suite is unaffected.
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { seed } from "@/prisma/seed";
import { municipalityProfile } from "@/lib/config/municipalities";

afterAll(async () => {
  await db().processingActivity.deleteMany({ where: { municipalityId: "trondheim" } });
  await db().unit.deleteMany({ where: { municipalityId: "trondheim" } });
  await db().municipality.deleteMany({ where: { id: "trondheim" } });
  await disconnectDb();
});

describe("seed", () => {
  it("seeds Trondheim with the contact data from its privacy statement and its units, twice without change", async () => {
    for (let run = 0; run < 2; run++) await seed({ municipality: "trondheim", demoData: false, log: () => {} });
    const m = await db().municipality.findUniqueOrThrow({ where: { id: "trondheim" } });
    expect(m.name).toBe("Trondheim kommune");
    expect(m.postalAddress).toBe("Postboks 2300 Torgarden, 7004 Trondheim");
    expect(m.dpoName).toBe("Mona Trøen");
    expect(m.dpoPhone).toBe("46 54 65 50");
    // What the statement does not say stays empty rather than guessed.
    expect(m.postmottakEmail).toBeNull();
    const units = await db().unit.findMany({ where: { municipalityId: "trondheim" }, orderBy: { slug: "asc" } });
    expect(units.map((u) => u.slug)).toEqual(municipalityProfile("trondheim").units.map((u) => u.slug).sort());
    expect(units.find((u) => u.slug === "helse-velferd")?.specialCategory).toBe(true);
    expect(units.filter((u) => u.specialCategory)).toHaveLength(1);
  });

  it("Bergen's health unit is a special-category unit, its other seeded units are not", async () => {
    const seeded = municipalityProfile("bergen").units.map((u) => u.slug);
    const units = await db().unit.findMany({ where: { municipalityId: "bergen", slug: { in: seeded } } });
    expect(units.filter((u) => u.specialCategory).map((u) => u.slug)).toEqual(["helse-omsorg"]);
  });
});
