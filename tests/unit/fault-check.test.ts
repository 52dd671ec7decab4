// The fault script's bookkeeping (scripts/lib/fault-check.ts) must fail when something is lost or
// duplicated: every kind of fabricated loss and duplicate below turns a clean scenario into a failed
// one, and a clean scenario passes.
import { describe, expect, it } from "vitest";
import {
  assessScenario,
  formatTable,
  referencesIn,
  scenarioFailed,
  type ClientRequest,
  type ScenarioEvidence,
} from "@/scripts/lib/fault-check";

const N = 4;
const key = (i: number) => `00000000-0000-4000-8000-00000000000${i}`;
const reference = (i: number) => `PV-2026-00000${i}`;
const messageId = (i: number) => `<row-${i}@localhost>`;

/** N requests, each acknowledged, stored once, one receipt queued and received once. */
function clean(): ScenarioEvidence {
  const ids = [...Array(N).keys()].map((i) => i + 1);
  return {
    requests: ids.map<ClientRequest>((i) => ({ submissionKey: key(i), email: `f${i}@example.test`, ack: { status: 201, reference: reference(i) } })),
    cases: ids.map((i) => ({ caseId: `case-${i}`, reference: reference(i), submissionKey: key(i), email: `f${i}@example.test` })),
    receipts: ids.map((i) => ({ caseId: `case-${i}`, messageId: messageId(i), status: "sent" })),
    mails: ids.map((i) => ({ messageId: messageId(i), references: [reference(i)] })),
    appKilled: false,
  };
}

function assess(change: (e: ScenarioEvidence) => void) {
  const evidence = clean();
  change(evidence);
  return assessScenario(evidence);
}

