import type { ReactNode } from "react";
import { CitizenShell } from "@/components/layout/CitizenShell";

/** Every citizen page (front page, request steps, receipt, Mine saker, sign-in). */
export default function CitizenLayout({ children }: { children: ReactNode }) {
  return <CitizenShell>{children}</CitizenShell>;
}
