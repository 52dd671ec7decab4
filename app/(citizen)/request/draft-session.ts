// The current visitor's request draft, found by the httpOnly cookie `pv_draft`.
// Reading works anywhere on the server; creating or saving needs a server action or route handler
// (they may set cookies).
import "server-only";
import { cookies } from "next/headers";
import { createDraft, DRAFT_COOKIE, DRAFT_TTL_MS, loadDraft, saveDraft, type Draft, type DraftData } from "@/lib/requests/draft";

export async function currentDraft(): Promise<Draft | null> {
  return loadDraft((await cookies()).get(DRAFT_COOKIE)?.value);
}

async function setDraftCookie(id: string) {
  (await cookies()).set(DRAFT_COOKIE, id, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: process.env.PUBLIC_URL?.startsWith("https://") ?? false,
    maxAge: Math.floor(DRAFT_TTL_MS / 1000),
  });
}

/** Applies `change` to the current draft (a new one if there is none or it expired) and saves it. */
export async function updateDraft(change: (data: DraftData) => DraftData): Promise<Draft> {
  const existing = await currentDraft();
  if (existing) {
    const data = change(existing.data);
    if (await saveDraft(existing.id, data)) {
      await setDraftCookie(existing.id);
      return { ...existing, data };
    }
  }
  const created = await createDraft();
  const data = change(created.data);
  await saveDraft(created.id, data);
  await setDraftCookie(created.id);
  return { ...created, data };
}

export async function forgetDraftCookie() {
  (await cookies()).delete(DRAFT_COOKIE);
}
