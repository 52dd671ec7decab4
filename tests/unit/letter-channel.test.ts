import { describe, expect, it } from "vitest";
import { decideLetterChannel, letterLanguageFrom, type KrrFacts } from "@/lib/domain/letter-channel";

const STATUSES = ["active", "deleted", "not_registered"] as const;
const LANGUAGES = ["nb", "nn", "en", "se", null] as const;

// Every combination of status x reserved x mailbox, written out by hand (not computed), for a
// citizen who did not ask for paper.
const TABLE: [KrrFacts["status"], boolean, boolean, "digital" | "paper", string][] = [
  // status, reserved, hasDigitalMailbox, channel, reason
  ["active", false, true, "digital", "digital_mailbox"],
  ["active", false, false, "digital", "no_digital_mailbox"],
  ["active", true, true, "paper", "reserved"],
  ["active", true, false, "paper", "reserved"],
  ["deleted", false, true, "paper", "inactive"],
  ["deleted", false, false, "paper", "inactive"],
  ["deleted", true, true, "paper", "reserved"],
  ["deleted", true, false, "paper", "reserved"],
  ["not_registered", false, true, "paper", "not_registered"],
  ["not_registered", false, false, "paper", "not_registered"],
  ["not_registered", true, true, "paper", "reserved"],
  ["not_registered", true, false, "paper", "reserved"],
];

describe("decideLetterChannel", () => {
  it("the table covers every combination exactly once", () => {
    const keys = new Set(TABLE.map(([s, r, m]) => `${s}/${r}/${m}`));
    expect(keys.size).toBe(STATUSES.length * 2 * 2);
    expect(TABLE).toHaveLength(keys.size);
  });

  for (const [status, reserved, hasDigitalMailbox, channel, reason] of TABLE) {
    it(`${status}, reserved=${reserved}, mailbox=${hasDigitalMailbox} -> ${channel} (${reason}), whatever the language`, () => {
      for (const language of LANGUAGES) {
        expect(decideLetterChannel({ status, reserved, hasDigitalMailbox, language }, false)).toEqual({ channel, reason });
      }
    });

    it(`${status}, reserved=${reserved}, mailbox=${hasDigitalMailbox}: the citizen's choice of paper wins`, () => {
      for (const language of LANGUAGES) {
        expect(decideLetterChannel({ status, reserved, hasDigitalMailbox, language }, true)).toEqual({ channel: "paper", reason: "citizen_chose_paper" });
      }
    });
  }

  it("without a KRR look-up: digital (no_lookup), unless the citizen chose paper", () => {
    expect(decideLetterChannel(null, false)).toEqual({ channel: "digital", reason: "no_lookup" });
    expect(decideLetterChannel(null, true)).toEqual({ channel: "paper", reason: "citizen_chose_paper" });
  });

  it("a person without a digital mailbox still gets the letter digitally (SvarUt via Altinn)", () => {
    expect(decideLetterChannel({ status: "active", reserved: false, hasDigitalMailbox: false, language: null }, false).channel).toBe("digital");
  });
});

describe("letterLanguageFrom", () => {
  const facts = (language: KrrFacts["language"], status: KrrFacts["status"] = "active"): KrrFacts => ({ status, reserved: false, hasDigitalMailbox: true, language });

  it.each([
    ["nb", "nn", "nb"],
    ["nn", "nb", "nn"],
    ["en", "nb", "en"],
    ["se", "nb", "nb"],
    ["se", "nn", "nn"],
    ["se", "en", "en"],
    [null, "nn", "nn"],
    [null, "en", "en"],
  ] as const)("KRR language %s with fallback %s -> %s", (language, fallback, expected) => {
    expect(letterLanguageFrom(facts(language), fallback)).toBe(expected);
  });

  it("no look-up -> the fallback", () => {
    expect(letterLanguageFrom(null, "nb")).toBe("nb");
    expect(letterLanguageFrom(null, "nn")).toBe("nn");
    expect(letterLanguageFrom(null, "en")).toBe("en");
  });

  it("the preference is used whatever the channel (a reserved person's paper letter is in their language too)", () => {
    expect(letterLanguageFrom({ status: "active", reserved: true, hasDigitalMailbox: false, language: "nn" }, "nb")).toBe("nn");
  });
});
