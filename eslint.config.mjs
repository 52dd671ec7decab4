import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", "lib/db/generated/**", ".data/**", ".data-*/**", "test-results/**", ".test-results*/**", "playwright-report/**", "next-env.d.ts"],
  },
];

export default config;
