"use client";

// Unexpected errors outside both frames (e.g. in a frame itself), and the database being away:
// "temporarily unavailable, try again shortly" in the user's language, never the error's text
// (it may contain data). See components/layout/ErrorMessage.tsx.
import { ErrorMessage, type ErrorBoundaryProps } from "@/components/layout/ErrorMessage";

export default function ErrorPage({ reset, retry }: ErrorBoundaryProps) {
  return (
    <main id="main" tabIndex={-1} className="pv-container w-full flex-1 py-6">
      <ErrorMessage reset={reset} retry={retry} />
    </main>
  );
}
