// Issue 13 item 8, "who may ask": a guardian (verge) for an adult, and a person who has died (no
// GDPR case: recital 27). Schema, and the letters' and receipt's words in nb, nn and en.
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { aboutStepSchema, ABOUT_CHOICES, fieldErrors, makeSubmitRequestSchema } from "@/lib/requests/request-schema";
import { messageLetterText } from "@/lib/letters/message-letter";
import { loadMessages } from "@/i18n/messages";

const LOCALES = ["nb", "nn", "en"] as const;
const self = { name: "Kari Nordmann", onBehalfOf: "self", answerChannel: "digital", email: "kari@example.no" };

describe("guardian and deceased in the schema", () => {
  const schema = aboutStepSchema({ today: "2026-12-06" });
  it("a guardian gives the person's name and the declaration, like the other on-behalf choices", () => {
    const r = schema.safeParse({ ...self, onBehalfOf: "guardian" });
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error!)).toEqual({
      subjectName: "requestFlow.validation.subjectName.required",
      declaration: "requestFlow.validation.declaration.required",
    });
    expect(schema.parse({ ...self, onBehalfOf: "guardian", subjectName: "Per Hansen", declaration: "on" }).onBehalfOf).toBe("guardian");
  });
  it("the form offers a person who has died, and no schema lets it through", () => {
    expect(ABOUT_CHOICES).toContain("deceased");
    const about = schema.safeParse({ ...self, onBehalfOf: "deceased", subjectName: "Per Hansen", declaration: "on" });
    expect(fieldErrors(about.error!)).toEqual({ onBehalfOf: "requestFlow.validation.onBehalfOf.deceased" });
    const submit = makeSubmitRequestSchema({ today: "2026-12-06" }).safeParse({
      ...self, rights: ["access"], unit: "", description: "", onBehalfOf: "deceased", subjectName: "Per", declaration: true,
      submissionKey: "6f1c1b8e-3a55-4b8e-9a36-2f5f0d7a1c11",
    });
    expect(submit.success).toBe(false);
    expect(fieldErrors(submit.error!).onBehalfOf).toBe("requestFlow.validation.onBehalfOf.deceased");
  });
  it("the refusal and the guidance are translated in every language", () => {
    for (const locale of LOCALES) {
      const t = createTranslator({ locale, messages: loadMessages(locale) });
      expect(t("requestFlow.validation.onBehalfOf.deceased")).not.toContain("requestFlow.");
      const health = t("requestFlow.deceased.routes.health.body");
      expect(health).toMatch(/5-1/);
      expect(health).toMatch(/24/);
      expect(t("requestFlow.deceased.why")).toMatch(/27/);
      expect(t("requestFlow.deceased.contact", { municipality: "Bergen kommune" })).toContain("Bergen kommune");
    }
  });
});

describe("letters and receipt address the guardian and name whom it concerns", () => {
  const expected = {
    nb: "Forespørselen gjelder opplysninger om Per Hansen, som du er verge for.",
    nn: "Førespurnaden gjeld opplysningar om Per Hansen, som du er verje for.",
    en: "Your request concerns data about Per Hansen, for whom you are the appointed guardian.",
  } as const;
  for (const locale of LOCALES) {
    it(`${locale}: the letter names the person, the receipt the guardianship and what to send`, () => {
      const letter = messageLetterText({ locale, reference: "PV-2026-000042", municipalityId: "bergen", body: "Tekst.", concerns: { onBehalfOf: "guardian", subjectName: "Per Hansen" } });
      expect(letter).toContain(expected[locale]);
      expect(letter).not.toMatch(/fullmakt\.|power of attorney\./);
      const t = createTranslator({ locale, messages: loadMessages(locale) });
      expect(t("myCases.concerns", { onBehalfOf: "guardian", name: "Per Hansen" })).toMatch(/Per Hansen \((du er verge|du er verje|you are their guardian)\)/);
      expect(t("caseWork.header.concerns", { onBehalfOf: "guardian", name: "Per Hansen" })).toMatch(/verge|verje|guardian/);
      const paper = t("requestFlow.receipt.guardianNextPaper", { address: "Postboks 7700, 5020 Bergen" });
      expect(paper).toContain("Postboks 7700, 5020 Bergen");
      expect(paper).not.toMatch(/Mine saker|My cases/);
      expect(t("requestFlow.receipt.guardianNextDigital", { address: "X" })).toMatch(/Mine saker|My cases/);
      expect(t("requestFlow.fields.onBehalfOf.guardian")).toMatch(/jeg|eg|I am/);
    });
  }
});
