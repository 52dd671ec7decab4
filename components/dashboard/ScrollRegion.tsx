// A table or chart wider than a phone scrolls inside this box instead of pushing the page sideways.
// The box is a named region that takes keyboard focus (with the page's visible focus ring), so
// keyboard users can scroll it too (axe: scrollable-region-focusable).
import type { ReactNode } from "react";

export function ScrollRegion({ label, children, className = "" }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`max-w-full overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
