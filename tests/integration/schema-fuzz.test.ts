// Property tests (fast-check): malformed input is refused cleanly, never by a crash.
// (a) every zod schema exported from lib/requests/*.ts and the other form-schema modules (found
//     generically: the schemas grow while this test stays the same) survives random values without throwing;
// (b) the JSON API answers 2xx or 4xx, never 5xx, and a 4xx writes nothing.
import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { randomUUID } from "node:crypto";
import { db, disconnectDb } from "@/lib/db/client";
import { POST } from "@/app/api/v1/requests/route";

// The API answers only clients with a key (API_KEYS); every request below carries this one.
const API_KEY = "fuzz-test-key-0123456789abcdefghijklmnopqrstuvwxyz";
process.env.API_KEYS = `fuzz:${API_KEY}`;
// Hundreds of posts on one key: the per-key limit (api-rate-limit.test.ts) is not what this tests.
process.env.RATE_LIMITS = "submit_api_key=100000/3600";
const AUTH = { authorization: `Bearer ${API_KEY}` };

afterAll(async () => {
  await disconnectDb();
});

type SchemaLike = { safeParseAsync(value: unknown): Promise<{ success: boolean }>; shape?: Record<string, unknown> };

function isSchema(value: unknown): value is SchemaLike {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as SchemaLike).safeParseAsync === "function" &&
    "_zod" in value // zod 4 schemas carry their internals here
  );
}

/** Every zod schema exported from lib/requests/*.ts: schemas, shapes of schemas, and schema factories. */
function collectSchemas(): Array<[string, SchemaLike]> {
  const modules = import.meta.glob(
    [
      "/lib/requests/*.ts",
      "/lib/cases/message-schema.ts",
      "/lib/cases/queue-filters.ts",
      "/lib/cases/register-request.ts",
      "/lib/complaints/complaint-schema.ts",
      "/lib/admin/schemas.ts",
      "/lib/dashboard/trend-filters.ts",
    ],
    { eager: true },
  ) as Record<string, Record<string, unknown>>;
  const found: Array<[string, SchemaLike]> = [];
  for (const [file, mod] of Object.entries(modules)) {
    const moduleName = file.split("/").pop();
    for (const [name, value] of Object.entries(mod)) {
      if (isSchema(value)) {
        found.push([`${moduleName}:${name}`, value]);
      } else if (typeof value === "function" && /schema$/i.test(name) && value.length <= 1) {
        // A factory such as aboutStepSchema(options): try its default and its permissive variant.
        for (const options of [undefined, { allowSynthetic: true, emailOptional: true }]) {
          try {
            const made = (value as (o?: unknown) => unknown)(options);
            if (isSchema(made)) found.push([`${moduleName}:${name}(${JSON.stringify(options ?? {})})`, made]);
          } catch {
            // not a schema factory
          }
        }
      } else if (typeof value === "object" && value !== null && !Array.isArray(value)) {
        for (const [key, inner] of Object.entries(value)) {
          if (isSchema(inner)) found.push([`${moduleName}:${name}.${key}`, inner]);
        }
      }
    }
  }
  return found;
}

const POLLUTION_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty"];

