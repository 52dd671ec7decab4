// Shared e2e helper: sign a staff member in with the e-mail magic link read from /demo/mailbox.
import { expect, type Browser, type Page } from "@playwright/test";

/** Every sign-in link currently in the demo mailbox for `email`, newest first. */
export async function signInLinks(page: Page, email: string): Promise<string[]> {
  await page.goto(`/demo/mailbox?to=${encodeURIComponent(email.toLowerCase())}`);
  const cards = page.getByTestId("demo-mail");
  const links: string[] = [];
  const count = await cards.count();
  for (let i = 0; i < count; i++) {
    const card = cards.nth(i);
    const to = await card.getByTestId("demo-mail-to").innerText();
    const subject = await card.getByRole("heading").innerText();
    if (!to.includes(email) || !subject.includes("Innloggingslenke")) continue;
    const link = (await card.innerText()).match(/https?:\/\/\S+/)?.[0];
    if (link) links.push(link);
  }
  return links;
}

export type StaffLoginOptions = {
  /** Where the page should end up after signing in (default: /staff, or the admin pages for admins). */
  landing?: RegExp;
  /**
   * A staff page to open signed out first (e.g. a reminder mail's /staff/cases/PV-…): it must send the
   * browser to the sign-in page with it as the return path, and the sign-in is done from there.
   */
  from?: string;
};

export function pathAndQuery(url: string) {
  const u = new URL(url);
  return u.pathname + u.search;
}

/** Whether `url` is the sign-in page carrying `returnTo` as its return path. */
export function isSignInFor(url: URL, returnTo: string) {
  return url.pathname === "/staff/signin" && url.searchParams.get("returnTo") === returnTo;
}

/**
 * Signs `email` in on /staff/signin with a magic link. Other tests may sign the same person in at the
 * same time: only a link that was not in the mailbox before is used, and a link already used by
 * someone else (error page) is retried with a fresh one.
 */
export async function signInAsStaff(page: Page, email: string, opts: StaffLoginOptions = {}) {
  const landing = opts.landing ?? (opts.from ? undefined : /\/staff(\/admin\/users)?$/);
  for (let attempt = 1; ; attempt++) {
    const before = new Set(await signInLinks(page, email));
    if (opts.from) {
      await page.goto(opts.from);
      await page.waitForURL((url) => isSignInFor(url, opts.from!));
    } else {
      await page.goto("/staff/signin");
    }
    await page.getByLabel("Jobb-e-post").fill(email);
    await page.getByRole("button", { name: "Send innloggingslenke" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sjekk e-posten din");
    let link: string | undefined;
    await expect
      .poll(
        async () => {
          link = (await signInLinks(page, email)).find((l) => !before.has(l));
          return Boolean(link);
        },
        { timeout: 20_000, intervals: [250, 500, 1000] },
      )
      .toBe(true);
    await page.goto(link!);
    await page.waitForURL((url) => !url.pathname.startsWith("/api/auth"), { timeout: 20_000 });
    if (/\/staff\/signin/.test(page.url()) && attempt < 3) continue;
    // The new link may be one another test asked for at the same moment, with its own return page: try again.
    if (landing && !landing.test(page.url()) && attempt < 3) continue;
    if (landing) await expect(page).toHaveURL(landing);
    else await expect.poll(() => pathAndQuery(page.url()), "lands on the page asked for").toBe(opts.from);
    return;
  }
}

/** Signs `email` in in a browser context of its own (nb-NO, Oslo time), next to a citizen's page. */
export async function staffSignIn(browser: Browser, email: string) {
  const context = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo" });
  const page = await context.newPage();
  await signInAsStaff(page, email);
  return { context, page };
}
