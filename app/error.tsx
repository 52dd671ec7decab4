"use client";

// Unexpected errors outside both frames (e.g. in a frame itself): a plain message, never the
// error's text (it may contain data).
import { ErrorMessage } from "@/components/layout/ErrorMessage";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" tabIndex={-1} className="pv-container w-full flex-1 py-6">
      <ErrorMessage reset={reset} />
    </main>
  );
}
