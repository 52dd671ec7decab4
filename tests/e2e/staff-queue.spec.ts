// The staff queue: filters, saved views, search, claim, bulk assign, paging, keyboard, axe.
// Every test makes its own cases with a unique requester name and searches for them, so the tests
// do not depend on what other tests have put in the queue.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoAxeViolationsWithoutJs, uniqueEmail, withDb } from "./support";
import { signInAsStaff } from "./staff-login";

type Made = { reference: string; dueDate: string };

async function submitCase(page: Page, opts: { name: string; unit: string; portability?: boolean }): Promise<Made> {
  const response = await page.request.post("/api/v1/requests", {
    data: {
      rights: opts.portability ? ["portability"] : ["access"],
      ...(opts.portability ? { details: { dataProvided: "Skjemaene jeg sendte inn" } } : {}),
      name: opts.name,
      email: uniqueEmail("ko"),
      unit: opts.unit,
      submissionKey: crypto.randomUUID(),
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as Made;
}

/** A unique surname per test, so a name search finds exactly this test's cases. */
function uniqueName(prefix: string) {
  return `${prefix} Kø${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

async function moveDueDate(reference: string, days: number) {
  await withDb((db) =>
    // Receipt moved back too (the database requires the due date to be on or after the receipt date).
    db.query(
      `UPDATE request_case SET received_at = now() - make_interval(days => 30 - $2::int),
         due_date = (now() AT TIME ZONE 'Europe/Oslo')::date + $2::int,
         one_month_due_date = (now() AT TIME ZONE 'Europe/Oslo')::date + $2::int
       WHERE reference = $1`,
      [reference, days],
    ),
  );
}

const rows = (page: Page) => page.locator("tbody tr");
/** The search field's own button. */
const search = (page: Page) => page.getByRole("button", { name: "Søk", exact: true }).click();
/** Unfolds the other filters (folded away unless one is in force). */
async function openFilters(page: Page) {
  const details = page.getByTestId("queue-more-filters");
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator("summary").click();
}
const refsOnPage = (page: Page) => rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-reference")));

test("filters narrow the list; search by name and by reference", async ({ page }) => {
  const name = uniqueName("Filter");
  const barnehage = await submitCase(page, { name, unit: "barnehage" });
  const skole = await submitCase(page, { name, unit: "skole", portability: true });
  await signInAsStaff(page, "saksbehandler@demo.test");

  await page.getByLabel("Søk").fill(name.split(" ")[1]!);
  await search(page);
  await expect.poll(() => refsOnPage(page)).toEqual(expect.arrayContaining([barnehage.reference, skole.reference]));
  expect((await refsOnPage(page)).length).toBe(2);
  // Only a search: the other filters stay folded away, so the cases are above the fold.
  await expect(page.getByLabel("Enhet")).toBeHidden();

  await openFilters(page);
  await page.getByLabel("Enhet").selectOption({ label: "Skole" });
  await page.getByRole("button", { name: "Bruk filter" }).click();
  await expect(page).toHaveURL(/unit=/);
  await expect.poll(() => refsOnPage(page)).toEqual([skole.reference]);
  // The form shows the filters in force.
  await expect(page.getByLabel("Søk")).toHaveValue(name.split(" ")[1]!);

  await page.getByLabel("Enhet").selectOption({ label: "Alle" });
  await page.getByLabel("Rettighet").selectOption("access");
  await page.getByRole("button", { name: "Bruk filter" }).click();
  await expect.poll(() => refsOnPage(page)).toEqual([barnehage.reference]);

  // Identity strength, as text: an API request has no verified identity; an e-mail code is weak.
  await expect(rows(page).first()).toContainText("Identitet ikke bekreftet");
  await withDb((db) =>
    db.query(
      "UPDATE requester SET identity_level = 'email_code' WHERE id = (SELECT requester_id FROM request_case WHERE reference = $1)",
      [skole.reference],
    ),
  );
  await page.getByLabel("Rettighet").selectOption("");
  await page.getByLabel("Identitet").selectOption("email_code");
  await page.getByRole("button", { name: "Bruk filter" }).click();
  await expect.poll(() => refsOnPage(page)).toEqual([skole.reference]);
  await expect(rows(page).first()).toContainText("E-postkode, ikke sterkt verifisert");
  await page.getByLabel("Identitet").selectOption("idporten_high");
  await page.getByRole("button", { name: "Bruk filter" }).click();
  await expect(page.getByText("Ingen saker passer med filteret.")).toBeVisible();

  await page.goto(`/staff?q=${skole.reference.toLowerCase()}`);
  await expect.poll(() => refsOnPage(page)).toEqual([skole.reference]);
  await page.getByRole("link", { name: "Fjern filter" }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByLabel("Søk")).toHaveValue("");
});

test("saved views: unassigned, due this week, overdue and mine", async ({ page }) => {
  const name = uniqueName("Visning");
  const soon = await submitCase(page, { name, unit: "barnehage" });
  const late = await submitCase(page, { name, unit: "barnehage" });
  const later = await submitCase(page, { name, unit: "skole" });
  await moveDueDate(soon.reference, 3);
  await moveDueDate(late.reference, -2);
  await signInAsStaff(page, "saksbehandler@demo.test");

  const view = async (label: string, query: string) => {
    await page.getByRole("navigation", { name: "Faste visninger" }).getByRole("link", { name: label }).click();
    await expect(page).toHaveURL(new RegExp(`view=${query}`));
    await expect(page.getByRole("link", { name: label })).toHaveAttribute("aria-current", "page");
    // Keep the view, add a search for this test's cases (the view travels as a hidden field).
    await page.getByLabel("Søk").fill(name.split(" ")[1]!);
    await search(page);
    await expect(page).toHaveURL(new RegExp(`view=${query}`));
    return refsOnPage(page);
  };

  expect(new Set(await view("Ikke tildelt", "unassigned"))).toEqual(new Set([soon.reference, late.reference, later.reference]));
  expect(await view("Frist denne uken", "due_this_week")).toEqual([late.reference, soon.reference]);
  await expect(page.locator(`tr[data-reference="${soon.reference}"]`)).toContainText("3 dager igjen");
  expect(await view("Over fristen", "overdue")).toEqual([late.reference]);
  await expect(page.locator(`tr[data-reference="${late.reference}"]`)).toContainText("⚠ 2 dager over fristen");
  expect(await view("Mine", "mine")).toEqual([]);
});

test("a caseworker claims a case from the queue; the filters stay", async ({ page }) => {
  const name = uniqueName("Ta");
  const made = await submitCase(page, { name, unit: "skole" });
  await signInAsStaff(page, "saksbehandler@demo.test");
  await page.goto(`/staff?q=${made.reference}&sort=received`);
  const row = page.locator(`tr[data-reference="${made.reference}"]`);
  await expect(row).toContainText("Ikke tildelt");
  await row.getByRole("button", { name: `Ta saken ${made.reference}` }).click();

  await expect(page.locator(".ds-alert[role=status]")).toHaveText(`Du har tatt sak ${made.reference}.`);
  await expect(page).toHaveURL(new RegExp(`q=${made.reference}.*sort=received|sort=received.*q=${made.reference}`));
  await expect(row).toContainText("Kari Saksbehandler");
  await expect(row.getByRole("button", { name: /Ta saken/ })).toHaveCount(0);

  await page.goto(`/staff?view=mine&q=${made.reference}`);
  await expect.poll(() => refsOnPage(page)).toEqual([made.reference]);
  const events = await withDb((db) =>
    db.query(
      "SELECT e.before, e.after FROM case_event e JOIN request_case c ON c.id = e.case_id WHERE c.reference = $1 AND e.type = 'case.assigned'",
      [made.reference],
    ),
  );
  expect(events.rows).toHaveLength(1);
  expect(events.rows[0].before).toEqual({ assigneeId: null });
});

test("a unit lead bulk-assigns two cases to a caseworker", async ({ page }) => {
  const name = uniqueName("Bulk");
  const one = await submitCase(page, { name, unit: "barnehage" });
  const two = await submitCase(page, { name, unit: "skole" });
  const untouched = await submitCase(page, { name, unit: "skole" });
  await signInAsStaff(page, "leder@demo.test");
  await page.goto(`/staff?q=${encodeURIComponent(name.split(" ")[1]!)}`);
  await expect.poll(() => refsOnPage(page)).toHaveLength(3);

  // Nothing ticked: a clear message, nothing changed.
  await page.getByLabel("Tildel til").selectOption({ label: "Kari Saksbehandler" });
  await page.getByRole("button", { name: "Tildel valgte saker" }).click();
  await expect(page.locator(".ds-alert[role=alert]")).toContainText("Du har ikke krysset av for noen saker.");

  await page.getByLabel(`Velg ${one.reference}`).check();
  await page.getByLabel(`Velg ${two.reference}`).check();
  await page.getByLabel("Tildel til").selectOption({ label: "Kari Saksbehandler" });
  await page.getByRole("button", { name: "Tildel valgte saker" }).click();
  await expect(page.locator(".ds-alert[role=status]")).toHaveText("2 saker er tildelt.");
  await expect(page.locator(`tr[data-reference="${one.reference}"]`)).toContainText("Kari Saksbehandler");
  await expect(page.locator(`tr[data-reference="${two.reference}"]`)).toContainText("Kari Saksbehandler");
  await expect(page.locator(`tr[data-reference="${untouched.reference}"]`)).toContainText("Ikke tildelt");
  await expectNoAxeViolations(page, "queue after bulk assign");

  // Ola has no access to Skole: refused, and the ticked case stays unassigned (all or nothing).
  await page.getByLabel(`Velg ${untouched.reference}`).check();
  await page.getByLabel("Tildel til").selectOption({ label: "Kari Saksbehandler" });
  const ola = await withDb(async (db) => (await db.query("SELECT id FROM staff_user WHERE email = 'saksbehandler2@demo.test'")).rows[0].id as string);
  // Ola is not in the menu (not a colleague of the lead's units): post his id as a forged form would.
  await page.locator("#bulk-assignee").evaluate((select, id) => {
    const option = document.createElement("option");
    option.value = id;
    option.textContent = "Ola";
    select.appendChild(option);
    (select as HTMLSelectElement).value = id;
  }, ola);
  await page.getByRole("button", { name: "Tildel valgte saker" }).click();
  await expect(page.locator(".ds-alert[role=alert]")).toContainText(`ikke tilgang til enheten for ${untouched.reference}`);
  await expect(page.locator(`tr[data-reference="${untouched.reference}"]`)).toContainText("Ikke tildelt");
});

test("paging keeps the filters", async ({ page }) => {
  const name = uniqueName("Side");
  const made: string[] = [];
  for (let i = 0; i < 27; i++) made.push((await submitCase(page, { name, unit: "skole" })).reference);
  await signInAsStaff(page, "personvernombud@demo.test");
  const surname = name.split(" ")[1]!;
  await page.goto(`/staff?q=${encodeURIComponent(surname)}&sort=received`);
  await expect(rows(page)).toHaveCount(25);
  const first = await refsOnPage(page);

  await page.getByRole("link", { name: "Neste side" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(page).toHaveURL(/sort=received/);
  await expect(page.getByLabel("Søk")).toHaveValue(surname);
  await expect(page.getByLabel("Sorter etter")).toHaveValue("received");
  await expect(rows(page)).toHaveCount(2);
  const second = await refsOnPage(page);
  // Received order = creation order here; every case exactly once over the two pages.
  expect([...first, ...second]).toEqual(made);
  await expect(page.getByRole("link", { name: "Neste side" })).toHaveCount(0);

  await page.getByRole("link", { name: "Første side" }).click();
  await expect(page).not.toHaveURL(/cursor=/);
  await expect(page).toHaveURL(/q=/);
  await expect(rows(page)).toHaveCount(25);

  // 50 per page: all 27 on one page, and the choice is kept by the filter form.
  await page.getByLabel("Saker per side").selectOption("50");
  await page.getByRole("button", { name: "Bruk filter" }).click();
  await expect(page).toHaveURL(/perPage=50/);
  await expect(rows(page)).toHaveCount(27);
  await expect(page.getByRole("link", { name: "Neste side" })).toHaveCount(0);
  await expect(page.getByLabel("Saker per side")).toHaveValue("50");
});

test("the filter form works with the keyboard alone", async ({ page }) => {
  const name = uniqueName("Tast");
  const late = await submitCase(page, { name, unit: "barnehage" });
  const fine = await submitCase(page, { name, unit: "barnehage" });
  await moveDueDate(late.reference, -1);
  await signInAsStaff(page, "saksbehandler@demo.test");

  await page.getByLabel("Søk").focus();
  await page.keyboard.type(name.split(" ")[1]!);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=/);
  await expect.poll(() => refsOnPage(page)).toHaveLength(2);

  // Tab from the search field reaches its button, then the folded filters, which open with Enter.
  await page.getByLabel("Søk").focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Søk", exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("queue-more-filters").locator("summary")).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Status")).toBeFocused();

  await page.getByLabel("er over fristen").focus();
  await page.keyboard.press("Space");
  await expect(page.getByLabel("er over fristen")).toBeChecked();
  // Tab on to the submit button and press Enter.
  for (let i = 0; i < 5 && !(await page.getByRole("button", { name: "Bruk filter" }).evaluate((b) => b === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(page.getByRole("button", { name: "Bruk filter" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/overdue=1/);
  await expect.poll(() => refsOnPage(page)).toEqual([late.reference]);
  expect(await refsOnPage(page)).not.toContain(fine.reference);
});

test("axe: the queue with filters applied, for a caseworker and for a unit lead", async ({ page }) => {
  const name = uniqueName("Axe");
  const made = await submitCase(page, { name, unit: "barnehage" });
  await moveDueDate(made.reference, 2);
  await signInAsStaff(page, "leder@demo.test");
  await page.goto(`/staff?view=due_this_week&q=${encodeURIComponent(name.split(" ")[1]!)}&right=access&sort=received&dueWithinDays=10`);
  await expect.poll(() => refsOnPage(page)).toEqual([made.reference]);
  await expectNoAxeViolations(page, "queue (unit lead, filtered)");
  await page.goto("/staff?error=conflict");
  await expect(page.locator(".ds-alert[role=alert]")).toContainText("Noen andre har endret saken");
  await expectNoAxeViolations(page, "queue with an error notice");
});

test("without JavaScript: filter, claim and bulk assign still work", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "nb-NO" });
  const page = await context.newPage();
  const name = uniqueName("UtenJs");
  const one = await submitCase(page, { name, unit: "skole" });
  const two = await submitCase(page, { name, unit: "skole" });
  await signInAsStaff(page, "leder@demo.test");
  await page.getByLabel("Søk").fill(name.split(" ")[1]!);
  await search(page);
  await expect.poll(() => refsOnPage(page)).toHaveLength(2);
  await expectNoAxeViolationsWithoutJs(browser, page, "queue without JavaScript");

  await page.locator(`tr[data-reference="${one.reference}"]`).getByRole("button", { name: /Ta saken/ }).click();
  await expect(page.locator(".ds-alert[role=status]")).toHaveText(`Du har tatt sak ${one.reference}.`);
  await expect(page.locator(`tr[data-reference="${one.reference}"]`)).toContainText("Lene Enhetsleder");

  await page.getByLabel(`Velg ${two.reference}`).check();
  await page.getByLabel("Tildel til").selectOption({ label: "Kari Saksbehandler" });
  await page.getByRole("button", { name: "Tildel valgte saker" }).click();
  await expect(page.locator(".ds-alert[role=status]")).toHaveText("1 sak er tildelt.");
  await expect(page.locator(`tr[data-reference="${two.reference}"]`)).toContainText("Kari Saksbehandler");
  await context.close();
});