describe("assessScenario", () => {
  it("passes a scenario where every request is acknowledged, stored once and mailed once", () => {
    const counts = assessScenario(clean());
    expect(counts).toEqual({ requests: N, acknowledged: N, stored: N, mailed: N, lost: 0, duplicated: 0, resent: 0, problems: [] });
    expect(scenarioFailed(counts)).toBe(false);
  });

  it("counts an acknowledged request without a case as lost", () => {
    const counts = assess((e) => e.cases.splice(1, 1));
    expect(counts).toMatchObject({ acknowledged: N, stored: N - 1, lost: 1, duplicated: 0 });
    expect(counts.problems).toEqual(["1 acknowledged but not stored"]);
    expect(scenarioFailed(counts)).toBe(true);
  });

  it("counts a request never acknowledged before the deadline as lost, stored or not", () => {
    const counts = assess((e) => (e.requests[0]!.ack = null));
    expect(counts).toMatchObject({ acknowledged: N - 1, stored: N, lost: 1 });
    expect(scenarioFailed(counts)).toBe(true);
  });

  it("counts an acknowledgement that names another case as lost", () => {
    const counts = assess((e) => (e.requests[2]!.ack = { status: 201, reference: "PV-2026-999999" }));
    expect(counts.lost).toBe(1);
    expect(counts.problems[0]).toMatch(/reference that is not its case/);
  });

  it("counts a stored case whose receipt never reached the mail server as lost", () => {
    const counts = assess((e) => e.mails.splice(3, 1));
    expect(counts).toMatchObject({ stored: N, mailed: N - 1, lost: 1, duplicated: 0 });
    expect(counts.problems).toEqual([`1 stored cases without a receipt mail after the outbox drained (${reference(4)})`]);
  });

  it("counts a second case for the same request, by submission key and by e-mail, as duplicated", () => {
    const byKey = assess((e) => {
      e.cases.push({ caseId: "case-x", reference: "PV-2026-000099", submissionKey: key(1), email: null });
      e.receipts.push({ caseId: "case-x", messageId: "<x@localhost>", status: "sent" });
      e.mails.push({ messageId: "<x@localhost>", references: ["PV-2026-000099"] });
    });
    expect(byKey).toMatchObject({ stored: N, duplicated: 1, lost: 0 });
    expect(byKey.problems[0]).toMatch(/^1 requests stored as more than one case/);

    // The same person's request once more under another key (the key got lost somewhere).
    const byEmail = assess((e) => {
      e.cases.push({ caseId: "case-y", reference: "PV-2026-000098", submissionKey: "another-key", email: "F2@example.test" });
      e.receipts.push({ caseId: "case-y", messageId: "<y@localhost>", status: "sent" });
      e.mails.push({ messageId: "<y@localhost>", references: ["PV-2026-000098"] });
    });
    expect(byEmail.duplicated).toBe(1);
    expect(scenarioFailed(byEmail)).toBe(true);
  });

  it("counts a resubmission that creates a case or answers with another one as duplicated, and one without 2xx as lost", () => {
    const replays = (replay: ClientRequest["replay"]) =>
      assess((e) => {
        e.requests.forEach((r) => (r.replay = { status: 200, reference: r.ack!.reference }));
        e.requests[0]!.replay = replay;
      });
    expect(replays({ status: 200, reference: reference(1) })).toMatchObject({ lost: 0, duplicated: 0 });
    expect(replays({ status: 201, reference: reference(1) })).toMatchObject({ lost: 0, duplicated: 1 });
    expect(replays({ status: 200, reference: "PV-2026-000077" })).toMatchObject({ lost: 0, duplicated: 1 });
    expect(replays({ status: 409, reference: null })).toMatchObject({ lost: 1, duplicated: 0 });
    expect(replays(null)).toMatchObject({ lost: 1, duplicated: 0 });
  });

  it("counts a receipt mailed under a second Message-ID as duplicated, also with the app killed", () => {
    for (const appKilled of [false, true]) {
      const counts = assess((e) => {
        e.appKilled = appKilled;
        e.receipts.push({ caseId: "case-2", messageId: "<second@localhost>", status: "sent" });
        e.mails.push({ messageId: "<second@localhost>", references: [reference(2)] });
      });
      // Two receipts queued for one case, and two different mails.
      expect(counts.duplicated).toBe(2);
      expect(counts.problems.join("\n")).toMatch(/more than one receipt queued/);
      expect(counts.problems.join("\n")).toMatch(/more than one Message-ID/);
    }
  });

  it("counts a mail whose Message-ID the outbox never queued as duplicated", () => {
    const counts = assess((e) => e.mails.push({ messageId: "<stranger@elsewhere>", references: [reference(3)] }));
    expect(counts.duplicated).toBe(2);
    expect(counts.problems.join("\n")).toMatch(/did not queue/);
  });

  it("counts the same Message-ID twice as duplicated unless the app was killed (at least once with a stable id)", () => {
    const again = (appKilled: boolean) =>
      assess((e) => {
        e.appKilled = appKilled;
        e.mails.push({ messageId: messageId(1), references: [reference(1)] });
      });
    expect(again(false)).toMatchObject({ mailed: N, resent: 1, duplicated: 1 });
    expect(scenarioFailed(again(false))).toBe(true);
    expect(again(true)).toMatchObject({ mailed: N, resent: 1, duplicated: 0, lost: 0 });
    expect(again(true).problems[0]).toMatch(/allowed/);
    expect(scenarioFailed(again(true))).toBe(false);
  });

  it("names references, never addresses, in its problem lines", () => {
    const counts = assess((e) => {
      e.cases.splice(0, 1);
      e.mails.splice(1, 1);
      e.mails.push({ messageId: messageId(3), references: [reference(3)] });
    });
    expect(counts.problems.length).toBeGreaterThan(1);
    expect(counts.problems.join("\n")).not.toMatch(/@example\.test/);
  });
});

describe("referencesIn and formatTable", () => {
  it("finds the case references in a mail, once each", () => {
    expect(referencesIn("Kvittering for forespørsel PV-2026-000123\n\nSaksnummeret er PV-2026-000123.")).toEqual(["PV-2026-000123"]);
    expect(referencesIn("nothing here")).toEqual([]);
  });

  it("aligns the table's columns", () => {
    const counts = assessScenario(clean());
    const table = formatTable([
      { scenario: "a", counts, recoverySeconds: 1.25, seconds: 12 },
      { scenario: "longer name", counts, recoverySeconds: null, seconds: 3 },
    ]);
    const lines = table.split("\n");
    expect(lines).toHaveLength(4);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(lines[2]).toContain("1.3");
    expect(lines[3]).toMatch(/\|\s+-\s+\|/);
  });
});
