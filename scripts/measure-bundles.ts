// Measures the JavaScript each citizen page loads, next to a bare page of the same build (/bare:
// a heading and a paragraph). Next 16 no longer prints first-load JS, so this does it: fetch each
// page's HTML (following redirects, with cookies), collect every script it loads (<script src> and
// <link rel=preload|modulepreload as=script>), fetch them and sum raw and gzip (level 9) sizes.
// Next's inline flight data (self.__next_f.push) is counted separately: it is page data, not code.
//
//   npx tsx scripts/measure-bundles.ts --base http://localhost:3000 [--receipt <token>] [--browser]
//
// --browser also opens each page in Chromium (Playwright, /usr/bin/chromium or CHROMIUM_PATH), each on
// a cold load, and adds the scripts loaded after start-up (lazy chunks) and by Web Workers; and it
// fills in the request form as a person does (what -> details -> about -> summary -> send), measuring
// each step and the receipt on their own with the draft the walk has made.
// It prints numbers; it is not a test.
import { gzipSync } from "node:zlib";

type Args = { base: string; receipt?: string; browser: boolean; cookie?: string; caseRef?: string };

function parseArgs(argv: string[]): Args {
  const args: Args = { base: "http://localhost:3000", browser: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--base") args.base = argv[++i] ?? args.base;
    else if (a === "--receipt") args.receipt = argv[++i];
    else if (a === "--browser") args.browser = true;
    else if (a === "--cookie") args.cookie = argv[++i];
    else if (a === "--case") args.caseRef = argv[++i];
    else if (a === "--help" || a === "-h") {
      console.log(
        "usage: tsx scripts/measure-bundles.ts --base http://localhost:3000 [--receipt <token>] [--browser] [--cookie 'name=value; name2=value2' --case PV-2026-000001]",
      );
      process.exit(0);
    }
  }
  args.base = args.base.replace(/\/$/, "");
  return args;
}

type Sizes = { raw: number; gzip: number };
type PageResult = {
  name: string;
  finalPath: string;
  status: number;
  scripts: Map<string, Sizes>;
  flight: Sizes;
  inlineOther: Sizes;
};

const gzipSize = (data: Buffer | string) => gzipSync(typeof data === "string" ? Buffer.from(data) : data, { level: 9 }).length;
const sizes = (data: Buffer | string): Sizes => ({ raw: Buffer.byteLength(data), gzip: gzipSize(data) });
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/**
 * One cookie jar for the whole run: the request form's draft cookie set by /request/new carries on
 * to the later steps, and --cookie (a signed-in citizen's session) reaches the pages behind sign-in.
 */
const jar = new Map<string, string>();

/** GET with the cookie jar, following redirects by hand (a draft cookie may be set on the way). */
async function fetchPage(base: string, path: string): Promise<{ html: string; finalPath: string; status: number }> {
  let url = new URL(path, base);
  for (let hop = 0; hop < 10; hop++) {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await fetch(url, {
      redirect: "manual",
      headers: { "accept-language": "nb-NO,nb;q=0.9", accept: "text/html", ...(cookie ? { cookie } : {}) },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    const location = res.headers.get("location");
    if (res.status >= 300 && res.status < 400 && location) {
      url = new URL(location, url);
      continue;
    }
    return { html: await res.text(), finalPath: url.pathname + url.search, status: res.status };
  }
  throw new Error(`too many redirects from ${path}`);
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

function scriptUrlsIn(html: string, pageUrl: string): string[] {
  const urls = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(m[0], "src");
    // nomodule scripts (Next's legacy polyfills, ~39 KB gzip) are skipped by every modern browser.
    if (/\bnomodule\b/i.test(m[0])) continue;
    if (src) urls.add(new URL(src.replace(/&amp;/g, "&"), pageUrl).toString());
  }
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(m[0], "rel") ?? "").toLowerCase();
    const as = (attr(m[0], "as") ?? "").toLowerCase();
    const href = attr(m[0], "href");
    if (href && (rel === "modulepreload" || (rel === "preload" && as === "script"))) {
      urls.add(new URL(href.replace(/&amp;/g, "&"), pageUrl).toString());
    }
  }
  return [...urls];
}

