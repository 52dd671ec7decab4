import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, uniqueEmail, withDb } from "./support";
import { signInAsStaff } from "./staff-login";

// A month far back that the other e2e files never touch; the expectations come from the database.
const MONTH = "2022-06";

async function expectedForBarnehage() {
  return withDb(async (db) => {
    const { rows } = await db.query(
      `SELECT
         count(*) FILTER (WHERE to_char(c.received_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM') = $1)::int AS received,
         count(*) FILTER (WHERE to_char(c.closed_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM') = $1
                          AND c.status IN ('completed','partially_completed','refused','withdrawn'))::int AS closed
         FROM request_case c JOIN unit u ON u.id = c.unit_id
        WHERE u.slug = 'barnehage'`,
      [MONTH],
    );
    return rows[0] as { received: number; closed: number };
  });
}

test.describe("dashboard over time", () => {
  test("the DPO filters by unit and period, sees charts and tables, downloads a CSV, in nb and en with zero axe violations", async ({ page }) => {
    // A Barnehage case moved into June 2022: received on the 10th, completed on the 20th (10 days, on time).
    const created = await page.request.post("/api/v1/requests", {
      data: {
        rights: ["access"],
        name: "Statistikk Person",
        email: uniqueEmail("trends"),
        unit: "barnehage",
        description: "Hva har dere lagret om meg?",
        submissionKey: crypto.randomUUID(),
      },
    });
    expect(created.status()).toBe(201);
    const { reference } = (await created.json()) as { reference: string };
    await withDb((db) =>
      db.query(
        `UPDATE request_case
            SET received_at = '2022-06-10T10:00:00Z', one_month_due_date = '2022-07-11', due_date = '2022-07-11',
                status = 'completed', closed_at = '2022-06-20T10:00:00Z'
          WHERE reference = $1`,
        [reference],
      ),
    );
    const want = await expectedForBarnehage();
    expect(want.received).toBeGreaterThanOrEqual(1);

    await signInAsStaff(page, "personvernombud@demo.test");
    await page.goto("/staff/dashboard");
    await page.getByTestId("trends-link").click();
    await expect(page).toHaveURL(/\/staff\/dashboard\/trends$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Statistikk over tid");
    // Default: the last 12 months.
    await expect(page.getByTestId("table-monthly").locator("tbody tr")).toHaveCount(12);

    await page.getByLabel("Enhet").selectOption({ label: "Barnehage" });
    await page.getByLabel("Fra måned").fill(MONTH);
    await page.getByLabel("Til måned").fill(MONTH);
    await page.getByRole("button", { name: "Vis", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`from=${MONTH}&to=${MONTH}`));
    await expect(page.getByTestId("trend-period")).toHaveText("Periode: juni 2022 til juni 2022.");

    const monthly = page.getByRole("table", { name: "Mottatte og avsluttede saker per måned" });
    const row = monthly.getByRole("row", { name: /juni 2022/ });
    await expect(row.getByRole("cell")).toHaveText([String(want.received), String(want.closed)]);
    for (const name of ["Saker avgjort innen fristen per måned", "Dager til svar per måned", "Forlengede saker per måned etter grunnlag", "Mottatte saker etter identifisering"]) {
      await expect(page.getByRole("table", { name })).toBeVisible();
    }
    // Charts: SVG images with a title and a summary.
    const chart = page.getByRole("img", { name: "Mottatte og avsluttede saker per måned" });
    await expect(chart).toBeVisible();
    await expect(chart.locator("desc")).toContainText(`kom det inn ${want.received} saker`);
    await expect(page.getByRole("img", { name: "Andel saker avgjort innen fristen per måned" })).toBeVisible();
    await expect(page.getByRole("img", { name: "Dager til svar per måned, median og 90-persentil" })).toBeVisible();
    await expectNoAxeViolations(page, "trends (nb)");

    // The CSV behind the link, with the same filters and the page's session.
    const href = await page.getByTestId("csv-monthly").getAttribute("href");
    expect(href).toMatch(new RegExp(`^/api/dashboard/trends-csv\\?table=monthly&unit=[0-9a-f-]{36}&from=${MONTH}&to=${MONTH}$`));
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers()["content-disposition"]).toBe(`attachment; filename="personvern-statistikk-monthly-${MONTH}-${MONTH}.csv"`);
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").split("\r\n");
    expect(lines[0]).toBe('"Måned","Mottatt","Avsluttet","Avgjort","Innen fristen","Andel innen fristen (%)","Median dager","90-persentil dager"');
    expect(lines[1]).toMatch(new RegExp(`^"${MONTH}",${want.received},${want.closed},\\d+,\\d+,`));
    const identity = (await (await page.request.get(href!.replace("table=monthly", "table=identity"))).body()).toString("utf8");
    expect(identity).toContain('"Identifisering","Antall"');

    // English.
    await page.context().addCookies([{ name: "pv_locale", value: "en", url: new URL(page.url()).origin }]);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Statistics over time");
    await expect(page.getByRole("img", { name: "Cases received and closed per month" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Cases received and closed per month" }).getByRole("row", { name: /June 2022/ })).toBeVisible();
    await expectNoAxeViolations(page, "trends (en)");
    const enCsv = (await (await page.request.get(href!)).body()).toString("utf8");
    expect(enCsv).toContain('"Month","Received","Closed"');

    // Invalid filters: an error summary, no statistics, nothing crashes.
    await page.goto("/staff/dashboard/trends?from=2026-13&to=x&right=all&unit=nope&channel[]=1");
    const summary = page.locator(".ds-error-summary");
    await expect(summary).toBeVisible();
    await expect(summary.getByRole("link")).toHaveText([
      "Choose a unit from the list.",
      "Choose a right from the list.",
      "Write the month as year and month, for example 2026-03.",
      "Write the month as year and month, for example 2026-03.",
    ]);
    await expect(page.getByTestId("table-monthly")).toHaveCount(0);
    await expectNoAxeViolations(page, "trends, invalid filter (en)");
    expect((await page.request.get("/api/dashboard/trends-csv?table=monthly&from=2020-01&to=2026-01")).status()).toBe(404);
    await page.context().addCookies([{ name: "pv_locale", value: "nb", url: new URL(page.url()).origin }]);
    await page.goto("/staff/dashboard/trends?from=2026-05&to=2026-01");
    await expect(page.locator(".ds-error-summary")).toContainText("Fra-måneden må være før eller lik til-måneden.");
    await expectNoAxeViolations(page, "trends, invalid filter (nb)");
  });

  test("a caseworker gets 404 for the page and the CSV", async ({ page }) => {
    await signInAsStaff(page, "saksbehandler@demo.test");
    const response = await page.goto("/staff/dashboard/trends");
    expect(response?.status()).toBe(404);
    expect((await page.request.get("/api/dashboard/trends-csv?table=monthly")).status()).toBe(404);
  });

  test("without a session the CSV is 404", async ({ request }) => {
    expect((await request.get("/api/dashboard/trends-csv?table=identity")).status()).toBe(404);
  });
});
