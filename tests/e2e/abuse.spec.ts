// Abuse protection as a citizen meets it: the invisible proof-of-work check on the sign-in form, a
// real per-e-mail rate limit (email_code_email: 5 codes per hour) ending on the friendly page, and
// that page in all three languages. Axe scans everywhere.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, uniqueEmail, withDb } from "./support";
import { fillAboutMyself, goOn, startWith } from "./request-flow";
import { signInWithEmailCode } from "./citizen-login";

async function useLocale(page: Page, locale: "nb" | "nn" | "en") {
  await page.context().addCookies([{ name: "pv_locale", value: locale, url: page.url().startsWith("http") ? page.url() : "http://localhost/" }]);
}

const emailForm = (page: Page) => page.locator("form").filter({ has: page.locator('input[name="email"]') });

async function requestCode(page: Page, email: string) {
  await page.goto("/login");
  const form = emailForm(page);
  await form.locator('input[name="email"]').fill(email);
  // The widget solves its challenge by itself; the solution travels in the hidden field "altcha".
  await expect(page.getByTestId("proof-of-work")).toHaveAttribute("data-state", "verified", { timeout: 30_000 });
  await form.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname !== "/login", { timeout: 20_000 });
}

test("the proof-of-work check runs by itself, is announced politely and takes no focus", async ({ page }) => {
  await page.goto("/login");
  const widget = page.getByTestId("proof-of-work");
  const status = widget.getByRole("status");
  await expect(widget).toHaveAttribute("data-state", "verified", { timeout: 30_000 });
  await expect(status).toHaveText("Sjekken mot søppelpost er ferdig.");
  const payload = await widget.locator('input[type="hidden"][name="altcha"]').inputValue();
  expect(payload.length).toBeGreaterThan(100);
  const decoded = JSON.parse(Buffer.from(payload, "base64").toString("utf8"));
  expect(decoded.challenge.parameters.algorithm).toBe("PBKDF2/SHA-256");
  expect(decoded.solution.derivedKey).toMatch(/^[0-9a-f]{64}$/);
  // Nothing in the widget can take keyboard focus (no trap, no extra tab stop).
  const focusable = await widget.locator("a, button, input:not([type=hidden]), [tabindex]:not([tabindex='-1'])").evaluateAll((els) =>
    els.filter((el) => (el as HTMLElement).offsetParent !== null).length,
  );
  expect(focusable).toBe(0);
  await expectNoAxeViolations(page, "login with solved proof of work");
});

test("asking for e-mail codes too often ends on the friendly page, and no sixth mail goes out", async ({ page }) => {
  const email = uniqueEmail("rate-limit");
  // email_code_email allows 5 codes per address per hour (the e2e config lifts only per-IP limits).
  for (let i = 1; i <= 5; i++) {
    await requestCode(page, email);
    await expect(page).toHaveURL(/\/login\/code/);
  }
  await requestCode(page, email);
  await expect(page).toHaveURL(/\/too-many-requests\?retryAfter=\d+$/);
  const retryAfter = Number(new URL(page.url()).searchParams.get("retryAfter"));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(3600);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Du har prøvd mange ganger på kort tid");
  const minutes = Math.ceil(retryAfter / 60);
  await expect(page.getByTestId("retry-after")).toHaveText(new RegExp(`Du kan prøve igjen om ${minutes} minutt(er)?\\.`));
  await expectNoAxeViolations(page, "too-many-requests after a real limit");

  const mails = await withDb((db) => db.query("SELECT count(*)::int AS n FROM mail_outbox WHERE to_address = $1", [email]));
  expect(mails.rows[0].n).toBe(5);
  // The address is nowhere in the rate-limit table (only keyed hashes).
  const clear = await withDb((db) => db.query("SELECT count(*)::int AS n FROM rate_limit_bucket WHERE key ILIKE $1", [`%${email.split("@")[0]}%`]));
  expect(clear.rows[0].n).toBe(0);
});