function inlineScripts(html: string): { flight: string; other: string } {
  let flight = "";
  let other = "";
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(m[1] ?? "")) continue;
    const body = m[2] ?? "";
    if (body.includes("__next_f")) flight += body;
    else other += body;
  }
  return { flight, other };
}

const scriptCache = new Map<string, Sizes>();
async function scriptSizes(url: string): Promise<Sizes> {
  let s = scriptCache.get(url);
  if (!s) {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    s = sizes(Buffer.from(await res.arrayBuffer()));
    scriptCache.set(url, s);
  }
  return s;
}

type Browser = import("@playwright/test").Browser;
type Cookie = Awaited<ReturnType<import("@playwright/test").BrowserContext["cookies"]>>[number];

let browserPromise: Promise<Browser> | undefined;
function browser(): Promise<Browser> {
  browserPromise ??= import("@playwright/test").then(({ chromium }) =>
    chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    }),
  );
  return browserPromise;
}

/**
 * Scripts Chromium loads for the page on a cold load (a new context: empty cache, only `cookies`),
 * including lazy chunks requested after hydration and the scripts of Web Workers the page starts.
 */
async function browserScripts(base: string, path: string, cookies: Cookie[] = []): Promise<{ urls: string[]; finalPath: string }> {
  const context = await (await browser()).newContext({ locale: "nb-NO" });
  try {
    if (cookies.length > 0) await context.addCookies(cookies);
    const page = await context.newPage();
    const urls = new Set<string>();
    page.on("request", (req) => {
      if (req.resourceType() === "script") urls.add(req.url());
    });
    page.on("worker", (worker) => urls.add(worker.url()));
    await page.goto(new URL(path, base).toString(), { waitUntil: "networkidle" });
    await page.waitForTimeout(1500);
    const final = new URL(page.url());
    return { urls: [...urls].filter((u) => u.startsWith(base)), finalPath: final.pathname + final.search };
  } finally {
    await context.close();
  }
}

/**
 * The request form as a person fills it in, in one browser context: each step is measured on a cold
 * load with the draft cookie the walk has so far, so every step is measured on its own page, with a
 * real draft behind it (what -> details -> about -> summary).
 */
async function waitForProofOfWorkIn(page: import("@playwright/test").Page) {
  const widget = page.getByTestId("proof-of-work");
  if ((await widget.count()) === 0) return;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && (await widget.getAttribute("data-state")) !== "verified") await page.waitForTimeout(200);
}

async function walkRequestForm(args: Args): Promise<PageResult[]> {
  const context = await (await browser()).newContext({ locale: "nb-NO" });
  const results: PageResult[] = [];
  try {
    const page = await context.newPage();
    const measureStep = async (name: string, expected: string) => {
      const path = new URL(page.url()).pathname;
      if (path !== expected) throw new Error(`${name}: the form walk landed on ${path}, not ${expected}`);
      results.push(await measure(args, name, path, await context.cookies()));
    };
    const next = async (from: string) => {
      await page.locator("#step-form button[type=submit], #send-form button[type=submit]").click();
      await page.waitForURL((url) => url.pathname !== from, { timeout: 20_000 });
    };
    await page.goto(new URL("/request/new?right=access", args.base).toString(), { waitUntil: "networkidle" });
    await measureStep("/request/what (step 1)", "/request/what");
    await next("/request/what");
    await measureStep("/request/details (step 2)", "/request/details");
    await next("/request/details");
    await measureStep("/request/about (step 3)", "/request/about");
    await page.locator('input[name="name"]').fill("Måling Bundle");
    await page.locator('input[name="email"]').fill("measure-bundles@example.test");
    await page.locator('input[name="onBehalfOf"][value="self"]').check();
    await page.locator('input[name="answerChannel"][value="digital"]').check();
    await next("/request/about");
    await measureStep("/request/summary (step 4)", "/request/summary");
    // Send it: the receipt page the person lands on (the demo database gets one more case).
    await waitForProofOfWorkIn(page);
    await next("/request/summary");
    const landed = new URL(page.url()).pathname;
    if (landed.startsWith("/receipt/")) results.push(await measure(args, "/receipt/<token> (after sending)", landed, await context.cookies()));
    else console.error(`sending the request landed on ${landed}, not a receipt`);
  } finally {
    await context.close();
  }
  return results;
}

