import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, uniqueEmail, waitForMail } from "./support";

async function submitViaApi(page: Page, unit: string) {
  const response = await page.request.post("/api/v1/requests", {
    data: { rights: ["access"], name: "Kø Testesen", email: uniqueEmail("ko"), unit, submissionKey: crypto.randomUUID() },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { reference: string; dueDate: string };
}

async function signIn(page: Page, email: string) {
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/signin/);
  await expectNoAxeViolations(page, "staff sign-in");
  await page.getByLabel("Jobb-e-post").fill(email);
  await page.getByRole("button", { name: "Send innloggingslenke" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sjekk e-posten din");
  await expectNoAxeViolations(page, "check e-mail");
  const mail = await waitForMail(page, { to: email, subjectIncludes: "Innloggingslenke" });
  const link = mail.text.match(/https?:\/\/\S+/)?.[0];
  expect(link).toBeTruthy();
  await page.goto(link!);
  await expect(page).toHaveURL(/\/staff$/);
}

test("a caseworker signs in with a magic link and sees the new case in the queue, by due date", async ({ page }) => {
  const { reference } = await submitViaApi(page, "barnehage");
  await signIn(page, "saksbehandler@demo.test");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Saker");
  await expect(page.getByText("Logget inn som Kari Saksbehandler")).toBeVisible();
  const row = page.locator(`tr[data-reference="${reference}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText("Kø Testesen");
  await expect(row).toContainText(/dager igjen|Frist i dag/);
  await expectNoAxeViolations(page, "queue");

  // Sorted by due date: the column's dates never go backwards.
  const keys = await page.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-reference")));
  expect(keys.length).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Logg ut" }).click();
  await expect(page).toHaveURL(/\/staff\/signin/);
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/signin/);
});

test("a caseworker of another unit does not see the case", async ({ page }) => {
  const { reference } = await submitViaApi(page, "barnehage");
  await signIn(page, "saksbehandler2@demo.test");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Saker");
  await expect(page.locator(`tr[data-reference="${reference}"]`)).toHaveCount(0);
});

test("an unknown address gets the same answer and no mail", async ({ page }) => {
  const email = uniqueEmail("ukjent");
  await page.goto("/staff/signin");
  await page.getByLabel("Jobb-e-post").fill(email);
  await page.getByRole("button", { name: "Send innloggingslenke" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sjekk e-posten din");
  await page.waitForTimeout(1500);
  await page.goto("/demo/mailbox");
  await expect(page.getByTestId("demo-mail").filter({ hasText: email })).toHaveCount(0);
});
