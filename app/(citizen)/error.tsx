"use client";

// Unexpected errors on a page, and the database being away: inside its frame, "temporarily
// unavailable, try again shortly" in the user's language, never the error's text (it may contain
// data). See components/layout/ErrorMessage.tsx.
import { ErrorMessage, type ErrorBoundaryProps } from "@/components/layout/ErrorMessage";

export default function ErrorPage({ reset, retry }: ErrorBoundaryProps) {
  return <ErrorMessage reset={reset} retry={retry} />;
}
