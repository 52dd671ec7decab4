// Signing out ends the citizen's session on the server (citizen_session), not only in the browser:
// a copy of the session cookie taken before "Logg ut" reads, writes, uploads and downloads nothing
// afterwards. One browser's sign-out leaves the citizen's other browser signed in, and a new sign-in
// in the same browser (a step-up to ID-porten) ends the session it replaces.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { completeTestIdPorten, createLinkedCase, enterEmailCode, readEmailCode, requestEmailCode, signInWithEmailCode } from "./citizen-login";
import { expectNoAxeViolations, uniqueEmail, withDb } from "./support";

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40, 7)]);

const header = (page: Page) => page.getByRole("banner");

async function counts(reference: string) {
  return withDb(async (db) => {
    const r = await db.query(
      `SELECT (SELECT count(*)::int FROM message m WHERE m.case_id = c.id) AS messages,
              (SELECT count(*)::int FROM attachment a WHERE a.case_id = c.id) AS attachments
         FROM request_case c WHERE c.reference = $1`,
      [reference],
    );
    return r.rows[0] as { messages: number; attachments: number };
  });
}

async function sessionsOf(email: string) {
  return withDb(async (db) => {
    const r = await db.query(
      `SELECT s.end_reason FROM citizen_session s JOIN citizen_identity i ON i.id = s.identity_id
        WHERE i.email = $1 ORDER BY s.created_at`,
      [email],
    );
    return r.rows.map((row) => row.end_reason as string | null);
  });
}

async function codeMails(email: string): Promise<number> {
  return withDb(async (db) => {
    const r = await db.query(
      `SELECT count(*)::int AS n FROM demo_mail WHERE $1 = ANY(to_addrs) AND subject ~ '^(Engangskode|Eingongskode|One-time code): [0-9]{6}$'`,
      [email],
    );
    return r.rows[0].n as number;
  });
}

/**
 * A second sign-in with the same address: waits for the new code mail first, so the newest code in
 * the mailbox is the one just sent (the shared helper would read the earlier one).
 */
async function signInAgainWithEmailCode(page: Page, email: string, returnTo: string) {
  const before = await codeMails(email);
  await requestEmailCode(page, email, { returnTo });
  await expect.poll(() => codeMails(email), { timeout: 20_000 }).toBeGreaterThan(before);
  await enterEmailCode(page, await readEmailCode(page, email), { returnTo });
  await page.waitForURL((url) => url.pathname === returnTo, { timeout: 20_000 });
}

async function newCitizenContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo" });
}

