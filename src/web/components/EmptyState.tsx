/** What an empty list means and what to do next. */
import type { ReactNode } from 'react';

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state card">
      <p className="empty-title">{title}</p>
      {children}
    </div>
  );
}
