import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, uniqueEmail, withDb } from "./support";
import { signInAsStaff } from "./staff-login";

// A month far back that the other e2e files never touch; the expectations come from the database.
const MONTH = "2022-06";

/** Clicks a download link and returns the file's name and its lines, after checking the UTF-8 byte-order mark. */
async function download(page: Page, testId: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  const bytes = await readFile((await file.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return { name: file.suggestedFilename(), lines: bytes.subarray(3).toString("utf8").split("\r\n") };
}

/** The on-time counts of Barnehage in MONTH, straight from the database (Oslo dates). */
async function onTimeForBarnehage() {
  return withDb(async (db) => {
    const { rows } = await db.query(
      `SELECT
         count(*) FILTER (WHERE c.status IN ('completed','partially_completed','refused')
                          AND to_char(c.closed_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM') = $1)::int AS decided,
         count(*) FILTER (WHERE c.status IN ('completed','partially_completed','refused')
                          AND to_char(c.closed_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM') = $1
                          AND (c.closed_at AT TIME ZONE 'Europe/Oslo')::date <= c.due_date)::int AS on_time,
         count(*) FILTER (WHERE c.status IN ('received','in_progress') AND to_char(c.due_date, 'YYYY-MM') = $1)::int AS open_overdue
         FROM request_case c JOIN unit u ON u.id = c.unit_id
        WHERE u.slug = 'barnehage'`,
      [MONTH],
    );
    return rows[0] as { decided: number; on_time: number; open_overdue: number };
  });
}

async function expectNoSidewaysScroll(page: Page) {
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scroll, `the page scrolls sideways at ${client} px`).toBeLessThanOrEqual(client);
}

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
  test("the DPO filters by unit and period, sees the on-time rate below 100 % with overdue open cases, charts and tables, downloads for Excel and as CSV, in nb, nn and en, at 375 px, with zero axe violations", async ({ page }) => {
    // Three languages, a phone width and two downloads each: more than the default minute on a busy machine.
    test.setTimeout(180_000);
    const fileCase = async () => {
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
      return ((await created.json()) as { reference: string }).reference;
    };
    // A Barnehage case moved into June 2022: received on the 10th, completed on the 20th (10 days, on time).
    const reference = await fileCase();
    await withDb((db) =>
      db.query(
        `UPDATE request_case
            SET received_at = '2022-06-10T10:00:00Z', one_month_due_date = '2022-07-11', due_date = '2022-07-11',
                status = 'completed', closed_at = '2022-06-20T10:00:00Z'
          WHERE reference = $1`,
        [reference],
      ),
    );
    // Two Barnehage cases received in May 2022, due in June 2022, and never answered: late.
    for (const due of ["2022-06-13", "2022-06-20"]) {
      const open = await fileCase();
      await withDb((db) =>
        db.query(
          `UPDATE request_case SET received_at = ($2::date - interval '1 month') + interval '10 hours', one_month_due_date = $2::date, due_date = $2::date,
                  status = 'in_progress' WHERE reference = $1`,
          [open, due],
        ),
      );
    }
    const want = await expectedForBarnehage();
    const late = await onTimeForBarnehage();
    // One on time out of three (and so on, if another run of this test left its cases): 33,3 %.
    expect(late.open_overdue).toBe(2 * late.on_time);
    expect(late.decided).toBe(late.on_time);
    expect(want.received).toBeGreaterThanOrEqual(1);

    await signInAsStaff(page, "personvernombud@demo.test");
    await page.goto("/staff/dashboard");
    await page.getByTestId("trends-link").click();
    await expect(page).toHaveURL(/\/staff\/dashboard\/trends$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Statistikk over personvernsaker");
    // Default: the last 12 months.
    await expect(page.getByTestId("table-monthly").locator("tbody tr")).toHaveCount(12);

    await page.getByLabel("Enhet").selectOption({ label: "Barnehage" });
    await page.getByLabel("Fra måned").fill(MONTH);
    await page.getByLabel("Til måned").fill(MONTH);
    await page.getByRole("button", { name: "Vis", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`from=${MONTH}&to=${MONTH}`));
    await expect(page.getByTestId("trend-period")).toHaveText("Periode: juni 2022 til juni 2022.");

    // The headline figure: the overdue open cases count as late, so it is not 100 %.
    const card = page.getByTestId("on-time-card");
    await expect(card.getByRole("heading", { level: 2 })).toHaveText("Avgjort innen fristen");
    await expect(card.getByTestId("on-time-rate")).toHaveText("33,3 %");
    const counted = late.decided + late.open_overdue;
    await expect(card.getByTestId("on-time-summary")).toHaveText(`${late.on_time} av ${counted} saker ble avgjort innen fristen.`);
    await expect(card.getByTestId("on-time-answered-on-time")).toHaveText(new RegExp(`^${late.on_time} (sak|saker) avgjort innen fristen$`));
    await expect(card.getByTestId("on-time-answered-late")).toHaveText("0 saker avgjort etter fristen");
    await expect(card.getByTestId("on-time-open-overdue")).toHaveText(`${late.open_overdue} åpne saker der fristen har gått ut, uten svar ennå`);
    await expect(card.getByTestId("on-time-period")).toHaveText("Periode: 1. juni 2022 til 30. juni 2022.");
    const onTimeRow = page.getByRole("table", { name: "Saker avgjort innen fristen per måned" }).getByRole("row", { name: /juni 2022/ });
    await expect(onTimeRow.getByRole("cell")).toHaveText([String(late.decided), String(late.on_time), String(late.open_overdue), "33,3 %"]);

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

    // The download links: named by their visible text, described by the section's heading.
    for (const [id, heading] of [
      ["monthly", "Mottatt og avsluttet per måned"],
      ["on-time", "Avgjort innen fristen per måned"],
      ["identity", "Hvor sikkert innbyggeren er identifisert"],
    ] as const) {
      await expect(page.getByTestId(`excel-${id}`)).toHaveAccessibleName("Last ned for Excel");
      await expect(page.getByTestId(`csv-${id}`)).toHaveAccessibleName("Last ned som CSV");
      await expect(page.getByTestId(`csv-${id}`)).toHaveAccessibleDescription(heading);
    }

    // For Excel: semicolons, decimal comma (33,3), the same filters.
    const excel = await download(page, "excel-on-time");
    expect(excel.name).toBe(`personvern-statistikk-monthly-${MONTH}-${MONTH}-excel.csv`);
    expect(excel.lines[0]).toBe(
      '"Måned";"Mottatt";"Avsluttet";"Avgjort";"Innen fristen";"Åpne over fristen";"Andel innen fristen (%)";"Median dager";"90-persentil dager"',
    );
    expect(excel.lines[1]).toBe(`"${MONTH}";${want.received};${want.closed};${late.decided};${late.on_time};${late.open_overdue};33,3;10;10`);
    // As CSV: commas, decimal point.
    const plainFile = await download(page, "csv-on-time");
    expect(plainFile.name).toBe(`personvern-statistikk-monthly-${MONTH}-${MONTH}.csv`);
    expect(plainFile.lines[1]).toBe(`"${MONTH}",${want.received},${want.closed},${late.decided},${late.on_time},${late.open_overdue},33.3,10,10`);

    // The route behind the links, with the same filters and the page's session.
    const href = await page.getByTestId("csv-monthly").getAttribute("href");
    expect(href).toMatch(new RegExp(`^/api/dashboard/trends-csv\\?table=monthly&unit=[0-9a-f-]{36}&from=${MONTH}&to=${MONTH}$`));
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers()["content-disposition"]).toBe(`attachment; filename="personvern-statistikk-monthly-${MONTH}-${MONTH}.csv"`);
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").split("\r\n");
    expect(lines[0]).toBe('"Måned","Mottatt","Avsluttet","Avgjort","Innen fristen","Åpne over fristen","Andel innen fristen (%)","Median dager","90-persentil dager"');
    expect(lines[1]).toMatch(new RegExp(`^"${MONTH}",${want.received},${want.closed},\\d+,\\d+,\\d+,`));
    await expect(page.getByTestId("excel-monthly")).toHaveAttribute("href", `${href}&format=excel`);
    const identityExcel = (await (await page.request.get(`${href!.replace("table=monthly", "table=identity")}&format=excel`)).body()).toString("utf8");
    expect(identityExcel).toContain('"Identifisering";"Antall"');
    const identity = (await (await page.request.get(href!.replace("table=monthly", "table=identity"))).body()).toString("utf8");
    expect(identity).toContain('"Identifisering","Antall"');

    // A phone: nothing scrolls the page sideways; charts and tables scroll inside their own regions.
    await page.setViewportSize({ width: 375, height: 800 });
    await expectNoSidewaysScroll(page);
    await expect(page.getByRole("region", { name: "Diagram: Mottatte og avsluttede saker per måned" })).toHaveAttribute("tabindex", "0");
    await expectNoAxeViolations(page, "trends (nb, 375 px)");
    await page.setViewportSize({ width: 1280, height: 720 });

    // English.
    await page.context().addCookies([{ name: "pv_locale", value: "en", url: new URL(page.url()).origin }]);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Statistics on data protection requests");
    await expect(page.getByTestId("on-time-rate")).toHaveText("33.3 %");
    await expect(page.getByTestId("on-time-period")).toHaveText("Period: 1 June 2022 to 30 June 2022.");
    await expect(page.getByTestId("excel-monthly")).toHaveAccessibleName("Download for Excel");
    await expect(page.getByTestId("csv-monthly")).toHaveAccessibleName("Download as CSV");
    await expect(page.getByRole("img", { name: "Cases received and closed per month" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Cases received and closed per month" }).getByRole("row", { name: /June 2022/ })).toBeVisible();
    await expectNoAxeViolations(page, "trends (en)");
    const enCsv = (await (await page.request.get(href!)).body()).toString("utf8");
    expect(enCsv).toContain('"Month","Received","Closed"');

    // Nynorsk.
    await page.context().addCookies([{ name: "pv_locale", value: "nn", url: new URL(page.url()).origin }]);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Statistikk over personvernsaker");
    await expect(page.getByTestId("on-time-card").getByRole("heading", { level: 2 })).toHaveText("Avgjort innan fristen");
    await expect(page.getByTestId("on-time-rate")).toHaveText("33,3 %");
    await expectNoAxeViolations(page, "trends (nn)");
    await page.context().addCookies([{ name: "pv_locale", value: "en", url: new URL(page.url()).origin }]);

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

  test("a caseworker gets 404 for the page and both downloads", async ({ page }) => {
    await signInAsStaff(page, "saksbehandler@demo.test");
    const response = await page.goto("/staff/dashboard/trends");
    expect(response?.status()).toBe(404);
    expect((await page.request.get("/api/dashboard/trends-csv?table=monthly")).status()).toBe(404);
    expect((await page.request.get("/api/dashboard/trends-csv?table=monthly&format=excel")).status()).toBe(404);
  });

  test("without a session both downloads are 404", async ({ request }) => {
    expect((await request.get("/api/dashboard/trends-csv?table=identity")).status()).toBe(404);
    expect((await request.get("/api/dashboard/trends-csv?table=identity&format=excel")).status()).toBe(404);
  });
});
