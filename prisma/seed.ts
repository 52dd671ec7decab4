// Seeds the municipality profile (from MUNICIPALITY) and its units; with demoData also demo staff
// accounts and, on an empty database, a few demo cases. Idempotent: safe to run on every start.
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { createDbClient, db, disconnectDb, type Db } from "@/lib/db/client";
import { isoDateToDb } from "@/lib/db/dates";
import { municipalityProfile } from "@/lib/config/municipalities";
import { computeDeadline } from "@/lib/domain/deadline";
import { osloDateOf } from "@/lib/domain/calendar";
import { EXTENSION_GROUNDS } from "@/lib/domain/case-status";
import { nextCaseReference } from "@/lib/cases/case-reference";
import type { Right, StaffRole } from "@/lib/db/generated/client";
import type { LegalBasisId } from "@/lib/domain/rights";
import { SEED_PROCESSING_REGISTER } from "@/lib/config/processing-register-seed";

export const DEMO_STAFF: { email: string; name: string; roles: StaffRole[]; unitIndexes: number[] }[] = [
  { email: "saksbehandler@demo.test", name: "Kari Saksbehandler", roles: ["caseworker"], unitIndexes: [0, 1] },
  { email: "saksbehandler2@demo.test", name: "Ola Saksbehandler", roles: ["caseworker"], unitIndexes: [2] },
  { email: "leder@demo.test", name: "Lene Enhetsleder", roles: ["unit_lead"], unitIndexes: [0, 1] },
  { email: "personvernombud@demo.test", name: "Per Personvernombud", roles: ["dpo"], unitIndexes: [] },
  { email: "admin@demo.test", name: "Anne Admin", roles: ["admin"], unitIndexes: [] },
];

/**
 * `databaseUrl`: connect with that (serve.ts and the test setup pass the owner's URL,
 * MIGRATION_DATABASE_URL) on a client of its own, closed at the end; without it the app's db().
 */
export async function seed(options: { municipality?: string; demoData?: boolean; databaseUrl?: string; log?: (s: string) => void } = {}) {
  const prisma = options.databaseUrl ? createDbClient(options.databaseUrl) : db();
  try {
    await seedWith(prisma, options);
  } finally {
    if (options.databaseUrl) await prisma.$disconnect();
  }
}

async function seedWith(prisma: Db, options: { municipality?: string; demoData?: boolean; log?: (s: string) => void }) {
  const log = options.log ?? console.log;
  const profile = municipalityProfile(options.municipality ?? process.env.MUNICIPALITY);

  const municipalityData = {
    name: profile.name,
    postmottakEmail: profile.postmottakEmail,
    phone: profile.phone,
    visitingAddress: profile.visitingAddress,
    postalAddress: profile.postalAddress,
    dpoName: profile.dpo.name,
    dpoEmail: profile.dpo.email,
    dpoPhone: profile.dpo.phone,
    dpoPostalAddress: profile.dpo.postalAddress,
    retentionYears: profile.retentionYears,
  };
  await prisma.municipality.upsert({
    where: { id: profile.id },
    create: { id: profile.id, ...municipalityData },
    update: municipalityData,
    // Only the id back: the seed also runs against databases a few migrations old (the database
    // roles upgrade test), where later columns do not exist yet.
    select: { id: true },
  });

  const unitIds: string[] = [];
  for (const unit of profile.units) {
    const saved = await prisma.unit.upsert({
      where: { municipalityId_slug: { municipalityId: profile.id, slug: unit.slug } },
      create: {
        municipalityId: profile.id,
        slug: unit.slug,
        name: unit.name,
        nameNn: unit.nameNn ?? null,
        nameEn: unit.nameEn ?? null,
        email: unit.email,
        systems: unit.systems,
        specialCategory: unit.specialCategory ?? false,
      },
      // Created once from the profile; after that the admin pages own the unit (no overwrite).
      update: {},
      select: { id: true },
    });
    unitIds.push(saved.id);
  }

  await seedProcessingRegister(prisma, profile.id);

  if (!options.demoData) {
    log(`Seeded ${profile.name}: ${profile.units.length} units.`);
    return;
  }
  for (const staff of DEMO_STAFF) {
    const user = await prisma.user.upsert({
      where: { email: staff.email },
      create: { email: staff.email, name: staff.name, roles: staff.roles, municipalityId: profile.id },
      update: { roles: staff.roles, municipalityId: profile.id, active: true },
      select: { id: true },
    });
    for (const index of staff.unitIndexes) {
      const unitId = unitIds[index];
      if (!unitId) continue;
      await prisma.unitMember.upsert({
        where: { userId_unitId: { userId: user.id, unitId } },
        create: { userId: user.id, unitId },
        update: {},
      });
    }
  }

  if ((await prisma.case.count()) === 0) {
    await seedDemoCases(prisma, profile.id, unitIds);
    const caseworker = await prisma.user.findUniqueOrThrow({ where: { email: "saksbehandler@demo.test" }, select: { id: true } });
    await seedDemoHistory(prisma, profile.id, unitIds, caseworker.id);
    log("Seeded demo cases (open ones, and a year of closed ones for the dashboard's statistics).");
  }
  log(`Seeded ${profile.name}: ${profile.units.length} units, ${DEMO_STAFF.length} demo staff accounts.`);
}

