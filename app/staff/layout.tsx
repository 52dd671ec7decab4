import type { ReactNode } from "react";
import { currentStaffActor } from "@/lib/auth/staff-actor";
import { StaffNav } from "@/components/staff/StaffNav";

/** Every staff page: the staff header when someone is signed in (the sign-in pages have none). */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const actor = await currentStaffActor();
  return (
    <>
      {actor && <StaffNav actor={actor} />}
      {children}
    </>
  );
}