/** JSON text of `rest` with `key` as an own property (even "__proto__", which an object literal would not make). */
function jsonWithKey(key: string, value: unknown, rest: Record<string, unknown>): string {
  const entries = Object.entries(rest).filter(([k]) => k !== key);
  const parts = [[key, value ?? null] as const, ...entries].map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v ?? null)}`);
  return `{${parts.join(",")}}`;
}

/** JSON.parse keeps "__proto__" as an own key, exactly as a request body would deliver it. */
const pollutedObject = fc
  .tuple(fc.constantFrom(...POLLUTION_KEYS), fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 }))
  .map(([key, value, rest]) => JSON.parse(jsonWithKey(key, value, rest)) as unknown);

const hugeString = fc.constantFrom("x".repeat(1_000_000), "€".repeat(200_000), "\u0000".repeat(100_000), "👩‍👩‍👧‍👦".repeat(50_000));

const weirdString = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.constantFrom("", " ", "\u202e", "\ud800", "<script>alert(1)</script>", "'; DROP TABLE request_case; --", "NaN", "null", "00000000-0000-0000-0000-000000000000"),
);

/** Anything a client could send or a bug could pass in. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true, withSparseArray: true, withTypedArray: true, withBoxedValues: true }) },
  { weight: 2, arbitrary: weirdString },
  { weight: 1, arbitrary: hugeString },
  { weight: 2, arbitrary: pollutedObject },
  { weight: 1, arbitrary: fc.array(fc.oneof(weirdString, fc.integer(), fc.constant(null)), { maxLength: 2000 }) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null, NaN, Infinity, -0, Symbol("s"), () => 1, new Error("x"), Promise.resolve(1)) },
);

/** Objects with the schema's own keys (so parsing reaches the inner checks), each set to hostile values. */
function shapedValue(schema: SchemaLike): fc.Arbitrary<unknown> {
  const shape = schema.shape ?? (schema as unknown as { _zod?: { def?: { in?: { shape?: Record<string, unknown> } } } })._zod?.def?.in?.shape;
  const keys = shape ? Object.keys(shape) : [];
  if (keys.length === 0) return hostileValue;
  return fc.dictionary(fc.constantFrom(...keys, ...POLLUTION_KEYS), fc.oneof(hostileValue, weirdString, fc.jsonValue()), { maxKeys: keys.length + 2 });
}

describe("schema fuzz: every form schema", () => {
  const schemas = collectSchemas();

  it("finds the request schemas (the test is not vacuous)", () => {
    const names = schemas.map(([name]) => name);
    expect(names.some((n) => n.includes("submitRequestSchema") || n.includes("makeSubmitRequestSchema"))).toBe(true);
    expect(names.some((n) => n.includes("messageBodySchema"))).toBe(true);
    expect(names.some((n) => n.includes("registerSchema"))).toBe(true);
    expect(names.some((n) => n.includes("unitInputSchema"))).toBe(true);
    expect(schemas.length).toBeGreaterThanOrEqual(8);
  });

  for (const [name, schema] of schemas) {
    it(`${name}: safeParse never throws on hostile input`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(hostileValue, shapedValue(schema)), async (value) => {
          const result = await schema.safeParseAsync(value);
          expect(typeof result.success).toBe("boolean");
        }),
        { numRuns: 150 },
      );
      // Nothing leaked onto Object.prototype along the way.
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.keys(Object.prototype)).toEqual([]);
    });
  }
});

// ---------------------------------------------------------------------------

async function rowCounts() {
  const [cases, requesters, mails] = await Promise.all([db().case.count(), db().requester.count(), db().mailOutbox.count()]);
  return { cases, requesters, mails };
}

function validBody(): Record<string, unknown> {
  return { rights: ["access"], name: "Fuzz Testesen", email: `fuzz-${randomUUID()}@example.test`, submissionKey: randomUUID() };
}

type Body = { body: string | Uint8Array; contentType: string; label: string };

const jsonBody = (value: unknown, label: string): Body => ({ body: JSON.stringify(value) ?? "null", contentType: "application/json", label });

const bodies: fc.Arbitrary<Body> = fc.oneof(
  // Random JSON of any shape.
  { weight: 3, arbitrary: fc.jsonValue().map((v) => jsonBody(v, "random json")) },
  // A valid request with one field replaced, removed or a pollution key added.
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom("rights", "name", "email", "submissionKey", "unit", "description", "details", "answerChannel", "onBehalfOf", "nationalId", ...POLLUTION_KEYS), fc.oneof(fc.jsonValue(), weirdString), fc.boolean())
      .map(([key, value, remove]) => {
        const body = validBody();
        if (remove) delete body[key];
        else body[key] = value;
        const text = POLLUTION_KEYS.includes(key) && !remove ? jsonWithKey(key, value, body) : JSON.stringify(body);
        return { body: text, contentType: "application/json", label: `mutated ${key}` };
      }),
  },
  // Truncated JSON.
  {
    weight: 2,
    arbitrary: fc.tuple(fc.nat()).map(([cut]) => {
      const text = JSON.stringify(validBody());
      return { body: text.slice(0, cut % text.length), contentType: "application/json", label: "truncated" };
    }),
  },
  // Wrong types everywhere.
  {
    weight: 2,
    arbitrary: fc
      .record({ rights: fc.oneof(fc.string(), fc.integer(), fc.array(fc.integer())), name: fc.oneof(fc.integer(), fc.array(fc.string()), fc.constant(null)), email: fc.oneof(fc.boolean(), fc.object()), submissionKey: fc.oneof(fc.integer(), fc.string()) })
      .map((v) => jsonBody(v, "wrong types")),
  },
  // Oversized bodies and long fields.
  {
    weight: 1,
    arbitrary: fc.constantFrom<Body>(
      { body: JSON.stringify({ ...validBody(), description: "x".repeat(70_000) }), contentType: "application/json", label: "oversized" },
      { body: JSON.stringify({ ...validBody(), name: "n".repeat(20_000) }), contentType: "application/json", label: "long name" },
      { body: `[${"[".repeat(5000)}${"]".repeat(5000)}]`, contentType: "application/json", label: "deep nesting" },
      { body: new Uint8Array([0xff, 0xfe, 0x00, 0x7b]), contentType: "application/json", label: "invalid utf-8" },
      // Found by this fuzz: a lone surrogate is valid JSON but not storable text (was a 500).
      { body: JSON.stringify({ ...validBody(), description: "\ud800" }), contentType: "application/json", label: "lone surrogate" },
      { body: JSON.stringify({ ...validBody(), name: "Ola \udfff" }), contentType: "application/json", label: "lone low surrogate" },
    ),
  },
  // Not JSON at all, or sent as another type.
  { weight: 1, arbitrary: fc.string().map((s) => ({ body: s, contentType: "application/json", label: "garbage" })) },
  { weight: 1, arbitrary: fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "").map((ct) => ({ body: JSON.stringify(validBody()), contentType: ct, label: `content-type ${ct}` })) },
  // Sometimes a valid request (the 2xx path runs too).
  { weight: 1, arbitrary: fc.constant(null).map(() => jsonBody(validBody(), "valid")) },
);

describe("schema fuzz: POST /api/v1/requests", () => {
  it("answers 2xx or 4xx for 300+ generated bodies, never 5xx, and writes nothing on 4xx", async () => {
    const seen = { ok: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(bodies, async ({ body, contentType, label }) => {
        const before = await rowCounts();
        const headers = new Headers(contentType ? { "content-type": contentType, ...AUTH } : AUTH);
        const response = await POST(new Request("http://localhost/api/v1/requests", { method: "POST", headers, body: body as BodyInit }));
        const status = response.status;
        expect(status, `${label} -> ${status}`).toBeGreaterThanOrEqual(200);
        expect(status, `${label} -> ${status}`).toBeLessThan(500);
        expect(status >= 300 && status < 400, `${label} -> ${status}`).toBe(false);
        if (status >= 400) {
          seen.refused++;
          expect(await rowCounts(), `${label} wrote rows`).toEqual(before);
          // A 4xx still answers JSON with an error code, no stack trace.
          const json = (await response.json()) as { error?: unknown };
          expect(typeof json.error).toBe("string");
          expect(JSON.stringify(json)).not.toMatch(/at .*\.(ts|js):\d+/);
        } else {
          seen.ok++;
        }
      }),
      { numRuns: 320 },
    );
    // Both paths were exercised.
    expect(seen.refused).toBeGreaterThan(100);
    expect(seen.ok).toBeGreaterThan(0);
  });
});

describe("API keys", () => {
  it("answers 401 without a key or with a wrong one, 404 when no keys are configured, and writes nothing", async () => {
    const body = JSON.stringify({ ...validBody(), submissionKey: randomUUID() });
    const before = await rowCounts();
    for (const authorization of [undefined, "Bearer wrong-key-0123456789abcdefghijklmnopqrstuvwxyz", `Basic ${API_KEY}`, `Bearer ${API_KEY}x`]) {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (authorization) headers.authorization = authorization;
      const response = await POST(new Request("http://localhost/api/v1/requests", { method: "POST", headers, body }));
      expect(response.status, String(authorization)).toBe(401);
    }
    const saved = process.env.API_KEYS;
    try {
      process.env.API_KEYS = "";
      const response = await POST(new Request("http://localhost/api/v1/requests", { method: "POST", headers: { "content-type": "application/json", ...AUTH }, body }));
      expect(response.status).toBe(404);
    } finally {
      process.env.API_KEYS = saved;
    }
    expect(await rowCounts()).toEqual(before);
    // The same request with the key is accepted.
    const ok = await POST(new Request("http://localhost/api/v1/requests", { method: "POST", headers: { "content-type": "application/json", ...AUTH }, body }));
    expect(ok.status).toBe(201);
  });
});

describe("regressions found by the fuzz", () => {
  it("refuses NUL and other control characters in free text with 400 and writes nothing (PostgreSQL cannot store U+0000)", async () => {
    for (const [field, value] of [
      ["description", "Jeg vil se \u0000 alt"],
      ["name", "Ola\u0000Nordmann"],
      ["description", "bjelle \u0007"],
    ] as const) {
      const before = await rowCounts();
      const body = JSON.stringify({ ...validBody(), submissionKey: randomUUID(), [field]: value });
      const response = await POST(
        new Request("http://localhost/api/v1/requests", { method: "POST", headers: { "content-type": "application/json", ...AUTH }, body }),
      );
      expect(response.status, `${field}`).toBe(400);
      expect(await rowCounts()).toEqual(before);
    }
    // Tabs and line breaks are ordinary free text.
    const ok = await POST(
      new Request("http://localhost/api/v1/requests", {
        method: "POST",
        headers: { "content-type": "application/json", ...AUTH },
        body: JSON.stringify({ ...validBody(), submissionKey: randomUUID(), description: "Linje 1\r\nLinje 2\tmed tab" }),
      }),
    );
    expect(ok.status).toBeLessThan(300);
  });

  it("every free-text schema refuses U+0000 with a translated error instead of passing it to the database", async () => {
    const { messageBodySchema } = await import("@/lib/cases/message-schema");
    const { complaintBodySchema, complaintAnswerSchema } = await import("@/lib/complaints/complaint-schema");
    const { unitInputSchema, staffUserInputSchema } = await import("@/lib/admin/schemas");
    const { registerSchema } = await import("@/lib/cases/register-request");
    const nul = "tekst \u0000 her";
    const cases: Array<[string, { success: boolean; error?: { issues: { message: string }[] } }]> = [
      ["message", messageBodySchema.safeParse(nul)],
      ["complaint", complaintBodySchema.safeParse(`Klagen gjelder ${nul}`)],
      ["complaint answer", complaintAnswerSchema.safeParse(nul)],
      ["unit name", unitInputSchema.safeParse({ name: nul, slug: "ny-enhet", email: "", systems: "" })],
      ["staff name", staffUserInputSchema.safeParse({ name: nul, email: "ny@kommune.no", roles: ["caseworker"] })],
      [
        "registered description",
        registerSchema.safeParse({ channel: "phone", receivedDate: "2026-11-02", receivedTime: "10:00", rights: ["access"], name: "Ola", email: "ola@example.com", answerChannel: "digital", description: nul }),
      ],
    ];
    for (const [label, result] of cases) {
      expect(result.success, label).toBe(false);
      expect(result.error?.issues[0]?.message, label).toMatch(/invalid|Invalid/i);
    }

    // The caseworker's free-text fields too (notes, questions, reasons, tasks, restriction, legal hold).
    const { noteSchema } = await import("@/lib/cases/add-internal-note");
    const { askRequesterSchema } = await import("@/lib/cases/ask-requester");
    const { extendSchema } = await import("@/lib/cases/extend-deadline");
    const { rightDecisionSchema } = await import("@/lib/cases/decide-case");
    const { createTaskSchema, completeTaskSchema } = await import("@/lib/cases/case-tasks");
    const { restrictSchema } = await import("@/lib/cases/restrict-processing");
    const { setLegalHoldSchema } = await import("@/lib/cases/set-legal-hold");
    const staffCases: Array<[string, string, { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, Record<string, unknown>]> = [
      ["note", "body", noteSchema, { body: nul, version: 1 }],
      ["question", "body", askRequesterSchema, { kind: "clarification", body: nul, version: 1 }],
      ["extension", "reason", extendSchema, { reason: `Mange systemer ${nul}`, ground: "complexity", version: 1 }],
      ["decision", "reasons", rightDecisionSchema, { right: "erasure", outcome: "refused", legalBasisIds: [], reasons: nul }],
      ["task", "system", createTaskSchema, { kind: "search", system: nul, version: 1 }],
      ["task note", "note", completeTaskSchema, { taskId: randomUUID(), note: nul, version: 1 }],
      ["restriction", "note", restrictSchema, { note: nul, version: 1 }],
      ["legal hold", "reason", setLegalHoldSchema, { reason: `Varslet søksmål ${nul}`, version: 1 }],
    ];
    for (const [label, field, schema, value] of staffCases) {
      const result = schema.safeParse(value);
      expect(result.success, label).toBe(false);
      const issue = result.error?.issues.find((i) => i.path[0] === field);
      expect(issue?.message, label).toMatch(/Invalid$/);
    }
  });

  it("refuses lone surrogates with 400 and writes nothing (they were a 500)", async () => {
    for (const description of ["\ud800", "tekst \udfff slutt"]) {
      const before = await rowCounts();
      const body = JSON.stringify({ ...validBody(), description });
      const response = await POST(
        new Request("http://localhost/api/v1/requests", { method: "POST", headers: { "content-type": "application/json", ...AUTH }, body }),
      );
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toBe("malformed_json");
      expect(await rowCounts()).toEqual(before);
    }
  });
});