const DEMO_CASES: { daysAgo: number; rights: Right[]; unitIndex: number | null; name: string }[] = [
  { daysAgo: 27, rights: ["access"], unitIndex: 0, name: "Demo Innbygger En" },
  { daysAgo: 20, rights: ["rectification"], unitIndex: 1, name: "Demo Innbygger To" },
  { daysAgo: 9, rights: ["access", "rectification"], unitIndex: 2, name: "Demo Innbygger Tre" },
  { daysAgo: 2, rights: ["erasure"], unitIndex: null, name: "Demo Innbygger Fire" },
];

async function seedDemoCases(prisma: Db, municipalityId: string, unitIds: string[]) {
  const now = Date.now();
  for (const demo of DEMO_CASES) {
    const receivedAt = new Date(now - demo.daysAgo * 24 * 60 * 60 * 1000);
    const { dueDate } = computeDeadline({ receivedAt });
    const unitId = demo.unitIndex === null ? null : (unitIds[demo.unitIndex] ?? null);
    await prisma.$transaction(async (tx) => {
      const requester = await tx.requester.create({
        data: { name: demo.name, email: `innbygger${demo.daysAgo}@demo.test` },
        select: { id: true },
      });
      const ref = await nextCaseReference(tx, Number(osloDateOf(receivedAt).slice(0, 4)));
      const created = await tx.case.create({
        data: {
          reference: ref.reference,
          referenceYear: ref.year,
          referenceSeq: ref.seq,
          municipalityId,
          unitId,
          requesterId: requester.id,
          rights: demo.rights,
          channel: "web",
          receivedAt,
          oneMonthDueDate: isoDateToDb(dueDate),
          dueDate: isoDateToDb(dueDate),
          description: "Demo",
          receiptToken: randomBytes(24).toString("base64url"),
        },
        select: { id: true },
      });
      await tx.caseEvent.create({
        data: {
          caseId: created.id,
          at: receivedAt,
          actorType: "system",
          type: "case.received",
          after: { status: "received", rights: demo.rights, channel: "web", unitId, dueDate, demo: true },
        },
      });
    });
  }
}

// A year of closed demo cases, so the DPO dashboard's statistics over time have something to show:
// every channel, right and identity level, a few refusals with legal bases, some extensions with
// their ground, one case in ten answered late. Deterministic (no randomness): the same every start.
type HistoryOutcome = "completed" | "partially_completed" | "refused" | "withdrawn";
const HISTORY_CASES = 140;
const HISTORY_RIGHTS: Right[][] = [["access"], ["access"], ["rectification"], ["erasure"], ["access", "rectification"], ["objection"], ["restriction"]];
const HISTORY_CHANNELS = ["web", "web", "web", "email", "letter", "phone", "counter"] as const;
const HISTORY_LEVELS = ["idporten_high", "idporten_substantial", "email_code", "idporten_high", "none", "verified_in_person"] as const;
const HISTORY_REFUSAL_BASES: Partial<Record<Right, LegalBasisId[]>> = {
  access: ["popplyl-16-e"],
  erasure: ["gdpr-17-3-b"],
  rectification: ["gdpr-16-accurate"],
  objection: ["gdpr-21-1-compelling"],
  restriction: ["gdpr-18-1-not-met"],
};

