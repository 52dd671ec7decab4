import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, uniqueEmail, withDb } from "./support";
import { signInAsStaff } from "./staff-login";

/** Clicks a download link and returns the file's name and bytes, as the browser saved them. */
async function download(page: Page, testId: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

/** The lines of a downloaded CSV after checking its UTF-8 byte-order mark (Excel needs it for æøå). */
function csvLines(bytes: Buffer): string[] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return bytes.subarray(3).toString("utf8").split("\r\n");
}

async function expectNoSidewaysScroll(page: Page) {
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scroll, `the page scrolls sideways at ${client} px`).toBeLessThanOrEqual(client);
}

test.describe("DPO dashboard", () => {
  test("the DPO sees an overdue case appear and the on-time rate drop below 100 %, downloads for Excel and as CSV, in nb, nn and en, at 375 px, with zero axe violations", async ({ page }) => {
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
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Oversikt over personvernsaker");

    // The headline figure: the on-time rate, with the open overdue case counted as late.
    const card = page.getByRole("region", { name: "Avgjort innen fristen", exact: true });
    await expect(card).toBeVisible();
    const rateText = await card.getByTestId("on-time-rate").innerText();
    expect(rateText).toMatch(/^\d{1,3}(,\d)? %$/);
    const rate = Number(rateText.replace(" %", "").replace(",", "."));
    expect(rate).toBeLessThan(100);
    const summary = (await card.getByTestId("on-time-summary").innerText()).match(/^(\d+) av (\d+) (?:sak|saker) ble avgjort innen fristen\.$/);
    expect(summary).not.toBeNull();
    const [onTime, counted] = [Number(summary![1]), Number(summary![2])];
    expect(Math.abs(rate - (100 * onTime) / counted)).toBeLessThanOrEqual(0.1);
    // The counts behind it, in words: they add up to the whole.
    const count = async (testId: string, pattern: RegExp) => Number((await card.getByTestId(testId).innerText()).match(pattern)?.[1]);
    const answeredOnTime = await count("on-time-answered-on-time", /^(\d+) (?:sak|saker) avgjort innen fristen$/);
    const answeredLate = await count("on-time-answered-late", /^(\d+) (?:sak|saker) avgjort etter fristen$/);
    const openOverdue = await count("on-time-open-overdue", /^(\d+) (?:åpen sak|åpne saker) der fristen har gått ut, uten svar ennå$/);
    expect(answeredOnTime).toBe(onTime);
    expect(openOverdue).toBeGreaterThanOrEqual(1);
    expect(answeredOnTime + answeredLate + openOverdue).toBe(counted);
    await expect(card.getByTestId("on-time-period")).toHaveText(/^Periode: 1\. \p{L}+ \d{4} til i dag \(\d{1,2}\. \p{L}+ \d{4}\)\. Denne måneden og de 11 før/u);

    const overdue = page.getByRole("table", { name: /fristen har gått ut/ });
    const row = overdue.getByRole("row").filter({ has: page.getByRole("link", { name: reference }) });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole("cell").nth(1)).toHaveText(/barnehage/i);
    await expect(row.getByRole("cell").last()).toHaveText(/^1[3-5]$/);
    const overdueCount = Number(await page.getByTestId("headline-overdue").locator("dd").innerText());
    expect(overdueCount).toBeGreaterThanOrEqual(1);
    await expect(page.getByRole("table", { name: "Antall åpne saker etter status" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Antall åpne saker etter rettighet", exact: false })).toBeVisible();

    // Each download link is named by its own visible text and described by its table's heading.
    for (const [table, heading] of [
      ["overdue", "Saker over fristen"],
      ["status", "Åpne saker etter status"],
      ["right", "Åpne saker etter rettighet"],
    ] as const) {
      await expect(page.getByTestId(`excel-${table}`)).toHaveAccessibleName("Last ned for Excel");
      await expect(page.getByTestId(`excel-${table}`)).toHaveAccessibleDescription(heading);
      await expect(page.getByTestId(`csv-${table}`)).toHaveAccessibleName("Last ned som CSV");
      await expect(page.getByTestId(`csv-${table}`)).toHaveAccessibleDescription(heading);
    }
    await expectNoAxeViolations(page, "dashboard (nb)");

    // The overdue list for Excel: semicolons between the columns, BOM, a file name that says so.
    const excel = await download(page, "excel-overdue");
    expect(excel.name).toMatch(/^personvern-oversikt-overdue-\d{4}-\d{2}-\d{2}-excel\.csv$/);
    const excelLines = csvLines(excel.bytes);
    expect(excelLines[0]).toBe('"Saksnummer";"Gjelder";"Enhet";"Saksbehandler";"Frist";"Dager over fristen"');
    expect(excelLines.find((l) => l.startsWith(`"${reference}";`))).toMatch(
      /^"[^"]+";"Se hvilke opplysninger kommunen har om meg";"Barnehage";"Ingen";"\d{4}-\d{2}-\d{2}";1[3-5]$/,
    );

    // The same list as plain CSV.
    const plain = await download(page, "csv-overdue");
    expect(plain.name).toMatch(/^personvern-oversikt-overdue-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csvLines(plain.bytes);
    expect(lines[0]).toBe('"Saksnummer","Gjelder","Enhet","Saksbehandler","Frist","Dager over fristen"');
    expect(lines.find((l) => l.startsWith(`"${reference}",`))).toMatch(
      /^"[^"]+","Se hvilke opplysninger kommunen har om meg","Barnehage","Ingen","\d{4}-\d{2}-\d{2}",1[3-5]$/,
    );

    // The route behind the links, with the session cookie of the page.
    await expect(page.getByTestId("csv-status")).toHaveAttribute("href", "/api/dashboard/csv?table=status");
    await expect(page.getByTestId("excel-status")).toHaveAttribute("href", "/api/dashboard/csv?table=status&format=excel");
    const csv = await page.request.get("/api/dashboard/csv?table=status&format=excel");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="personvern-oversikt-status-\d{4}-\d{2}-\d{2}-excel\.csv"$/);
    expect(csvLines(await csv.body())).toContainEqual(expect.stringMatching(/^"Under behandling";\d+$/));
    expect((await page.request.get("/api/dashboard/csv?table=status&format=xlsx")).status()).toBe(404);

    // A phone: nothing scrolls the page sideways; the overdue table scrolls inside its own region.
    await page.setViewportSize({ width: 375, height: 800 });
    await expectNoSidewaysScroll(page);
    await expect(page.getByRole("region", { name: /fristen har gått ut/ })).toHaveAttribute("tabindex", "0");
    await expectNoAxeViolations(page, "dashboard (nb, 375 px)");
    await page.setViewportSize({ width: 1280, height: 720 });

    // English.
    await page.context().addCookies([{ name: "pv_locale", value: "en", url: page.url() }]);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Overview of data protection requests");
    await expect(page.getByRole("region", { name: "Decided on time", exact: true }).getByTestId("on-time-summary")).toHaveText(/^\d+ of \d+ (?:case was|cases were) decided on time\.$/);
    await expect(page.getByRole("link", { name: reference })).toBeVisible();
    await expect(page.getByTestId("excel-overdue")).toHaveAccessibleName("Download for Excel");
    await expect(page.getByTestId("csv-overdue")).toHaveAccessibleName("Download as CSV");
    await expect(page.getByTestId("csv-overdue")).toHaveAccessibleDescription("Overdue cases");
    await expectNoAxeViolations(page, "dashboard (en)");

    // Nynorsk.
    await page.context().addCookies([{ name: "pv_locale", value: "nn", url: page.url() }]);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Oversikt over personvernsaker");
    await expect(page.getByTestId("excel-overdue")).toHaveAccessibleName("Last ned for Excel");
    await expect(page.getByTestId("on-time-summary")).toHaveText(/^\d+ av \d+ (?:sak|saker) vart avgjorde innan fristen\.$/);
    await expectNoAxeViolations(page, "dashboard (nn)");
    await page.context().addCookies([{ name: "pv_locale", value: "nb", url: page.url() }]);
  });

  test("a caseworker gets 404 for the page and both downloads, and no link", async ({ page }) => {
    await signInAsStaff(page, "saksbehandler@demo.test");
    await expect(page.getByRole("link", { name: "Oversikt", exact: true })).toHaveCount(0);
    const response = await page.goto("/staff/dashboard");
    expect(response?.status()).toBe(404);
    expect((await page.request.get("/api/dashboard/csv?table=overdue")).status()).toBe(404);
    expect((await page.request.get("/api/dashboard/csv?table=overdue&format=excel")).status()).toBe(404);
  });

  test("without a session both downloads are 404", async ({ request }) => {
    expect((await request.get("/api/dashboard/csv?table=status")).status()).toBe(404);
    expect((await request.get("/api/dashboard/csv?table=status&format=excel")).status()).toBe(404);
  });
});
