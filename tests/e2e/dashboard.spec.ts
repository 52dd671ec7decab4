import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, uniqueEmail, withDb } from "./support";
import { signInAsStaff } from "./staff-login";

test.describe("DPO dashboard", () => {
  test("the DPO sees an overdue case appear, downloads it as CSV, in nb and en with zero axe violations", async ({ page }) => {
    // A fresh case from the JSON API...
    const created = await page.request.post("/api/v1/requests", {
      data: {
        rights: ["access"],
        name: "Frist Forbigått",
        email: uniqueEmail("dashboard"),
        unit: "barnehage",
        description: "Hva har dere lagret om meg?",
        submissionKey: crypto.randomUUID(),
      },
    });
    expect(created.status()).toBe(201);
    const { reference } = (await created.json()) as { reference: string };
    // ...made overdue by moving its received date and deadlines into the past directly in the
    // database (no waiting for a month): received 45 days ago, due 14 days ago.
    await withDb((db) =>
      db.query(
        `UPDATE request_case
            SET received_at = now() - interval '45 days',
                one_month_due_date = current_date - 14,
                due_date = current_date - 14
          WHERE reference = $1`,
        [reference],
      ),
    );

    await signInAsStaff(page, "personvernombud@demo.test");
    await page.getByRole("link", { name: "Oversikt", exact: true }).click();
    await expect(page).toHaveURL(/\/staff\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Oversikt over innsynssaker");

    const overdue = page.getByRole("table", { name: /fristen har gått ut/ });
    const row = overdue.getByRole("row").filter({ has: page.getByRole("link", { name: reference }) });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole("cell").nth(1)).toHaveText(/barnehage/i);
    await expect(row.getByRole("cell").last()).toHaveText(/^1[3-5]$/);
    const overdueCount = Number(await page.getByTestId("headline-overdue").locator("dd").innerText());
    expect(overdueCount).toBeGreaterThanOrEqual(1);
    await expect(page.getByRole("table", { name: "Antall åpne saker etter status" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Antall åpne saker etter rettighet", exact: false })).toBeVisible();
    await expectNoAxeViolations(page, "dashboard (nb)");

    // The CSV of the overdue list, with the session cookie of the page.
    const csv = await page.request.get("/api/dashboard/csv?table=overdue");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="personvern-oversikt-overdue-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").split("\r\n");
    expect(lines[0]).toBe('"Saksnummer","Gjelder","Enhet","Saksbehandler","Frist","Dager over fristen"');
    const line = lines.find((l) => l.startsWith(`"${reference}",`));
    expect(line).toMatch(/^"[^"]+","Se hvilke opplysninger kommunen har om meg","Barnehage","Ingen","\d{4}-\d{2}-\d{2}",1[3-5]$/);

    // The link on the page points at the same export.
    await expect(page.getByTestId("csv-status")).toHaveAttribute("href", "/api/dashboard/csv?table=status");
    const statusCsv = (await (await page.request.get("/api/dashboard/csv?table=status")).body()).toString("utf8");
    expect(statusCsv).toContain('"Under behandling",');

    // English.
    await page.context().addCookies([{ name: "pv_locale", value: "en", url: page.url() }]);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Overview of data protection requests");
    await expect(page.getByRole("link", { name: reference })).toBeVisible();
    await expectNoAxeViolations(page, "dashboard (en)");
  });

  test("a caseworker gets 404 for the page and the CSV, and no link", async ({ page }) => {
    await signInAsStaff(page, "saksbehandler@demo.test");
    await expect(page.getByRole("link", { name: "Oversikt", exact: true })).toHaveCount(0);
    const response = await page.goto("/staff/dashboard");
    expect(response?.status()).toBe(404);
    const csv = await page.request.get("/api/dashboard/csv?table=overdue");
    expect(csv.status()).toBe(404);
  });

  test("without a session the CSV is 404", async ({ request }) => {
    expect((await request.get("/api/dashboard/csv?table=status")).status()).toBe(404);
  });
});
