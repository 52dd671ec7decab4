// One source for what each right requires: the request form's schema asks for exactly the fields the
// rights catalogue (missingRequestFields) says are missing, for every combination of rights.
import { describe, expect, it } from "vitest";
import { detailsStepSchema } from "@/lib/requests/request-schema";
import { missingRequestFields, RIGHTS, type Right } from "@/lib/domain/rights";

function requiredIssues(rights: Right[], details: Record<string, unknown>): string[] {
  const result = detailsStepSchema.safeParse({ rights, ...details });
  if (result.success) return [];
  return result.error.issues.filter((i) => i.message.endsWith(".required")).map((i) => String(i.path[i.path.length - 1])).sort();
}

const subsets = (list: readonly Right[]): Right[][] => list.reduce<Right[][]>((acc, r) => [...acc, ...acc.map((s) => [...s, r])], [[]]).filter((s) => s.length > 0);

describe("the rights catalogue decides the required fields", () => {
  const answers: Record<string, unknown>[] = [
    {},
    { directMarketing: "yes" },
    { directMarketing: "no" },
    { processingConcerned: "Kamera", directMarketing: "no", objectionReasons: "Min situasjon" },
    { incorrectData: "Gammel adresse", erasureGround: "a" },
  ];
  it.each(answers.map((a) => [JSON.stringify(a), a] as const))("for every combination of rights, with %s", (_, details) => {
    for (const rights of subsets(RIGHTS)) {
      const parsed = detailsStepSchema.safeParse({ rights, ...details });
      const values = { ...details, directMarketing: details.directMarketing === undefined ? undefined : details.directMarketing === "yes" };
      const expected = [...new Set(rights.flatMap((r) => missingRequestFields(r, values)))].sort();
      expect(requiredIssues(rights, details), `${rights.join(",")}`).toEqual(expected);
      if (expected.length === 0) expect(parsed.success || parsed.error.issues.every((i) => !i.message.endsWith(".required"))).toBe(true);
    }
  });

  it("an objection asks for reasons only once it is known not to be about direct marketing", () => {
    expect(missingRequestFields("objection", { processingConcerned: "X" })).toEqual(["directMarketing"]);
    expect(missingRequestFields("objection", { processingConcerned: "X", directMarketing: "maybe" })).toEqual(["directMarketing"]);
    expect(missingRequestFields("objection", { processingConcerned: "X", directMarketing: false })).toEqual(["objectionReasons"]);
    expect(missingRequestFields("objection", { processingConcerned: "X", directMarketing: true })).toEqual([]);
  });
});
