"use client";

// The text of the error pages. In both languages at once: an error page cannot rely on the
// translations having loaded.
export function ErrorMessage({ reset }: { reset: () => void }) {
  return (
    <div role="alert">
      <h1 className="ds-heading" data-size="lg">
        Noe gikk galt / Something went wrong
      </h1>
      <p className="ds-paragraph mt-2">Prøv igjen om litt. / Please try again in a moment.</p>
      <button type="button" className="ds-button mt-4" data-variant="primary" onClick={() => reset()}>
        Prøv igjen / Try again
      </button>
    </div>
  );
}
