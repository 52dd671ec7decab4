import { getTranslations } from "next-intl/server";
import type { QueueView } from "@/lib/cases/queue-filters";
import { queueHref } from "./queue-url";

const VIEWS: QueueView[] = ["all", "mine", "unassigned", "due_this_week", "overdue"];

/** The saved views as links (work without JavaScript); the current one is marked for screen readers too. */
export async function QueueViews({ current }: { current: QueueView }) {
  const t = await getTranslations("staffQueue.views");
  return (
    <nav aria-label={t("label")} className="mt-4">
      <ul className="flex flex-wrap gap-2">
        {VIEWS.map((view) => (
          <li key={view}>
            <a
              href={queueHref(new URLSearchParams(), { view })}
              className="ds-button"
              data-variant={view === current ? "primary" : "secondary"}
              data-size="sm"
              aria-current={view === current ? "page" : undefined}
            >
              {t(view)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
