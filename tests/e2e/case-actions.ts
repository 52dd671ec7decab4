// Shared e2e helpers for the staff case page's work panel: the actions the case allows now are
// buttons (links) that open their form in the panel.
import { expect, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support";

/** The work panel's action buttons. */
export function caseActions(page: Page) {
  return page.getByTestId("case-actions");
}

/** Opens the form of one action ("Avgjør saken", "Forleng fristen"...) from the work panel. */
export async function openCaseAction(page: Page, name: string) {
  await caseActions(page).getByRole("link", { name, exact: true }).click();
  await expect(page).toHaveURL(/[?&]act=/);
  await expect(caseActions(page).getByRole("link", { name, exact: true })).toHaveAttribute("aria-current", "true");
}

/** The labels of the actions offered now, in order. */
export async function offeredActions(page: Page): Promise<string[]> {
  if ((await caseActions(page).count()) === 0) return [];
  return caseActions(page).getByRole("link").allInnerTexts();
}

/** Opens every offered action's form in turn and scans each with axe (every form of the page). */
export async function scanEveryCaseAction(page: Page, context: string) {
  const hrefs = await caseActions(page).getByRole("link").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) {
    await page.goto(href);
    await expectNoAxeViolations(page, `${context}: ${new URL(href).searchParams.get("act")}`);
  }
}
