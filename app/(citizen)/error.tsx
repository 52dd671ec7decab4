"use client";

// Unexpected errors on a page: inside its frame, a plain message, never the error's text (it may contain data).
import { ErrorMessage } from "@/components/layout/ErrorMessage";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorMessage reset={reset} />;
}
