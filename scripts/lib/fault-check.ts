// The bookkeeping of `npm run test:faults` (scripts/test-faults.ts): what the client was told, what
// the database holds and what the mail server received, turned into the counts of one table row.
// Pure (no I/O), so that tests/unit/fault-check.test.ts can prove it fails on a fabricated loss or
// duplicate. Its problem lines name counts and case references only, never an address.

/** One request of the load, as the client saw it. */
export type ClientRequest = {
  submissionKey: string;
  /** Unique per request: a second case with it is a duplicate even if its key were lost. */
  email: string;
  /** The first 2xx answer (status and the case reference in it), or null if none came before the deadline. */
  ack: { status: number; reference: string } | null;
  /** The answer to resubmitting the same key and body after the scenario (only where that was done). */
  replay?: { status: number; reference: string | null } | null;
};

/** A case in the database that belongs to one of the scenario's requests (by submission key or e-mail). */
export type StoredCase = { caseId: string; reference: string; submissionKey: string | null; email: string | null };

/** A receipt row in mail_outbox for one of those cases. */
export type OutboxReceipt = { caseId: string; messageId: string; status: string };

/** A mail the SMTP server accepted: its Message-ID and the case references written in it. */
export type ReceivedMail = { messageId: string | null; references: string[] };

export type ScenarioEvidence = {
  requests: ClientRequest[];
  cases: StoredCase[];
  receipts: OutboxReceipt[];
  mails: ReceivedMail[];
  /**
   * The app process was killed in this scenario. The outbox promises "at least once, with the same
   * Message-ID" (lib/mail/outbox-worker.ts): only a process that dies between the SMTP answer and
   * recording it may send a mail again, and then with the same Message-ID. Such a repeat is counted
   * (`resent`) but is a duplicate only where the app was not killed.
   */
  appKilled: boolean;
};

export type ScenarioCounts = {
  requests: number;
  acknowledged: number;
  /** Requests with a case in the database. */
  stored: number;
  /** Stored cases with at least one receipt mail at the SMTP server. */
  mailed: number;
  lost: number;
  duplicated: number;
  /** Mails received more than once with the same Message-ID (the repeats, not the first copy). */
  resent: number;
  /** One line per kind of problem, counts and case references only. */
  problems: string[];
};

const REFERENCE = /PV-\d{4}-\d{6,}/g;

/** The case references in a mail's subject and text. */
export function referencesIn(text: string): string[] {
  return [...new Set(text.match(REFERENCE) ?? [])];
}

function countBy<T>(items: T[], key: (item: T) => string | null): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Up to five references, so a problem line points at cases to look at without flooding the output. */
function sample(references: string[]): string {
  if (references.length === 0) return "";
  const shown = references.slice(0, 5).join(", ");
  return ` (${shown}${references.length > 5 ? ", ..." : ""})`;
}

