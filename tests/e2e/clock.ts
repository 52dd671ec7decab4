// Shared e2e helpers for the demo clock page (/demo/clock, lib/clock.ts). Every e2e test shares one
// portal, so a test that moves the clock puts it back in afterEach (`resetClock`), and the specs that
// move it run in the "clock" project, after the others and one at a time (playwright.config.ts).
import { expect, type Page } from "@playwright/test";

/** The portal's Oslo date as the clock page shows it (YYYY-MM-DD). */
export async function portalDate(page: Page): Promise<string> {
  await page.goto("/demo/clock");
  const date = await page.getByTestId("demo-clock-portal-date").getAttribute("data-date");
  expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  return date!;
}

/** Moves the portal to the Oslo date `date` ("Gå til dato"), at the time of day it is now. */
export async function moveClockTo(page: Page, date: string): Promise<void> {
  await page.goto("/demo/clock");
  await page.getByLabel("Gå til dato").fill(date);
  await page.getByRole("button", { name: "Gå til datoen" }).click();
  await expect(page.getByTestId("demo-clock-notice")).toHaveText("Klokka er flyttet.");
  await expect(page.getByTestId("demo-clock-portal-date")).toHaveAttribute("data-date", date);
}

/** "1 dag fram" / "7 dager fram". */
export async function moveClockBy(page: Page, days: 1 | 7): Promise<void> {
  await page.goto("/demo/clock");
  await page.getByRole("button", { name: days === 1 ? "1 dag fram" : "7 dager fram", exact: true }).click();
  await expect(page.getByTestId("demo-clock-notice")).toHaveText("Klokka er flyttet.");
}

/** "Kjør de daglige jobbene nå": returns when the jobs are done (their mail is in the outbox). */
export async function runDailyJobs(page: Page): Promise<void> {
  await page.goto("/demo/clock");
  await page.getByRole("button", { name: "Kjør de daglige jobbene nå" }).click();
  await expect(page.getByTestId("demo-clock-notice")).toContainText("De daglige jobbene er kjørt");
}

/** Back to the real time. */
export async function resetClock(page: Page): Promise<void> {
  await page.goto("/demo/clock");
  await page.getByRole("button", { name: "Sett klokka tilbake til virkelig tid" }).click();
  await expect(page.getByTestId("demo-clock-notice")).toHaveText("Klokka går som vanlig igjen.");
  await expect(page.getByTestId("demo-clock-offset")).toHaveText("Ikke flyttet: klokka går som vanlig");
}
