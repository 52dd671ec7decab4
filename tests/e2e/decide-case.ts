// Shared e2e helper: a caseworker decides a case through the real Decide form on the case page.
import { expect, type Page } from "@playwright/test";
import { openCaseAction } from "./case-actions";

export type DecideOnCasePage = {
  /** The outcome's label in the form (nb). */
  outcome: "Innvilget" | "Delvis innvilget" | "Avslått" | "Ingen opplysninger funnet";
  /** The legal basis checkbox's label (needed for a refusal or a partial grant). */
  basis?: RegExp;
  reasons?: string;
  /**
   * First attach the copy of the data ("Lag JSON/CSV-eksport" under the case's files): granting
   * access or portability needs an answer file on the case.
   */
  exportFirst?: boolean;
};

/**
 * Decides a one-right case on its case page (outcome, legal basis, reasons, then the confirmation
 * step) and follows the case page's link to the response-letter page. Works with and without
 * JavaScript.
 */
export async function decideOnCasePage(page: Page, reference: string, d: DecideOnCasePage) {
  await page.goto(`/staff/cases/${reference}`);
  if (d.exportFirst) {
    await page.getByRole("button", { name: "Lag JSON/CSV-eksport" }).click();
    await expect(page.getByTestId("flash")).toContainText("Eksporten er laget og lagt ved saken som svarfiler.");
  }
  await openCaseAction(page, "Avgjør saken");
  const form = page.locator("#decide");
  await form.getByLabel(d.outcome, { exact: true }).check();
  if (d.basis) await form.getByLabel(d.basis).check();
  if (d.reasons) await form.getByLabel("Begrunnelse").fill(d.reasons);
  await form.getByRole("button", { name: "Gå videre" }).click();
  await expect(page.getByTestId("decide-confirm")).toContainText("Saken blir avsluttet med status");
  await page.getByRole("button", { name: "Bekreft og lagre" }).click();
  await expect(page.getByTestId("flash")).toContainText("Avgjørelsen er lagret");
  await page.getByRole("link", { name: "Skriv svarbrevet til innbyggeren (etter vedtak)" }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/cases/${reference}/letter$`));
}

/**
 * Adds the suggested search task for one of the unit's systems on the case page and ticks it off
 * with "Ja, vi fant opplysninger": a granted access answer describes every system where a search
 * found data, from the records of processing (Art. 15(1), (2)). Works with and without JavaScript.
 */
export async function searchFoundData(page: Page, reference: string, system: string) {
  await page.goto(`/staff/cases/${reference}`);
  await page.getByRole("button", { name: `Legg til: Søke etter opplysninger i ${system}` }).click();
  await page.getByRole("button", { name: "Bekreft og lagre" }).click();
  await expect(page.getByTestId("flash")).toContainText("Oppgaven er lagt til");
  const task = page.getByTestId("tasks").locator("li", { hasText: `Søke etter opplysninger i ${system}` });
  await expect(task.getByTestId("task-entry")).toHaveText(`Behandlingsprotokollen: ${system}`);
  await task.locator("summary", { hasText: "Merk som utført" }).click();
  await task.getByLabel("Ja, vi fant opplysninger").check();
  await task.getByRole("button", { name: "Merk som utført" }).click();
  await page.getByRole("button", { name: "Bekreft og lagre" }).click();
  await expect(page.getByTestId("flash")).toContainText("Oppgaven er merket som utført");
  await expect(page.getByTestId("tasks").locator("li", { hasText: `Søke etter opplysninger i ${system}` }).getByTestId("task-data-found")).toHaveText("Opplysninger funnet");
}
