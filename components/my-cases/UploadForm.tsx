// The file upload form shared by the citizen's case page and the staff case page (answer files).
// A plain multipart form posting to a route handler: works without JavaScript. The accepted types
// come from the same list the server checks the content against (lib/files/content-type.ts).
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { FilePicker } from "@/components/ui/FilePicker";
import { FormField } from "@/components/ui/FormField";
import { ALLOWED_CONTENT_TYPES, ANSWER_CONTENT_TYPES } from "@/lib/files/content-type";

const ACCEPT = [".pdf", ".jpg", ".jpeg", ".png", ...ALLOWED_CONTENT_TYPES].join(",");
/** A caseworker's answer file may also be a data export. */
const ACCEPT_ANSWER = [".pdf", ".jpg", ".jpeg", ".png", ".json", ".csv", ".zip", ...ANSWER_CONTENT_TYPES].join(",");

export function UploadForm(props: {
  formId: string;
  fieldId: string;
  action: string;
  reference: string;
  texts: { heading: string; label: string; help: string; button: string; errorHeading: string; choose: string; none: string };
  error?: string;
  /** "answer": the staff answer upload, which also takes JSON, CSV and ZIP exports. */
  kind?: "document" | "answer";
}) {
  const { texts } = props;
  return (
    <form
      id={props.formId}
      method="post"
      action={props.action}
      encType="multipart/form-data"
      className="mt-6 flex max-w-prose flex-col gap-4"
    >
      <h3 className="ds-heading" data-size="xs">
        {texts.heading}
      </h3>
      <ErrorSummary heading={texts.errorHeading} errors={props.error ? [{ fieldId: props.fieldId, message: props.error }] : []} />
      <input type="hidden" name="reference" value={props.reference} />
      <FormField id={props.fieldId} label={texts.label} help={texts.help} error={props.error}>
        <FilePicker name="file" accept={props.kind === "answer" ? ACCEPT_ANSWER : ACCEPT} required texts={{ choose: texts.choose, none: texts.none }} />
      </FormField>
      <div>
        <button type="submit" className="ds-button" data-variant="secondary">
          {texts.button}
        </button>
      </div>
    </form>
  );
}
