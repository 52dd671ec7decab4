// The benchmark cases that bench:dashboard and bench:pages seed (one copy of the SQL): N cases spread
// over three years, six units (and 10 % without), 5 % open, the rest closed 0-59 days after receipt
// (never in the future) with decisions and legal bases; every 7th extended, with a ground or (older
// cases) none; requesters of every identity level. `exec` runs one SQL text as the owner.

// `after` continues an earlier seed (bench:pages grows one database from 10k to 1M cases): the new
// cases are numbered after it, so references stay unique.
export async function seedBenchCases(exec: (sql: string) => Promise<unknown>, total: number, after = 0): Promise<void> {
  const first = Math.trunc(after) + 1;
  const last = Math.trunc(after + total);
  // Only the requesters this call adds (bench:submit's own are "benk-…", not "benk<n>@").
  // (A CASE, so the cast never sees another address: PostgreSQL may evaluate an AND in any order.)
  const number = `(CASE WHEN email ~ '^benk[0-9]+@' THEN split_part(substr(email, 5), '@', 1)::int END)`;
  const mine = `${number} BETWEEN ${first} AND ${last}`;
  await exec(`
    INSERT INTO requester (id, name, email, identity_level)
    SELECT gen_random_uuid(), 'Benk Person ' || g, 'benk' || g || '@example.test',
      (ARRAY['none','email_code','idporten_substantial','idporten_high','verified_in_person'])[1 + g % 5]::"IdentityLevel"
    FROM generate_series(${first}, ${last}) g`);
  await exec(`
    WITH units AS (SELECT array_agg(id ORDER BY slug) AS ids FROM unit),
         people AS (SELECT id, ${number} AS n FROM requester WHERE ${mine}),
         base AS (
           -- h spreads units independently of the other residues (with n % 6 every open case,
           -- n % 20 = 0, fell in the unit-less tenth or in three of the six units).
           SELECT p.*, now() - ((p.n % 1095) || ' days')::interval - ((p.n % 24) || ' hours')::interval AS received,
                  p.n % 20 = 0 AS open, p.n % 7 = 0 AS ext, (hashint4(p.n) & 2147483647) AS h
             FROM people p)
    INSERT INTO request_case (id, reference, reference_year, reference_seq, municipality_id, unit_id, requester_id,
      rights, channel, status, received_at, one_month_due_date, due_date, extended, extension_reason, extension_ground,
      closed_at, receipt_token, updated_at)
    SELECT gen_random_uuid(), 'PV-' || (2000 + b.n % 3) || '-' || lpad((1000000 + b.n)::text, 7, '0'), 2000 + b.n % 3, 1000000 + b.n,
      'bergen', CASE WHEN b.h % 10 = 0 THEN NULL ELSE (SELECT ids[1 + (b.h / 10 % 6)::int] FROM units) END, b.id,
      ARRAY[(ARRAY['access','erasure','rectification','objection'])[1 + (b.n % 4)::int]]::"Right"[],
      (ARRAY['web','email','letter','phone','counter'])[1 + (b.n / 3 % 5)::int]::"Channel",
      (CASE WHEN b.open THEN (ARRAY['received','in_progress','awaiting_requester'])[1 + (b.n / 20 % 3)::int]
            ELSE (ARRAY['completed','partially_completed','refused','withdrawn'])[1 + (b.n / 2 % 4)::int] END)::"CaseStatus",
      b.received,
      (b.received AT TIME ZONE 'Europe/Oslo' + interval '1 month')::date,
      (b.received AT TIME ZONE 'Europe/Oslo' + CASE WHEN b.ext THEN interval '3 months' ELSE interval '1 month' END)::date,
      b.ext, CASE WHEN b.ext THEN 'Benk' END,
      CASE WHEN b.ext THEN (ARRAY['complexity','number_of_requests','both',NULL])[1 + (b.n / 7 % 4)::int]::"ExtensionGround" END,
      CASE WHEN b.open THEN NULL ELSE least(now(), b.received + ((b.n * 7 % 60) || ' days')::interval) END,
      md5(b.n::text || random()::text), now()
    FROM base b`);
  // The case's copy of its requester's identity level, as submit/register write it.
  await exec(`UPDATE request_case c SET identity_level = r.identity_level FROM requester r WHERE r.id = c.requester_id AND ${mine}`);
  // One decision per decided benchmark case (on its only right), decided when the case closed;
  // refusals and partial grants cite one or two legal bases. Only the benchmark's own cases: the
  // demo seed's closed cases have their decisions already (case_decision is unique per case and
  // right, and a fresh database failed on them).
  await exec(`
    INSERT INTO case_decision (id, case_id, "right", outcome, legal_basis_ids, reasons, decided_at, decided_by_id)
    SELECT gen_random_uuid(), c.id, c.rights[1],
      (CASE c.status WHEN 'completed' THEN 'granted' WHEN 'refused' THEN 'refused' ELSE 'partially_granted' END)::"RightOutcome",
      CASE WHEN c.status = 'completed' THEN ARRAY[]::text[]
           WHEN c.reference_seq % 3 = 0 THEN ARRAY['gdpr-12-5', 'gdpr-11-2']
           ELSE ARRAY[(ARRAY['gdpr-12-5','gdpr-11-2'])[1 + c.reference_seq % 2]] END,
      'Benk', c.closed_at, (SELECT id FROM staff_user WHERE email = 'personvernombud@demo.test')
    FROM request_case c JOIN requester r ON r.id = c.requester_id AND ${mine}
    WHERE c.status IN ('completed', 'partially_completed', 'refused') AND c.closed_at IS NOT NULL`);
  await exec("VACUUM ANALYZE");
}