async function measure(args: Args, name: string, path: string, cookies?: Cookie[]): Promise<PageResult> {
  // A step of the form walk brings the browser's cookies (its draft); the HTML fetch uses them too.
  if (cookies) for (const c of cookies) jar.set(c.name, c.value);
  const { html, finalPath, status } = await fetchPage(args.base, path);
  const pageUrl = new URL(finalPath, args.base).toString();
  const urls = new Set(scriptUrlsIn(html, pageUrl));
  if (args.browser) {
    const cookieList = cookies ?? [...jar].map(([cookieName, value]) => ({ name: cookieName, value, url: args.base }) as unknown as Cookie);
    for (const u of (await browserScripts(args.base, finalPath, cookieList)).urls) urls.add(u);
  }
  const scripts = new Map<string, Sizes>();
  for (const url of urls) scripts.set(url, await scriptSizes(url));
  const inline = inlineScripts(html);
  return { name, finalPath, status, scripts, flight: sizes(inline.flight), inlineOther: sizes(inline.other) };
}

function sum(scripts: Map<string, Sizes>, only?: (url: string) => boolean): Sizes {
  let raw = 0;
  let gzip = 0;
  for (const [url, s] of scripts) {
    if (only && !only(url)) continue;
    raw += s.raw;
    gzip += s.gzip;
  }
  return { raw, gzip };
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => (c === 0 || c === 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(" | ")} |`;
  return [line(rows[0]!), `|${widths.map((w, c) => (c <= 1 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`, ...rows.slice(1).map(line)].join("\n");
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const pages: Array<[string, string]> = [
    ["/ (front page)", "/"],
    // Without --browser only the first step (the later ones need the draft that the form walk makes).
    ...(args.browser ? [] : ([["/request/new?right=access", "/request/new?right=access"]] as Array<[string, string]>)),
    ["/login", "/login"],
    ["/my-cases", "/my-cases"],
    ["/too-many-requests", "/too-many-requests?retryAfter=600"],
  ];
  if (args.receipt) pages.push(["/receipt/<token>", `/receipt/${encodeURIComponent(args.receipt)}`]);
  for (const pair of (args.cookie ?? "").split(";")) {
    const eq = pair.indexOf("=");
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  if (args.caseRef) pages.push(["/my-cases/<reference> (signed in)", `/my-cases/${encodeURIComponent(args.caseRef)}`]);

  const bare = await measure(args, "/bare (baseline)", "/bare");
  const bareUrls = new Set(bare.scripts.keys());
  const results: PageResult[] = [bare];
  if (args.browser) {
    try {
      results.push(...(await walkRequestForm(args)));
    } catch (error) {
      console.error(`request form: ${(error as Error).message}`);
    }
  }
  for (const [name, path] of pages) {
    try {
      results.push(await measure(args, name, path));
    } catch (error) {
      console.error(`${name}: ${(error as Error).message}`);
    }
  }
  if (browserPromise) await (await browserPromise).close();

  const header = ["page", "lands on", "scripts", "JS raw KB", "JS gzip KB", "x bare", "gzip KB beyond bare", "flight data gzip KB"];
  const bareGzip = sum(bare.scripts).gzip;
  const rows = [header];
  for (const r of results) {
    const total = sum(r.scripts);
    const beyond = sum(r.scripts, (url) => !bareUrls.has(url));
    rows.push([
      r.name,
      `${r.finalPath}${r.status === 200 ? "" : ` (${r.status})`}`,
      String(r.scripts.size),
      kb(total.raw),
      kb(total.gzip),
      (total.gzip / bareGzip).toFixed(2),
      r === bare ? "0.0" : kb(beyond.gzip),
      kb(r.flight.gzip),
    ]);
  }
  console.log(`JavaScript per page, ${args.base}${args.browser ? " (HTML + scripts loaded in Chromium)" : " (scripts named in the HTML)"}`);
  console.log(table(rows));
  console.log("gzip: zlib level 9 of each file. 'x bare': the page's JS gzip divided by /bare's. 'beyond bare': scripts the bare page of the same build does not load.");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
