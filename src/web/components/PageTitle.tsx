/** The page's h1: receives focus after each navigation so screen readers announce the new page. */
import { useEffect, useRef, type ReactNode } from 'react';

/**
 * @param title - plain text, also used for document.title
 * @param children - optional richer content for the heading (defaults to title)
 */
export function PageTitle({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Sarafan`;
  }, [title]);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children ?? title}
    </h1>
  );
}
