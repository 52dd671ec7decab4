// The language switch (app/actions/locale.ts) posts the page it was on as `returnTo`. A forged
// value must never send the browser to another site: "/\t/evil.invalid" reads as
// "//evil.invalid" to a browser, which drops tabs from URLs.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support";

/** The language form's fields as the server rendered them (the server action's id included). */
async function languageFormFields(page: Page): Promise<Record<string, string>> {
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "English" }) });
  const hidden = form.locator('input[type="hidden"]');
  const fields: Record<string, string> = {};
  for (let i = 0; i < (await hidden.count()); i++) {
    const input = hidden.nth(i);
    fields[(await input.getAttribute("name"))!] = (await input.getAttribute("value")) ?? "";
  }
  return fields;
}

test("a forged return path sends the language switch back to this site's front page", async ({ page, baseURL }) => {
  await page.goto("/request/what");
  await expectNoAxeViolations(page, "/request/what");
  const fields = await languageFormFields(page);
  expect(fields.returnTo).toBe("/request/what");
  const origin = new URL(baseURL!).origin;

  // In the browser, the switch lands on the page it was on, in the language chosen.
  await page.getByRole("button", { name: "Nynorsk" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "nn");
  expect(new URL(page.url()).pathname).toBe("/request/what");
  await expectNoAxeViolations(page, "/request/what in nynorsk");

  const post = (returnTo: string) =>
    page.request.post("/request/what", {
      headers: { origin },
      multipart: { ...fields, locale: "en", returnTo },
      maxRedirects: 0,
    });

  for (const evil of ["/\t/evil.invalid", "/\t\t/evil.invalid/x", "/\\evil.invalid", "/\t\\evil.invalid", "//evil.invalid", "/.//evil.invalid", "https://evil.invalid/"]) {
    const response = await post(evil);
    expect(response.status(), JSON.stringify(evil)).toBe(303);
    const location = response.headers()["location"]!;
    // Read the way the browser reads it (the URL parser drops the tab) and stay here.
    expect(new URL(location, origin).origin, JSON.stringify(evil)).toBe(origin);
    expect(location, JSON.stringify(evil)).toBe("/");
    // The language is still switched.
    expect(response.headers()["set-cookie"], JSON.stringify(evil)).toContain("pv_locale=en");
  }

  // A page on this site is kept, query included.
  const fine = await post("/request/about?from=summary");
  expect(fine.status()).toBe(303);
  expect(fine.headers()["location"]).toBe("/request/about?from=summary");

});
