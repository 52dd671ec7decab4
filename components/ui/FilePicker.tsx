"use client";

// A file field that reads in the page's language ("Velg fil" / "Ingen fil valgt") instead of the
// browser's own ("Choose File / No file chosen"), the same on the citizen and staff pages.
// Progressive: the server renders the browser's native input (works without JavaScript); once the
// page is interactive the native input is visually hidden but stays the focusable, labelled control,
// and a styled button and the chosen file's name are shown next to it.
import { useState, useSyncExternalStore, type ChangeEvent } from "react";

const noSubscription = () => () => {};

export function FilePicker(props: {
  id?: string;
  name: string;
  accept: string;
  required?: boolean;
  texts: { choose: string; none: string };
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}) {
  // false in the server's HTML and during hydration, true once the page runs in the browser.
  const enhanced = useSyncExternalStore(noSubscription, () => true, () => false);
  const [fileName, setFileName] = useState<string | null>(null);
  const onChange = (e: ChangeEvent<HTMLInputElement>) => setFileName(e.target.files?.[0]?.name ?? null);
  return (
    <div className={enhanced ? "pv-file flex flex-wrap items-center gap-3" : undefined} data-testid="file-picker" data-enhanced={enhanced || undefined}>
      <input
        id={props.id}
        type="file"
        name={props.name}
        accept={props.accept}
        required={props.required}
        aria-describedby={props["aria-describedby"]}
        aria-invalid={props["aria-invalid"]}
        className={enhanced ? "pv-file-input" : "ds-input"}
        onChange={onChange}
      />
      {enhanced && (
        <>
          {/* Hidden from assistive technology: the input itself is the labelled control. */}
          <label htmlFor={props.id} className="ds-button pv-file-button" data-variant="secondary" aria-hidden="true">
            {props.texts.choose}
          </label>
          <span className="ds-paragraph" data-size="sm" aria-live="polite" data-testid="file-picker-name">
            {fileName ?? props.texts.none}
          </span>
        </>
      )}
    </div>
  );
}
