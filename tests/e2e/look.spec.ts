// How the pages look (issue 9, items 1-5): the self-hosted Inter is the font really used, the staff
// workspace uses the width (a one-line queue at 1280-1920 px without sideways scrolling or clipped
// buttons, cards on a phone), the case page puts the work panel beside the reading column, and the
// staff header has no citizen sign-in link.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, uniqueEmail } from "./support";
import { signInAsStaff } from "./staff-login";

async function expectInterLoaded(page: Page, where: string) {
  await page.evaluate(() => document.fonts.ready);
  const font = await page.evaluate(() => ({
    body: getComputedStyle(document.querySelector("main p, main h1") ?? document.body).fontFamily,
    loaded: [...document.fonts].some((f) => f.family.replace(/["']/g, "") === "Inter Variable" && f.status === "loaded"),
    renders: document.fonts.check('16px "Inter Variable"', "Personvern æøå"),
  }));
  expect(font.body, where).toMatch(/^"?Inter Variable"?,/);
  expect(font.body, `${where}: a sans-serif fallback`).toMatch(/sans-serif$/);
  expect(font.loaded, `${where}: the font file was loaded from the portal itself`).toBe(true);
  expect(font.renders, where).toBe(true);
}

async function noSidewaysScroll(page: Page, where: string) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, `${where}: no horizontal scroll`).toBeLessThanOrEqual(client);
}

async function submitCase(page: Page, name: string, unit = "barnehage") {
  const response = await page.request.post("/api/v1/requests", {
    data: { rights: ["rectification"], details: { incorrectData: "Feil adresse i systemet", correctData: "Storgata 1" }, name, email: uniqueEmail("look"), unit, submissionKey: crypto.randomUUID() },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}

test("Inter is self-hosted and used on citizen and staff pages; no font is fetched from elsewhere", async ({ page }) => {
  const foreign: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.hostname !== "localhost" && url.hostname !== "127.0.0.1") foreign.push(r.url());
  });
  await page.goto("/");
  await expectInterLoaded(page, "front page");
  await page.goto("/staff/signin");
  await expectInterLoaded(page, "staff sign-in");
  expect(foreign).toEqual([]);
});

test("the staff queue is one line per case from 1280 to 1920 px, and cards on a phone", async ({ page }) => {
  test.setTimeout(120_000);
  // A long requester name and a long unit name: what makes rows wrap.
  const surname = `Breddesen${Date.now().toString(36)}`;
  for (const unit of ["barnehage", "helse-omsorg", "innbyggerservice"]) await submitCase(page, `Kristine Margrethe Andersen-Bakke ${surname}`, unit);
  await signInAsStaff(page, "personvernombud@demo.test");
  // The staff header: no citizen "Logg inn", the signed-in name, language and sign-out.
  const header = page.getByTestId("staff-header");
  await expect(header).toContainText("Logget inn som Per Personvernombud");
  await expect(page.getByRole("link", { name: "Logg inn", exact: true })).toHaveCount(0);
  await expectInterLoaded(page, "staff queue");

  for (const width of [1280, 1440, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/staff?q=${surname}`);
    const rows = page.locator("tbody tr");
    await expect(rows).toHaveCount(3);
    await noSidewaysScroll(page, `queue at ${width}`);
    // The table fits its container (nothing hidden behind a scrollbar) and each row is one line.
    const fit = await page.getByTestId("queue-table").evaluate((table) => ({ table: table.scrollWidth, wrap: table.parentElement!.clientWidth }));
    expect(fit.table, `table at ${width}`).toBeLessThanOrEqual(fit.wrap);
    for (const height of await rows.evaluateAll((trs) => trs.map((tr) => tr.getBoundingClientRect().height))) {
      expect(height, `row height at ${width}`).toBeLessThan(56);
    }
    // "Ta saken" is whole and inside the window.
    const claim = rows.first().getByRole("button", { name: /Ta saken/ });
    if ((await claim.count()) > 0) {
      const box = (await claim.boundingBox())!;
      expect(box.x + box.width, `claim button at ${width}`).toBeLessThanOrEqual(width);
    }
    // The compact forms: short right name with its article, a compact date.
    await expect(rows.first()).toContainText("Retting (art. 16)");
    await expect(rows.first()).toContainText(/\d{1,2}\. [a-zæøå]{3}\.? \d{4}/);
    // The filters fold away: the first case is above the fold.
    expect((await rows.first().boundingBox())!.y, `first row above the fold at ${width}`).toBeLessThan(900);
  }
  await expectNoAxeViolations(page, "queue at 1920");

  // On a phone each case is a card with the column names in it.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`/staff?q=${surname}`);
  await noSidewaysScroll(page, "queue at 375");
  // The column headers stay for screen readers, out of sight (1 px, clipped).
  expect(await page.locator("thead").evaluate((el) => el.getBoundingClientRect().height)).toBeLessThanOrEqual(1);
  const card = page.locator("tbody tr").first();
  expect(await card.evaluate((tr) => getComputedStyle(tr).display)).toBe("block");
  expect(await card.locator("td.c-n").evaluate((td) => getComputedStyle(td, "::before").content)).toContain("Innbygger");
  await expectNoAxeViolations(page, "queue at 375");
});

test("the staff case page puts the work panel beside the reading column, with the allowed actions as buttons", async ({ page }) => {
  const reference = await submitCase(page, "Kolonne Testesen");
  await signInAsStaff(page, "saksbehandler@demo.test");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/staff/cases/${reference}`);
  const work = await page.locator("#actions").boundingBox();
  const request = await page.getByTestId("request-details").boundingBox();
  expect(work!.x).toBeGreaterThan(request!.x + request!.width - 1);
  // The panel and the first action are on the first screen.
  expect(work!.y).toBeLessThan(700);
  const actions = page.getByTestId("case-actions").getByRole("link");
  await expect(actions.first()).toBeVisible();
  expect(await actions.count()).toBeGreaterThan(3);
  await noSidewaysScroll(page, "case page at 1440");
  // The answer file picker reads Norwegian, like the citizen's.
  await expect(page.getByTestId("file-picker").first()).toContainText("Velg fil");
  await expect(page.getByTestId("file-picker").first()).toContainText("Ingen fil valgt");
  await expectNoAxeViolations(page, "case page at 1440");

  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`/staff/cases/${reference}`);
  await noSidewaysScroll(page, "case page at 375");
  // One column: the facts, then the work panel, then the request.
  const facts = (await page.getByTestId("case-header").boundingBox())!;
  const panel = (await page.locator("#actions").boundingBox())!;
  const details = (await page.getByTestId("request-details").boundingBox())!;
  expect(panel.y).toBeGreaterThan(facts.y);
  expect(details.y).toBeGreaterThan(panel.y);
  await expectNoAxeViolations(page, "case page at 375");
});
