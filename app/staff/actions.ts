"use server";

import { z } from "zod";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/auth";

const signInSchema = z.object({ email: z.string().trim().max(254).pipe(z.email()) });

export async function staffSignInAction(formData: FormData) {
  const parsed = signInSchema.safeParse({ email: formData.get("email") });
  if (!parsed.success) redirect("/staff/signin?error=email");
  // Redirects to the "check your e-mail" page (also for unknown addresses: no account probing).
  await signIn("nodemailer", { email: parsed.data.email, redirectTo: "/staff" });
}

export async function staffSignOutAction() {
  await signOut({ redirectTo: "/staff/signin" });
}