export function assessScenario(evidence: ScenarioEvidence): ScenarioCounts {
  const { requests, cases, receipts, mails, appKilled } = evidence;
  const byKey = countBy(cases, (c) => c.submissionKey);
  const byEmail = countBy(cases, (c) => c.email?.toLowerCase() ?? null);
  const receiptsByCase = countBy(receipts, (r) => r.caseId);
  const problems: string[] = [];
  const lost = new Set<string>();
  const duplicated = new Set<string>();
  const note = (bucket: Set<string>, kind: string, ids: string[], references: string[] = []) => {
    if (ids.length === 0) return;
    ids.forEach((id) => bucket.add(`${kind}:${id}`));
    problems.push(`${ids.length} ${kind}${sample(references)}`);
  };

  // Requests: acknowledged, stored once, told the reference of their own case, replayed as the same case.
  const unanswered: string[] = [];
  const ackedNotStored: string[] = [];
  const wrongReference: string[] = [];
  const twoCases: string[] = [];
  const twoCasesRefs: string[] = [];
  const replayFailed: string[] = [];
  const replayOther: string[] = [];
  const replayOtherRefs: string[] = [];
  const storedCaseIds = new Set<string>();
  let acknowledged = 0;
  let stored = 0;
  for (const request of requests) {
    const own = [...(byKey.get(request.submissionKey) ?? [])];
    for (const c of byEmail.get(request.email.toLowerCase()) ?? []) if (!own.includes(c)) own.push(c);
    own.forEach((c) => storedCaseIds.add(c.caseId));
    if (own.length > 0) stored++;
    if (own.length > 1) {
      twoCases.push(request.submissionKey);
      twoCasesRefs.push(...own.map((c) => c.reference));
    }
    if (!request.ack) {
      unanswered.push(request.submissionKey);
      continue;
    }
    acknowledged++;
    if (own.length === 0) ackedNotStored.push(request.submissionKey);
    else if (!own.some((c) => c.reference === request.ack!.reference)) wrongReference.push(request.submissionKey);
    if (request.replay === undefined) continue;
    const replay = request.replay;
    if (!replay || replay.status < 200 || replay.status > 299) replayFailed.push(request.submissionKey);
    // 201 means the replay created a case: the first one already existed.
    else if (replay.status === 201 || replay.reference !== request.ack.reference) {
      replayOther.push(request.submissionKey);
      if (replay.reference) replayOtherRefs.push(replay.reference);
    }
  }
  note(lost, "never acknowledged before the deadline", unanswered);
  note(lost, "acknowledged but not stored", ackedNotStored);
  note(lost, "acknowledged with a reference that is not its case", wrongReference);
  note(lost, "resubmitted without a 2xx answer", replayFailed);
  note(duplicated, "requests stored as more than one case", twoCases, twoCasesRefs);
  note(duplicated, "resubmissions answered with another or a new case", replayOther, replayOtherRefs);

  // Mail: every stored case has exactly one receipt queued, and the mail server got it, once.
  const ownCases = cases.filter((c) => storedCaseIds.has(c.caseId));
  const mailsByReference = new Map<string, ReceivedMail[]>();
  for (const mail of mails) {
    for (const reference of mail.references) {
      const list = mailsByReference.get(reference);
      if (list) list.push(mail);
      else mailsByReference.set(reference, [mail]);
    }
  }
  const noMail: string[] = [];
  const twoReceiptsQueued: string[] = [];
  const twoMessageIds: string[] = [];
  const unknownMessageId: string[] = [];
  const sameIdTwice: string[] = [];
  let mailed = 0;
  let resent = 0;
  for (const c of ownCases) {
    const queued = receiptsByCase.get(c.caseId) ?? [];
    if (queued.length > 1) twoReceiptsQueued.push(c.reference);
    const received = mailsByReference.get(c.reference) ?? [];
    if (received.length === 0) {
      noMail.push(c.reference);
      continue;
    }
    mailed++;
    const ids = countBy(received, (m) => m.messageId ?? "(none)");
    if (ids.size > 1) twoMessageIds.push(c.reference);
    const known = new Set(queued.map((r) => r.messageId));
    if ([...ids.keys()].some((id) => !known.has(id))) unknownMessageId.push(c.reference);
    const repeats = [...ids.values()].reduce((sum, copies) => sum + copies.length - 1, 0);
    if (repeats > 0) {
      resent += repeats;
      sameIdTwice.push(c.reference);
    }
  }
  note(lost, "stored cases without a receipt mail after the outbox drained", noMail, noMail);
  note(duplicated, "cases with more than one receipt queued", twoReceiptsQueued, twoReceiptsQueued);
  note(duplicated, "cases mailed under more than one Message-ID", twoMessageIds, twoMessageIds);
  note(duplicated, "cases mailed with a Message-ID the outbox did not queue", unknownMessageId, unknownMessageId);
  if (sameIdTwice.length > 0) {
    if (appKilled) {
      problems.push(
        `${sameIdTwice.length} cases mailed again with the same Message-ID after the app was killed (at least once, allowed)${sample(sameIdTwice)}`,
      );
    } else {
      note(duplicated, "cases mailed twice with the same Message-ID although the app was never killed", sameIdTwice, sameIdTwice);
    }
  }

  return {
    requests: requests.length,
    acknowledged,
    stored,
    mailed,
    lost: lost.size,
    duplicated: duplicated.size,
    resent,
    problems,
  };
}

/** Whether a row fails the run. */
export function scenarioFailed(counts: ScenarioCounts): boolean {
  return counts.lost > 0 || counts.duplicated > 0;
}

export type TableRow = { scenario: string; counts: ScenarioCounts; recoverySeconds: number | null; seconds: number };

/** A Markdown table with aligned columns: the first column left-aligned, the others (numbers) right. */
export function markdownTable(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? "").length)));
  const numeric = (i: number) => i > 0;
  const line = (cells: string[]) =>
    `| ${widths.map((w, i) => (numeric(i) ? (cells[i] ?? "").padStart(w) : (cells[i] ?? "").padEnd(w))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (numeric(i) ? `${"-".repeat(w + 1)}:` : `:${"-".repeat(w + 1)}`)).join("|")}|`;
  return [line(header), rule, ...body.map(line)].join("\n");
}

/** The table of the run (the README holds one from a real run). */
export function formatTable(rows: TableRow[]): string {
  const header = ["Scenario", "Requests", "Acknowledged", "Stored", "Mailed", "Lost", "Duplicated", "Resent (same Message-ID)", "Recovery s", "Scenario s"];
  return markdownTable(
    header,
    rows.map((r) => [
      r.scenario,
      String(r.counts.requests),
      String(r.counts.acknowledged),
      String(r.counts.stored),
      String(r.counts.mailed),
      String(r.counts.lost),
      String(r.counts.duplicated),
      String(r.counts.resent),
      r.recoverySeconds === null ? "-" : r.recoverySeconds.toFixed(1),
      r.seconds.toFixed(0),
    ]),
  );
}
