import { getTranslations } from "next-intl/server";
import type { QueueView } from "@/lib/cases/queue-filters";
import { queueHref } from "./queue-url";

const VIEWS: QueueView[] = ["all", "mine", "unassigned", "due_this_week", "overdue", "follow_up"];

/**
 * The saved views as links (work without JavaScript); the current one is marked for screen readers
 * too. "Oppfølging" (closed cases the requester wrote in) shows only when there are any, with their count.
 */
export async function QueueViews({ current, followUps }: { current: QueueView; followUps: number }) {
  const t = await getTranslations("staffQueue.views");
  return (
    <nav aria-label={t("label")} className="mt-4">
      <ul className="flex flex-wrap gap-2">
        {VIEWS.filter((view) => view !== "follow_up" || followUps > 0 || current === "follow_up").map((view) => (
          <li key={view}>
            <a
              href={queueHref(new URLSearchParams(), { view })}
              className="ds-button"
              data-variant={view === current ? "primary" : "secondary"}
              data-size="sm"
              aria-current={view === current ? "page" : undefined}
            >
              {view === "follow_up" ? t("followUpCount", { count: followUps }) : t(view)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
