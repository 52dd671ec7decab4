// The case page's timeline: audit events (with only their non-personal facts) and messages, in the
// order they happened, with the names of the staff who acted. Built from rows already read: no
// queries of its own.
import { isUuid } from "@/lib/domain/uuid";

export type CaseTimelineEntry = {
  id: string;
  at: Date;
  type: string;
  actorType: "citizen" | "staff" | "system";
  actorName: string | null;
  /** Non-personal facts from the event (dates, outcome, pause kind...). */
  facts: Record<string, unknown>;
  /** `letter`: the message is a sent letter (shown formatted). */
  message: { kind: "to_requester" | "from_requester" | "internal_note"; body: string; letter: boolean } | null;
};

/** Audit events that record a read, not a change (need-to-know logging). */
export const READ_ONLY_EVENTS = ["case.national_id_viewed"] as const;


const FACT_KEYS = [
  "status",
  "ground",
  "orderedDueDate",
  "dueDate",
  "extended",
  "pauseKind",
  "pauseFrom",
  "pauseTo",
  "oneMonthDueDate",
  "outcome",
  "perRight",
  "channel",
  "receivedAt",
  "kind",
  "system",
  "taskId",
  "complex",
  "assigneeId",
  "messageId",
  "letterId",
  "attachmentId",
  "method",
  "specialCategory",
  "byUnit",
  "nationalIdOf",
  "unitId",
  "reason",
] as const;

function factsOf(after: unknown): Record<string, unknown> {
  if (typeof after !== "object" || after === null || Array.isArray(after)) return {};
  const out: Record<string, unknown> = {};
  for (const key of FACT_KEYS) if (key in after) out[key] = (after as Record<string, unknown>)[key];
  return out;
}

type TimelineEvent = { id: bigint; at: Date; type: string; actorType: "citizen" | "staff" | "system"; actorId: string | null; after: unknown };
type TimelineMessage = { id: string; kind: "to_requester" | "from_requester" | "internal_note"; body: string; createdAt: Date; authorId: string | null; letter: { id: string } | null };

/** The staff the events and messages name (read their names in one query). */
export function staffIdsIn(events: readonly TimelineEvent[], messages: readonly TimelineMessage[]): string[] {
  const ids = new Set<string>();
  for (const e of events) if (e.actorType === "staff" && isUuid(e.actorId)) ids.add(e.actorId);
  for (const m of messages) if (m.kind !== "from_requester" && isUuid(m.authorId)) ids.add(m.authorId);
  return [...ids];
}

/** The units the events moved the case to (named in the timeline: read them in one query). */
export function unitIdsMovedTo(events: readonly TimelineEvent[]): string[] {
  const ids = new Set<string>();
  for (const e of events) {
    const unitId = e.type === "case.unit_changed" ? factsOf(e.after).unitId : undefined;
    if (isUuid(unitId)) ids.add(unitId);
  }
  return [...ids];
}

export function buildCaseTimeline(input: {
  events: readonly TimelineEvent[];
  messages: readonly TimelineMessage[];
  nameOf: (id: string | null | undefined) => string | null;
  unitNames: ReadonlyMap<string, string>;
}): CaseTimelineEntry[] {
  const { nameOf, unitNames } = input;
  const c = { events: input.events, messages: input.messages };
  const messagesById = new Map(c.messages.map((m) => [m.id, m]));
  const shownMessages = new Set<string>();
  const timeline: CaseTimelineEntry[] = c.events.map((e) => {
    const facts = factsOf(e.after);
    if (e.type === "case.unit_changed" && typeof facts.unitId === "string") facts.unitName = unitNames.get(facts.unitId) ?? null;
    const messageId = typeof facts.messageId === "string" ? facts.messageId : null;
    const message = messageId ? messagesById.get(messageId) : undefined;
    if (message) shownMessages.add(message.id);
    return {
      id: `e${e.id.toString()}`,
      at: e.at,
      type: e.type,
      actorType: e.actorType,
      actorName: e.actorType === "staff" ? nameOf(e.actorId) : null,
      facts,
      message: message ? { kind: message.kind, body: message.body, letter: message.letter !== null } : null,
    };
  });
  // Messages that no event points at (older data) still belong in the timeline.
  for (const m of c.messages) {
    if (shownMessages.has(m.id)) continue;
    timeline.push({
      id: `m${m.id}`,
      at: m.createdAt,
      type: m.kind === "internal_note" ? "note.added" : `message.${m.kind}`,
      actorType: m.kind === "from_requester" ? "citizen" : "staff",
      actorName: m.kind === "from_requester" ? null : nameOf(m.authorId),
      facts: {},
      message: { kind: m.kind, body: m.body, letter: m.letter !== null },
    });
  }
  timeline.sort((a, b) => a.at.getTime() - b.at.getTime());
  return timeline;
}
