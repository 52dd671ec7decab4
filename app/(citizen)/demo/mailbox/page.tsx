import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { listDemoMails } from "@/lib/dev/demo-mailbox";
import { isDemoMailboxEnabled } from "@/lib/config/current";

export const dynamic = "force-dynamic";

function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g);
  return (
    <>
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <a key={i} className="ds-link break-all" href={part}>
            {part}
          </a>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}

/** Shows mail caught by the built-in SMTP catcher. Exists only when the catcher runs (demo mode). */
export default async function DemoMailboxPage({ searchParams }: { searchParams: Promise<{ to?: string | string[]; subject?: string | string[] }> }) {
  if (!isDemoMailboxEnabled()) notFound();
  const t = await getTranslations("demoMailbox");
  const params = await searchParams;
  const to = (typeof params.to === "string" ? params.to : "").trim().toLowerCase().slice(0, 320);
  const subject = (typeof params.subject === "string" ? params.subject : "").trim().slice(0, 200);
  // A busy demo (or a test run) catches hundreds of mails: the filters find one person's mail, or
  // the mail about one case, quickly.
  const mails = await listDemoMails(to, subject);
  return (
    <>
      <div className="ds-alert" data-color="warning">
        <h1 className="ds-heading" data-size="md">
          {t("heading")}
        </h1>
        <p className="ds-paragraph mt-2">{t("intro")}</p>
      </div>
      <form method="get" className="mt-6 flex flex-wrap items-end gap-3" role="search">
        <div className="ds-field">
          <label className="ds-label" htmlFor="mailbox-to">
            {t("filterLabel")}
          </label>
          <input id="mailbox-to" className="ds-input" type="email" name="to" defaultValue={to} autoComplete="off" />
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor="mailbox-subject">
            {t("subjectLabel")}
          </label>
          <input id="mailbox-subject" className="ds-input" type="text" name="subject" defaultValue={subject} autoComplete="off" />
        </div>
        <button type="submit" className="ds-button" data-variant="secondary">
          {t("filterButton")}
        </button>
      </form>
      {mails.length === 0 ? (
        <p className="ds-paragraph mt-6">{t("empty")}</p>
      ) : (
        <ul className="mt-6 flex flex-col gap-4">
          {mails.map((mail) => (
            <li key={mail.id} className="ds-card p-4" data-testid="demo-mail">
              <h2 className="ds-heading" data-size="xs">
                {mail.subject}
              </h2>
              <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 text-sm">
                <dt className="font-semibold">{t("to")}</dt>
                <dd data-testid="demo-mail-to">{mail.toAddrs.join(", ")}</dd>
                <dt className="font-semibold">{t("received")}</dt>
                <dd>{mail.receivedAt.toLocaleString("nb-NO", { timeZone: "Europe/Oslo" })}</dd>
              </dl>
              <p className="mt-3 whitespace-pre-wrap">
                <Linkified text={mail.textBody} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
