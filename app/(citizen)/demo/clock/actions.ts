"use server";

// Server actions of the demo clock page (/demo/clock): move the portal's clock, put it back, run the
// daily jobs now. Demo mode only: anywhere else each of them is the 404 page, like the page itself.
// Plain forms that post and redirect back with a notice, so they work without JavaScript.
import { notFound, redirect } from "next/navigation";
import { clockAdjustable, clockOffsetMs, offsetPlusDays, offsetToDate, setClockOffset, syncClock } from "@/lib/clock";
import { isValidIsoDate } from "@/lib/domain/calendar";
import { formString, tryAction, type ActionFailure } from "@/lib/http/action-failure";
import { runDailyJobsNow } from "@/lib/jobs/job-runner";

const PAGE = "/demo/clock";

function requireDemo() {
  if (!clockAdjustable()) notFound();
}

function showFailure(failure: ActionFailure): never {
  redirect(failure.kind === "unexpected" ? `${PAGE}?error=unexpected&errorId=${failure.errorId}` : `${PAGE}?error=unexpected`);
}

/** "1 day ahead" / "7 days ahead": whole Oslo days from the portal's date now. */
export async function moveClockByDaysAction(formData: FormData): Promise<void> {
  requireDemo();
  const days = Number(formString(formData, "days"));
  if (days !== 1 && days !== 7) notFound();
  await tryAction(
    "demo_clock.move_failed",
    async () => {
      await syncClock(); // from the stored offset: another instance may have moved it
      await setClockOffset(offsetPlusDays(clockOffsetMs(), days, new Date()));
    },
    showFailure,
  );
  redirect(`${PAGE}?done=moved`);
}

/** "Go to date": that Oslo date, at the time of day it is now. */
export async function moveClockToDateAction(formData: FormData): Promise<void> {
  requireDemo();
  const date = formString(formData, "date").trim();
  if (!isValidIsoDate(date)) redirect(`${PAGE}?error=date`);
  await tryAction("demo_clock.move_failed", () => setClockOffset(offsetToDate(date, new Date())), showFailure);
  redirect(`${PAGE}?done=moved`);
}

export async function resetClockAction(): Promise<void> {
  requireDemo();
  await tryAction("demo_clock.reset_failed", () => setClockOffset(0), showFailure);
  redirect(`${PAGE}?done=reset`);
}

/** Runs the reminder/escalation job and the daily digest now, in this process, at the portal's time. */
export async function runDailyJobsAction(): Promise<void> {
  requireDemo();
  const results = await tryAction("demo_clock.jobs_failed", () => runDailyJobsNow(), showFailure);
  const sent = (r: unknown) => (typeof r === "object" && r !== null && typeof (r as { sent?: unknown }).sent === "number" ? (r as { sent: number }).sent : 0);
  redirect(`${PAGE}?done=jobs&reminders=${sent(results["deadline-reminders"])}&digests=${sent(results["daily-digest"])}`);
}
