import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, uniqueEmail, withDb } from "./support";
import { signInAsStaff } from "./staff-login";

async function submitViaApi(page: Page, unit: string) {
  const response = await page.request.post("/api/v1/requests", {
    data: { rights: ["access"], name: "Kø Testesen", email: uniqueEmail("ko"), unit, submissionKey: crypto.randomUUID() },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { reference: string; dueDate: string };
}

test("a caseworker signs in with a magic link and sees the new case in the queue, by due date", async ({ page }) => {
  const { reference } = await submitViaApi(page, "barnehage");
  await signInAsStaff(page, "saksbehandler@demo.test");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Saker");
  await expect(page.getByText("Logget inn som Kari Saksbehandler")).toBeVisible();
  // Other tests add cases too: search for this one so it is on the first page whatever the order.
  await page.goto(`/staff?q=${reference}`);
  const row = page.locator(`tr[data-reference="${reference}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText("Kø Testesen");
  await expect(row).toContainText(/dager igjen|Frist i dag/);
  await expectNoAxeViolations(page, "queue");

  // The whole queue (first page) is sorted by due date: the rows' due dates never go backwards.
  await page.goto("/staff");
  const keys = await page.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-reference") ?? ""));
  expect(keys.length).toBeGreaterThan(1);
  const dueDates = await withDb(async (db) => {
    const r = await db.query("SELECT reference, to_char(due_date, 'YYYY-MM-DD') AS due FROM request_case WHERE reference = ANY($1)", [keys]);
    const byReference = new Map(r.rows.map((row: { reference: string; due: string }) => [row.reference, row.due]));
    return keys.map((k) => byReference.get(k)!);
  });
  expect(dueDates.every(Boolean)).toBe(true);
  expect(dueDates).toEqual([...dueDates].sort());

  await page.getByRole("button", { name: "Logg ut" }).click();
  await expect(page).toHaveURL(/\/staff\/signin/);
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/signin/);
});

test("a caseworker of another unit does not see the case", async ({ page }) => {
  const { reference } = await submitViaApi(page, "barnehage");
  await signInAsStaff(page, "saksbehandler2@demo.test");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Saker");
  await expect(page.locator(`tr[data-reference="${reference}"]`)).toHaveCount(0);
});

test("an unknown address gets the same answer and no mail", async ({ page }) => {
  const outbox = (to: string) =>
    withDb(async (db) => (await db.query("SELECT id::text, status::text FROM mail_outbox WHERE to_address = $1 ORDER BY created_at", [to])).rows as { id: string; status: string }[]);
  const askForLink = async (address: string) => {
    await page.goto("/staff/signin");
    await page.getByLabel("Jobb-e-post").fill(address);
    await page.getByRole("button", { name: "Send innloggingslenke" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sjekk e-posten din");
  };
  // A sign-in mail is queued in the request itself, before "check your e-mail" is shown: no waiting
  // needed to see that nothing was queued for the unknown address.
  const email = uniqueEmail("ukjent");
  await askForLink(email);
  expect(await outbox(email)).toEqual([]);
  // The control, asked the same way right after: a staff member's link is queued by then, and once it
  // has been delivered the unknown address still has nothing, neither queued nor in the mailbox.
  const known = "leder@demo.test";
  const before = new Set((await outbox(known)).map((m) => m.id));
  await askForLink(known);
  const queued = (await outbox(known)).filter((m) => !before.has(m.id));
  expect(queued).toHaveLength(1);
  await expect.poll(async () => (await outbox(known)).find((m) => m.id === queued[0]!.id)?.status, { timeout: 20_000 }).toBe("sent");
  expect(await outbox(email)).toEqual([]);
  await page.goto(`/demo/mailbox?to=${encodeURIComponent(email)}`);
  await expect(page.getByTestId("demo-mail").filter({ hasText: email })).toHaveCount(0);
});

test("the sign-in pages pass axe, and offer the municipality's own sign-in next to the e-mail link", async ({ page }) => {
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/signin/);
  await expect(page.getByRole("button", { name: "Logg inn med kommunens konto" })).toBeVisible();
  await expectNoAxeViolations(page, "staff sign-in");
  await page.getByLabel("Jobb-e-post").fill(uniqueEmail("axe"));
  await page.getByRole("button", { name: "Send innloggingslenke" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sjekk e-posten din");
  await expectNoAxeViolations(page, "check e-mail");
});

test("a unit lead signs in with the municipality's OIDC provider (e-mail claim in another case) into a database session", async ({ page }) => {
  await page.goto("/staff/signin");
  await page.getByRole("button", { name: "Logg inn med kommunens konto" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Test-innlogging for ansatte (kun for utvikling)");
  await page.getByLabel(/Lene Enhetsleder/).check();
  await page.getByRole("button", { name: "Logg inn" }).click();
  await page.waitForURL((url) => url.pathname === "/staff");
  await expect(page.getByText("Logget inn som Lene Enhetsleder")).toBeVisible();

  // Database sessions: the cookie is an opaque token whose row exists; the OIDC account is linked.
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(cookie, "a session cookie").toBeTruthy();
  const rows = await withDb(async (client) => {
    const session = await client.query(
      "SELECT u.email FROM auth_session s JOIN staff_user u ON u.id = s.user_id WHERE s.session_token = $1",
      [cookie!.value],
    );
    const account = await client.query(
      "SELECT a.provider FROM auth_account a JOIN staff_user u ON u.id = a.user_id WHERE u.email = 'leder@demo.test'",
    );
    return { session: session.rows, account: account.rows };
  });
  expect(rows.session).toEqual([{ email: "leder@demo.test" }]);
  expect(rows.account).toContainEqual({ provider: "staff-oidc" });

  await page.getByRole("button", { name: "Logg ut" }).click();
  await expect(page).toHaveURL(/\/staff\/signin/);
  const left = await withDb((client) => client.query("SELECT 1 FROM auth_session WHERE session_token = $1", [cookie!.value]));
  expect(left.rowCount).toBe(0);
});

test("an OIDC account that is not a staff user is refused, and no user is created", async ({ page }) => {
  await page.goto("/staff/signin");
  await page.getByRole("button", { name: "Logg inn med kommunens konto" }).click();
  await page.getByLabel(/Ukjent Ansatt/).check();
  await page.getByRole("button", { name: "Logg inn" }).click();
  await page.waitForURL((url) => url.pathname === "/staff/signin");
  await expect(page.locator(".ds-alert[role=alert]")).toContainText("Denne kontoen har ikke tilgang til saksbehandlingen");
  const users = await withDb((client) => client.query("SELECT 1 FROM staff_user WHERE lower(email) = 'ukjent.ansatt@demo.test'"));
  expect(users.rowCount).toBe(0);
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/signin/);
});
