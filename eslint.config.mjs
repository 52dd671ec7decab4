import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // Pages, layouts, route handlers and components call services (lib/cases, lib/admin, ...), never
    // the database: the Prisma client and its generated types stay behind lib/. No route handler
    // needs an exception today; list one here, with its reason, if it ever does.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/db/client", "@/lib/db/generated", "@/lib/db/generated/**", "**/lib/db/client", "**/lib/db/generated", "**/lib/db/generated/**", "@prisma/*", "@prisma/client"],
              message: "Pages and components call a service in lib/ (e.g. lib/admin/unit-choices.ts), never Prisma directly.",
            },
          ],
        },
      ],
    },
  },
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", "lib/db/generated/**", ".data/**", ".data-*/**", "test-results/**", ".test-results*/**", "playwright-report/**", "next-env.d.ts"],
  },
];

export default config;
