import { describe, expect, it } from "vitest";
import { unitNameIn } from "@/lib/domain/unit-names";

describe("unit names per language", () => {
  const unit = { name: "Barnehage", nameNn: "Barnehage", nameEn: "Kindergartens" };
  it("shows the reader's language, falling back to bokmål", () => {
    expect(unitNameIn(unit, "nb")).toBe("Barnehage");
    expect(unitNameIn(unit, "en")).toBe("Kindergartens");
    expect(unitNameIn({ name: "Skole", nameNn: "Skule" }, "nn")).toBe("Skule");
    expect(unitNameIn({ name: "Skole", nameNn: "Skule", nameEn: null }, "en")).toBe("Skole");
    expect(unitNameIn({ name: "Skole", nameEn: "   " }, "en")).toBe("Skole");
    expect(unitNameIn({ name: "Skole", nameEn: "Schools" }, "de")).toBe("Skole");
  });
});