async function seedDemoHistory(prisma: Db, municipalityId: string, unitIds: string[], deciderId: string) {
  const now = Date.now();
  // The demo history was journaled by hand before the archive integration (retention waits for an
  // archive reference). Skipped on a database older than the column (the roles upgrade test).
  const [column] = await prisma.$queryRaw<{ exists: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'request_case' AND column_name = 'archive_reference_manual') AS exists`;
  for (let i = 0; i < HISTORY_CASES; i++) {
    // Spread over the last 12 months, more recently a little busier.
    const daysAgo = 35 + Math.floor((i * 330) / HISTORY_CASES) - (i % 3);
    const receivedAt = new Date(now - daysAgo * 86_400_000 + ((i * 37) % 480) * 60_000);
    const rights = HISTORY_RIGHTS[i % HISTORY_RIGHTS.length]!;
    const extended = i % 9 === 4;
    const outcome: HistoryOutcome = i % 11 === 3 ? "refused" : i % 13 === 5 ? "partially_completed" : i % 17 === 7 ? "withdrawn" : "completed";
    // Usually answered in 8-30 days; one in ten late (past the due date in force).
    const late = i % 10 === 6;
    const { dueDate } = computeDeadline({ receivedAt, extended });
    const daysToClose = late ? (extended ? 100 : 38) + (i % 5) : 8 + ((i * 7) % 23) + (extended ? 40 : 0);
    // Never in the future: the most recent cases close today at the latest.
    const closedAt = new Date(Math.min(receivedAt.getTime() + daysToClose * 86_400_000, now - 3_600_000));
    const unitId = i % 8 === 7 ? null : (unitIds[i % unitIds.length] ?? null);
    const identityLevel = HISTORY_LEVELS[i % HISTORY_LEVELS.length]!;
    const ground = extended ? EXTENSION_GROUNDS[Math.floor(i / 9) % EXTENSION_GROUNDS.length]! : null;
    await prisma.$transaction(async (tx) => {
      const requester = await tx.requester.create({
        data: { name: `Demo Historikk ${i + 1}`, email: `historikk${i + 1}@demo.test`, identityLevel },
        select: { id: true },
      });
      const ref = await nextCaseReference(tx, Number(osloDateOf(receivedAt).slice(0, 4)));
      const created = await tx.case.create({
        data: {
          reference: ref.reference,
          referenceYear: ref.year,
          referenceSeq: ref.seq,
          municipalityId,
          unitId,
          requesterId: requester.id,
          identityLevel,
          rights,
          channel: HISTORY_CHANNELS[i % HISTORY_CHANNELS.length]!,
          receivedAt,
          oneMonthDueDate: isoDateToDb(computeDeadline({ receivedAt }).dueDate),
          dueDate: isoDateToDb(dueDate),
          extended,
          extensionReason: extended ? "Saken gjelder mange fagsystemer som må gjennomgås." : null,
          extensionGround: ground,
          status: outcome,
          closedAt,
          assigneeId: deciderId,
          description: "Demo",
          receiptToken: randomBytes(24).toString("base64url"),
        },
        select: { id: true },
      });
      await tx.caseEvent.create({
        data: { caseId: created.id, at: receivedAt, actorType: "system", type: "case.received", after: { status: "received", rights, demo: true } },
      });
      if (outcome !== "withdrawn") {
        for (const right of rights) {
          const refused = outcome === "refused" || (outcome === "partially_completed" && right === rights[0]);
          await tx.caseDecision.create({
            data: {
              caseId: created.id,
              right,
              outcome: refused ? (outcome === "refused" ? "refused" : "partially_granted") : "granted",
              legalBasisIds: refused ? (HISTORY_REFUSAL_BASES[right] ?? ["gdpr-12-5"]) : [],
              reasons: refused ? "Demo: begrunnelse for avslaget." : "",
              decidedAt: closedAt,
              decidedById: deciderId,
            },
          });
        }
      }
      await tx.caseEvent.create({
        data: { caseId: created.id, at: closedAt, actorType: "system", type: outcome === "withdrawn" ? "case.withdrawn" : "case.decided", after: { outcome, demo: true } },
      });
    });
  }
  if (column?.exists) {
    await prisma.$executeRaw`UPDATE request_case SET archive_reference_manual = 'Demo: journalført for hånd'
      WHERE municipality_id = ${municipalityId} AND closed_at IS NOT NULL AND archive_reference_manual IS NULL AND description = 'Demo'`;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // As the owner when MIGRATION_DATABASE_URL is set (README, Database roles).
  seed({ demoData: process.env.SEED_DEMO_DATA === "1", databaseUrl: process.env.MIGRATION_DATABASE_URL || undefined })
    .then(() => disconnectDb())
    .catch(async (error) => {
      console.error(error);
      await disconnectDb();
      process.exit(1);
    });
}

/**
 * The shipped records of processing (lib/config/processing-register-seed.ts), only into a
 * municipality that has no entries yet: after that the admin pages own them (an entry renamed or
 * retired there never comes back). Skipped on databases older than the table (the roles upgrade test).
 */
async function seedProcessingRegister(prisma: Db, municipalityId: string): Promise<void> {
  const entries = SEED_PROCESSING_REGISTER[municipalityId];
  if (!entries || entries.length === 0) return;
  const [table] = await prisma.$queryRaw<{ exists: boolean }[]>`SELECT to_regclass('processing_activity') IS NOT NULL AS exists`;
  if (!table?.exists) return;
  if ((await prisma.processingActivity.count({ where: { municipalityId } })) > 0) return;
  const units = await prisma.unit.findMany({ where: { municipalityId }, select: { id: true, slug: true } });
  const unitId = (slug: string | null) => (slug ? (units.find((u) => u.slug === slug)?.id ?? null) : null);
  await prisma.processingActivity.createMany({
    data: entries.map(({ unitSlug, ...e }) => ({ ...e, municipalityId, unitId: unitId(unitSlug) })),
    skipDuplicates: true,
  });
}
