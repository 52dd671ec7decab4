// A right's legal name ("Rett til innsyn"), shown under its plain-language title wherever the
// citizen chooses a right: people who come from the municipality's privacy statement look for
// those words. No hooks: used by the front page (server) and the "what" step (client) alike.
export function LegalName({ children, testId, smaller = false }: { children: string; testId?: string; smaller?: boolean }) {
  return (
    <span className={`block font-medium text-(--ds-color-neutral-text-subtle) ${smaller ? "text-[0.875em]" : ""}`} data-testid={testId}>
      {children}
    </span>
  );
}
