import type { ReactNode } from 'react';

/**
 * Lets a wide table scroll sideways on a phone. The box is focusable and named so keyboard users
 * can scroll it too (axe: scrollable-region-focusable).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