for (const [locale, heading, wait, phoneLine] of [
  ["nb", "Du har prøvd mange ganger på kort tid", "Du kan prøve igjen om 3 minutter.", "Telefon: 55 56 55 56"],
  ["nn", "Du har prøvd mange gonger på kort tid", "Du kan prøve igjen om 3 minutt.", "Telefon: 55 56 55 56"],
  ["en", "You have tried many times in a short time", "You can try again in 3 minutes.", "Phone: 55 56 55 56"],
] as const) {
  test(`the too-many-requests page in ${locale}, with zero axe violations`, async ({ page }) => {
    await page.goto("/bare");
    await useLocale(page, locale);
    const response = await page.goto("/too-many-requests?retryAfter=125");
    // proxy.ts answers the friendly page with 429, so clients and monitoring see what it is.
    expect(response?.status()).toBe(429);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expect(page.getByTestId("retry-after")).toHaveText(wait);
    await expect(page.locator("main").getByText(phoneLine)).toBeVisible();
    await expect(page.locator("main").getByText("personvernombud@bergen.kommune.no")).toBeVisible();
    // Next adds its own noindex for the 429 status; ours must be there either way.
    await expect(page.locator('meta[name="robots"][content*="noindex"]').first()).toBeAttached();
    await expectNoAxeViolations(page, `too-many-requests (${locale})`);
  });
}

test("the too-many-requests page without (or with a bad) retryAfter says to wait a while", async ({ page }) => {
  for (const query of ["", "?retryAfter=abc", "?retryAfter=-5"]) {
    await page.goto(`/too-many-requests${query}`);
    await expect(page.getByTestId("retry-after")).toHaveText("Vent en stund, for eksempel en time, og prøv igjen.");
  }
});

test("the bare measurement page is a heading and a paragraph, not indexed, with zero axe violations", async ({ page }) => {
  await page.goto("/bare");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Måleside");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expectNoAxeViolations(page, "bare page");
});

test("a citizen who already sent many requests today meets the friendly page on sending, and nothing is filed", async ({ page }) => {
  // submit_identity allows 10 requests per identity per day; the bucket is filled up to the limit
  // directly (the key is an HMAC derived from the app's AUTH_SECRET, kept in the e2e data dir).
  const email = uniqueEmail("mange-saker");
  await startWith(page, "access");
  await goOn(page);
  await goOn(page);
  await fillAboutMyself(page, { email });
  await goOn(page);
  await signInWithEmailCode(page, email, { returnTo: "/request/summary" });
  await expect(page).toHaveURL(/\/request\/summary$/);

  process.env.AUTH_SECRET = fs.readFileSync(path.join(process.env.E2E_DATA_DIR ?? ".data-e2e", "auth-secret"), "utf8").trim();
  const { bucketKey } = await import("@/lib/abuse/rate-limit");
  const { windowStartFor, DEFAULT_RATE_LIMITS } = await import("@/lib/abuse/rate-limit-rules");
  const { limit, windowSeconds } = DEFAULT_RATE_LIMITS.submit_identity;
  await withDb(async (db) => {
    const identity = await db.query("SELECT id FROM citizen_identity WHERE email = $1", [email]);
    await db.query("INSERT INTO rate_limit_bucket (key, window_start, count) VALUES ($1, $2, $3)", [
      bucketKey("submit_identity", identity.rows[0].id),
      windowStartFor(new Date(), windowSeconds),
      limit,
    ]);
  });

  await page.getByRole("button", { name: "Send forespørselen" }).click();
  await expect(page).toHaveURL(/\/too-many-requests\?retryAfter=\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Du har prøvd mange ganger på kort tid");
  await expectNoAxeViolations(page, "too many requests after sending");
  const filed = await withDb((db) => db.query("SELECT count(*)::int AS n FROM requester WHERE email = $1", [email]));
  expect(filed.rows[0].n).toBe(0);
});