async function signOut(page: Page) {
  await header(page).getByRole("button", { name: "Logg ut" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await expect(header(page).getByRole("link", { name: "Logg inn" })).toBeVisible();
}

test("after sign-out a copied session cookie opens, sends, uploads and downloads nothing", async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("kopiert");
  await signInWithEmailCode(page, email);
  // The cookie lives as long as the session may at most (120 minutes); the server ends it sooner.
  const cookie = (await page.context().cookies()).find((c) => c.name === "pv-citizen.session-token");
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(115 * 60_000);
  expect(cookie!.expires * 1000 - Date.now()).toBeLessThanOrEqual(120 * 60_000);
  const reference = await createLinkedCase(page, email);
  const casePath = `/my-cases/${reference}`;
  const receiptPdf = `/api/receipts/${reference}/pdf`;
  await page.goto(casePath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Sak ${reference}`);
  await expectNoAxeViolations(page, "case page");
  await page.getByLabel("Velg fil").setInputFiles({ name: "legitimasjon.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Last opp fil" }).click();
  await expect(page.getByText("Filen er lastet opp.")).toBeVisible();
  const fileLink = (await page.getByTestId("own-files").getByRole("link").first().getAttribute("href"))!;
  expect(fileLink).toMatch(/^\/api\/files\/[0-9a-f-]{36}\?expires=\d+&sig=/);
  const before = await counts(reference);
  expect(before.attachments).toBe(1);

  // Someone copies the browser's cookies into another browser: while the session lives, that works.
  const thief = await newCitizenContext(browser);
  await thief.addCookies(await page.context().cookies());
  const copy = await thief.newPage();
  await copy.goto(casePath);
  await expect(copy.getByRole("heading", { level: 1 })).toHaveText(`Sak ${reference}`);
  await expectNoAxeViolations(copy, "case page in the copied session");
  expect((await thief.request.get(receiptPdf)).status()).toBe(200);
  expect((await thief.request.get(fileLink)).status()).toBe(200);
  // The copy keeps the message form open, ready to post after the sign-out.
  await copy.getByLabel("Ny melding til kommunen").fill(`Sendt med en kopiert informasjonskapsel ${Date.now()}`);

  await signOut(page);
  await expectNoAxeViolations(page, "front page after signing out");

  // The message posted from the copy's open page: sent to the sign-in page, nothing written.
  await copy.getByRole("button", { name: "Send melding" }).click();
  await copy.waitForURL((url) => url.pathname === "/login", { timeout: 20_000 });
  await expect(copy.getByRole("heading", { level: 1 })).toHaveText("Logg inn");
  await expectNoAxeViolations(copy, "sign-in page after a refused message");
  // The case page itself: to the sign-in page, and the header offers "Logg inn".
  await copy.goto(casePath);
  await expect(copy).toHaveURL(new RegExp(`/login\\?returnTo=${encodeURIComponent(casePath)}$`));
  await expect(header(copy).getByRole("link", { name: "Logg inn" })).toBeVisible();
  await expect(header(copy).getByRole("button", { name: "Logg ut" })).toHaveCount(0);
  // An upload posted straight to the route handler: refused, to the sign-in page.
  const upload = await thief.request.post("/api/files/upload", {
    headers: { origin: baseURL! },
    multipart: { reference, file: { name: "enda-en.png", mimeType: "image/png", buffer: PNG } },
    maxRedirects: 0,
  });
  expect(upload.status()).toBe(303);
  expect(upload.headers()["location"]).toMatch(/^\/login\?/);
  // Downloads: 404, like for anyone else.
  expect((await thief.request.get(fileLink)).status()).toBe(404);
  expect((await thief.request.get(receiptPdf)).status()).toBe(404);
  expect(await counts(reference)).toEqual(before);
  await thief.close();
  expect(await sessionsOf(email)).toEqual(["signed_out"]);

  // Signing in again gives a new session that works.
  await signInAgainWithEmailCode(page, email, casePath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Sak ${reference}`);
  expect(await sessionsOf(email)).toEqual(["signed_out", null]);
});

test("signing out in one browser leaves the citizen's other browser signed in", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("to-nettlesere");
  await signInWithEmailCode(page, email);
  const reference = await createLinkedCase(page, email);
  const other = await newCitizenContext(browser);
  const phone = await other.newPage();
  await signInAgainWithEmailCode(phone, email, `/my-cases/${reference}`);
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText(`Sak ${reference}`);

  await signOut(page);
  expect(await sessionsOf(email)).toEqual(["signed_out", null]);
  await phone.reload();
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText(`Sak ${reference}`);
  await expect(header(phone).getByRole("button", { name: "Logg ut" })).toBeVisible();
  await expectNoAxeViolations(phone, "case page in the other browser");
  await other.close();
});

test("a new sign-in in the same browser (a step-up) ends the session it replaces, copies included", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("steg-opp");
  await signInWithEmailCode(page, email);
  const thief = await newCitizenContext(browser);
  await thief.addCookies(await page.context().cookies());
  const copy = await thief.newPage();
  await copy.goto("/my-cases");
  await expect(copy.getByRole("heading", { level: 1 })).toHaveText("Mine saker");

  await page.goto("/login/step-up?returnTo=%2Fmy-cases&level=idporten_high");
  await expectNoAxeViolations(page, "/login/step-up after an e-mail code");
  await page.getByRole("button", { name: "Logg inn med ID-porten" }).click();
  await completeTestIdPorten(page, "high", 3);
  await page.waitForURL((url) => url.pathname === "/my-cases");
  await expect(header(page).getByRole("button", { name: "Logg ut" })).toBeVisible();
  expect(await sessionsOf(email)).toEqual(["replaced"]);

  await copy.goto("/my-cases");
  await expect(copy).toHaveURL(/\/login\?returnTo=%2Fmy-cases$/);
  await expectNoAxeViolations(copy, "sign-in page for a replaced session");
  await thief.close();
});
