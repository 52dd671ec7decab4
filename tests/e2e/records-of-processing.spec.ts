// The records of processing (behandlingsprotokoll, Art. 30) on the admin pages, walked as an admin,
// the DPO and a caseworker would: the shipped entries, a new entry refused with an error summary and
// then saved, taken out of use with its history, the DPO's access and the caseworker's 404. Every
// page gets an axe scan.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, withDb } from "./support";
import { signInAsStaff } from "./staff-login";

test("an admin adds an entry (with an error summary first), and takes it out of use", async ({ page }) => {
  await signInAsStaff(page, "admin@demo.test", { landing: /\/staff\/admin\/users$/ });
  await page.getByRole("link", { name: "Behandlingsprotokoll" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Behandlingsprotokoll" })).toBeVisible();
  // The shipped entries, one per system the units list: none is missing.
  await expect(page.getByTestId("records-table").locator("tr[data-entry='Barnehagesystem']")).toBeVisible();
  await expect(page.getByTestId("records-missing")).toHaveCount(0);
  await expectNoAxeViolations(page, "records of processing");

  await page.getByRole("link", { name: "Ny oppføring" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ny oppføring i behandlingsprotokollen");
  const name = `Kulturskolesystem ${Date.now()}`;
  await page.getByLabel("Navn på systemet eller behandlingen").fill(name);
  await page.getByLabel("Formål", { exact: true }).fill("Å gi barn plass i kulturskolen.");
  await page.getByLabel("Hvilke opplysninger som overføres, og til hvilket land").fill("Kontaktopplysninger til brukerstøtte i USA.");
  await page.getByRole("button", { name: "Legg inn" }).click();
  const summary = page.locator(".ds-error-summary");
  await expect(summary).toBeFocused();
  // Each message names its field.
  await expect(summary).toContainText("Rettslig grunnlag: Fyll inn feltet.");
  await expect(summary).toContainText("Skriv hvilke garantier som gjelder for overføringen.");
  // What was typed is still there.
  await expect(page.getByLabel("Formål", { exact: true })).toHaveValue("Å gi barn plass i kulturskolen.");
  await expectNoAxeViolations(page, "new entry with errors");
  // The summary's link takes the keyboard to the field.
  await summary.getByRole("link", { name: "Skriv hvilke garantier som gjelder for overføringen." }).click();
  await expect(page.getByLabel("Garantier for overføringen")).toBeFocused();
  await page.getByLabel("Garantier for overføringen").fill("EUs standardavtaler (artikkel 46 nr. 2 bokstav c).");
  await page.getByLabel("Rettslig grunnlag").fill("Personvernforordningen artikkel 6 nr. 1 bokstav e, jf. opplæringslova.");
  await page.getByLabel("Kategorier av opplysninger").fill("Navn og kontaktopplysninger.");
  await page.getByLabel("Mottakere").fill("Ingen.");
  await page.getByLabel("Oppbevaringstid").fill("Til plassen er sagt opp.");
  await page.getByLabel("Kilde").fill("Foresatte.");
  await page.getByRole("button", { name: "Legg inn" }).click();
  await expect(page.getByText("Oppføringen er lagt inn.")).toBeVisible();
  const row = page.getByTestId("records-table").locator(`tr[data-entry='${name}']`);
  await expect(row).toContainText("Ja");
  await expectNoAxeViolations(page, "records after adding");

  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Endre oppføring: ${name}`);
  await expect(page.getByLabel("Garantier for overføringen")).toHaveValue("EUs standardavtaler (artikkel 46 nr. 2 bokstav c).");
  await page.getByRole("button", { name: "Merk som ikke i bruk" }).click();
  await expect(page.getByText("Oppføringen er merket som ikke i bruk.")).toBeVisible();
  await expect(page.getByTestId("record-status")).toHaveText("Ikke i bruk");
  await expect(page.getByTestId("admin-history-table")).toContainText("Oppføring i behandlingsprotokollen tatt ut av bruk");
  await expectNoAxeViolations(page, "entry taken out of use");
  const saved = await withDb(async (db) => (await db.query("SELECT retired_at IS NOT NULL AS retired, transfer_safeguards FROM processing_activity WHERE name = $1", [name])).rows[0]);
  expect(saved).toEqual({ retired: true, transfer_safeguards: "EUs standardavtaler (artikkel 46 nr. 2 bokstav c)." });
});

test("the DPO keeps the records too; a caseworker gets the ordinary 404", async ({ browser }) => {
  const dpoContext = await browser.newContext({ locale: "nb-NO" });
  const dpo = await dpoContext.newPage();
  await signInAsStaff(dpo, "personvernombud@demo.test");
  await dpo.goto("/staff/admin/log");
  await dpo.getByRole("link", { name: "Behandlingsprotokoll" }).click();
  await expect(dpo.getByRole("heading", { level: 1, name: "Behandlingsprotokoll" })).toBeVisible();
  await expect(dpo.getByRole("link", { name: "Brukere" })).toHaveCount(0);
  await expectNoAxeViolations(dpo, "records of processing for the DPO");
  await dpoContext.close();

  const workerContext = await browser.newContext({ locale: "nb-NO" });
  const worker = await workerContext.newPage();
  await signInAsStaff(worker, "saksbehandler@demo.test");
  const response = await worker.goto("/staff/admin/records");
  expect(response?.status()).toBe(404);
  await workerContext.close();
});
