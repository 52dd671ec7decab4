"use client";

// The website links form (privacy statement, uustatus.no). Same pattern as the other admin forms:
// works without JavaScript (server action), error summary linking to each field, texts translated
// on the server.
import { useActionState, useEffect, useRef } from "react";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { FormField } from "@/components/ui/FormField";
import type { AdminFormState } from "@/components/staff/admin/form-state";

const FIELDS = [
  { name: "privacyStatementUrl", id: "privacy-statement-url", label: "privacyLabel", help: "privacyHelp" },
  { name: "accessibilityStatementUrl", id: "accessibility-statement-url", label: "accessibilityLabel", help: "accessibilityHelp" },
] as const;

type Labels = Record<"privacyLabel" | "privacyHelp" | "accessibilityLabel" | "accessibilityHelp" | "submit" | "summaryHeading" | "unexpected", string>;

export function SiteLinksForm(props: {
  action: (state: AdminFormState, formData: FormData) => Promise<AdminFormState>;
  initial: { privacyStatementUrl: string; accessibilityStatementUrl: string };
  labels: Labels;
  errorTexts: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(props.action, {});
  const summaryRef = useRef<HTMLDivElement>(null);
  const errorOf = (name: string) => {
    const key = state.errors?.[name];
    return key ? (props.errorTexts[key] ?? props.errorTexts.https) : undefined;
  };
  const summary = state.errorId
    ? [{ fieldId: FIELDS[0].id, message: props.labels.unexpected.replace("{errorId}", state.errorId) }]
    : FIELDS.flatMap((field) => {
        const message = errorOf(field.name);
        return message ? [{ fieldId: field.id, message }] : [];
      });

  useEffect(() => {
    if (summary.length > 0) summaryRef.current?.focus();
  }, [state, summary.length]);

  return (
    <form key={JSON.stringify(state.values ?? {})} action={formAction} noValidate className="flex max-w-prose flex-col gap-4">
      <ErrorSummary ref={summaryRef} heading={props.labels.summaryHeading} errors={summary} />
      {FIELDS.map((field) => {
        const posted = state.values?.[field.name];
        return (
          <FormField key={field.name} id={field.id} label={props.labels[field.label]} help={props.labels[field.help]} error={errorOf(field.name)}>
            <input
              name={field.name}
              type="url"
              inputMode="url"
              className="ds-input"
              defaultValue={typeof posted === "string" ? posted : props.initial[field.name]}
              maxLength={600}
              autoComplete="off"
              spellCheck={false}
            />
          </FormField>
        );
      })}
      <div>
        <button type="submit" className="ds-button" data-variant="primary" aria-disabled={pending || undefined}>
          {props.labels.submit}
        </button>
      </div>
    </form>
  );
}
